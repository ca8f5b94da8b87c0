import { css } from 'lit';

export const commentsStyles = css`
  .heading {
    margin: 0 0 var(--kabar-space-m, 1rem);
    font-family: var(--kabar-font-family-heading, inherit);
    font-size: var(--kabar-comments-heading-size, 1.375em);
    line-height: 1.25;
  }
  /*
   * The shared .message box, taller: it reserves room for the embed, so the page moves as
   * little as possible when it arrives.
   */
  .placeholder {
    align-content: center;
    gap: var(--kabar-space-m, 1rem);
    min-height: var(--kabar-comments-min-height, 12rem);
    padding: var(--kabar-space-l, 1.5rem);
  }
  .placeholder p {
    max-width: 40em;
  }
  .note {
    color: var(--kabar-color-muted, #555f6b);
    font-size: var(--kabar-font-size-small, 0.875em);
  }
  a {
    color: var(--kabar-color-link, inherit);
  }
  .embed {
    min-width: 0;
  }
  .attribution {
    margin: var(--kabar-space-s, 0.5rem) 0 0;
  }
`;
