import { defineOnce } from '../../internal/define-once.js';
import { KabarShareBarElement } from './share-bar-element.js';

export { KabarShareBarElement };
// The events this element fires, re-exported so that a TypeScript user who imports only this
// module gets their `GlobalEventHandlersEventMap` entries: `event.detail` is typed in listeners.
export type { KabarShareEvent } from '../../events/kabar-share.js';
export type { KabarErrorEvent } from '../../events/kabar-error.js';

defineOnce('kabar-share-bar', KabarShareBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'kabar-share-bar': KabarShareBarElement;
  }
}
