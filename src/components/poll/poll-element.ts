import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { KabarError, toKabarError } from '../../data/errors.js';
import type { Poll } from '../../data/poll.js';
import { fetchPoll } from '../../data/poll-service.js';
import { keepDelivering, preloadVoteDelivery } from '../../data/vote-delivery-loader.js';
import { VoteStore, newVoteKey, withStoredResults } from '../../data/vote-store.js';
import type { StoredVote, VoteStorage } from '../../data/vote-store.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import { KabarVoteEvent } from '../../events/kabar-vote.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import type { KabarStrings } from '../../i18n/strings.js';
import { pollStrings, retryStrings } from '../../i18n/tables.js';
import { oneOf, wholeNumber } from '../../internal/attributes.js';
import { COMPLETE, ERROR, Task, isAbort } from '../../internal/task.js';
import { messageStyles } from '../../internal/message.styles.js';
import { KabarElement } from '../../internal/kabar-element.js';
import { resetStyles } from '../../internal/reset.styles.js';
import { LOADING_MODES } from '../../types.js';
import type { LoadingMode } from '../../types.js';
import { pollStyles } from './poll.styles.js';

/** How `#resume` was asked to send a pending vote. */
interface ResumeOptions {
  /** The reader waits for the answer (a vote just made, "send now"): focus moves to it. */
  readerWaits?: boolean;
  /** Hears the first answer, or that sending stopped (only when the reader waits). */
  settled?: () => void;
}

/** As many option bones as a typical poll has options. */
const SKELETON_OPTIONS = [1, 2, 3, 4];

/**
 * A poll from a poll service (see docs/poll-protocol.md): a reader votes once, then sees the
 * results. A vote that cannot be sent is kept on the device and sent when the connection returns.
 * Inside a `hidden` element (a closed tab panel) the poll is fetched once it is shown.
 *
 * @summary The poll box: loading, no poll, open, submitting, pending, voted, closed and error.
 * @tagname kabar-poll
 *
 * @csspart poll - The box around everything.
 * @csspart question - The question (the form's legend, or the results' caption).
 * @csspart options - The `<fieldset>` of options.
 * @csspart option - Each option's `<label>` (with its radio button).
 * @csspart submit - The vote button.
 * @csspart results - The `<ul>` of results.
 * @csspart result - Each result row.
 * @csspart bar - A result's bar track.
 * @csspart fill - A result's filled share.
 * @csspart total - The total number of votes.
 * @csspart message - The empty, error, pending, thanks and closed messages.
 * @csspart skeleton - The loading box: the shape of a question, four options and the button.
 * @csspart retry - The retry and "send now" buttons.
 *
 * @cssprop [--kabar-poll-question-size=1.125em] - Question font size.
 * @cssprop [--kabar-poll-bar-opacity=0.55] - Opacity of the bars the reader did not choose.
 * @cssprop [--kabar-color-warning=#8a5a00] - Accent of the pending-vote message.
 * @cssprop [--kabar-poll-bar-height=0.75rem] - Height of a result bar.
 * @cssprop [--kabar-poll-bar-color=#0b6e4f] - Fill of a result bar (defaults to `--kabar-color-accent`).
 * @cssprop [--kabar-poll-bar-track=#e6e8eb] - Track of a result bar.
 * @cssprop [--kabar-color-border=#dde1e6] - Border of the box and the options.
 * @cssprop [--kabar-color-surface-muted=#f3f5f7] - Background of messages.
 * @cssprop [--kabar-color-danger=#b3261e] - Accent of error messages.
 * @cssprop [--kabar-color-accent=#0b6e4f] - Button, bar and chosen option accent.
 * @cssprop [--kabar-space-xs=0.25rem] - Smallest spacing.
 * @cssprop [--kabar-space-s=0.5rem] - Space between options.
 * @cssprop [--kabar-space-m=1rem] - Padding of the box.
 * @cssprop [--kabar-radius-s=0.25rem] - Corner radius of the bars and options.
 * @cssprop [--kabar-radius-m=0.5rem] - Corner radius of the box and the button.
 * @cssprop [--kabar-font-family-heading=inherit] - Font of the question.
 * @cssprop [--kabar-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--kabar-color-skeleton=#e6e8eb] - Skeleton while the poll loads.
 *
 * @fires {KabarVoteEvent} kabar-vote - Before a vote is stored and sent, with `pollId` and `optionId`; cancelable.
 * @fires {KabarErrorEvent} kabar-error - Loading the poll failed, or a vote could not be sent (yet).
 */
