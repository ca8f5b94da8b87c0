/**
 * Sending a vote and the queue that retries it until the service has counted it: the part of
 * the poll layer that only runs once a reader votes. `poll.ts` loads it on demand and exports
 * these functions under the same names; import them from there.
 */
import { KabarParseError } from './errors.js';
import type { KabarFetchError } from './errors.js';
import { requestPoll } from './poll.js';
import type {
  DeliveryCallbacks,
  Poll,
  PollRequestOptions,
  StoredVote,
  VoteSender,
  VoteStore,
} from './poll.js';

/** See `sendVote` in `poll.ts`. */
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

/** See `deliverVote` in `poll.ts`. */
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

/** See `keepDelivering` in `poll.ts`. */
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
