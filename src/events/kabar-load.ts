import type { Feed } from '../data/model.js';

/** A feed loaded (or refreshed) and is on screen. Bubbles and crosses shadow roots. */
export class KabarLoadEvent extends Event {
  static readonly type = 'kabar-load';
  readonly detail: { readonly feed: Feed; readonly url: string };

  constructor(detail: { feed: Feed; url: string }) {
    super(KabarLoadEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kabar-load': KabarLoadEvent;
  }
}
