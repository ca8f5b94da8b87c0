/**
 * Fetching a feed from its source, checked at every step: the URL's host must be on the
 * allow-list, every address its name resolves to must be public (or itself on the list), the
 * connection goes to the address that was checked (a second lookup could answer differently:
 * DNS rebinding), redirects are followed by hand a few times and each checked the same way, and
 * the answer is bounded in time and size. Nothing from the visitor's request is sent on: no
 * cookies, no authorization, no headers at all but the relay's own.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';
import zlib from 'node:zlib';
import { classifyAddress } from './addresses.js';
import { RelayError } from './errors.js';

/** Redirects followed for one feed: enough for http→https and a moved feed, not for a loop. */
export const MAX_REDIRECTS = 3;

/** What the relay says it accepts: the feed types Kabar reads, as Kabar's own loader asks. */
export const UPSTREAM_ACCEPT =
  'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** How the relay introduces itself, so a source's administrator can tell it from a browser. */
export const UPSTREAM_USER_AGENT = 'kabar-server feed relay';

/** The source's response headers the relay keeps: what Kabar reads besides the body. */
const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'x-wp-total', 'x-wp-totalpages'];

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Milliseconds on a clock that only goes forward: deadlines must not move with the wall clock. */
const now = () => performance.now();

/**
 * `dns.lookup` asked for every address: the relay checks them all before connecting.
 * @typedef {(hostname: string, options: { all: true },
 *   callback: (error: NodeJS.ErrnoException | null, addresses: import('node:dns').LookupAddress[]) => void)
 *   => void} LookupAll
 */

/**
 * @typedef {object} UpstreamOptions
 * @property {import('./allow-list.js').AllowList} allow
 * @property {LookupAll} lookup
 * @property {number} maxBytes
 * @property {number} headersTimeoutMs from sending a request to its response's headers
 * @property {number} totalTimeoutMs for the whole fetch: lookups, redirects and body
 * @property {{ http: http.Agent, https: https.Agent }} agents
 * @property {{ url: string, etag?: string, lastModified?: string }} [validators] the saved
 *   copy's validators, sent to the URL that gave that copy
 */

/**
 * What a source answered: a body (status 200) or "not modified" (304, when validators were
 * sent). `url` is the URL that answered, after redirects.
 * @typedef {{ status: 200 | 304, url: string, headers: Record<string, string>, body: Buffer }} UpstreamResponse
 */

/**
 * Checks a feed URL before any request: an absolute http(s) URL without user name or password.
 * Throws RelayError (400) otherwise.
 * @param {string} text
 * @returns {URL}
 */
export function parseFeedUrl(text) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new RelayError('bad-url', 'The url parameter is not an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RelayError(
      'unsupported-scheme',
      `The relay fetches http and https URLs only, not ${url.protocol}.`,
    );
  }
  if (url.username || url.password) {
    throw new RelayError('userinfo-url', 'The relay does not fetch URLs with a user name or password.');
  }
  url.hash = '';
  return url;
}

/**
 * Throws RelayError (403) unless the URL's host and port are on the allow-list.
 * @param {URL} url
 * @param {import('./allow-list.js').AllowList} allow
 */
export function checkAllowed(url, allow) {
  if (!allow.allowsUrl(url)) {
    throw new RelayError('host-not-allowed', `The relay does not fetch from ${url.host}.`);
  }
}

/**
 * The addresses of the URL's host, every one checked: public, or named on the allow-list
 * itself. An address literal in the URL is its own answer, with no lookup.
 * @param {URL} url
 * @param {UpstreamOptions} options
 * @returns {Promise<{ address: string, family: number }>} the address to connect to
 */