export class KabarPollElement extends KabarElement<'poll' | 'retry'> {
  static override styles = [resetStyles, messageStyles, pollStyles];

  static override properties = {
    src: {},
    timeout: { type: Number },
    loading: {},
    storage: { attribute: false },
    choice: { state: true },
    submitting: { state: true },
    voteAnswer: { state: true },
    rejected: { state: true },
  };

  /** URL of the poll (`GET` answers the current poll, or 204 when there is none). */
  src = '';

  /** Milliseconds before a request is given up. */
  timeout = 10_000;

  /**
   * `eager` (default) loads the poll at once; `lazy` waits until the poll nears the viewport
   * (for a poll below the first screen), showing its loading box meanwhile.
   */
  loading: LoadingMode = 'eager';

  /**
   * Where votes are kept: `undefined` for `localStorage`, `null` for memory only, or any object
   * with `getItem`/`setItem`/`removeItem` (a namespace of its own, a test double).
   */
  storage: VoteStorage | null | undefined;

  /** The option the reader has picked. */
  private choice = '';
  /** A vote is on its way and the reader waits for the answer. */
  private submitting = false;
  /** The poll as the service answered our vote: newer counts than the poll loaded. */
  private voteAnswer: Poll | undefined;
  /** The service refused the vote for good. */
  private rejected: KabarError | undefined;
  readonly #visibility = new VisibilityController(this);
  #store = new VoteStore();
  #stopDelivery: (() => void) | undefined;
  /**
   * The next update moves focus to the message about the vote: an instruction for `updated`,
   * not state to render, so not reactive (the update comes with `submitting`).
   */
  #focusMessage = false;

