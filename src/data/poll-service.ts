/**
 * Talking to a poll service: `fetchPoll` reads the current poll, and `requestPoll` is the one
 * request both reading and voting (`vote-delivery.ts`) make, with its timeout and typed errors.
 */
import { KabarFetchError, KabarParseError } from './errors.js';
import { parsePoll, type Poll } from './poll.js';

export interface PollRequestOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up. Default 10,000. */
  timeout?: number;
}

/**
 * One request to the poll service (internal: `fetchPoll` and `sendVote` are the API), answered
 * by a poll: `null` for none (204 or `{"poll": null}`).
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

/** `GET url`: the poll, or `null` when the service has none (204 or `{"poll": null}`). */
export function fetchPoll(url: string, options: PollRequestOptions = {}): Promise<Poll | null> {
  return requestPoll(url, { headers: { Accept: 'application/json' } }, options);
}
