import { defineOnce } from '../../internal/define-once.js';
import { KabarNewsListElement } from './news-list-element.js';

export { KabarNewsListElement };

defineOnce('kabar-news-list', KabarNewsListElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-news-list': KabarNewsListElement;
  }
}