async function resolveChecked(url, options) {
  const host = url.hostname;
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  /** @type {import('node:dns').LookupAddress[]} */
  let addresses;
  if (isIP(literal)) {
    addresses = [{ address: literal, family: isIP(literal) }];
  } else {
    addresses = await new Promise((resolve, reject) => {
      options.lookup(host, { all: true }, (error, found) => {
        if (error) {
          reject(new RelayError('upstream-error', `The name ${host} does not resolve.`, { cause: error }));
        } else {
          resolve(found);
        }
      });
    });
  }
  const first = addresses[0];
  if (!first) throw new RelayError('upstream-error', `The name ${host} has no address.`);
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public' && !options.allow.allowsAddress(address, url)) {
      const article = kind === 'invalid' || kind === 'unspecified' ? 'an' : 'a';
      throw new RelayError(
        'address-refused',
        `${host} resolves to ${article} ${kind} address, which the relay refuses.`,
      );
    }
  }
  return first;
}

/**
 * The body decoder for a Content-Encoding, or null for none; RelayError for one the relay did
 * not ask for.
 * @param {string | undefined} encoding
 */
function decoder(encoding) {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new RelayError('upstream-error', `The source sent an unknown encoding, ${encoding}.`);
  }
}

/**
 * The response's body, decompressed, refused past `maxBytes` (declared or counted).
 * @param {http.IncomingMessage} response
 * @param {number} maxBytes
 */
async function readBody(response, maxBytes) {
  const tooLarge = () =>
    new RelayError('too-large', `The feed is larger than the relay's limit of ${maxBytes} bytes.`);
  const declared = Number(response.headers['content-length']);
  /** @type {zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null} */
  let decode;
  try {
    if (declared > maxBytes) throw tooLarge();
    decode = decoder(response.headers['content-encoding']);
  } catch (error) {
    response.destroy();
    throw error;
  }
  /** @type {import('node:stream').Readable} */
  const stream = decode ? response.pipe(decode) : response;
  // `pipe` does not pass errors on: a broken source must end the decoder's reading too.
  if (decode) response.on('error', (error) => decode.destroy(error));
  /** @type {Buffer[]} */
  const chunks = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      length += chunk.length;
      // Counted after decompression: a small compressed body may expand without bound.
      if (length > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof RelayError) throw error;
    throw new RelayError('upstream-error', 'The source broke off the feed, or sent it damaged.', {
      cause: error,
    });
  } finally {
    stream.destroy();
    response.destroy();
  }
  return Buffer.concat(chunks, length);
}

/**
 * What went wrong with a connection, in words that name no address: the error's message may
 * hold the address a name resolved to, which a visitor has no need to learn.
 * @param {NodeJS.ErrnoException} error
 */
function connectionProblem(error) {
  const code = error.code ?? '';
  if (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/.test(code))
    return `its TLS certificate was refused (${code})`;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was reset';
  return code ? `the connection failed (${code})` : 'the connection failed';
}

/**
 * One request to the checked address, with the URL's own Host header and TLS server name.
 * @param {URL} url
 * @param {{ address: string, family: number }} target
 * @param {Record<string, string>} conditional If-None-Match and If-Modified-Since, or none
 * @param {number} deadline when the whole fetch must be done, as `now()` counts (monotonic)
 * @param {UpstreamOptions} options
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }>}
 */
