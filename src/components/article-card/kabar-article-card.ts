import { defineOnce } from '../../internal/define-once.js';
import { KabarArticleCardElement } from './article-card-element.js';

export { KabarArticleCardElement };

defineOnce('kabar-article-card', KabarArticleCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-article-card': KabarArticleCardElement;
  }
}
