import type { ShareNetwork } from '../types.js';

/**
 * A reader chose to share: a network's link, the copy button, or `native` for the device's
 * share sheet. `url` is the address being shared (with any UTM parameters). Count shares with it;
 * `preventDefault()` stops the bar from opening the link, copying or opening the sheet.
 * Bubbles and crosses shadow roots.
 */
export class KabarShareEvent extends Event {
  static readonly type = 'kabar-share';
  readonly detail: { readonly network: ShareNetwork | 'native'; readonly url: string };

  constructor(detail: { network: ShareNetwork | 'native'; url: string }) {
    super(KabarShareEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kabar-share': KabarShareEvent;
  }
}
