import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContextConsumer } from '@lit/context';
import { feedContext } from '../../context.js';
import type { FeedState } from '../../context.js';
import { FeedController } from '../../controllers/feed-controller.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import type { KabarError } from '../../data/errors.js';
import type { FeedLoader } from '../../data/loader.js';
import type { Feed, FeedItem } from '../../data/model.js';
import { articleStrings, errorStrings, newsListStrings, retryStrings } from '../../i18n/tables.js';
import { oneOf, wholeNumber } from '../../internal/attributes.js';
import { messageStyles } from '../../internal/message.styles.js';
import { KabarElement } from '../../internal/kabar-element.js';
import { resetStyles } from '../../internal/reset.styles.js';
import { LOADING_MODES, NEWS_LIST_LAYOUTS } from '../../types.js';
import type { ArticleCardLayout, LoadingMode, NewsListLayout } from '../../types.js';
import { articleStyles } from '../article-card/article-card.styles.js';
import { renderArticle } from '../article-card/article-template.js';
import { newsListStyles } from './news-list.styles.js';

const CARD_LAYOUT: Record<NewsListLayout, ArticleCardLayout> = {
  list: 'horizontal',
  grid: 'vertical',
  compact: 'compact',
};

/** Values of `images`. */
const IMAGE_MODES = ['auto', 'off'] as const;

/** The visitor asked the browser to save data (Chromium's `navigator.connection.saveData`). */
function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/** Skeleton rows shown while loading: enough to hold the first screen, never more than `limit`. */
const MAX_SKELETONS = 4;

/**
 * A list of news from a feed: its own (`src`) or that of the `<kabar-feed>` around it.
 *
 * It shows a skeleton while loading, a message with a retry button when the feed fails, a
 * message when there is nothing to show, and otherwise the newest `limit` articles. Inside a
 * `hidden` element (a closed tab panel) it fetches nothing until shown, and while hidden in any
 * way (`display: none`) it does not refresh.
 *
 * @summary The news list: loading, error, empty and loaded states.
 * @tagname kabar-news-list
 *
 * @slot header - Replaces the heading row.
 * @slot empty - Replaces the message shown when there is no news.
 * @slot error - Replaces the message shown when the feed fails (the retry button stays).
 *
 * @csspart header - The heading row.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>` of articles.
 * @csspart item - Each `<li>`.
 * @csspart article - Each article's frame (and the article parts of `<kabar-article-card>`: media, image, body, category, title, link, meta, excerpt).
 * @csspart media - The box around an image.
 * @csspart image - An image.
 * @csspart body - An article's text column.
 * @csspart category - An article's category.
 * @csspart title - An article's heading.
 * @csspart link - An article's link.
 * @csspart meta - An article's date, author and source.
 * @csspart excerpt - An article's summary.
 * @csspart message - The loading, empty or error message box.
 * @csspart retry - The retry button.
 * @csspart more - The "load more" button (with `page-size`).
 * @csspart notice - The quiet line saying a saved copy is shown because the source failed.
 *
 * @cssprop [--kabar-news-list-gap=1.5rem] - Space between articles.
 * @cssprop [--kabar-news-list-column=15rem] - Narrowest column of the grid layout.
 * @cssprop [--kabar-news-list-item-size=11rem] - Height assumed for an item not yet shown (far off screen, so not laid out): 18rem in the grid, 3.5rem compact by default.
 * @cssprop [--kabar-news-list-heading-size=1.375em] - Heading font size.
 * @cssprop [--kabar-color-border=#dde1e6] - Rules between items of the compact layout.
 * @cssprop [--kabar-color-surface-muted=#f3f5f7] - Background of messages.
 * @cssprop [--kabar-color-danger=#b3261e] - Accent of the error message.
 * @cssprop [--kabar-color-muted=#555f6b] - Colour of the saved-copy notice.
 * @cssprop [--kabar-news-list-notice-size=0.875em] - Font size of the saved-copy notice.
 * @cssprop [--kabar-news-list-busy-opacity=0.6] - Opacity of the "load more" button while it loads.
 * @cssprop [--kabar-color-skeleton=#e6e8eb] - Skeleton and image box colour.
 * @cssprop [--kabar-color-accent=#0b6e4f] - Background of the retry button.
 * @cssprop [--kabar-color-on-accent=#fff] - Text of the retry button.
 * @cssprop [--kabar-font-family-heading=inherit] - Font of the heading.
 * @cssprop [--kabar-radius-s=0.25rem] - Corner radius of skeleton lines.
 * @cssprop [--kabar-radius-m=0.5rem] - Corner radius of messages and buttons.
 * @cssprop [--kabar-space-s=0.5rem] - Small gaps: rows of the compact layout, inside messages.
 * @cssprop [--kabar-space-m=1rem] - Padding of messages, space under the heading.
 * @cssprop [--kabar-space-l=1.5rem] - Fallback of `--kabar-news-list-gap`.
 *
 * @fires {KabarLoadEvent} kabar-load - With `src`: the feed loaded or refreshed.
 * @fires {KabarErrorEvent} kabar-error - With `src`: loading failed (once per failing feed when `src` lists several, and when a next page fails).
 */
