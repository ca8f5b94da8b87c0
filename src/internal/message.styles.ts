import { css } from 'lit';

/**
 * What the elements that show a state's message (loading, empty, error) or a button share,
 * after `resetStyles`. The share bar, whose controls are styled on their own, does without.
 */
export const messageStyles = css`
  /* The box that holds a state's message (loading, empty, error, no poll) and its button. */
  .message {
    display: grid;
    justify-items: start;
    gap: var(--kabar-space-s, 0.5rem);
    margin: 0;
    padding: var(--kabar-space-m, 1rem);
    border-radius: var(--kabar-radius-m, 0.5rem);
    background: var(--kabar-color-surface-muted, #f3f5f7);
  }
  .message p {
    margin: 0;
  }
  /* The accent stripe of a failure's message. */
  .error {
    border-inline-start: 4px solid var(--kabar-color-danger, #b3261e);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0 var(--kabar-space-m, 1rem);
    border-radius: var(--kabar-radius-m, 0.5rem);
    border: 1px solid var(--kabar-color-accent, #0b6e4f);
    background: var(--kabar-color-accent, #0b6e4f);
    color: var(--kabar-color-on-accent, #fff);
  }
`;
