import { defineOnce } from '../../internal/define-once.js';
import { KabarNewsListElement } from './news-list-element.js';

export { KabarNewsListElement };
// The events this element fires, re-exported so that a TypeScript user who imports only this
// module gets their `GlobalEventHandlersEventMap` entries: `event.detail` is typed in listeners.
export type { KabarLoadEvent } from '../../events/kabar-load.js';
export type { KabarErrorEvent } from '../../events/kabar-error.js';

defineOnce('kabar-news-list', KabarNewsListElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-news-list': KabarNewsListElement;
  }
}