export class KabarNewsListElement extends KabarElement<'newsList' | 'error' | 'retry' | 'article'> {
  static override styles = [resetStyles, messageStyles, articleStyles, newsListStyles];

  static override properties = {
    src: {},
    format: {},
    refresh: { type: Number },
    timeout: { type: Number },
    proxy: {},
    loader: { attribute: false },
    loading: {},
    images: {},
    limit: { type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    category: {},
    layout: { reflect: true },
    heading: {},
  };

  /**
   * URL of a feed of its own, or several separated by spaces (merged newest first); without it
   * the list shows the feed of the enclosing `<kabar-feed>`.
   */
  src = '';

  /** Read the feed as this format instead of detecting it. */
  format = '';

  /** Seconds between refreshes while the page is visible (with `src`); 0 never refreshes. */
  refresh = 0;

  /** Milliseconds before a request is given up (with `src`). */
  timeout = 10_000;

  /**
   * A proxy for feeds served without CORS headers: a URL template in which `{url}` is replaced
   * by the feed's encoded URL, such as `https://proxy.example/?url={url}`.
   */
  proxy = '';

  /** Replaces the built-in loader (with `src`). */
  loader: FeedLoader | undefined;

  /**
   * `lazy` fetches the feed and renders its articles only when the list comes near the
   * viewport (for lists below the first screen; the skeleton holds the place meanwhile);
   * `eager` (the default) does both at once.
   */
  loading: LoadingMode = 'eager';

  /**
   * `off` lists articles without images. `auto` (the default) shows them, unless the visitor
   * turned on the browser's data saver (`navigator.connection.saveData`).
   */
  images: 'auto' | 'off' = 'auto';

  /** Most articles shown. */
  limit = 10;

  /**
   * Articles per page: when set, the list shows this many and a "load more" button that shows
   * the next ones, fetching the source's next page (WordPress, the portal API, JSON Feed
   * `next_url`, Atom `rel="next"`) when those loaded run out. `limit` does not apply then.
   * 0 (the default) shows one list of `limit` articles.
   */
  pageSize = 0;

  /** Show only articles in this category (case-insensitive). */
  category = '';

  /** `list` (image beside text), `grid` (cards in columns) or `compact` (titles and dates). */
  layout: NewsListLayout = 'list';

  /** A visible heading above the list. */
  heading = '';

  /** The state of the enclosing `<kabar-feed>`, if any. */
  readonly #context = new ContextConsumer(this, { context: feedContext, subscribe: true });
  readonly #feed = new FeedController(this);
  readonly #visibility = new VisibilityController(this);
  #limit = 10;
  #pageSize = 0;
  /** Articles shown with paging: a multiple of the page size. */
  #shown = 0;
  /** `images="off"`. */
  #noImages = false;
  #lazy = false;

  constructor() {
    super({ newsList: newsListStrings, error: errorStrings, retry: retryStrings, article: articleStrings });
  }

  /** `layout`, or its default when it is not valid (with one warning). */
  get #layout(): NewsListLayout {
    return oneOf(this, 'layout', this.layout, NEWS_LIST_LAYOUTS, 'list');
  }

  /** Loads the feed again (the shared one, inside a `<kabar-feed>`). */
  reload(): void {
    this.#state.retry();
  }

