import { defineOnce } from '../../internal/define-once.js';
import { KabarCommentsElement } from './comments-element.js';

export { KabarCommentsElement };
// The events this element fires, re-exported so that a TypeScript user who imports only this
// module gets their `GlobalEventHandlersEventMap` entries: `event.detail` is typed in listeners.
export type { KabarCommentsLoadEvent } from '../../events/kabar-comments-load.js';
export type { KabarErrorEvent } from '../../events/kabar-error.js';

defineOnce('kabar-comments', KabarCommentsElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-comments': KabarCommentsElement;
  }
}
