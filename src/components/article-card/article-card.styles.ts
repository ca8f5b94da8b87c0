import { css } from 'lit';

/**
 * The look of one article, shared by `<kabar-article-card>` and each item of
 * `<kabar-news-list>` so both are themed by the same parts and properties.
 */
export const articleStyles = css`
  .article {
    position: relative;
    display: grid;
    gap: var(--kabar-space-s, 0.5rem) var(--kabar-space-m, 1rem);
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    height: 100%;
    padding: var(--kabar-article-padding, 0);
    background: var(--kabar-article-background, transparent);
    border-radius: var(--kabar-radius-m, 0.5rem);
  }
  /*
   * On a phone the text column needs the room more than the picture does: in a card 26rem wide
   * or less, the picture takes the narrow width. The step is a clamp on the card's own width
   * (100%): a container query would need size containment on the host, which takes the
   * widget's width away from pages that size boxes from their content.
   */
  .horizontal.has-image {
    grid-template-columns:
      clamp(
        /* In a card squeezed narrower still, the picture gives up room before the title does. */
        min(var(--kabar-article-image-width-narrow, 5.5rem), 30%),
        (100% - 26rem) * 1000,
        var(--kabar-article-image-width, 8.5rem)
      )
      minmax(0, 1fr);
    align-items: start;
  }
  .media {
    margin: 0;
    aspect-ratio: var(--kabar-article-image-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--kabar-radius-m, 0.5rem);
    background: var(--kabar-color-skeleton, #e6e8eb);
  }
  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--kabar-space-xs, 0.25rem);
    min-width: 0;
  }
  .category {
    margin: 0;
    color: var(--kabar-color-accent, #0b6e4f);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
  .title {
    margin: 0;
    font-family: var(--kabar-font-family-heading, inherit);
    font-size: var(--kabar-article-title-size, 1.125em);
    font-weight: 700;
    line-height: 1.3;
  }
  .compact .title {
    font-size: 1em;
    font-weight: 600;
  }
  .title a {
    color: var(--kabar-color-link, inherit);
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
  }
  /* The whole card is the title's link target, while the link alone is announced. */
  .title a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  .title a:focus-visible {
    outline: none;
  }
  .title a:focus-visible::after {
    outline: 3px solid var(--kabar-color-focus, #1a73e8);
    outline-offset: 2px;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    margin: 0;
    color: var(--kabar-color-muted, #555f6b);
    font-size: 0.875em;
  }
  /* The separator ends a line rather than starting the next one when the meta line wraps. */
  .meta > :not(:last-child)::after {
    content: '·';
    margin-inline-start: 0.5em;
  }
  .excerpt {
    margin: 0;
    color: var(--kabar-color-text-secondary, inherit);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--kabar-article-excerpt-lines, 3);
    overflow: hidden;
  }

  /* Sanitized article HTML: nothing in it may overflow the card. */
  .content {
    min-width: 0;
    overflow-wrap: anywhere;
    line-height: var(--kabar-article-content-line-height, 1.6);
  }
  .content img {
    max-width: 100%;
    height: auto;
    border-radius: var(--kabar-radius-s, 0.25rem);
  }
  .content table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  .content pre {
    max-width: 100%;
    overflow-x: auto;
  }
`;
