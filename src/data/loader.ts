/**
 * Fetching feeds. One loader serves the whole page: widgets that ask for the same feed share
 * one request and one parsed result, and a widget that goes away stops only its own interest.
 *
 * Around each request: a timeout, bounded retries with backoff on network errors and 5xx, a
 * proxy for feeds served without CORS headers, and a stale-while-revalidate copy in
 * `localStorage` (see `cache.ts`) refreshed with conditional requests.
 */
import { DEFAULT_MAX_AGE, clearStored, readStored, writeStored } from './cache.js';
import type { StoredFeed } from './cache.js';
import { decodeBody } from './decode.js';
import { KabarFetchError } from './errors.js';
import type { Feed, FeedFormat } from './model.js';
import { preloadReader, readFeed } from './read.js';

export interface LoadFeedOptions {
  /** Aborts this caller's interest; the request stops when nobody is waiting for it. */
  signal?: AbortSignal;
  /** Milliseconds before each attempt is given up. Default 10,000. */
  timeout?: number;
  /** Skip detection and read the feed as this format. */
  format?: FeedFormat;
  /** Ignore a result that is already in memory (a refresh). */
  fresh?: boolean;
  /** A URL template such as `https://proxy.example/?url={url}`: fetch through it. */
  proxy?: string;
  /** Further attempts after a network error or a 5xx. Default 2. */
  retries?: number;
  /** Keep the last good copy in `localStorage` (default true). */
  store?: boolean;
  /** Milliseconds a stored copy may be shown. Default one day. */
  maxAge?: number;
}

/**
 * The function elements call to get a feed; swap it (the `loader` property) to test or to
 * proxy. `peek`, when present, returns a copy to show at once while the request runs.
 */
