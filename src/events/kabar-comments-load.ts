/**
 * `<kabar-comments>` loaded its embed (`reset` false), or moved a loaded one to another thread
 * (`reset` true). `provider` is the provider's name, empty for the slot. Bubbles and crosses
 * shadow roots.
 */
export class KabarCommentsLoadEvent extends Event {
  static readonly type = 'kabar-comments-load';
  readonly detail: { readonly provider: string; readonly reset: boolean };

  constructor(detail: { provider: string; reset: boolean }) {
    super(KabarCommentsLoadEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kabar-comments-load': KabarCommentsLoadEvent;
  }
}
