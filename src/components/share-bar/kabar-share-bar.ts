import { define } from '../../internal/define.js';
import { KabarShareBarElement } from './share-bar-element.js';

export { KabarShareBarElement };

define('kabar-share-bar', KabarShareBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-share-bar': KabarShareBarElement;
  }
}
