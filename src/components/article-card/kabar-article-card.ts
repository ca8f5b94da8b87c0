import { define } from '../../internal/define.js';
import { KabarArticleCardElement } from './article-card-element.js';

export { KabarArticleCardElement };

define('kabar-article-card', KabarArticleCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-article-card': KabarArticleCardElement;
  }
}
