import { defineOnce } from '../../internal/define-once.js';
import { KabarPollElement } from './poll-element.js';

export { KabarPollElement };

defineOnce('kabar-poll', KabarPollElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-poll': KabarPollElement;
  }
}