function requestOnce(url, target, conditional, deadline, options) {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    /** @type {RelayError | undefined} */
    let timedOut;
    /** @type {http.IncomingMessage | undefined} */
    let response;
    const timeout = (/** @type {string} */ message) => () => {
      timedOut = new RelayError('upstream-timeout', message);
      request.destroy(timedOut);
      response?.destroy(timedOut);
    };
    const request = (secure ? https : http).request({
      // The checked address itself: no second lookup happens, so none can answer differently.
      host: target.address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: url.pathname + url.search,
      method: 'GET',
      agent: secure ? options.agents.https : options.agents.http,
      // TLS checks the certificate against the name, not the address.
      ...(secure && !isIP(url.hostname.replace(/^\[|\]$/g, '')) ? { servername: url.hostname } : {}),
      headers: {
        host: url.host,
        'user-agent': UPSTREAM_USER_AGENT,
        accept: UPSTREAM_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
        ...conditional,
      },
    });
    const remaining = Math.max(0, deadline - now());
    const totalTimer = setTimeout(
      timeout(`The source did not send the feed within ${options.totalTimeoutMs} ms.`),
      remaining,
    );
    // Only when it ends first: otherwise the whole fetch's timeout is the one that applies.
    const headersTimer =
      options.headersTimeoutMs < remaining
        ? setTimeout(
            timeout(`The source did not answer within ${options.headersTimeoutMs} ms.`),
            options.headersTimeoutMs,
          )
        : undefined;
    const done = () => {
      clearTimeout(headersTimer);
      clearTimeout(totalTimer);
    };
    request.on('error', (error) => {
      done();
      reject(
        timedOut ??
          new RelayError(
            'upstream-error',
            `The relay could not reach ${url.host}: ${connectionProblem(error)}.`,
            {
              cause: error,
            },
          ),
      );
    });
    request.on('response', (incoming) => {
      response = incoming;
      clearTimeout(headersTimer);
      const status = incoming.statusCode ?? 0;
      if (status !== 200) {
        // Only the status and headers matter: the body of a redirect or an error is not read.
        incoming.destroy();
        done();
        resolve({ status, headers: incoming.headers, body: Buffer.alloc(0) });
        return;
      }
      readBody(incoming, options.maxBytes).then(
        (body) => {
          done();
          resolve({ status, headers: incoming.headers, body });
        },
        (error) => {
          done();
          reject(timedOut ?? error);
        },
      );
    });
    request.end();
  });
}

/**
 * Fetches a feed URL already checked by `parseFeedUrl`, following up to MAX_REDIRECTS redirects,
 * each checked like the first. Throws RelayError for every refusal and failure.
 * @param {URL} start
 * @param {UpstreamOptions} options
 * @returns {Promise<UpstreamResponse>}
 */
export async function fetchUpstream(start, options) {
  const deadline = now() + options.totalTimeoutMs;
  let url = start;
  for (let redirects = 0; ; redirects++) {
    checkAllowed(url, options.allow);
    const target = await withDeadline(resolveChecked(url, options), deadline);
    const validators = options.validators?.url === url.href ? options.validators : undefined;
    /** @type {Record<string, string>} */
    const conditional = {};
    if (validators?.etag) conditional['if-none-match'] = validators.etag;
    if (validators?.lastModified) conditional['if-modified-since'] = validators.lastModified;
    const { status, headers, body } = await requestOnce(url, target, conditional, deadline, options);
    if (status === 200 || (status === 304 && validators)) {
      /** @type {Record<string, string>} */
      const kept = {};
      for (const name of KEPT_HEADERS) {
        const value = headers[name];
        if (typeof value === 'string') kept[name] = value;
      }
      return { status, url: url.href, headers: kept, body };
    }
    if (!REDIRECTS.has(status)) {
      throw new RelayError('upstream-status', `The source answered ${status} for ${url.href}.`);
    }
    if (redirects === MAX_REDIRECTS) {
      throw new RelayError('too-many-redirects', `The source redirected more than ${MAX_REDIRECTS} times.`);
    }
    url = redirectTarget(url, headers.location);
  }
}

/**
 * The next URL of a redirect: absolute, http(s), without user name or password.
 * @param {URL} from
 * @param {string | undefined} location
 */
function redirectTarget(from, location) {
  /** @type {URL | undefined} */
  let next;
  try {
    next = location ? new URL(location, from) : undefined;
  } catch {
    next = undefined;
  }
  if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:') || next.username || next.password) {
    throw new RelayError('bad-redirect', `The source redirected to a URL the relay does not fetch.`);
  }
  next.hash = '';
  return next;
}

/**
 * `promise`, or RelayError 504 once `deadline` passes.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} deadline
 * @returns {Promise<T>}
 */
function withDeadline(promise, deadline) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new RelayError('upstream-timeout', `The source's name did not resolve in time.`)),
      Math.max(0, deadline - now()),
    );
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, late])).finally(() => clearTimeout(timer));
}
