import { css } from 'lit';

export const newsListStyles = css`
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--kabar-space-m, 1rem);
    margin: 0 0 var(--kabar-space-m, 1rem);
  }
  .heading {
    margin: 0;
    font-family: var(--kabar-font-family-heading, inherit);
    font-size: var(--kabar-news-list-heading-size, 1.375em);
    line-height: 1.25;
  }
  .items {
    display: grid;
    gap: var(--kabar-news-list-gap, var(--kabar-space-l, 1.5rem));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /*
   * An item off screen is not styled, laid out or painted (nor is a skeleton's pulse run) until
   * it comes near: long lists cost what the screen shows. The estimate holds its place until
   * then; after that, its last real size does. (The list's items are the only li here.)
   */
  li {
    min-width: 0;
    content-visibility: auto;
    contain-intrinsic-block-size: auto var(--kabar-news-list-item-size, 11rem);
    /* Paint containment clips at the box: leave room for the title's focus ring around it. */
    overflow-clip-margin: 0.5rem;
  }
  li::marker {
    content: none;
  }
  .grid .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--kabar-news-list-column, 15rem)), 1fr));
  }
  .grid li {
    contain-intrinsic-block-size: auto var(--kabar-news-list-item-size, 18rem);
  }
  .compact .items {
    gap: 0;
  }
  .compact li {
    contain-intrinsic-block-size: auto var(--kabar-news-list-item-size, 3.5rem);
    padding: var(--kabar-space-s, 0.5rem) 0;
    border-bottom: 1px solid var(--kabar-color-border, #dde1e6);
  }
  .compact li:first-child {
    padding-top: 0;
  }

  /* Skeletons take the size of the items they stand for, so nothing moves when news arrives. */
  .skeleton .article {
    pointer-events: none;
  }
  .bone {
    display: block;
    border-radius: var(--kabar-radius-s, 0.25rem);
    background: var(--kabar-color-skeleton, #e6e8eb);
  }
  /* Lines and short lines are bones only. */
  .line {
    height: 1em;
    margin: 0.25em 0;
  }
  .bone.title {
    height: 1.25em;
    width: 90%;
  }
  .short {
    width: 40%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: kabar-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes kabar-pulse {
    50% {
      opacity: 0.55;
    }
  }

  .notice {
    margin: 0 0 var(--kabar-space-m, 1rem);
    color: var(--kabar-color-muted, #555f6b);
    font-size: var(--kabar-news-list-notice-size, 0.875em);
  }
  .more {
    display: flex;
    justify-content: center;
    margin-top: var(--kabar-space-l, 1.5rem);
  }
  .more [aria-disabled='true'] {
    cursor: progress;
    opacity: var(--kabar-news-list-busy-opacity, 0.6);
  }
`;
