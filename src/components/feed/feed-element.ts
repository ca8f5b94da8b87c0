import { LitElement, html } from 'lit';
import type { PropertyDeclaration, PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { feedContext } from '../../context.js';
import { FeedController } from '../../controllers/feed-controller.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import type { FeedLoader } from '../../data/loader.js';
import { oneOf, unsetMeansDefault } from '../../internal/attributes.js';
import { Waiters } from '../../internal/waiters.js';
import { LOADING_MODES } from '../../types.js';
import type { LoadingMode } from '../../types.js';
import { feedStyles } from './feed.styles.js';

/**
 * Loads one feed and hands it to every Kabar widget inside it, so that a list, a headline and
 * a ticker on one page cost one request. It renders nothing of its own: put the widgets in it.
 * Inside a `hidden` element (a closed tab panel) it fetches nothing until shown, and while hidden
 * in any way (`display: none`) it does not refresh.
 *
 * @summary Loads a feed once for the widgets inside it.
 * @tagname kabar-feed
 *
 * @slot - The widgets that show this feed, and any other content.
 *
 * @fires {KabarLoadEvent} kabar-load - The feed loaded or refreshed. `event.detail.feed` is the parsed feed.
 * @fires {KabarErrorEvent} kabar-error - Loading failed. `event.detail.error` says why (`kind`, `status`, `url`).
 */
export class KabarFeedElement extends LitElement {
  static override styles = feedStyles;

  // Declared here rather than with `@property()` (see `KabarShareBarElement.properties`).
  static override properties = {
    src: {},
    format: {},
    refresh: { type: Number },
    timeout: { type: Number },
    proxy: {},
    loader: { attribute: false },
    loading: {},
  };

  /** A removed attribute, or a property set to `null` or `undefined`, means its default. */
  protected static override getPropertyDescriptor(
    name: PropertyKey,
    key: string | symbol,
    options: PropertyDeclaration,
  ): PropertyDescriptor | undefined {
    return unsetMeansDefault(super.getPropertyDescriptor(name, key, options), name, options);
  }

  /**
   * URL of the feed (RSS, Atom, JSON Feed, WordPress REST, the portal API), relative to the
   * page; or several separated by spaces, merged newest first and de-duplicated by link.
   */
  src = '';

  /** Read the feed as this format instead of detecting it: `rss`, `rdf`, `atom`, `json-feed`, `wordpress` or `jabarprov`. */
  format = '';

  /** Seconds between refreshes while the page is visible; 0 never refreshes. */
  refresh = 0;

  /** Milliseconds before a request is given up. */
  timeout = 10_000;

  /**
   * A proxy for feeds served without CORS headers: a URL template in which `{url}` is replaced
   * by the feed's encoded URL, such as `https://proxy.example/?url={url}`.
   */
  proxy = '';

  /** Replaces the built-in loader (tests, or a site's own fetching). */
  loader: FeedLoader | undefined;

  /**
   * `lazy` loads the feed only once a widget inside is due to show it: an eager one at once, a
   * `loading="lazy"` one when it comes near the viewport. `eager` (the default) loads at once.
   */
  loading: LoadingMode = 'eager';

  /** What the widgets inside read: the feed's state, and how to say they want it. */
  readonly #provider = new ContextProvider(this, { context: feedContext });
  readonly #feed = new FeedController(this);
  readonly #visibility = new VisibilityController(this);
  /** Nothing inside wanted the feed yet (with `loading="lazy"`). */
  #unwanted = false;
  readonly #wanting = new Waiters();

  /** Loads the feed again now. */
  reload(): void {
    this.#feed.retry();
  }

  /**
   * @internal Resolves when the feed is wanted: at once, or once a hidden feed is shown. An
   * abort meanwhile rejects at once.
   */
  ready(signal: AbortSignal): Promise<void> | undefined {
    if (!this.#unwanted) return this.#visibility.whenShown(signal);
    return this.#wanting.wait(signal).then(() => this.#visibility.whenShown(signal));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('loading')) {
      const lazy = oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') === 'lazy';
      // Turning lazy after a widget wanted the feed changes nothing: it is wanted.
      if (!lazy) this.#want();
      else if (!this.hasUpdated) this.#unwanted = true;
    }
    const next = this.#feed.state;
    const prev = this.#provider.value;
    if (
      !prev ||
      prev.status !== next.status ||
      prev.feed !== next.feed ||
      prev.error !== next.error ||
      prev.loadingMore !== next.loadingMore
    ) {
      this.#provider.setValue({ ...next, want: this.#want });
    }
  }

  override render() {
    return html`<slot></slot>`;
  }

  readonly #want = (): void => {
    if (!this.#unwanted) return;
    this.#unwanted = false;
    this.#wanting.wake();
  };
}
