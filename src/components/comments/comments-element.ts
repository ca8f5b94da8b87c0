import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { toKabarError } from '../../data/errors.js';
import type { KabarError } from '../../data/errors.js';
import { safeUrl } from '../../data/url.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import type { KabarStrings } from '../../i18n/strings.js';
import { commentsStrings, retryStrings } from '../../i18n/tables.js';
import { oneOf } from '../../internal/attributes.js';
import { messageStyles } from '../../internal/message.styles.js';
import { KabarElement } from '../../internal/kabar-element.js';
import { resetStyles } from '../../internal/reset.styles.js';
import { COMMENTS_LOAD_MODES } from '../../types.js';
import type { CommentsLoadMode } from '../../types.js';
import type { Embed, EmbedStatus } from './embed.js';
import { commentsProvider } from './providers/provider.js';
import type { CommentsProvider } from './providers/provider.js';
import { commentsStyles } from './comments.styles.js';

type Status = 'idle' | 'loading' | 'error' | EmbedStatus;

/**
 * The comments section of an article: Disqus, giscus or any embed, loaded only when the reader
 * wants it.
 *
 * Until then it shows its heading and a placeholder that reserves space, and makes no request
 * to the provider: `load="visible"` loads as the section nears the viewport, `load="click"`
 * after the reader presses "Tampilkan komentar" beside a note naming the provider and linking
 * its privacy policy, `load="eager"` at once. The embed lives in light DOM (providers look
 * for their box in the document); without `provider`, the element's own content is shown at
 * that moment, with each `<template>` child's content put in place then.
 *
 * @summary The comments slot: a provider's embed behind Kabar's heading and loading rules.
 * @tagname kabar-comments
 *
 * @slot - With no `provider`: the site's own comments (a form, or another provider's embed code inside a `<template>`), shown when loading is due. With a provider, its embed goes here.
 *
 * @csspart section - The whole section.
 * @csspart heading - The heading.
 * @csspart placeholder - The box shown before and while loading, and for errors.
 * @csspart consent - The note naming the provider (`load="click"`).
 * @csspart privacy - The link to the provider's privacy policy.
 * @csspart button - The "show comments" button.
 * @csspart message - A status or error message.
 * @csspart retry - The retry button.
 * @csspart embed - The box around the embed.
 * @csspart attribution - "Comments powered by …" under the embed.
 *
 * @cssprop [--kabar-comments-min-height=12rem] - Height the placeholder reserves.
 * @cssprop [--kabar-comments-heading-size=1.375em] - Heading font size.
 * @cssprop [--kabar-color-surface-muted=#f3f5f7] - Background of the placeholder.
 * @cssprop [--kabar-color-danger=#b3261e] - Accent of the error message.
 * @cssprop [--kabar-color-muted=#555f6b] - Colour of notes and the attribution.
 * @cssprop [--kabar-color-link=inherit] - Colour of links.
 * @cssprop [--kabar-space-s=0.5rem] - Small spacing.
 * @cssprop [--kabar-space-m=1rem] - Spacing inside the placeholder and messages.
 * @cssprop [--kabar-space-l=1.5rem] - Space between the heading, the embed and the attribution.
 * @cssprop [--kabar-radius-m=0.5rem] - Corner radius of the placeholder and buttons.
 * @cssprop [--kabar-font-family-heading=inherit] - Font of the heading.
 * @cssprop [--kabar-font-size-small=0.875em] - Size of notes and the attribution.
 *
 * @fires {KabarCommentsLoadEvent} kabar-comments-load - The embed loaded (`detail.reset` false) or moved to a new thread (`true`).
 * @fires {KabarErrorEvent} kabar-error - The provider's script failed to load, or its settings are missing.
 */
export class KabarCommentsElement extends KabarElement<'comments' | 'retry'> {
  static override styles = [resetStyles, messageStyles, commentsStyles];

