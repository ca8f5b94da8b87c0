/**
 * The poll layer (protocol in docs/poll-protocol.md): reading a poll, sending a vote, and a vote
 * queue that keeps a vote in storage until the service has counted it. Framework-free.
 */
import { KabarError, KabarFetchError, KabarParseError } from './errors.js';

export interface PollOption {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
}

export interface Poll {
  readonly id: string;
  readonly question: string;
  readonly status: 'open' | 'closed';
  readonly options: readonly PollOption[];
  readonly total: number;
  /** When the poll closes (open) or closed (closed), if the service says. */
  readonly closes: Date | undefined;
  /** Absolute URL votes are sent to; only open polls have one. */
  readonly voteUrl: string | undefined;
}

/** A vote as the queue keeps it, until and after the service counted it. */
export interface StoredVote {
  readonly poll: string;
  readonly option: string;
  /** The idempotency key: every retry of this vote carries it, so it is counted once. */
  readonly key: string;
  readonly url: string;
  /** True until the service answered that it counted the vote. */
  readonly pending: boolean;
  /** The results the service answered with, newest known. */
  readonly results?: { readonly votes: Record<string, number>; readonly total: number };
}

export interface PollRequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up. Default 10,000. */
  timeout?: number;
}

const DEFAULT_TIMEOUT = 10_000;

