import { define } from '../../internal/define.js';
import { KabarPollElement } from './poll-element.js';

export { KabarPollElement };

define('kabar-poll', KabarPollElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-poll': KabarPollElement;
  }
}