  static override properties = {
    provider: {},
    load: {},
    heading: {},
    scriptSrc: { attribute: 'script-src' },
    privacyUrl: { attribute: 'privacy-url' },
    providerLabel: { attribute: 'provider-label' },
    shortname: {},
    identifier: {},
    url: {},
    threadTitle: { attribute: 'title' },
    repo: {},
    repoId: { attribute: 'repo-id' },
    category: {},
    categoryId: { attribute: 'category-id' },
    mapping: {},
    term: {},
    theme: {},
  };

  /** `disqus`, `giscus` or a name given to `registerCommentsProvider()`; empty shows the element's own content. */
  provider = '';

  /** When to load: `visible` (as the section nears the viewport), `click` (after consent) or `eager`. */
  load: CommentsLoadMode = 'visible';

  /** The heading; defaults to "Komentar" in the reader's language. */
  heading = '';

  /** Loads the provider's script from here instead of its own address (a self-hosted copy, tests). */
  scriptSrc = '';

  /** The provider's privacy policy, for the consent note; overrides the provider's own. */
  privacyUrl = '';

  /** The provider's name in the consent note and attribution; overrides the provider's own. */
  providerLabel = '';

  /** Disqus: the forum's shortname (`https://SHORTNAME.disqus.com`). */
  shortname = '';

  /** Disqus: the thread's identifier; changing it resets the loaded thread. */
  identifier = '';

  /** Disqus: the thread's URL; defaults to the canonical link, else the page address. */
  url = '';

  /** Disqus: the thread's title (the `title` attribute). */
  threadTitle = '';

  /** giscus: the GitHub repository, `owner/name`. */
  repo = '';

  /** giscus: the repository's id. */
  repoId = '';

  /** giscus: the discussion category's name. */
  category = '';

  /** giscus: the discussion category's id. */
  categoryId = '';

  /** giscus: how a page maps to a discussion (`pathname` by default, `url`, `title`, `og:title`, `specific`, `number`). */
  mapping = '';

  /** giscus: the search term or discussion number, with `mapping="specific"` or `"number"`. */
  term = '';

  /** giscus: its theme (`preferred_color_scheme` by default). */
  theme = '';

  #status: Status = 'idle';
  #error: KabarError | undefined;
  /** The named provider, once imported: its name and privacy policy for the consent note. */
  #adapter: CommentsProvider | undefined;
  /** The current load, from the module imported when comments are wanted. */
  #embed: Embed | undefined;
  readonly #visibility = new VisibilityController(this);
  /** Stops waiting for the viewport when the element is disarmed. */
  #waiting: AbortController | undefined;
  /** Bumped whenever what is in flight must be forgotten (removal, new provider). */
  #generation = 0;

  constructor() {
    super({ comments: commentsStrings, retry: retryStrings });
  }

