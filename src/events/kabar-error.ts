import type { KabarError } from '../data/errors.js';

/**
 * Something a widget needed failed: a feed, a vote, a provider script. The widget already shows
 * a message; listen to log or report it. Bubbles and crosses shadow roots.
 */
export class KabarErrorEvent extends Event {
  static readonly type = 'kabar-error';
  readonly detail: { readonly error: KabarError };

  constructor(detail: { error: KabarError }) {
    super(KabarErrorEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kabar-error': KabarErrorEvent;
  }
}
