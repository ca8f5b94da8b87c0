import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { isoInstant } from '../../data/date.js';
import type { FeedItem } from '../../data/model.js';
import { truncate } from './truncate.js';
import { safeUrl } from '../../data/url.js';
import { formatDate } from '../../i18n/format.js';
import type { ArticleCardLayout } from '../../types.js';

export interface ArticleTemplateOptions {
  layout: ArticleCardLayout;
  locale: LocaleController<'article'>;
  /**
   * Heading level of the title: 3 under a list heading, configurable on a lone card (2, 3 or 4;
   * any other number is 3).
   */
  level?: number;
  /**
   * The category to show: a list filtered by one category shows that one. Absent or empty, the
   * article's first.
   */
  category?: string | undefined;
  /** Hide images (data saver). */
  images?: boolean;
  /** A source not worth repeating on every item: the title of the feed being listed. */
  feedTitle?: string | undefined;
  /** Sanitized article HTML to show instead of the excerpt. */
  body?: readonly Node[] | undefined;
}

/** A broken image leaves its reserved box empty rather than showing the browser's broken icon. */
function hideBroken(event: Event): void {
  (event.target as HTMLImageElement).hidden = true;
}

const EXCERPT_LENGTH = 240;

/**
 * One article. Every value from the feed is bound as text or through `safeUrl`, so nothing the
 * feed wrote becomes markup, a script URL or an event handler.
 */
export function renderArticle(item: FeedItem, options: ArticleTemplateOptions): TemplateResult {
  const { layout, locale, level = 3 } = options;
  const strings = locale.strings;
  const href = safeUrl(item.link);
  const image = options.images !== false && layout !== 'compact' && safeUrl(item.image);
  const category = options.category || item.categories[0];
  const date = item.published ?? item.updated;
  const author = item.authors[0]?.name;
  const title = item.title || strings.article.untitled;
  const link = href
    ? html`<a part="link" href=${href}>${title}</a>`
    : html`<span part="link">${title}</span>`;
  // Dynamic tag names need unsafeStatic; three fixed branches keep the template static and safe.
  const heading =
    level === 2
      ? html`<h2 part="title" class="title">${link}</h2>`
      : level === 4
        ? html`<h4 part="title" class="title">${link}</h4>`
        : html`<h3 part="title" class="title">${link}</h3>`;
  const excerpt = layout !== 'compact' && truncate(item.summary, EXCERPT_LENGTH);
  // The compact layout is a headline and a date; authors and sources are for the fuller ones. A
  // source is named unless it is the feed being listed or the author already named.
  const by = layout !== 'compact' && author;
  const from =
    layout !== 'compact' && item.source !== options.feedTitle && item.source !== author && item.source;
  return html`
    <article part="article" class="article ${classMap({ [layout]: true, 'has-image': !!image })}">
      ${
        image
          ? html`<figure part="media" class="media">
              <img
                part="image"
                src=${image}
                alt=""
                loading="lazy"
                decoding="async"
                width="640"
                height="360"
                @error=${hideBroken}
              />
            </figure>`
          : nothing
      }
      <div part="body" class="body">
        ${category && layout !== 'compact' ? html`<p part="category" class="category">${category}</p>` : nothing}
        ${heading}
        ${
          date || by || from
            ? html`<p part="meta" class="meta">
                ${date ? html`<time datetime=${isoInstant(date)}>${formatDate(locale.lang, date)}</time>` : nothing}
                ${by ? html`<span>${strings.article.by(by)}</span>` : nothing}
                ${from ? html`<span class="source">${from}</span>` : nothing}
              </p>`
            : nothing
        }
        ${
          options.body
            ? html`<div part="content" class="content">${options.body}</div>`
            : excerpt
              ? html`<p part="excerpt" class="excerpt">${excerpt}</p>`
              : nothing
        }
      </div>
    </article>
  `;
}
