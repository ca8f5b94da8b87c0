import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedState } from '../context.js';
import { KabarError, KabarFetchError, toKabarError } from '../data/errors.js';
import { DEFAULT_TIMEOUT, loadFeed } from '../data/loader.js';
import type { FeedLoader, LoadFeedOptions } from '../data/loader.js';
import { appendPage, mergeFeeds } from '../data/merge.js';
import type { Feed, FeedFormat } from '../data/model.js';
import { FEED_FORMATS } from '../data/model.js';
import { KabarErrorEvent } from '../events/kabar-error.js';
import { KabarLoadEvent } from '../events/kabar-load.js';
import { oneOf, wholeNumber } from '../internal/attributes.js';
import { COMPLETE, ERROR, INITIAL, PENDING, Task, initialState, isAbort } from '../internal/task.js';

/** The loading attributes `<kabar-feed>` and `<kabar-news-list>` share. */
export interface FeedSourceHost extends ReactiveControllerHost, HTMLElement {
  src: string;
  format: string;
  timeout: number;
  refresh: number;
  proxy: string;
  loader: FeedLoader | undefined;
  /** Resolves when the host wants its feed (a lazy list near the viewport); loading waits for it. */
  ready?(signal: AbortSignal): Promise<void> | undefined;
}

/** The URLs of a `src` that may list several, space-separated. */
export function feedUrls(src: string): string[] {
  return src
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      try {
        return new URL(part, document.baseURI).href;
      } catch {
        throw new KabarError('invalid-url', `"${part}" is not a URL.`, { url: part });
      }
    });
}

/** First wait before a failed feed is tried again by itself; it doubles up to `RECOVER_MAX`. */
const RECOVER_FIRST = 15;
const RECOVER_MAX = 300;

/**
 * Loads the host's feed (a {@link Task}), refreshes it every `refresh` seconds while the page
 * is visible, fires `kabar-load`/`kabar-error`, and stops all work when the host leaves the page.
 */
export class FeedController implements ReactiveController {
  readonly #host: FeedSourceHost;
  /** The next load ignores a result already in memory (`loadFeed`'s `fresh`). */
  #bypassMemory = false;
  #lastGood: { src: string; feed: Feed } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #interrupted = false;
  #connected = false;
  #refresh: number | undefined;
  /** Pages appended by `loadMore`, valid while `base` is the feed on screen. */
  #paged: { base: Feed; feed: Feed } | undefined;
  #loadingMore = false;
  #more: AbortController | undefined;
  /** Failed loads in a row: the wait before the next automatic try grows with it. */
  #failures = 0;

  readonly #task: Task<[string, FeedFormat | undefined, number, string, FeedLoader], Feed>;

