import { defineOnce } from '../../internal/define-once.js';
import { KabarFeedElement } from './feed-element.js';

export { KabarFeedElement };

defineOnce('kabar-feed', KabarFeedElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-feed': KabarFeedElement;
  }
}
