import { css } from 'lit';

export const shareBarStyles = css`
  .bar,
  .list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kabar-share-bar-gap, var(--kabar-space-s, 0.5rem));
  }
  .bar {
    align-items: baseline;
  }
  .label {
    margin-inline-end: var(--kabar-space-xs, 0.25rem);
    font-weight: var(--kabar-share-bar-label-weight, 600);
  }
  .list {
    flex: 1 1 20rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .column,
  .column .list {
    flex-direction: column;
  }
  .column {
    align-items: stretch;
  }
  .column .list {
    flex: none;
  }
  .control {
    display: inline-flex;
    align-items: center;
    gap: var(--kabar-space-xs, 0.25rem);
    min-width: 2.75rem;
    min-height: 2.75rem;
    margin: 0;
    padding: 0 var(--kabar-space-m, 1rem);
    border: 1px solid var(--kabar-share-bar-border, var(--kabar-color-border, #dde1e6));
    border-radius: var(--kabar-share-bar-radius, var(--kabar-radius-pill, 999px));
    background: var(--kabar-share-bar-background, var(--kabar-color-surface, transparent));
    color: var(--kabar-share-bar-color, var(--kabar-color-text, inherit));
    font: inherit;
    line-height: 1.2;
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
  }
  .control:hover {
    border-color: var(--kabar-share-bar-hover, var(--kabar-color-accent, #0b6e4f));
    color: var(--kabar-share-bar-hover, var(--kabar-color-accent, #0b6e4f));
  }
  .column .control {
    width: 100%;
  }
  .icons .control {
    justify-content: center;
    padding: 0;
  }
  svg {
    flex: none;
    width: var(--kabar-share-bar-icon-size, 1.25rem);
    height: var(--kabar-share-bar-icon-size, 1.25rem);
    fill: none;
    stroke: var(--kabar-share-bar-icon-color, currentColor);
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /* An empty live region stays in the accessibility tree (so it is heard when filled) but takes no room. */
  .status:empty {
    position: absolute;
  }
  .status,
  .manual {
    flex-basis: 100%;
    margin: 0;
  }
  input {
    display: block;
    width: 100%;
    margin-top: var(--kabar-space-xs, 0.25rem);
    padding: var(--kabar-space-s, 0.5rem);
    border: 1px solid var(--kabar-color-border, #dde1e6);
    border-radius: var(--kabar-radius-s, 0.25rem);
    font: inherit;
  }
  input:focus-visible {
    outline: 3px solid var(--kabar-color-focus, #1a73e8);
    outline-offset: 2px;
  }
`;