export interface FeedLoader {
  (url: string, options?: LoadFeedOptions): Promise<Feed>;
  peek?(url: string, options?: LoadFeedOptions): Feed | undefined;
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_RETRIES = 2;
/** First backoff delay; each retry doubles it, with jitter. */
const BACKOFF = 400;
/** The longest a `Retry-After` is honoured before giving up instead. */
const MAX_RETRY_AFTER = 8;

/** How long a parsed result is shared with widgets that ask later. */
const MEMORY_TTL = 60_000;

interface Shared {
  promise: Promise<Feed>;
  controller: AbortController;
  waiting: number;
}

const inFlight = new Map<string, Shared>();
const memory = new Map<string, { feed: Feed; at: number }>();

/**
 * Copies still to be saved in `localStorage`, by key. Serializing a large feed takes longer than
 * rendering it, and the reader waits for the render: the copy is saved when the page is idle,
 * or before anything reads the saved copies.
 */
const unsaved = new Map<string, () => void>();

function saveLater(key: string, value: StoredFeed, maxAge: number): void {
  if (unsaved.size === 0) {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(saveNow, { timeout: 2000 });
    else setTimeout(saveNow, 200);
  }
  unsaved.set(key, () => writeStored(key, value, maxAge));
}

function saveNow(): void {
  for (const [key, save] of unsaved) {
    unsaved.delete(key);
    save();
  }
}

function readSaved(key: string, maxAge: number): StoredFeed | undefined {
  saveNow();
  return readStored(key, maxAge);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  // Seconds, else an HTTP date (NaN when it is neither).
  const seconds = Number.isFinite(+value) ? +value : Math.round((Date.parse(value) - Date.now()) / 1000);
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

/** The URL actually fetched: the feed's, or the proxy's with the feed's URL in it. */
export function proxied(url: string, proxy: string | undefined): string {
  const template = proxy?.trim();
  if (!template) return url;
  const encoded = encodeURIComponent(url);
  return template.includes('{url}') ? template.replaceAll('{url}', encoded) : template + encoded;
}

/**
 * What the loader reads, most wanted first. Browsers send a cross-origin request without a CORS
 * preflight only when its headers are "safelisted", and an `Accept` value is safelisted up to
 * 128 bytes: this one is 120. Many feed hosts answer `GET` with `Access-Control-Allow-Origin`
 * but never answer the `OPTIONS` of a preflight.
 */
const ACCEPT =
  'application/feed+json, application/rss+xml, application/atom+xml, application/json, application/xml, text/xml, */*;q=0.5';

function sameOrigin(url: string): boolean {
  try {
    return typeof location !== 'undefined' && new URL(url).origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * Headers for a request. A validator (`If-None-Match`, `If-Modified-Since`) is not a safelisted
 * header: cross-origin it would cost a CORS preflight, which many feed hosts never answer. So
 * validators go to our own origin only, and a cross-origin request stays a simple one.
 */
function requestHeaders(target: string, stored: StoredFeed | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (stored && sameOrigin(target)) {
    if (stored.etag) headers['If-None-Match'] = stored.etag;
    if (stored.modified) headers['If-Modified-Since'] = stored.modified;
  }
  return headers;
}

/**
 * One request for `url`, fetched from `target` (the proxy's URL, or `url` itself), revalidating
 * `stored`. Resolves the feed, new or the stored one on 304, and what to store.
 */
async function attempt(
  url: string,
  target: string,
  { format, timeout }: LoadFeedOptions,
  signal: AbortSignal,
  stored: StoredFeed | undefined,
): Promise<{ feed: Feed; toStore: StoredFeed | undefined }> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeout ?? DEFAULT_TIMEOUT);
  signal.addEventListener('abort', abort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(target, {
        signal: controller.signal,
        headers: requestHeaders(target, stored),
      });
    } catch (cause) {
      throw await fetchFailure(url, target, cause, controller.signal, signal);
    }
    if (response.status === 304 && stored)
      return { feed: stored.feed, toStore: { ...stored, at: Date.now() } };
    if (!response.ok) {
      throw new KabarFetchError('http', `The feed answered HTTP ${response.status}.`, {
        url,
        status: response.status,
        retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
      });
    }
    const contentType = response.headers.get('Content-Type');
    preloadReader(contentType, format);
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (cause) {
      throw await fetchFailure(url, target, cause, controller.signal, signal);
    }
    const feed = await readFeed(decodeBody(bytes, contentType), {
      // Through a proxy, relative links still belong to the feed's own address.
      url: target === url ? response.url || url : url,
      contentType: contentType ?? '',
      headers: response.headers,
      ...(format ? { format } : {}),
    });
    const toStore: StoredFeed = {
      feed,
      at: Date.now(),
      etag: response.headers.get('ETag') || undefined,
      modified: response.headers.get('Last-Modified') || undefined,
    };
    return { feed, toStore };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

/**
 * Why a fetch threw (`attemptSignal` is the attempt's own signal, aborted by its timer or by
 * `signal`). A TypeError on a cross-origin URL while online is either a dead server or
 * one that sends no CORS headers; an opaque `no-cors` probe tells them apart.
 */
async function fetchFailure(
  url: string,
  target: string,
  cause: unknown,
  attemptSignal: AbortSignal,
  signal: AbortSignal,
): Promise<unknown> {
  if (signal.aborted) return abortError(signal);
  // Only the timer aborts the attempt when the caller's signal did not.
  if (attemptSignal.aborted) {
    return new KabarFetchError('timeout', 'The feed took too long to answer.', { url, cause });
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return new KabarFetchError('offline', 'The browser is offline.', { url, cause });
  }
  if (cause instanceof TypeError && !sameOrigin(target) && (await reachable(target, signal))) {
    return new KabarFetchError('cors', 'The feed does not allow this site to read it (no CORS headers).', {
      url,
      cause,
    });
  }
  return new KabarFetchError('network', 'The feed could not be reached.', { url, cause });
}

async function reachable(target: string, signal: AbortSignal): Promise<boolean> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, 3000);
  signal.addEventListener('abort', abort, { once: true });
  try {
    await fetch(target, { mode: 'no-cors', signal: controller.signal, cache: 'no-store' });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function retryable(error: unknown): error is KabarFetchError {
  return (
    error instanceof KabarFetchError &&
    (error.kind === 'network' || (error.kind === 'http' && (error.status >= 500 || error.status === 429)))
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function request(
  key: string,
  url: string,
  options: LoadFeedOptions,
  signal: AbortSignal,
): Promise<Feed> {
  const retries = Math.max(0, Math.min(options.retries ?? DEFAULT_RETRIES, 5));
  const store = options.store !== false;
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
  const stored = store ? readSaved(key, maxAge) : undefined;
  const target = proxied(url, options.proxy);
  for (let tries = 0; ; tries++) {
    try {
      const { feed, toStore } = await attempt(url, target, options, signal, stored);
      if (store && toStore) saveLater(key, toStore, maxAge);
      return feed;
    } catch (error) {
      if (!retryable(error) || tries >= retries) throw error;
      const wait =
        error.retryAfter !== undefined
          ? error.retryAfter * 1000
          : BACKOFF * 2 ** tries * (0.75 + Math.random() * 0.5);
      if (wait > MAX_RETRY_AFTER * 1000) throw error;
      await sleep(wait, signal);
    }
  }
}

function keyOf(url: string, options: LoadFeedOptions): string {
  return `${options.format ?? ''} ${url}`;
}

/**
 * Loads and parses a feed. Concurrent calls for the same URL and format share one request;
 * a result stays in memory for a minute for widgets that ask later, unless `fresh` is set.
 */
function load(url: string, options: LoadFeedOptions = {}): Promise<Feed> {
  const { signal, fresh } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const key = keyOf(url, options);
  const cached = memory.get(key);
  if (!fresh && cached && Date.now() - cached.at < MEMORY_TTL) return Promise.resolve(cached.feed);

  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const promise = request(key, url, options, controller.signal).then((feed) => {
      memory.set(key, { feed, at: Date.now() });
      return feed;
    });
    const entry: Shared = { promise, controller, waiting: 0 };
    const settle = () => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    };
    promise.then(settle, settle);
    inFlight.set(key, entry);
    shared = entry;
  }
  const entry = shared;
  entry.waiting++;
  return new Promise<Feed>((resolve, reject) => {
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      entry.waiting--;
    };
    const onAbort = () => {
      leave();
      if (entry.waiting === 0) {
        entry.controller.abort();
        if (inFlight.get(key) === entry) inFlight.delete(key);
      }
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (feed) => {
        leave();
        resolve(feed);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
}

/** The copy to show at once: this page's result in memory, else the one in `localStorage`. */
function peek(url: string, options: LoadFeedOptions = {}): Feed | undefined {
  const key = keyOf(url, options);
  const cached = memory.get(key);
  if (cached) return cached.feed;
  if (options.store === false) return undefined;
  return readSaved(key, options.maxAge ?? DEFAULT_MAX_AGE)?.feed;
}

/** The page's shared loader. */
export const loadFeed: FeedLoader = Object.assign(load, { peek });

/** Forgets results kept in memory (tests, and pages that want a hard refresh). */
export function clearFeedMemory(): void {
  memory.clear();
}

/** Forgets results in memory and the copies kept in `localStorage`. */
export function clearFeedCache(): void {
  memory.clear();
  unsaved.clear();
  clearStored();
}
