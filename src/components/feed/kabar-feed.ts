import { define } from '../../internal/define.js';
import { KabarFeedElement } from './feed-element.js';

export { KabarFeedElement };

define('kabar-feed', KabarFeedElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-feed': KabarFeedElement;
  }
}
