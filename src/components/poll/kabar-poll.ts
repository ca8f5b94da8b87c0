import { defineOnce } from '../../internal/define-once.js';
import { KabarPollElement } from './poll-element.js';

export { KabarPollElement };
// The events this element fires, re-exported so that a TypeScript user who imports only this
// module gets their `GlobalEventHandlersEventMap` entries: `event.detail` is typed in listeners.
export type { KabarVoteEvent } from '../../events/kabar-vote.js';
export type { KabarErrorEvent } from '../../events/kabar-error.js';

defineOnce('kabar-poll', KabarPollElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-poll': KabarPollElement;
  }
}
