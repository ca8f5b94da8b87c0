/**
 * Sending a vote, and retrying it until the service has counted it: the offline vote queue, over
 * the votes `vote-store.ts` keeps. Only a page where a reader votes needs it, so the one-file
 * bundle loads it on demand: elements and the API reach it through `vote-delivery-loader.ts`,
 * whose `sendVote`, `deliverVote` and `keepDelivering` wait for this module and call these.
 */
import { KabarParseError } from './errors.js';
import type { KabarFetchError } from './errors.js';
import type { Poll } from './poll.js';
import { requestPoll, type PollRequestOptions } from './poll-service.js';
import type { StoredVote, VoteStore } from './vote-store.js';

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

/**
 * `POST vote.url`. The body is JSON sent as `text/plain` (a string body's default type), which
 * keeps the request CORS-simple (no preflight round trip on a slow connection). Answers the latest
 * counts.
 */
export async function sendVote(
  { url, option, key }: StoredVote,
  options: PollRequestOptions = {},
): Promise<Poll> {
  const poll = await requestPoll(url, { method: 'POST', body: JSON.stringify({ option, key }) }, options);
  if (!poll) throw new KabarParseError('parse', 'The vote answer has no poll.', { url });
  return poll;
}

/**
 * Whether retrying cannot help: the service understood the vote and refused it (unknown option,
 * closed poll). Network failures, timeouts, 5xx, 408 and 429 are worth retrying.
 */
export function isRejection(error: unknown): boolean {
  const { kind, status } = (error ?? {}) as Partial<KabarFetchError>;
  return kind === 'http' && status! >= 400 && status! < 500 && status !== 408 && status !== 429;
}

/** Milliseconds before retry number `attempt` (0-based): 2 s doubling to 5 min, with jitter. */
export function retryDelay(attempt: number): number {
  return Math.round(Math.min(300_000, 2000 * 2 ** Math.min(attempt, 10)) * (0.75 + Math.random() * 0.5));
}

/** Deliveries on their way, by store and key. */
const sending = new WeakMap<VoteStore, Map<string, Promise<Poll | undefined>>>();

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
  const inFlight = sending.get(store) ?? new Map<string, Promise<Poll | undefined>>();
  sending.set(store, inFlight);
  const vote = store.get(key);
  if (!inFlight.has(key) && vote?.pending) {
    // The reader may have cleared or replaced the vote meanwhile; file only this one.
    const mine = () => store.get(key)?.key === vote.key;
    inFlight.set(
      key,
      send(vote, options)
        .then(
          (poll) => {
            const votes = Object.fromEntries(poll.options.map((o) => [o.id, o.votes]));
            if (mine()) store.set(key, { ...vote, pending: false, results: { votes, total: poll.total } });
            return poll;
          },
          (error: unknown) => {
            if (isRejection(error) && mine()) store.delete(key);
            throw error;
          },
        )
        .finally(() => inFlight.delete(key)),
    );
  }
  // The delivery on its way (`resolve` hands a promise back as it is), else nothing to send.
  return Promise.resolve(inFlight.get(key));
}

/**
 * Delivers the pending vote under `key` until it is counted or refused: now, then again after a
 * growing delay (at least the service's `Retry-After`), and at once when the browser comes back
 * online. Returns a function that stops trying (the vote stays stored, to be sent when the page
 * is next opened).
 */
export function keepDelivering(
  store: VoteStore,
  key: string,
  { delivered, failed, send, timeout, delay }: DeliveryCallbacks,
): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const later = (seconds = 0) =>
    (timer = setTimeout(tryNow, Math.max(seconds * 1000, retryDelay(attempt++))));
  // The abort also removes the `online` listener.
  const stop = () => {
    controller.abort();
    clearTimeout(timer);
  };
  function tryNow(): void {
    clearTimeout(timer);
    if (signal.aborted) return;
    deliverVote(store, key, send, { signal, timeout: timeout || undefined }).then(
      (poll) => {
        if (signal.aborted) return;
        stop();
        if (poll) delivered(poll);
      },
      (error: unknown) => {
        if (signal.aborted) return;
        const final = isRejection(error);
        if (final) stop();
        else later((error as KabarFetchError | undefined)?.retryAfter);
        failed(error, final);
      },
    );
  }
  window.addEventListener('online', tryNow, { signal });
  if (delay) later();
  else tryNow();
  return stop;
}
