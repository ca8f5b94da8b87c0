import { defineOnce } from '../../internal/define-once.js';
import { KabarShareBarElement } from './share-bar-element.js';

export { KabarShareBarElement };

defineOnce('kabar-share-bar', KabarShareBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-share-bar': KabarShareBarElement;
  }
}
