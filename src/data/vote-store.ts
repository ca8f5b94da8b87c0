/**
 * Where a reader's vote waits: `VoteStore` keeps each vote by poll (in `localStorage`, else in
 * memory) with its idempotency key, until and after the service counted it, so that a vote made
 * on a flaky connection survives a reload. Sending is `vote-delivery.ts`.
 */
import type { Poll } from './poll.js';

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
