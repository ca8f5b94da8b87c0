import { define } from '../../internal/define.js';
import { KabarNewsListElement } from './news-list-element.js';

export { KabarNewsListElement };

define('kabar-news-list', KabarNewsListElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-news-list': KabarNewsListElement;
  }
}
