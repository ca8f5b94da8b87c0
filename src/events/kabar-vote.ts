/**
 * A reader chose an option and is about to vote. Cancel it (`preventDefault()`) to stop the vote,
 * for example to ask for consent first; nothing is stored or sent then. Bubbles and crosses
 * shadow roots.
 */
export class KabarVoteEvent extends Event {
  static readonly type = 'kabar-vote';
  readonly detail: { readonly pollId: string; readonly optionId: string };

  constructor(detail: { pollId: string; optionId: string }) {
    super(KabarVoteEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kabar-vote': KabarVoteEvent;
  }
}