  get #state(): FeedState {
    // An explicit `src` always wins over the context.
    return this.src || !this.#context.value ? this.#feed.state : this.#context.value;
  }

  /**
   * @internal Resolves when the feed is wanted: at once, or once a lazy list nears the viewport
   * (its skeleton holds the place meanwhile), or once a hidden list is shown. An abort meanwhile
   * rejects at once.
   */
  ready(signal: AbortSignal): Promise<void> | undefined {
    // Read here: the load may start before the first update computed `#lazy`.
    return this.#visibility.whenWanted(
      oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') === 'lazy',
      signal,
    );
  }

  protected override startLoading(): void {
    this.#feed.start();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('images')) {
      this.#noImages = oneOf(this, 'images', this.images, IMAGE_MODES, 'auto') === 'off';
    }
    if (changed.has('loading')) {
      this.#lazy = oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') === 'lazy';
      if (this.#lazy) this.#visibility.watchNear();
      else this.#visibility.release();
    }
    if (changed.has('limit')) this.#limit = wholeNumber(this, 'limit', this.limit, 10, 1);
    if (changed.has('pageSize')) this.#pageSize = wholeNumber(this, 'page-size', this.pageSize, 0);
    // Paging starts over with a new page size, source or category.
    if (changed.has('pageSize') || changed.has('src') || changed.has('category')) {
      this.#shown = this.#pageSize;
    }
  }

  override updated(): void {
    // Due to show a shared feed: a lazy <kabar-feed> around waits for this before it loads.
    if (!this.src && !(this.#lazy && !this.#visibility.near)) this.#context.value?.want?.();
  }

  override render() {
    const state = this.#state;
    // A lazy list keeps its skeleton until it nears the viewport, even with the feed at hand.
    const feed = this.#lazy && !this.#visibility.near ? undefined : state.feed;
    const busy = state.status === 'loading' || state.status === 'idle' || Boolean(state.feed && !feed);
    return html`
      <section
        class=${this.#layout}
        aria-busy=${busy}
        aria-label=${this.heading ? nothing : this.locale.strings.newsList.label}
      >
        <slot name="header">
          ${
            this.heading
              ? html`<div part="header" class="header">
                  <h2 part="heading" class="heading">${this.heading}</h2>
                </div>`
              : nothing
          }
        </slot>
        ${
          // A refresh failed: the copy on screen stays, with a quiet notice.
          feed && state.error
            ? html`<p part="notice" class="notice" role="status">${this.locale.strings.newsList.stale}</p>`
            : nothing
        }
        ${
          feed
            ? this.#renderItems(feed, state)
            : state.status === 'error'
              ? this.#renderError(state.error!)
              : this.#renderLoading()
        }
      </section>
    `;
  }

  #renderLoading() {
    const layout = CARD_LAYOUT[this.#layout];
    const rows = Array.from(
      { length: Math.min(this.#limit, MAX_SKELETONS) },
      () =>
        html` <li class="skeleton" aria-hidden="true">
          <div class="article ${classMap({ [layout]: true, 'has-image': layout !== 'compact' })}">
            ${layout === 'compact' ? nothing : html`<div class="media bone"></div>`}
            <div class="body">
              <span class="bone title"></span>
              <span class="bone line short"></span>
              ${layout === 'compact' ? nothing : html`<span class="bone line"></span><span class="bone line"></span>`}
            </div>
          </div>
        </li>`,
    );
    return html`
      <p class="visually-hidden" role="status">${this.locale.strings.newsList.loading}</p>
      <ul part="list" class="items">
        ${rows}
      </ul>
    `;
  }

  #renderError(error: KabarError) {
    const strings = this.locale.strings;
    const status = 'status' in error ? Number(error.status) : 0;
    return html`
      <div part="message" class="message error" role="alert">
        <slot name="error"><p>${strings.error[error.kind](status)}</p></slot>
        <button part="retry" type="button" @click=${this.reload}>${strings.retry}</button>
      </div>
    `;
  }

  #filtered(all: FeedItem[]): FeedItem[] {
    const category = this.category.trim().toLowerCase();
    return category ? all.filter((item) => item.categories.some((c) => c.toLowerCase() === category)) : all;
  }

  #renderItems(feed: Feed, state: FeedState) {
    const filter = this.category.trim();
    const filtered = this.#filtered(feed.items);
    const paged = this.#pageSize > 0;
    const items = filtered.slice(0, paged ? this.#shown : this.#limit);
    const strings = this.locale.strings.newsList;
    if (items.length === 0) {
      return html`
        <div part="message" class="message empty">
          <slot name="empty"><p>${filter ? strings.emptyCategory(filter) : strings.empty}</p></slot>
        </div>
      `;
    }
    const options = {
      layout: CARD_LAYOUT[this.#layout],
      locale: this.locale,
      level: (this.heading ? 3 : 2) as 2 | 3,
      category: filter,
      feedTitle: feed.title,
      images: !this.#noImages && !saveData(),
    };
    const busy = state.loadingMore === true;
    return html`
      <ul part="list" class="items">
        ${repeat(
          items,
          (item) => item.id,
          (item) => html`<li part="item">${renderArticle(item, options)}</li>`,
        )}
      </ul>
      ${
        // With paging, "load more" while loaded articles are hidden or the source has a next page.
        paged && (items.length < filtered.length || state.loadMore)
          ? html`
              <div class="more">
                <button part="more" type="button" aria-disabled=${busy} @click=${this.#onMore}>
                  ${strings.more}
                </button>
                <span class="visually-hidden" role="status">${busy ? strings.loadingMore : ''}</span>
              </div>
            `
          : nothing
      }
    `;
  }

  #onMore = (): void => {
    const state = this.#state;
    if (state.loadingMore || !state.feed) return;
    this.#shown += this.#pageSize;
    this.requestUpdate();
    // Loaded articles run out: fetch the source's next page.
    if (this.#filtered(state.feed.items).length < this.#shown) state.loadMore?.();
  };
}