  readonly #poll = new Task(this, {
    args: () => [this.src.trim(), this.#timeout] as const,
    task: async ([src, timeout], { signal }) => {
      this.voteAnswer = undefined;
      if (!src) return null;
      let url: string;
      try {
        url = new URL(src, document.baseURI).href;
      } catch {
        throw new KabarError('invalid-url', `"${src}" is not a URL.`, { url: src });
      }
      // A lazy poll waits until it nears the viewport; one nobody can see (inside
      // display: none) is fetched once it is shown.
      const lazy = oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') === 'lazy';
      const waiting = this.#visibility.whenWanted(lazy, signal);
      if (waiting) await waiting;
      try {
        const poll = await fetchPoll(url, { signal, timeout });
        if (poll) this.#resume(poll);
        return poll;
      } catch (error) {
        if (!isAbort(error)) this.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error, url) }));
        throw error;
      }
    },
  });

  constructor() {
    super({ poll: pollStrings, retry: retryStrings });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    // Back on the page: pick up a vote still waiting to be sent.
    if (this.#poll.value) this.#resume(this.#poll.value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#stopDelivery?.();
    this.#stopDelivery = undefined;
  }

  protected override startLoading(): void {
    this.#store = new VoteStore(this.storage);
    this.#poll.hostUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage') && this.hasUpdated) this.#store = new VoteStore(this.storage);
    // No longer lazy: a load waiting to near the viewport goes now.
    if (changed.has('loading') && oneOf(this, 'loading', this.loading, LOADING_MODES, 'eager') !== 'lazy') {
      this.#visibility.release();
    }
  }

  override updated(): void {
    // Bar widths go through the CSSOM: a strict CSP blocks style attributes, not this.
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('.fill')) {
      fill.style.inlineSize = fill.dataset.share!;
    }
    // An open poll: load the code that sends votes now, while the connection that brought the
    // poll is up, so a vote is neither delayed by it nor kept waiting for it.
    if (this.renderRoot.querySelector('form')) preloadVoteDelivery();
    if (this.#focusMessage) {
      this.#focusMessage = false;
      // The one message that takes focus (thanks, pending, refused) is the one with a tabindex.
      this.renderRoot.querySelector<HTMLElement>('.message[tabindex]')?.focus();
    }
  }

  /** Loads the poll again. */
  reload(): void {
    void this.#poll.run();
  }

  /**
   * Votes for `optionId` (what the form's button does). Resolves when the vote is counted, kept
   * for later, refused, or vetoed by a `kabar-vote` listener.
   */
  async vote(optionId: string): Promise<void> {
    const poll = this.#poll.value;
    if (
      !poll?.voteUrl ||
      this.submitting ||
      this.#stored(poll) ||
      !poll.options.some((o) => o.id === optionId) ||
      !this.dispatchEvent(new KabarVoteEvent({ pollId: poll.id, optionId }))
    )
      return;
    // Stored before it is sent: from here on the vote is kept until the service answers.
    this.#store.set(this.#keyOf(poll), {
      poll: poll.id,
      option: optionId,
      key: newVoteKey(),
      url: poll.voteUrl,
      pending: true,
    });
    this.rejected = undefined;
    this.submitting = true;
    await new Promise<void>((settled) => this.#resume(poll, { readerWaits: true, settled }));
  }

  override render() {
    const strings = this.locale.strings.poll;
    const busy = this.#poll.status < COMPLETE && Boolean(this.src.trim());
    return html`
      <section part="poll" class="poll" aria-label=${strings.label} aria-busy=${busy}>
        ${
          this.#poll.status === ERROR
            ? this.#renderError()
            : this.#poll.status < COMPLETE
              ? this.#renderLoading(strings.loading)
              : this.#poll.value
                ? this.#renderPoll(this.#poll.value, strings)
                : this.#renderMessage(strings.empty, 'empty')
        }
      </section>
    `;
  }

  /**
   * A message box of `kind` (its class: `empty`, `error`, `pending`...), with `role` if it has one;
   * `focus` makes it the one that takes focus after the next update.
   */
  #renderMessage(content: unknown, kind: string, role?: string, focus?: boolean) {
    return html`<div
      part="message"
      class="message ${kind}"
      role=${role || nothing}
      tabindex=${focus ? -1 : nothing}
    >
      ${content}
    </div>`;
  }

  /**
   * The loading box: bones where the question, the options and the button will be, so the page
   * does not jump when the poll arrives; the status line tells screen readers.
   */
  #renderLoading(label: string) {
    return html`<div part="skeleton" class="skeleton" aria-hidden="true">
        <span class="bone question-bone"></span>
        ${SKELETON_OPTIONS.map(() => html`<span class="bone option-bone"></span>`)}
        <span class="bone button-bone"></span>
      </div>
      <p class="visually-hidden" role="status">${label}</p>`;
  }

  #renderError() {
    const strings = this.locale.strings;
    return this.#renderMessage(
      html`<p>${strings.poll.failed}</p>
        <button part="retry" type="button" @click=${this.reload}>${strings.retry}</button>`,
      'error',
      'alert',
    );
  }

  #renderPoll(loaded: Poll, strings: KabarStrings['poll']) {
    const stored = this.#stored(loaded);
    const poll = this.voteAnswer ?? withStoredResults(loaded, stored);
    const closed = poll.status === 'closed';
    return closed || (stored && !stored.pending && !this.submitting)
      ? this.#renderResults(poll, strings, stored?.option, closed)
      : this.#renderForm(poll, strings, stored);
  }

  #renderForm(poll: Poll, strings: KabarStrings['poll'], stored: StoredVote | undefined) {
    const chosen = stored?.option ?? this.choice;
    const locked = this.submitting || Boolean(stored);
    return html`<form @submit=${this.#onSubmit} @change=${this.#onChange}>
      <fieldset part="options" class="options" ?disabled=${locked}>
        <legend part="question" class="question">${poll.question}</legend>
        ${poll.options.map(
          (option) =>
            html`<label part="option" class="option"
              ><input type="radio" name="option" .value=${option.id} .checked=${chosen === option.id} /><span
                >${option.label}</span
              ></label
            >`,
        )}
      </fieldset>
      ${
        this.rejected
          ? this.#renderMessage(`${strings.rejected} ${this.rejected.message}`, 'error', 'alert', true)
          : nothing
      }${
        stored?.pending && !this.submitting
          ? this.#renderMessage(
              html`<p>
                  ${strings.pending(poll.options.find((o) => o.id === stored.option)?.label ?? stored.option)}
                </p>
                ${this.#store.persistent ? nothing : html`<p>${strings.notStored}</p>`}<button
                  part="retry"
                  type="button"
                  @click=${this.#onSendNow}
                >
                  ${strings.sendNow}
                </button>`,
              'pending',
              'status',
              true,
            )
          : html`<button part="submit" type="submit" ?disabled=${!chosen || locked}>
              ${this.submitting ? strings.submitting : strings.submit}
            </button>`
      }
    </form>`;
  }

  #renderResults(poll: Poll, strings: KabarStrings['poll'], mine: string | undefined, closed: boolean) {
    const locale = this.locale;
    return html`<p part="question" class="question" id="question">${poll.question}</p>
      <ul part="results" class="results" aria-labelledby="question">
        ${poll.options.map((option) => {
          const share = poll.total ? option.votes / poll.total : 0;
          // From the whole numbers: 29 of 200 is 15%, where 0.145 × 100 falls short of 14.5.
          const percent = poll.total ? Math.round((option.votes * 100) / poll.total) : 0;
          const chosen = option.id === mine;
          // Spaces between the spans and around the dot are the words' spaces in the row's text.
          return html`<li part="result" class="result ${classMap({ chosen })}">
            <span class="label"
              >${option.label}
              ${chosen ? html`<strong class="mine">(${strings.yourChoice})</strong>` : nothing}</span
            >
            <span class="figures"
              ><strong>${formatNumber(locale.lang, percent)}%</strong> ·
              ${strings.votes(option.votes, formatNumber(locale.lang, option.votes))}</span
            ><span part="bar" class="bar" aria-hidden="true"
              ><span part="fill" class="fill" data-share="${(share * 100).toFixed(1)}%"></span
            ></span>
          </li>`;
        })}
      </ul>
      <p part="total" class="total">${strings.total(poll.total, formatNumber(locale.lang, poll.total))}</p>
      ${
        closed
          ? this.#renderMessage(
              poll.closes ? strings.closed(formatDate(locale.lang, poll.closes)) : strings.closedUndated,
              'closed',
            )
          : this.#renderMessage(strings.thanks, 'thanks', 'status', true)
      }`;
  }

  get #timeout(): number {
    return wholeNumber(this, 'timeout', this.timeout, 10_000, 1);
  }

  #keyOf(poll: Poll): string {
    return VoteStore.keyOf(this.src.trim(), poll.id);
  }

  #stored(poll: Poll): StoredVote | undefined {
    return this.#store.get(this.#keyOf(poll));
  }

  /**
   * Keeps sending a vote that is still pending for `poll`, until it is counted (the answer's
   * results are shown) or refused (the refusal is shown, and the poll loaded again). When the
   * reader waits for the answer (a vote just made, "send now"), focus moves to the message that
   * tells it, and `settled` hears the first answer (or that sending stopped); never on page
   * load. A failure of either kind fires `kabar-error`.
   */
  #resume(poll: Poll, { readerWaits = false, settled }: ResumeOptions = {}): void {
    const key = this.#keyOf(poll);
    let waiting = readerWaits;
    const settle = () => {
      if (!waiting) return;
      waiting = false;
      settled?.();
      this.submitting = false;
      this.#focusMessage = true;
    };
    if (!this.#store.get(key)?.pending || !this.isConnected) return settle();
    this.#stopDelivery?.();
    const stop = keepDelivering(this.#store, key, {
      delivered: (answer) => {
        settle();
        this.#stopDelivery?.();
        this.#stopDelivery = undefined;
        this.voteAnswer = answer;
      },
      failed: (error, final) => {
        settle();
        const kabarError = toKabarError(error);
        if (final) {
          this.rejected = kabarError;
          this.choice = '';
          // A refusal often means the poll changed (closed, options edited): show it as it is now.
          void this.#poll.run();
        }
        this.dispatchEvent(new KabarErrorEvent({ error: kabarError }));
        // The stored vote changed (still pending, or dropped): the store is not reactive.
        this.requestUpdate();
      },
      timeout: this.#timeout,
    });
    this.#stopDelivery = () => {
      stop();
      settle();
    };
  }

  // Methods, not arrow functions: Lit calls a template's listeners with the element as `this`.
  #onChange(event: Event): void {
    this.choice = (event.target as HTMLInputElement).value;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.vote(this.choice);
  }

  #onSendNow(): void {
    const poll = this.#poll.value;
    if (poll) this.#resume(poll, { readerWaits: true });
  }

  #onOnline = (): void => {
    // A poll that failed to load while offline loads now (and sends any vote waiting for it).
    if (this.#poll.status === ERROR) void this.#poll.run();
    // A vote waiting to be sent goes now (also when the code that sends it could not be loaded).
    else if (this.#poll.value && !this.submitting) this.#resume(this.#poll.value);
  };
}
