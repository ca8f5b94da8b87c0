import { defineOnce } from '../../internal/define-once.js';
import { KabarCommentsElement } from './comments-element.js';

export { KabarCommentsElement };

defineOnce('kabar-comments', KabarCommentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-comments': KabarCommentsElement;
  }
}
