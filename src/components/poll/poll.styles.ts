import { css } from 'lit';

export const pollStyles = css`
  .poll,
  form,
  .results {
    display: grid;
    gap: var(--kabar-space-m, 1rem);
  }
  .poll {
    padding: var(--kabar-space-m, 1rem);
    border: 1px solid var(--kabar-color-border, #dde1e6);
    border-radius: var(--kabar-radius-m, 0.5rem);
  }
  form {
    justify-items: start;
  }
  .options,
  .results {
    margin: 0;
    padding: 0;
    border: 0;
    list-style: none;
  }
  .question {
    margin: 0 0 var(--kabar-space-s, 0.5rem);
    padding: 0;
    font-family: var(--kabar-font-family-heading, inherit);
    font-size: var(--kabar-poll-question-size, 1.125em);
    font-weight: 700;
    line-height: 1.3;
  }
  .options {
    display: grid;
    gap: var(--kabar-space-xs, 0.25rem);
    inline-size: 100%;
    min-inline-size: 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--kabar-space-s, 0.5rem);
    min-block-size: 2.75rem;
    padding: var(--kabar-space-xs, 0.25rem) var(--kabar-space-s, 0.5rem);
    border: 1px solid var(--kabar-color-border, #dde1e6);
    border-radius: var(--kabar-radius-s, 0.25rem);
    cursor: pointer;
  }
  .option:has(:checked) {
    border-color: var(--kabar-color-accent, #0b6e4f);
    box-shadow: inset 0 0 0 1px var(--kabar-color-accent, #0b6e4f);
  }
  /* The options' radio buttons, the only inputs here: square, so in any writing mode. */
  input {
    flex: none;
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--kabar-color-accent, #0b6e4f);
  }
  .option:has(:focus-visible),
  .message:focus-visible {
    outline: 3px solid var(--kabar-color-focus, #1a73e8);
    outline-offset: 2px;
  }
  :disabled .option {
    cursor: default;
    opacity: 0.75;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .result {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--kabar-space-xs, 0.25rem) var(--kabar-space-s, 0.5rem);
    align-items: baseline;
  }
  .mine {
    font-weight: 700;
    color: var(--kabar-color-accent, #0b6e4f);
  }
  .chosen .label {
    font-weight: 600;
  }
  .figures {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    grid-column: 1 / -1;
    block-size: var(--kabar-poll-bar-height, 0.75rem);
    border-radius: var(--kabar-radius-s, 0.25rem);
    background: var(--kabar-poll-bar-track, var(--kabar-color-skeleton, #e6e8eb));
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: 0;
    background: var(--kabar-poll-bar-color, var(--kabar-color-accent, #0b6e4f));
    opacity: var(--kabar-poll-bar-opacity, 0.55);
  }
  .chosen .fill {
    opacity: 1;
  }
  .total {
    margin: 0;
    font-weight: 600;
  }
  /* The accent stripe of the messages about a vote (a failure's is in messageStyles). */
  .pending,
  .thanks {
    border-inline-start: 4px solid var(--kabar-color-accent, #0b6e4f);
  }
  .pending {
    border-color: var(--kabar-color-warning, #8a5a00);
  }

  /* The loading skeleton: a question of three lines, four options and the button, at their sizes. */
  .skeleton {
    display: grid;
    gap: var(--kabar-space-xs, 0.25rem);
    justify-items: start;
  }
  .bone {
    display: block;
    inline-size: 100%;
    border-radius: var(--kabar-radius-s, 0.25rem);
    background: var(--kabar-color-skeleton, #e6e8eb);
  }
  .question-bone {
    block-size: calc(3 * 1.3 * var(--kabar-poll-question-size, 1.125em));
    margin-block-end: var(--kabar-space-s, 0.5rem);
    inline-size: 90%;
  }
  /* Options of one or two lines average about 3rem. */
  .option-bone {
    block-size: 3rem;
  }
  .button-bone {
    block-size: 2.75rem;
    inline-size: 6rem;
    margin-block-start: calc(var(--kabar-space-m, 1rem) - var(--kabar-space-xs, 0.25rem));
    border-radius: var(--kabar-radius-m, 0.5rem);
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
`;
