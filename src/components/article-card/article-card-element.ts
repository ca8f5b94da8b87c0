import { nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { parseDate } from '../../data/date.js';
import { KabarError } from '../../data/errors.js';
import type { FeedItem } from '../../data/model.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import { articleStrings } from '../../i18n/tables.js';
import { oneOf, wholeNumber } from '../../internal/attributes.js';
import { sanitizeHtml } from '../../internal/sanitize.js';
import { messageStyles } from '../../internal/message.styles.js';
import { KabarElement } from '../../internal/kabar-element.js';
import { resetStyles } from '../../internal/reset.styles.js';
import { ARTICLE_CARD_LAYOUTS, LOADING_MODES } from '../../types.js';
import type { ArticleCardLayout, LoadingMode } from '../../types.js';
import { articleStyles } from './article-card.styles.js';
import { renderArticle } from './article-template.js';

/**
 * One article: image, category, linked title, date, author and excerpt.
 *
 * Give it an `article` (an item of a parsed feed) or plain attributes. Feed text is always
 * rendered as text and URLs are limited to http(s), whatever the source. With `content`, the
 * article's HTML is shown once sanitized, by the browser's HTML Sanitizer API or, where there
 * is none, DOMPurify (either loaded on demand).
 *
 * @summary One news article as a card.
 * @tagname kabar-article-card
 *
 * @csspart article - The card's frame.
 * @csspart media - The box around the image; reserves its space before the image loads.
 * @csspart image - The image.
 * @csspart body - Everything beside or under the image.
 * @csspart category - The category label.
 * @csspart title - The heading that holds the link.
 * @csspart link - The title's link.
 * @csspart meta - Date, author and source.
 * @csspart excerpt - The summary.
 * @csspart content - The article's sanitized HTML (with `content`).
 *
 * @cssprop [--kabar-color-text=inherit] - Text colour.
 * @cssprop [--kabar-color-muted=#555f6b] - Colour of the date and author line.
 * @cssprop [--kabar-color-text-secondary=inherit] - Colour of the excerpt.
 * @cssprop [--kabar-color-accent=#0b6e4f] - Colour of the category and buttons.
 * @cssprop [--kabar-color-link=inherit] - Colour of the title link.
 * @cssprop [--kabar-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--kabar-color-skeleton=#e6e8eb] - Background of an image box while it loads.
 * @cssprop [--kabar-font-family=inherit] - Font of the card.
 * @cssprop [--kabar-font-family-heading=inherit] - Font of the title.
 * @cssprop [--kabar-font-size=1rem] - Base font size.
 * @cssprop [--kabar-line-height=1.5] - Base line height.
 * @cssprop [--kabar-space-xs=0.25rem] - Space between the lines of the text column.
 * @cssprop [--kabar-space-s=0.5rem] - Space between image and text, vertically.
 * @cssprop [--kabar-space-m=1rem] - Space between image and text, horizontally.
 * @cssprop [--kabar-radius-m=0.5rem] - Corner radius of the card and its image.
 * @cssprop [--kabar-article-image-ratio=16 / 9] - Aspect ratio of the image box.
 * @cssprop [--kabar-article-image-width=8.5rem] - Image width in the horizontal layout.
 * @cssprop [--kabar-article-image-width-narrow=5.5rem] - Image width in the horizontal layout when the card is 26rem wide or less (inside its padding); at most 30% of the card.
 * @cssprop [--kabar-article-title-size=1.125em] - Title font size.
 * @cssprop [--kabar-article-excerpt-lines=3] - Lines of excerpt before it is cut.
 * @cssprop [--kabar-article-padding=0] - Padding inside the card.
 * @cssprop [--kabar-article-background=transparent] - Card background.
 * @cssprop [--kabar-article-content-line-height=1.6] - Line height of the article's HTML (with `content`).
 * @cssprop [--kabar-radius-s=0.25rem] - Corner radius of small pieces.
 *
 * @fires {KabarErrorEvent} kabar-error - With `content`, the article's HTML could not be shown because its sanitizer could not be loaded (`detail.error.kind` is `network`). The excerpt stays; the card tries again on its next update and when the browser comes back online.
 */
export class KabarArticleCardElement extends KabarElement<'article'> {
  static override styles = [resetStyles, messageStyles, articleStyles];

  static override properties = {
    article: { attribute: false },
    heading: {},
    href: {},
    image: {},
    date: {},
    excerpt: {},
    category: {},
    author: {},
    layout: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    content: { type: Boolean },
    loading: {},
  };

  /** A feed item to show; when set, it wins over the attributes below. */
  article: FeedItem | undefined;

  /** The title, when no `article` is given. */
  heading = '';

  /** The article's URL (http or https). */
  href = '';

  /** The image URL (http or https). */
  image = '';

  /** Publication date: ISO 8601 or RFC 822. */
  date = '';

  /** The summary, as plain text. */
  excerpt = '';

  /** The category label. */
  category = '';

  /** The author's name. */
  author = '';

  /** `vertical` (image above), `horizontal` (image beside) or `compact` (no image or excerpt). */
  layout: ArticleCardLayout = 'vertical';

  /** Heading level of the title (2, 3 or 4), to fit the page's outline. */
  headingLevel = 3;

  /**
   * Show the article's full HTML (`article.content`) instead of the excerpt, sanitized: no
   * scripts, handlers, frames, forms or styles; links only http(s) and mailto, images only
   * http(s). The excerpt shows until the sanitizer has loaded.
   */
  content = false;

  /**
   * `lazy` renders the card only when it comes near the viewport (for cards below the first
   * screen: nothing is formatted, sanitized or laid out before); `eager` (the default) at once.
   */
  loading: LoadingMode = 'eager';

  readonly #visibility = new VisibilityController(this);
  #lazy = false;
  /** The sanitized HTML on screen, and the source it came from. */
  #body: { html: string; nodes: Node[] } | undefined;
  #sanitizing: string | undefined;

  constructor() {
    super({ article: articleStrings });
  }

  #fromAttributes(): FeedItem {
    // A lone card's id is never read (a list keys its items by theirs), and `safeUrl` takes an
    // empty URL for none.
    return {
      id: '',
      title: this.heading,
      summary: this.excerpt,
      authors: this.author ? [{ name: this.author }] : [],
      categories: this.category ? [this.category] : [],
      enclosures: [],
      link: this.href,
      image: this.image,
      published: parseDate(this.date),
    };
  }

  /** A lazy card not yet near the viewport. */
  get #deferred(): boolean {
    return this.#lazy && !this.#visibility.near;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('loading')) {
      this.#lazy = oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') === 'lazy';
      if (this.#lazy) this.#visibility.watchNear();
    }
    if (this.#deferred) return;
    const source = this.content ? this.article?.content : undefined;
    if (!source) {
      this.#body = this.#sanitizing = undefined;
      return;
    }
    if (this.#body?.html === source || this.#sanitizing === source) return;
    this.#sanitizing = source;
    sanitizeHtml(source, this.article?.link).then(
      (nodes) => {
        // A newer article or `content` change wins over a slower earlier one.
        if (this.#sanitizing !== source) return;
        this.#sanitizing = undefined;
        // Kept as nodes, not a fragment: a fragment empties when inserted, nodes can move.
        this.#body = { html: source, nodes: [...nodes.childNodes] };
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#sanitizing = undefined;
        // Without the sanitizer the excerpt stays: never unsanitized HTML. The next update tries
        // again, and so does the browser coming back online.
        window.addEventListener('online', this.#onOnline, { once: true });
        const message = 'The HTML sanitizer could not be loaded.';
        this.dispatchEvent(
          new KabarErrorEvent({ error: new KabarError('network', message, { cause: error }) }),
        );
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  override render() {
    if (this.#deferred) return nothing;
    return renderArticle(this.article ?? this.#fromAttributes(), {
      layout: oneOf(this, 'layout', this.layout, ARTICLE_CARD_LAYOUTS, 'vertical'),
      locale: this.locale,
      level: wholeNumber(this, 'heading-level', this.headingLevel, 3, 2),
      // `willUpdate` keeps `#body` only while `content` is on.
      body: this.#body?.html === this.article?.content ? this.#body?.nodes : undefined,
    });
  }

  readonly #onOnline = (): void => this.requestUpdate();
}
