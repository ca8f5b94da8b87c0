/**
 * The feed relay: `GET /api/feeds?url=<encoded feed URL>` fetches a feed from an allow-listed
 * source that sends no CORS headers and answers with it, readable from any page the operator
 * allows. What it refuses and why is in fetch-upstream.js; this module answers the browser,
 * keeps a copy of each feed so that the source is asked once a minute at most, and serves that
 * copy for up to a day when the source fails.
 */
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { createHash } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { URL } from 'node:url';
import { AllowList } from './allow-list.js';
import { RelayError } from './errors.js';
import { checkAllowed, fetchUpstream, parseFeedUrl } from './fetch-upstream.js';
import { relayContentType, sniffFeed } from './sniff.js';

/**
 * Largest feed relayed: news feeds run to tens or hundreds of KB; 5 MB leaves room for one that
 * carries whole articles, and bounds what one fetch may hold in memory.
 */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** From request to response headers: a source slower than this is down for a visitor. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 4_000;

/**
 * For a whole fetch, redirects and body included. Kabar's loader gives up after 10 s an attempt:
 * the relay answers 504 before that, so the visitor sees why.
 */
export const DEFAULT_TOTAL_TIMEOUT_MS = 8_000;

/** How long browsers, a CDN and the relay itself reuse a copy: Kabar keeps feeds a minute too. */
export const DEFAULT_MAX_AGE_SECONDS = 60;

/**
 * How long past max-age a copy is still served at once while a fresh one is fetched: news
 * minutes old is fine, a visitor waiting for the source is not.
 */
export const DEFAULT_STALE_WHILE_REVALIDATE_SECONDS = 600;

/** How long the last good copy stands in for a failing source, as Kabar's saved copies do. */
export const DEFAULT_STALE_IF_ERROR_MS = 24 * 60 * 60 * 1000;

/**
 * After a failed fetch, how long the saved copy is served without asking the source again, so a
 * source that is down is not asked by every request (and no visitor waits for its timeout).
 */
export const FAILED_SOURCE_PAUSE_MS = 30_000;

/** Feeds kept in memory: a province's partners relay tens of feeds, not thousands. */
export const MAX_CACHE_ENTRIES = 500;

/** Bytes of feeds kept in memory, so a relay of many large feeds stays within a small server. */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Longest feed URL accepted: longer ones are not feeds, and each is a cache key. */
export const MAX_FEED_URL_LENGTH = 2048;

/** How long a browser may reuse a preflight answer (Chromium caps this at 2 hours). */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/** Connections open to one source at once: the relay must never flood a small CMS. */
export const MAX_SOCKETS_PER_SOURCE = 8;

/** The header that marks a saved copy served because the source failed: its age in seconds. */
export const STALE_HEADER = 'Kabar-Relay-Stale';

/** Headers a page's script may read from a relayed answer. */
const EXPOSED_HEADERS = ['ETag', 'Age', STALE_HEADER, 'X-WP-Total', 'X-WP-TotalPages'].join(', ');

/** Request headers a page may send through CORS: Kabar's conditional requests. */
const ALLOWED_HEADERS = 'Accept, Accept-Language, If-None-Match, If-Modified-Since';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

/**
 * @typedef {object} RelayOptions
 * @property {string[]} allow `host` or `host:port` entries; an empty list is refused
 * @property {string} [origins] Access-Control-Allow-Origin: `*` (the default) or a comma-separated
 *   list of origins, of which the request's is echoed
 * @property {number} [maxBytes]
 * @property {number} [headersTimeoutMs]
 * @property {number} [totalTimeoutMs]
 * @property {number} [maxAgeSeconds]
 * @property {number} [staleWhileRevalidateSeconds]
 * @property {number} [staleIfErrorMs]
 * @property {import('./fetch-upstream.js').LookupAll} [lookup] `dns.lookup` unless a test gives one
 * @property {() => number} [now] the clock the cache ages by, in milliseconds
 * @property {Pick<Console, 'warn'>} [log]
 */

/**
 * A saved copy of one feed.
 * @typedef {object} Entry
 * @property {string} key the normalized feed URL
 * @property {Buffer} body
 * @property {string} contentType
 * @property {string} etag the relay's strong ETag over the body
 * @property {Record<string, string>} upstream the source's kept headers (validators, paging)
 * @property {string} finalUrl the URL that answered, after redirects: where validators go
 * @property {number} checkedAt when the source last gave or confirmed this copy
 * @property {number | undefined} failedAt when the last attempt to refresh it failed
 */

/**
 * @typedef {object} Relay
 * @property {(req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>} handle
 * @property {() => void} close
 */

/**
 * Reads the origins option into `'*'` or a set of origins.
 * @param {string} origins
 * @returns {'*' | Set<string>}
 */
function parseOrigins(origins) {
  const list = origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (list.length === 0 || (list.length === 1 && list[0] === '*')) return '*';
  return new Set(
    list.map((origin) => {
      /** @type {string | undefined} */
      let parsed;
      try {
        parsed = new URL(origin).origin;
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed === 'null' || parsed !== origin.replace(/\/$/, '')) {
        throw new TypeError(`Feed relay origin "${origin}" is not an origin such as https://example.go.id.`);
      }
      return parsed;
    }),
  );
}

