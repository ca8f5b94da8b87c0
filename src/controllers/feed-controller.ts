import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { FeedState } from '../context.js';
import { KabarError, toKabarError } from '../data/errors.js';
import { DEFAULT_TIMEOUT, loadFeed } from '../data/loader.js';
import type { FeedLoader } from '../data/loader.js';
import type { Feed, FeedFormat } from '../data/model.js';
import { FEED_FORMATS } from '../data/model.js';
import { KabarErrorEvent } from '../events/kabar-error.js';
import { KabarLoadEvent } from '../events/kabar-load.js';
import { oneOf, wholeNumber } from '../internal/attributes.js';

/** The loading attributes `<kabar-feed>` and `<kabar-news-list>` share. */
export interface FeedSourceHost extends ReactiveControllerHost, HTMLElement {
  src: string;
  format: string;
  timeout: number;
  refresh: number;
  loader: FeedLoader | undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Loads the host's feed with `@lit/task`, refreshes it every `refresh` seconds while the page
 * is visible, fires `kabar-load`/`kabar-error`, and stops all work when the host leaves the page.
 */
export class FeedController implements ReactiveController {
  readonly #host: FeedSourceHost;
  #fresh = false;
  #lastGood: { src: string; feed: Feed } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #interrupted = false;
  #connected = false;
  #refresh: number | undefined;

  readonly #task: Task<[string, FeedFormat | undefined, number, FeedLoader], Feed>;

  constructor(host: FeedSourceHost) {
    this.#host = host;
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [
        host.src?.trim() ?? '',
        host.format ? oneOf(host, 'format', host.format, FEED_FORMATS, undefined) : undefined,
        wholeNumber(host, 'timeout', host.timeout, DEFAULT_TIMEOUT, 1),
        host.loader ?? loadFeed,
      ],
      task: async ([src, format, timeout, loader], { signal }) => {
        if (!src) return initialState;
        let url: string;
        try {
          url = new URL(src, document.baseURI).href;
        } catch {
          throw new KabarError('invalid-url', `"${src}" is not a URL.`, { url: src });
        }
        const fresh = this.#fresh;
        this.#fresh = false;
        return loader(url, { signal, timeout, ...(format ? { format } : {}), fresh });
      },
      onComplete: (feed) => {
        this.#lastGood = { src: this.#host.src, feed };
        this.#schedule();
        this.#host.dispatchEvent(new KabarLoadEvent({ feed, url: this.#host.src }));
      },
      onError: (error) => {
        if (isAbort(error)) return;
        this.#schedule();
        this.#host.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error, this.#host.src) }));
      },
    });
  }

  /** The state to render or to provide to other widgets. */
  get state(): FeedState {
    const retry = () => this.retry();
    const src = this.#host.src?.trim();
    const last = this.#lastGood && this.#lastGood.src === this.#host.src ? this.#lastGood.feed : undefined;
    switch (this.#task.status) {
      case TaskStatus.COMPLETE:
        return { status: 'ready', feed: this.#task.value, error: undefined, retry };
      case TaskStatus.ERROR: {
        const error = this.#task.error;
        if (isAbort(error)) return { status: 'loading', feed: last, error: undefined, retry };
        return { status: last ? 'ready' : 'error', feed: last, error: toKabarError(error, src), retry };
      }
      case TaskStatus.PENDING:
        return { status: 'loading', feed: last, error: undefined, retry };
      default:
        return { status: src ? 'loading' : 'idle', feed: undefined, error: undefined, retry };
    }
  }

  /** Loads again now, bypassing any result already in memory. */
  retry(): void {
    this.#fresh = true;
    void this.#task.run();
  }

  hostConnected(): void {
    this.#connected = true;
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
      if (this.#task.status !== TaskStatus.PENDING) this.#schedule();
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    document.removeEventListener('visibilitychange', this.#onVisible);
    if (this.#task.status === TaskStatus.PENDING) {
      this.#interrupted = true;
      this.#task.abort();
    }
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const seconds = wholeNumber(this.#host, 'refresh', this.#host.refresh, 0);
    if (!this.#connected || seconds === 0 || !this.#host.src) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // No work for a tab nobody is looking at: refresh when it is shown again.
      if (document.hidden) document.addEventListener('visibilitychange', this.#onVisible);
      else this.retry();
    }, seconds * 1000);
  }

  readonly #onVisible = (): void => {
    if (document.hidden) return;
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.retry();
  };
}