async function request(url: string, init: RequestInit, options: PollRequestOptions): Promise<Response> {
  const controller = new AbortController();
  const { signal, timeout = DEFAULT_TIMEOUT } = options;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason ?? cause;
    if (timedOut) throw new KabarFetchError('timeout', 'The poll service took too long.', { url, cause });
    if (navigator.onLine === false)
      throw new KabarFetchError('offline', 'The browser is offline.', { url, cause });
    throw new KabarFetchError('network', 'The poll service could not be reached.', { url, cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function failure(response: Response, url: string): Promise<KabarFetchError> {
  let message = `The poll service answered HTTP ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not our JSON error: the status says enough.
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new KabarFetchError('http', message, {
    url,
    status: response.status,
    ...(retryAfter >= 0 && response.headers.has('Retry-After') ? { retryAfter } : {}),
  });
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
/** A vote count: a whole number of votes, or 0 for anything else (negative, absurd, not a number). */
const count = (value: unknown): number =>
  typeof value === 'number' && value > 0 && Number.isSafeInteger(Math.floor(value)) ? Math.floor(value) : 0;

/**
 * Reads a `{"poll": ...}` answer. `null` means no poll; anything not shaped like the protocol
 * throws a `KabarParseError`. URLs are resolved against `base`.
 */
export function parsePoll(json: unknown, base: string): Poll | null {
  const bad = (why: string) => new KabarParseError('parse', `Not a poll: ${why}.`, { url: base });
  if (!json || typeof json !== 'object' || !('poll' in json)) throw bad('no "poll" field');
  const raw = (json as { poll: unknown }).poll;
  if (raw === null) return null;
  if (typeof raw !== 'object') throw bad('"poll" is not an object');
  const p = raw as Record<string, unknown>;
  if (!text(p.id) || !text(p.question)) throw bad('no "id" or "question"');
  if (!Array.isArray(p.options) || p.options.length === 0) throw bad('no "options"');
  const options = (p.options as unknown[]).map((o) => {
    const option = (o ?? {}) as Record<string, unknown>;
    if (!text(option.id) || !text(option.label)) throw bad('an option without "id" or "label"');
    return { id: option.id, label: option.label, votes: count(option.votes) };
  });
  const closes = text(p.closes) ? new Date(p.closes) : undefined;
  let voteUrl: string | undefined;
  try {
    voteUrl = text(p.vote) ? new URL(p.vote, base).href : undefined;
  } catch {
    throw bad('"vote" is not a URL');
  }
  if (voteUrl && !/^https?:/.test(voteUrl)) throw bad('"vote" is not an http(s) URL');
  const status = p.status === 'closed' || !voteUrl ? 'closed' : 'open';
  return {
    id: p.id,
    question: p.question,
    status,
    options,
    total: Math.max(
      count(p.total),
      options.reduce((sum, o) => sum + o.votes, 0),
    ),
    closes: closes && !Number.isNaN(closes.getTime()) ? closes : undefined,
    voteUrl: status === 'open' ? voteUrl : undefined,
  };
}

/** `GET url`: the poll, or `null` when the service has none (204 or `{"poll": null}`). */
export async function fetchPoll(url: string, options: PollRequestOptions = {}): Promise<Poll | null> {
  const response = await request(url, { headers: { Accept: 'application/json' } }, options);
  if (response.status === 204) return null;
  if (!response.ok) throw await failure(response, url);
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new KabarParseError('parse', 'The poll service did not answer JSON.', { url, cause });
  }
  return parsePoll(json, response.url || url);
}

/**
 * `POST vote.url`. The body is JSON sent as `text/plain`, which keeps the request CORS-simple (no
 * preflight round trip on a slow connection). Answers the fresh results.
 */
export async function sendVote(vote: StoredVote, options: PollRequestOptions = {}): Promise<Poll> {
  const response = await request(
    vote.url,
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ option: vote.option, key: vote.key }),
    },
    options,
  );
  if (!response.ok) throw await failure(response, vote.url);
  let poll: Poll | null;
  try {
    poll = parsePoll(await response.json(), response.url || vote.url);
  } catch (cause) {
    throw cause instanceof KabarError
      ? cause
      : new KabarParseError('parse', 'The poll service did not answer JSON.', { url: vote.url, cause });
  }
  if (!poll) throw new KabarParseError('parse', 'The vote answer has no poll.', { url: vote.url });
  return poll;
}

/**
 * Whether retrying cannot help: the service understood the vote and refused it (unknown option,
 * closed poll). Network failures, timeouts, 5xx, 408 and 429 are worth retrying.
 */
export function isRejection(error: unknown): boolean {
  if (!(error instanceof KabarError)) return false;
  if (error.kind === 'parse') return false;
  if (!(error instanceof KabarFetchError) || error.kind !== 'http') return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/** A new idempotency key. */
export function newVoteKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Milliseconds before retry number `attempt` (0-based): 2 s doubling to 5 min, with jitter. */
export function retryDelay(attempt: number): number {
  const base = Math.min(300_000, 2000 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** The part of `Storage` the queue uses. */
export type VoteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'kabar-poll:';

function localStorageOrNull(): VoteStorage | null {
  try {
    // Throws in some private modes and sandboxed frames; a probe write catches the rest.
    const storage = window.localStorage;
    storage.setItem(`${PREFIX}probe`, '1');
    storage.removeItem(`${PREFIX}probe`);
    return storage;
  } catch {
    return null;
  }
}

/** Keeps votes by poll: in `storage` (localStorage by default) and in memory when that fails. */
export class VoteStore {
  /** Undefined until first used: a poll on a page that never loads costs no storage access. */
  #given: VoteStorage | null | undefined;
  #resolved = false;
  readonly #memory = new Map<string, StoredVote>();
  #refused = false;

  /** `storage`: `undefined` for localStorage, `null` to keep votes in memory only. */
  constructor(storage?: VoteStorage | null) {
    this.#given = storage;
    this.#resolved = storage !== undefined;
  }

  get #storage(): VoteStorage | null {
    if (!this.#resolved) {
      this.#resolved = true;
      this.#given = localStorageOrNull();
    }
    return this.#given ?? null;
  }

  /** False when votes live only in memory (no storage, or it refused a write). */
  get persistent(): boolean {
    return !this.#refused && this.#storage !== null;
  }

  /** The key a poll is filed under: its id on the service's origin. */
  static keyOf(src: string, pollId: string): string {
    let origin = src;
    try {
      origin = new URL(src, document.baseURI).origin;
    } catch {
      // Keep the raw text: still a stable key.
    }
    return `${PREFIX}${origin}|${pollId}`;
  }

  get(key: string): StoredVote | undefined {
    const inMemory = this.#memory.get(key);
    if (inMemory) return inMemory;
    try {
      const raw = this.#storage?.getItem(key);
      const vote = raw ? (JSON.parse(raw) as StoredVote) : undefined;
      return vote && typeof vote.key === 'string' && typeof vote.option === 'string' ? vote : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, vote: StoredVote): void {
    this.#memory.set(key, vote);
    try {
      this.#storage?.setItem(key, JSON.stringify(vote));
    } catch {
      // Quota or a storage that went away: the vote still lives for this page.
      this.#refused = true;
    }
  }

  delete(key: string): void {
    this.#memory.delete(key);
    try {
      this.#storage?.removeItem(key);
    } catch {
      // Nothing more to do.
    }
  }
}

export type VoteSender = (vote: StoredVote, options?: PollRequestOptions) => Promise<Poll>;

function resultsOf(poll: Poll): StoredVote['results'] {
  return { votes: Object.fromEntries(poll.options.map((o) => [o.id, o.votes])), total: poll.total };
}

/**
 * Sends the stored vote under `key` if it is pending, and files the outcome: counted (pending
 * false, results kept), refused for good (forgotten, error thrown), or failed for now (still
 * pending, error thrown; call again later). Concurrent calls for one key share one request.
 */
export function deliverVote(
  store: VoteStore,
  key: string,
  send: VoteSender = sendVote,
  options: PollRequestOptions = {},
): Promise<Poll | undefined> {
  let inFlight = sending.get(store);
  if (!inFlight) sending.set(store, (inFlight = new Map()));
  const running = inFlight.get(key);
  if (running) return running;
  const vote = store.get(key);
  if (!vote?.pending) return Promise.resolve(undefined);
  const promise = send(vote, options).then(
    (poll) => {
      // The reader may have cleared or replaced the vote meanwhile; file only this one.
      if (store.get(key)?.key === vote.key)
        store.set(key, { ...vote, pending: false, results: resultsOf(poll) });
      return poll;
    },
    (error: unknown) => {
      if (isRejection(error) && store.get(key)?.key === vote.key) store.delete(key);
      throw error;
    },
  );
  inFlight.set(key, promise);
  const settle = () => inFlight!.delete(key);
  promise.then(settle, settle);
  return promise;
}

const sending = new WeakMap<VoteStore, Map<string, Promise<Poll | undefined>>>();

export interface DeliveryCallbacks {
  /** The service counted the vote (or had counted it before): its fresh results. */
  delivered(poll: Poll): void;
  /** An attempt failed; `final` when the service refused the vote and it was dropped. */
  failed(error: unknown, final: boolean): void;
  send?: VoteSender;
  timeout?: number;
  /** Wait one retry delay before the first attempt (the caller has just tried). */
  delay?: boolean;
}

/**
 * Delivers the pending vote under `key` until it is counted or refused: now, then again after a
 * growing delay, and at once when the browser comes back online. Returns a function that stops
 * trying (the vote stays stored, to be sent when the page is next opened).
 */
export function keepDelivering(store: VoteStore, key: string, callbacks: DeliveryCallbacks): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const stop = () => {
    controller.abort();
    clearTimeout(timer);
    window.removeEventListener('online', tryNow);
  };
  function tryNow(): void {
    clearTimeout(timer);
    if (controller.signal.aborted) return;
    deliverVote(store, key, callbacks.send, {
      signal: controller.signal,
      ...(callbacks.timeout ? { timeout: callbacks.timeout } : {}),
    }).then(
      (poll) => {
        if (controller.signal.aborted) return;
        stop();
        if (poll) callbacks.delivered(poll);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const final = isRejection(error);
        if (final) stop();
        else {
          const wait = error instanceof KabarFetchError && error.retryAfter ? error.retryAfter * 1000 : 0;
          timer = setTimeout(tryNow, Math.max(wait, retryDelay(attempt++)));
        }
        callbacks.failed(error, final);
      },
    );
  }
  window.addEventListener('online', tryNow);
  if (callbacks.delay) timer = setTimeout(tryNow, retryDelay(attempt++));
  else tryNow();
  return stop;
}

/** `poll` with the newer of its counts and those the service answered to our vote. */
export function withStoredResults(poll: Poll, vote: StoredVote | undefined): Poll {
  const results = vote?.results;
  if (!results || results.total <= poll.total) return poll;
  return {
    ...poll,
    total: results.total,
    options: poll.options.map((o) => ({ ...o, votes: results.votes[o.id] ?? o.votes })),
  };
}
