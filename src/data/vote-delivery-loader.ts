/**
 * The way to `vote-delivery.ts`, which the one-file bundle loads on demand (a chunk of its own,
 * fetched once a page shows an open poll): `preloadVoteDelivery` starts the load, and `sendVote`,
 * `deliverVote` and `keepDelivering` (the API's) wait for it, then call the functions of the
 * same names there. A failed load rejects, or tells `failed`; the caller keeps the vote and tries
 * again later, which loads again.
 */
import type { Poll } from './poll.js';
import type { PollRequestOptions } from './poll-service.js';
import type { DeliveryCallbacks, VoteSender } from './vote-delivery.js';
import type { VoteStore } from './vote-store.js';

const loadVoteDelivery = () => import('./vote-delivery.js');

/** Starts loading the vote delivery ahead of the first vote, so that sending is not delayed by it. */
export function preloadVoteDelivery(): void {
  loadVoteDelivery().catch(() => undefined);
}

/**
 * `POST vote.url`. The body is JSON sent as `text/plain` (a string body's default type), which
 * keeps the request CORS-simple (no preflight round trip on a slow connection). Answers the latest
 * counts.
 */
export const sendVote: VoteSender = (...args) => loadVoteDelivery().then((m) => m.sendVote(...args));

/**
 * Sends the stored vote under `key` if it is pending, and files the outcome: counted (pending
 * false, results kept), refused for good (forgotten, error thrown), or failed for now (still
 * pending, error thrown; call again later). Concurrent calls for one key share one request.
 */
export const deliverVote = (
  store: VoteStore,
  key: string,
  send?: VoteSender,
  options?: PollRequestOptions,
): Promise<Poll | undefined> => loadVoteDelivery().then((m) => m.deliverVote(store, key, send, options));

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
  loadVoteDelivery().then(
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
