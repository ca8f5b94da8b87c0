/**
 * The poll layer (protocol in docs/poll-protocol.md): reading a poll, sending a vote, and a vote
 * queue that keeps a vote in storage until the service has counted it. Framework-free.
 *
 * Sending and the queue's retries live in `vote.ts`, a module of their own that the one-file
 * bundle loads on demand: most pages never send a vote. The functions here that send load it
 * first, and `<kabar-poll>` preloads it as soon as it shows an open poll.
 */
import { KabarFetchError, KabarParseError } from './errors.js';
import type * as Voting from './vote.js';

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

/**
 * One request to the poll service (internal: `fetchPoll` and `sendVote` are the API), answered by a poll: `null` for none (204 or `{"poll": null}`).
 * Throws a `KabarFetchError` (timeout, offline, network, or `http` with the service's message and
 * `Retry-After`) or a `KabarParseError`; an abort of `signal` rejects with its reason.
 */
export async function requestPoll(
  url: string,
  init: RequestInit,
  { signal, timeout = 10_000 }: PollRequestOptions,
): Promise<Poll | null> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeout);
  signal?.addEventListener('abort', abort);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: controller.signal });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    // Only the timer aborts our controller when the caller's signal did not.
    const kind = controller.signal.aborted ? 'timeout' : navigator.onLine ? 'network' : 'offline';
    throw new KabarFetchError(kind, `The poll service could not be reached (${kind}).`, { url, cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  if (response.status === 204) return null;
  const json = (await response.json().catch(() => undefined)) as
    { error?: { message?: unknown } } | undefined;
  if (!response.ok) {
    const message = json?.error?.message;
    const retryAfter = response.headers.get('Retry-After');
    throw new KabarFetchError(
      'http',
      typeof message === 'string' ? message : `The poll service answered HTTP ${response.status}.`,
      { url, status: response.status, retryAfter: retryAfter && +retryAfter >= 0 ? +retryAfter : undefined },
    );
  }
  if (json === undefined)
    throw new KabarParseError('parse', 'The poll service did not answer JSON.', { url });
  return parsePoll(json, response.url || url);
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
/** A vote count: a whole number of votes, or 0 for anything else (negative, absurd, not a number). */
const count = (value: unknown): number => {
  const n = typeof value === 'number' ? Math.floor(value) : 0;
  return n > 0 && Number.isSafeInteger(n) ? n : 0;
};

/**
 * Reads a `{"poll": ...}` answer. `null` means no poll; anything not shaped like the protocol
 * throws a `KabarParseError`. URLs are resolved against `base`.
 */
export function parsePoll(json: unknown, base: string): Poll | null {
  const bad = (why: string) => new KabarParseError('parse', `Not a poll: ${why}.`, { url: base });
  const p = (json as { poll?: Record<string, unknown> | null } | null)?.poll;
  if (p === null) return null;
  // A `poll` that is not an object (a string, a number) has no `id`.
  if (!text(p?.id) || !text(p.question)) throw bad('no "poll" with "id" and "question"');
  if (!Array.isArray(p.options) || !p.options.length) throw bad('no "options"');
  const options = (p.options as (Record<string, unknown> | null)[]).map((o) => {
    if (!text(o?.id) || !text(o.label)) throw bad('an option without "id" or "label"');
    return { id: o.id, label: o.label, votes: count(o.votes) };
  });
  let voteUrl: string | undefined;
  if (text(p.vote)) {
    try {
      voteUrl = new URL(p.vote, base).href;
    } catch {
      // Reported below.
    }
    if (!/^https?:/.test(voteUrl!)) throw bad('"vote" is not an http(s) URL');
  }
  // No date and an unreadable one are both an invalid `Date`, and mean "not said".
  const closes = new Date(text(p.closes) ? p.closes : NaN);
  const open = p.status !== 'closed' && voteUrl;
  return {
    id: p.id,
    question: p.question,
    status: open ? 'open' : 'closed',
    options,
    total: Math.max(
      count(p.total),
      options.reduce((sum, o) => sum + o.votes, 0),
    ),
    closes: isNaN(+closes) ? undefined : closes,
    voteUrl: open || undefined,
  };
}

/** `GET url`: the poll, or `null` when the service has none (204 or `{"poll": null}`). */
export function fetchPoll(url: string, options: PollRequestOptions = {}): Promise<Poll | null> {
  return requestPoll(url, { headers: { Accept: 'application/json' } }, options);
}

/** A new idempotency key. */
export function newVoteKey(): string {
  // `randomUUID` is only there on https pages.
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
  );
}

/** The part of `Storage` the queue uses. */
export type VoteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'kabar-poll:';

/** Keeps votes by poll: in `storage` (localStorage by default) and in memory when that fails. */
export class VoteStore {
  /** Undefined until first used: a poll on a page that never loads costs no storage access. */
  #storage: VoteStorage | null | undefined;
  readonly #memory = new Map<string, StoredVote>();
  /** Set when storage refused a write. */
  #refused: boolean | undefined;

  /** `storage`: `undefined` for localStorage, `null` to keep votes in memory only. */
  constructor(storage?: VoteStorage | null) {
    this.#storage = storage;
  }

  get #saved(): VoteStorage | null {
    if (this.#storage === undefined) {
      try {
        // Throws in some private modes and sandboxed frames.
        this.#storage = localStorage;
      } catch {
        this.#storage = null;
      }
    }
    return this.#storage;
  }

  /** False when votes live only in memory (no storage, or it refused a write). */
  get persistent(): boolean {
    return !this.#refused && Boolean(this.#saved);
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
    try {
      const vote =
        this.#memory.get(key) ?? (JSON.parse(this.#saved?.getItem(key) ?? 'null') as StoredVote | null);
      return typeof vote?.key === 'string' && typeof vote.option === 'string' ? vote : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, vote: StoredVote): void {
    this.#memory.set(key, vote);
    try {
      this.#saved?.setItem(key, JSON.stringify(vote));
    } catch {
      // Quota or a storage that went away: the vote still lives for this page.
      this.#refused = true;
    }
  }

  delete(key: string): void {
    this.#memory.delete(key);
    try {
      this.#saved?.removeItem(key);
    } catch {
      // Nothing more to do.
    }
  }
}

export type VoteSender = (vote: StoredVote, options?: PollRequestOptions) => Promise<Poll>;

export interface DeliveryCallbacks {
  /** The service counted the vote (or had counted it before): its latest counts. */
  delivered(poll: Poll): void;
  /** An attempt failed; `final` when the service refused the vote and it was dropped. */
  failed(error: unknown, final: boolean): void;
  send?: VoteSender;
  timeout?: number;
  /** Wait one retry delay before the first attempt (the caller has just tried). */
  delay?: boolean;
}

/** Loads `vote.ts`. A failed load rejects (the caller keeps the vote and tries again later). */
const voting = () => import('./vote.js');

/** Starts loading `vote.ts` ahead of the first vote, so sending is not delayed by it. */
export function preloadVoting(): void {
  voting().catch(() => undefined);
}

/**
 * `POST vote.url`. The body is JSON sent as `text/plain` (a string body's default type), which
 * keeps the request CORS-simple (no preflight round trip on a slow connection). Answers the latest
 * counts.
 */
export const sendVote: VoteSender = (...args) => voting().then((m) => m.sendVote(...args));

/**
 * Sends the stored vote under `key` if it is pending, and files the outcome: counted (pending
 * false, results kept), refused for good (forgotten, error thrown), or failed for now (still
 * pending, error thrown; call again later). Concurrent calls for one key share one request.
 */
export const deliverVote: typeof Voting.deliverVote = (...args) =>
  voting().then((m) => m.deliverVote(...args));

/**
 * Delivers the pending vote under `key` until it is counted or refused: now, then again after a
 * growing delay (at least the service's `Retry-After`), and at once when the browser comes back
 * online. Returns a function that stops trying (the vote stays stored, to be sent when the page
 * is next opened). If the sending code cannot be loaded, `failed` hears it once (not final).
 */
export function keepDelivering(store: VoteStore, key: string, callbacks: DeliveryCallbacks): () => void {
  let stop: (() => void) | undefined;
  /** Set by the returned function. */
  let stopped: boolean | undefined;
  voting().then(
    (m) => {
      if (!stopped) stop = m.keepDelivering(store, key, callbacks);
    },
    (error: unknown) => {
      if (!stopped) callbacks.failed(error, false);
    },
  );
  return () => {
    stopped = true;
    stop?.();
  };
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