  get #mode(): CommentsLoadMode {
    return oneOf(this, 'load', this.load, COMMENTS_LOAD_MODES, 'visible');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#arm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disarm();
  }

  // Before render, so a change of provider or thread and its new state show in one update.
  override willUpdate(changed: PropertyValues<this>): void {
    // A previous value means a change after the first render (an unchanged property has none).
    if (
      changed.get('provider') !== undefined ||
      (changed.get('load') !== undefined && this.#status === 'idle')
    ) {
      this.#disarm();
      if (this.isConnected) this.#arm();
    } else {
      this.#embed?.changed(changed);
    }
  }

  /** Loads now, whatever `load` says (as if the reader pressed the button); retries after a failure. */
  show(): void {
    void this.#start();
  }

  /** Removes the embed and loads it again (after changing settings a provider does not watch). */
  reload(): void {
    if (this.#status !== 'loaded') return;
    this.#embed!.stop();
    this.#status = 'idle';
    void this.#start();
  }

  override render() {
    const strings = this.locale.strings.comments;
    const status = this.#status;
    const loaded = status === 'loaded';
    return html`
      <section part="section" aria-labelledby="heading" aria-busy=${status === 'loading'}>
        <h2 part="heading" id="heading" class="heading">${this.heading || strings.heading}</h2>
        ${loaded ? nothing : this.#renderPlaceholder(strings)}
        ${loaded || status === 'loading' ? html`<div part="embed" class="embed"><slot></slot></div>` : nothing}
        ${loaded ? this.#embed!.attribution(strings) : nothing}
      </section>
    `;
  }

  #renderPlaceholder(strings: KabarStrings['comments']) {
    const label = this.#label;
    const status = this.#status;
    const mode = this.#mode;
    if (status === 'error') {
      const kind = this.#error!.kind;
      const setup = kind === 'invalid-url';
      const name = label ?? strings.thirdParty;
      return html`
        <div part="placeholder" class="message placeholder error" role="alert">
          <p part="message">
            ${kind === 'offline' ? strings.offline : (setup ? strings.setup : strings.failed)(name)}
          </p>
          ${setup ? nothing : html`<button part="retry" type="button" @click=${this.show}>${this.locale.strings.retry}</button>`}
        </div>
      `;
    }
    let content;
    if (status !== 'idle') {
      content = html`<p part="message" role="status">
        ${status === 'busy' ? strings.busy(label ?? '') : strings.loading}
      </p>`;
    } else if (mode !== 'click') {
      content = html`<p part="message">${mode === 'eager' ? strings.loading : strings.waiting}</p>`;
    } else if (label !== undefined) {
      // Until a named provider's module arrives its name is unknown: say nothing rather than guess.
      const privacy = safeUrl(this.privacyUrl || this.#adapter?.privacyUrl);
      content = html`
        <p part="consent" class="note">
          ${strings.consent(label)}
          ${
            privacy
              ? html`<a part="privacy" href=${privacy} target="_blank" rel="noopener noreferrer"
                  >${strings.privacy(label)}</a
                >`
              : nothing
          }
        </p>
        <button part="button" type="button" @click=${this.show}>${strings.show}</button>
      `;
    }
    return html`<div part="placeholder" class="message placeholder">${content}</div>`;
  }

  /** The provider's name for readers; undefined while a named provider is still being imported. */
  get #label(): string | undefined {
    return (
      this.providerLabel ||
      this.#adapter?.label ||
      (this.provider ? undefined : this.locale.strings.comments.thirdParty)
    );
  }

  #setStatus(status: Status, error?: KabarError): void {
    this.#status = status;
    this.#error = error;
    this.requestUpdate();
  }

  /** Prepares the trigger of the load mode. Nothing here reaches the provider. */
  #arm(): void {
    const generation = this.#generation;
    const name = this.provider.trim();
    if (name) {
      // Our own module, not the provider's: the consent note needs the provider's name.
      void commentsProvider(name, true).then((adapter) => {
        if (generation !== this.#generation) return;
        this.#adapter = adapter;
        this.requestUpdate();
      });
    }
    const mode = this.#mode;
    if (mode === 'eager') {
      void this.#start();
    } else if (mode === 'visible') {
      this.#waiting = new AbortController();
      const near = this.#visibility.whenNear(this.#waiting.signal);
      void (near
        ? near.then(
            () => this.#start(),
            () => undefined,
          )
        : this.#start());
    }
  }

  /** Forgets everything in flight and takes the embed out. */
  #disarm(): void {
    this.#generation++;
    this.#waiting?.abort();
    this.#embed?.stop();
    this.#embed = this.#adapter = undefined;
    this.#setStatus('idle');
  }

  async #start(): Promise<void> {
    if (!this.isConnected || (this.#status !== 'idle' && this.#status !== 'error')) return;
    this.#waiting?.abort();
    const generation = this.#generation;
    this.#setStatus('loading');
    try {
      // Everything that runs once comments are wanted comes with this module.
      const { Embed } = await import('./embed.js');
      if (generation !== this.#generation) return;
      await (this.#embed = new Embed(this, this.locale, (status) => this.#setStatus(status))).start();
    } catch (error) {
      if (generation !== this.#generation) return;
      const kabarError = toKabarError(error);
      this.#setStatus('error', kabarError);
      this.dispatchEvent(new KabarErrorEvent({ error: kabarError }));
    }
  }
}