  constructor(host: FeedSourceHost) {
    this.#host = host;
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [
        host.src?.trim() ?? '',
        host.format ? oneOf(host, 'format', host.format, FEED_FORMATS, undefined) : undefined,
        wholeNumber(host, 'timeout', host.timeout, DEFAULT_TIMEOUT, 1),
        host.proxy?.trim() ?? '',
        host.loader ?? loadFeed,
      ],
      task: async ([src, format, timeout, proxy, loader], { signal }) => {
        if (!src) return initialState;
        const urls = feedUrls(src);
        const fresh = this.#bypassMemory;
        this.#bypassMemory = false;
        const options: LoadFeedOptions = { signal, timeout, fresh, ...(format ? { format } : {}) };
        if (proxy) options.proxy = proxy;
        this.#showStored(urls, loader, options);
        // Only a host that must wait makes the load wait: the others load in the same turn.
        const waiting = this.#host.ready?.(signal);
        if (waiting) await waiting;
        const results = await Promise.allSettled(urls.map((url) => loader(url, options)));
        const feeds = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const failures = results.flatMap((r, i) =>
          r.status === 'rejected' ? [{ error: r.reason as unknown, url: urls[i]! }] : [],
        );
        const aborted = failures.find((f) => isAbort(f.error));
        if (aborted) throw aborted.error;
        if (feeds.length === 0) throw failures[0]!.error;
        // One failing feed among several does not hide the others: report it and show the rest.
        for (const { error, url } of failures) {
          this.#host.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error, url) }));
        }
        return mergeFeeds(feeds);
      },
      onComplete: (feed) => {
        this.#failures = 0;
        this.#lastGood = { src: this.#host.src, feed };
        this.#paged = undefined;
        this.#schedule();
        this.#host.dispatchEvent(new KabarLoadEvent({ feed, url: this.#host.src }));
      },
      onError: (error) => {
        if (isAbort(error)) return;
        this.#failures++;
        // The task calls this before it records the error: hand it over.
        this.#schedule(error);
        this.#host.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error, this.#host.src) }));
      },
    });
  }

  /** The state to render or to provide to other widgets. */
  get state(): FeedState {
    const state = this.#baseState();
    if (!state.feed) return state;
    const feed = this.#paged?.base === state.feed ? this.#paged.feed : state.feed;
    return {
      ...state,
      feed,
      loadingMore: this.#loadingMore,
      ...(feed.next ? { loadMore: () => void this.loadMore() } : {}),
    };
  }

  #baseState(): FeedState {
    const src = this.#host.src?.trim();
    const last = this.#lastGood && this.#lastGood.src === this.#host.src ? this.#lastGood.feed : undefined;
    const { status, value, error } = this.#task;
    // An error other than the abort by the run that replaces it; a pending run keeps `last` too.
    const failed = status === ERROR && !isAbort(error);
    return {
      status:
        status === COMPLETE || (failed && last)
          ? 'ready'
          : failed
            ? 'error'
            : status === INITIAL && !src
              ? 'idle'
              : 'loading',
      feed: status === COMPLETE ? value : status === INITIAL ? undefined : last,
      error: failed ? toKabarError(error, src) : undefined,
      retry: () => this.retry(),
    };
  }

  /** Fetches the next page of the feed on screen and appends it. */
  async loadMore(): Promise<void> {
    const current = this.state.feed;
    const base = this.#baseState().feed;
    if (!current?.next || !base || this.#loadingMore) return;
    const loader = this.#host.loader ?? loadFeed;
    this.#more = new AbortController();
    this.#loadingMore = true;
    this.#host.requestUpdate();
    const options: LoadFeedOptions = {
      signal: this.#more.signal,
      timeout: wholeNumber(this.#host, 'timeout', this.#host.timeout, DEFAULT_TIMEOUT, 1),
      // The next page is the same API: read it as the first page was read.
      format: current.format,
    };
    const proxy = this.#host.proxy?.trim();
    if (proxy) options.proxy = proxy;
    try {
      const page = await loader(current.next, options);
      if (this.#baseState().feed === base) this.#paged = { base, feed: appendPage(current, page) };
    } catch (error) {
      if (!isAbort(error)) {
        this.#host.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error, current.next) }));
      }
    } finally {
      this.#loadingMore = false;
      this.#more = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Shows the stored copy of the feeds at once while they load (stale-while-revalidate). */
  #showStored(urls: string[], loader: FeedLoader, options: LoadFeedOptions): void {
    if (!loader.peek || (this.#lastGood && this.#lastGood.src === this.#host.src)) return;
    const stored = urls.flatMap((url) => loader.peek!(url, options) ?? []);
    if (stored.length === 0) return;
    this.#lastGood = { src: this.#host.src, feed: mergeFeeds(stored) };
    // The task runs inside the host's update, after `<kabar-feed>` computed what it provides.
    queueMicrotask(() => this.#host.requestUpdate());
  }

  /**
   * Starts loading before the host's first update (which may wait for something else, such as
   * its strings); the update then finds the load under way.
   */
  start(): void {
    this.#task.hostUpdate();
  }

  /** Loads again now, bypassing any result already in memory. */
  retry(): void {
    this.#bypassMemory = true;
    void this.#task.run();
  }

  hostConnected(): void {
    this.#connected = true;
    window.addEventListener('online', this.#onOnline);
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.#task.run();
    } else {
      this.#schedule();
    }
  }

  hostUpdated(): void {
    if (this.#host.refresh !== this.#refresh) {
      this.#refresh = this.#host.refresh;
      if (this.#task.status !== PENDING) this.#schedule();
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#more?.abort();
    if (this.#task.status === PENDING) {
      this.#interrupted = true;
      this.#task.abort();
    }
  }

  /**
   * Seconds until the next automatic load: the `refresh` period, or sooner after a failure, so
   * a widget recovers by itself when its feed comes back (the server's `Retry-After` first, then
   * a growing wait). Undefined when nothing is due.
   */
  #nextDelay(error: unknown): number | undefined {
    const refresh = wholeNumber(this.#host, 'refresh', this.#host.refresh, 0) || undefined;
    if (this.#failures === 0 || error === undefined) return refresh;
    if (error instanceof KabarError && (error.kind === 'invalid-url' || error.kind === 'format'))
      return refresh;
    const retryAfter = error instanceof KabarFetchError ? error.retryAfter : undefined;
    const wait =
      retryAfter !== undefined ? Math.max(retryAfter, 1) : RECOVER_FIRST * 2 ** (this.#failures - 1);
    return Math.min(wait, RECOVER_MAX, refresh ?? Infinity);
  }

  #schedule(error: unknown = this.#task.status === ERROR ? this.#task.error : undefined): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const seconds = this.#nextDelay(error);
    if (!this.#connected || seconds === undefined || !this.#host.src) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // No work for a tab nobody is looking at: refresh when it is shown again.
      if (document.hidden) document.addEventListener('visibilitychange', this.#onVisible);
      else this.retry();
    }, seconds * 1000);
  }

  /** Back online: a widget showing an error (or an old copy) tries again at once. */
  readonly #onOnline = (): void => {
    if (this.#task.status === ERROR) this.retry();
  };

  readonly #onVisible = (): void => {
    if (document.hidden) return;
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.retry();
  };
}
