import { defineOnce } from '../../internal/define-once.js';
import { KabarArticleCardElement } from './article-card-element.js';

export { KabarArticleCardElement };
// The events this element fires, re-exported so that a TypeScript user who imports only this
// module gets their `GlobalEventHandlersEventMap` entries: `event.detail` is typed in listeners.
export type { KabarErrorEvent } from '../../events/kabar-error.js';

defineOnce('kabar-article-card', KabarArticleCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-article-card': KabarArticleCardElement;
  }
}
