/**
 * The hosts the relay fetches from (`--feeds-allow`). An entry is a host, which allows it on
 * the default ports (80 for http, 443 for https), or `host:port`, which allows that port only.
 * A host is a name (`feeds.example.go.id`), an IPv4 address or an IPv6 address in brackets.
 */
import { URL } from 'node:url';
import { canonicalAddress } from './addresses.js';

/** The port a URL without one uses. */
const DEFAULT_PORTS = /** @type {Readonly<Record<string, string>>} */ ({ 'http:': '80', 'https:': '443' });

/**
 * One entry read into `{ host, port }`: `host` as the URL parser writes it (lower case,
 * IDN as punycode, IPv6 in brackets and compressed), `port` as digits or '' for the defaults.
 * Throws a TypeError that names the entry when it is not a host or `host:port`.
 * @param {string} entry
 * @returns {{ host: string, port: string }}
 */
export function parseAllowEntry(entry) {
  const text = entry.trim();
  /** @type {URL | undefined} */
  let url;
  // Only a bare host and port: a scheme, path, query or user name means a mistaken entry.
  if (text && !/[/?#@\\\s]/.test(text)) {
    try {
      url = new URL(`relay-entry://${text}`);
    } catch {
      url = undefined;
    }
  }
  if (!url || !url.hostname || url.pathname !== '') {
    throw new TypeError(`Feed relay allow-list entry "${entry}" is not a host or host:port.`);
  }
  // A special scheme would erase the port 80 or 443; this one keeps what was written. The
  // hostname of a non-special scheme is kept as written too, so read it as http would.
  const host = new URL(`http://${url.host}`).hostname;
  return { host, port: url.port };
}

/** The allow-list, read once, answering for a URL or for an address the URL's host resolves to. */
export class AllowList {
  /** @type {Set<string>} `host port` pairs, port '' for the defaults */
  #entries = new Set();

  /** @param {readonly string[]} entries */
  constructor(entries) {
    for (const entry of entries) {
      const { host, port } = parseAllowEntry(entry);
      this.#entries.add(`${host} ${port}`);
    }
  }

  get size() {
    return this.#entries.size;
  }

  /**
   * Whether `host` is allowed on the port `url` uses: an entry with that port, or an entry
   * without one when `url` uses its scheme's default port.
   * @param {string} host as the URL parser writes it
   * @param {URL} url
   */
  #allows(host, url) {
    const port = url.port || DEFAULT_PORTS[url.protocol] || '';
    return this.#entries.has(`${host} ${port}`) || (url.port === '' && this.#entries.has(`${host} `));
  }

  /**
   * Whether the URL's host and port are on the list.
   * @param {URL} url
   */
  allowsUrl(url) {
    return this.#allows(url.hostname, url);
  }

  /**
   * Whether an address the URL's name resolved to was named on the list itself (with the URL's
   * port), which is how an operator allows a private or loopback address.
   * @param {string} address as a resolver gives it
   * @param {URL} url
   */
  allowsAddress(address, url) {
    const canonical = canonicalAddress(address);
    if (canonical === undefined) return false;
    const host = canonical.includes(':') ? `[${canonical}]` : canonical;
    return this.#allows(host, url);
  }
}