/**
 * @param {unknown} value
 * @param {string} name
 * @param {number} fallback
 */
function positive(value, name, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new TypeError(`Feed relay option ${name} must be a positive number, not ${String(value)}.`);
  }
  return value;
}

/**
 * A failure for the log, with its cause (which may name addresses: the operator may see them).
 * @param {unknown} error
 */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** A strong ETag for a body: the same bytes always give the same tag, on every instance. */
const etagOf = (/** @type {Buffer} */ body) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/**
 * Whether an If-None-Match header matches `etag` (weak comparison, as RFC 9110 says for it).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matches(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * Creates the relay. Throws a TypeError naming the option when the options are wrong (an empty
 * allow-list included: a relay without one would be off, and the server should not route to it).
 * @param {RelayOptions} options
 * @returns {Relay}
 */
export function createRelay(options) {
  const allow = new AllowList(options.allow ?? []);
  if (allow.size === 0) throw new TypeError('The feed relay needs at least one allowed host.');
  const origins = parseOrigins(options.origins ?? '*');
  const maxBytes = positive(options.maxBytes, 'maxBytes', DEFAULT_MAX_BYTES);
  const headersTimeoutMs = positive(options.headersTimeoutMs, 'headersTimeoutMs', DEFAULT_HEADERS_TIMEOUT_MS);
  const totalTimeoutMs = positive(options.totalTimeoutMs, 'totalTimeoutMs', DEFAULT_TOTAL_TIMEOUT_MS);
  const maxAge = positive(options.maxAgeSeconds, 'maxAgeSeconds', DEFAULT_MAX_AGE_SECONDS);
  const swr = positive(
    options.staleWhileRevalidateSeconds,
    'staleWhileRevalidateSeconds',
    DEFAULT_STALE_WHILE_REVALIDATE_SECONDS,
  );
  const staleIfErrorMs = positive(options.staleIfErrorMs, 'staleIfErrorMs', DEFAULT_STALE_IF_ERROR_MS);
  const lookup = options.lookup ?? /** @type {import('./fetch-upstream.js').LookupAll} */ (dns.lookup);
  const now = options.now ?? Date.now;
  const log = options.log ?? console;
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_SOURCE }),
    https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_SOURCE }),
  };
  const cacheControl = `public, max-age=${Math.floor(maxAge)}, stale-while-revalidate=${Math.floor(swr)}`;

  /** Saved copies by normalized URL, least recently used first. */
  /** @type {Map<string, Entry>} */
  const cache = new Map();
  let cacheBytes = 0;
  /** Fetches in progress by normalized URL: every request for one feed waits for the same one. */
  /** @type {Map<string, Promise<Entry>>} */
  const inflight = new Map();

  /** @param {Entry} entry */
  function save(entry) {
    const old = cache.get(entry.key);
    if (old) {
      cache.delete(entry.key);
      cacheBytes -= old.body.length;
    }
    cache.set(entry.key, entry);
    cacheBytes += entry.body.length;
    for (const [key, oldest] of cache) {
      if (cache.size <= MAX_CACHE_ENTRIES && cacheBytes <= MAX_CACHE_BYTES) break;
      cache.delete(key);
      cacheBytes -= oldest.body.length;
    }
  }

  /**
   * Asks the source for the feed (with the saved copy's validators) and saves what it gives.
   * @param {URL} url
   * @param {Entry | undefined} saved
   * @returns {Promise<Entry>}
   */
  async function refresh(url, saved) {
    const validators = saved && {
      url: saved.finalUrl,
      ...(saved.upstream['etag'] ? { etag: saved.upstream['etag'] } : {}),
      ...(saved.upstream['last-modified'] ? { lastModified: saved.upstream['last-modified'] } : {}),
    };
    const answer = await fetchUpstream(url, {
      allow,
      lookup,
      maxBytes,
      headersTimeoutMs,
      totalTimeoutMs,
      agents,
      ...(validators ? { validators } : {}),
    });
    if (answer.status === 304 && saved) {
      const confirmed = { ...saved, checkedAt: now(), failedAt: undefined };
      save(confirmed);
      return confirmed;
    }
    const kind = sniffFeed(answer.body);
    if (!kind) {
      throw new RelayError(
        'not-a-feed',
        `${answer.url} is not a feed Kabar reads (RSS, Atom, JSON Feed, …).`,
      );
    }
    /** @type {Entry} */
    const entry = {
      key: url.href,
      body: answer.body,
      contentType: relayContentType(answer.headers['content-type'], kind),
      etag: etagOf(answer.body),
      upstream: answer.headers,
      finalUrl: answer.url,
      checkedAt: now(),
      failedAt: undefined,
    };
    save(entry);
    return entry;
  }

  /**
   * The one fetch in progress for `url`, started if there is none. A failure of the source is
   * logged once and marked on the saved copy, however many requests wait for the fetch.
   * @param {URL} url
   * @param {Entry | undefined} saved
   */
  function shared(url, saved) {
    let pending = inflight.get(url.href);
    if (!pending) {
      pending = refresh(url, saved).finally(() => inflight.delete(url.href));
      inflight.set(url.href, pending);
      pending.catch((error) => {
        if (error instanceof RelayError && error.status < 500) return;
        log.warn(`Feed relay: ${url.href} failed: ${describe(error)}`);
        const current = cache.get(url.href);
        if (current) current.failedAt = now();
      });
    }
    return pending;
  }

  /**
   * The copy to answer with, and its age in seconds when it stands in for a failing source.
   * @param {URL} url
   * @returns {Promise<{ entry: Entry, stale?: number }>}
   */
  async function feed(url) {
    const saved = cache.get(url.href);
    if (saved) {
      // Most recently used goes last: eviction takes from the front.
      cache.delete(saved.key);
      cache.set(saved.key, saved);
    }
    const age = saved ? now() - saved.checkedAt : Infinity;
    if (saved && age < maxAge * 1000) return { entry: saved };
    const usable = saved && age <= staleIfErrorMs ? saved : undefined;
    // The source failed a moment ago: the copy goes out at once, marked, without asking again.
    if (usable?.failedAt !== undefined && now() - usable.failedAt < FAILED_SOURCE_PAUSE_MS) {
      return { entry: usable, stale: Math.floor(age / 1000) };
    }
    if (usable && age < (maxAge + swr) * 1000) {
      // Served now, refreshed behind it; `shared` notes a failure.
      shared(url, usable).catch(() => {});
      return { entry: usable };
    }
    try {
      return { entry: await shared(url, saved) };
    } catch (error) {
      // The source failed (not a refusal): the saved copy stands in for it.
      if (usable && !(error instanceof RelayError && error.status < 500)) {
        return { entry: usable, stale: Math.floor(age / 1000) };
      }
      throw error;
    }
  }

  /**
   * CORS headers for a request: `*`, or the request's origin when it is on the list.
   * @param {http.IncomingMessage} req
   * @returns {Record<string, string>}
   */
  function cors(req) {
    if (origins === '*') return { 'access-control-allow-origin': '*' };
    const origin = req.headers.origin;
    return origin && origins.has(origin)
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : { vary: 'Origin' };
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {Entry} entry
   * @param {number | undefined} stale
   */
  function sendFeed(req, res, entry, stale) {
    /** @type {Record<string, string | number>} */
    const headers = {
      ...cors(req),
      'access-control-expose-headers': EXPOSED_HEADERS,
      'cache-control': cacheControl,
      etag: entry.etag,
      age: Math.max(0, Math.floor((now() - entry.checkedAt) / 1000)),
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    };
    if (stale !== undefined) headers[STALE_HEADER] = stale;
    for (const name of ['x-wp-total', 'x-wp-totalpages']) {
      const value = entry.upstream[name];
      if (value !== undefined) headers[name] = value;
    }
    if (matches(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['content-type'] = entry.contentType;
    headers['content-length'] = entry.body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {unknown} error
   */
  function sendError(req, res, error) {
    const relayError =
      error instanceof RelayError
        ? error
        : new RelayError('internal-error', 'The relay failed unexpectedly.');
    if (relayError.code === 'internal-error') log.warn('Feed relay:', error);
    const body = Buffer.from(
      JSON.stringify({
        error: { status: relayError.status, code: relayError.code, message: relayError.message },
      }),
    );
    /** @type {Record<string, string | number>} */
    const headers = {
      ...cors(req),
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    };
    if (relayError.code === 'method-not-allowed') headers['allow'] = ALLOWED_METHODS;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(relayError.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  function sendPreflight(req, res) {
    res.writeHead(204, {
      ...cors(req),
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      'cache-control': `public, max-age=${PREFLIGHT_MAX_AGE_SECONDS}`,
    });
    res.end();
  }

  /**
   * The feed URL a request asks for, checked (RelayError 400 otherwise).
   * @param {URL} requestUrl
   */
  function requestedFeed(requestUrl) {
    const values = requestUrl.searchParams.getAll('url');
    if (values.length === 0 || !values[0]) {
      throw new RelayError('missing-url', 'Give the feed as ?url=<encoded feed URL>.');
    }
    if (values.length > 1) throw new RelayError('bad-url', 'Give one url parameter, not several.');
    if (values[0].length > MAX_FEED_URL_LENGTH) {
      throw new RelayError('bad-url', `The feed URL is longer than ${MAX_FEED_URL_LENGTH} characters.`);
    }
    return parseFeedUrl(values[0]);
  }

  return {
    async handle(req, res, url) {
      try {
        if (req.method === 'OPTIONS') {
          sendPreflight(req, res);
          return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          throw new RelayError(
            'method-not-allowed',
            `The relay answers GET, HEAD and OPTIONS, not ${req.method}.`,
          );
        }
        const target = requestedFeed(url);
        checkAllowed(target, allow);
        const { entry, stale } = await feed(target);
        sendFeed(req, res, entry, stale);
      } catch (error) {
        sendError(req, res, error);
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
      cache.clear();
      cacheBytes = 0;
    },
  };
}
