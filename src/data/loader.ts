/**
 * Fetching feeds. One loader serves the whole page: widgets that ask for the same feed share
 * one request and one parsed result, and a widget that goes away stops only its own interest.
 */
import { decodeBody } from './decode.js';
import { KabarFetchError } from './errors.js';
import type { Feed, FeedFormat } from './model.js';
import { parseFeed } from './parse.js';

export interface LoadFeedOptions {
  /** Aborts this caller's interest; the request stops when nobody is waiting for it. */
  signal?: AbortSignal;
  /** Milliseconds before the request is given up. Default 10,000. */
  timeout?: number;
  /** Skip detection and read the feed as this format. */
  format?: FeedFormat;
  /** Ignore a result that is already in memory (a refresh). */
  fresh?: boolean;
}

/** The function elements call to get a feed; swap it (the `loader` property) to test or to proxy. */
export type FeedLoader = (url: string, options?: LoadFeedOptions) => Promise<Feed>;

export const DEFAULT_TIMEOUT = 10_000;

/** How long a parsed result is shared with widgets that ask later. */
const MEMORY_TTL = 60_000;

interface Shared {
  promise: Promise<Feed>;
  controller: AbortController;
  waiting: number;
}

const inFlight = new Map<string, Shared>();
const memory = new Map<string, { feed: Feed; at: number }>();

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('Aborted', 'AbortError');
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function request(
  url: string,
  format: FeedFormat | undefined,
  timeout: number,
  signal: AbortSignal,
): Promise<Feed> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, headers: { Accept: ACCEPT } });
    } catch (cause) {
      throw await fetchFailure(url, cause, timedOut, signal);
    }
    if (!response.ok) {
      throw new KabarFetchError('http', `The feed answered HTTP ${response.status}.`, {
        url,
        status: response.status,
        retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
      });
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await response.arrayBuffer();
    } catch (cause) {
      throw await fetchFailure(url, cause, timedOut, signal);
    }
    const contentType = response.headers.get('Content-Type');
    return parseFeed(decodeBody(bytes, contentType), {
      url: response.url || url,
      contentType: contentType ?? '',
      ...(format ? { format } : {}),
    });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

const ACCEPT =
  'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

async function fetchFailure(
  url: string,
  cause: unknown,
  timedOut: boolean,
  signal: AbortSignal,
): Promise<unknown> {
  if (signal.aborted) return abortError(signal);
  if (timedOut) return new KabarFetchError('timeout', 'The feed took too long to answer.', { url, cause });
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return new KabarFetchError('offline', 'The browser is offline.', { url, cause });
  }
  return new KabarFetchError('network', 'The feed could not be reached.', { url, cause });
}

/**
 * Loads and parses a feed. Concurrent calls for the same URL and format share one request;
 * a result stays in memory for a minute for widgets that ask later, unless `fresh` is set.
 */
export const loadFeed: FeedLoader = (url, options = {}) => {
  const { signal, timeout = DEFAULT_TIMEOUT, format, fresh = false } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const key = `${format ?? ''} ${url}`;
  const cached = memory.get(key);
  if (!fresh && cached && Date.now() - cached.at < MEMORY_TTL) return Promise.resolve(cached.feed);

  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const promise = request(url, format, timeout, controller.signal).then((feed) => {
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
};

/** Forgets results kept in memory (tests, and pages that want a hard refresh). */
export function clearFeedMemory(): void {
  memory.clear();
}
