import { define } from '../../internal/define.js';
import { KabarCommentsElement } from './comments-element.js';

export { KabarCommentsElement };

define('kabar-comments', KabarCommentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-comments': KabarCommentsElement;
  }
}
