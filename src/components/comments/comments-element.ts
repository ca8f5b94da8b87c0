import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { toKabarError } from '../../data/errors.js';
import type { KabarError } from '../../data/errors.js';
import { safeUrl } from '../../data/url.js';
import { KabarCommentsLoadEvent } from '../../events/kabar-comments-load.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import type { KabarStrings } from '../../i18n/strings.js';
import { commentsStrings, retryStrings } from '../../i18n/tables.js';
import { oneOf } from '../../internal/attributes.js';
import { nextTask } from '../../internal/schedule.js';
import { hostStyles } from '../../internal/styles.js';
import { COMMENTS_LOAD_MODES } from '../../types.js';
import type { CommentsLoadMode } from '../../types.js';
import { commentsProvider, hasCommentsProvider, loadScript, reviveScripts } from './providers/provider.js';
import type { CommentsContext, CommentsProvider } from './providers/provider.js';
import { commentsStyles } from './comments.styles.js';

type Status = 'idle' | 'loading' | 'loaded' | 'error' | 'busy';

/** How far below the viewport `load="visible"` starts loading. */
const NEAR = '400px 0px';

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
 * @cssprop [--kabar-color-link=#0b6e4f] - Colour of links.
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
export class KabarCommentsElement extends LitElement {
  static override styles = [hostStyles, commentsStyles];

  /** `disqus`, `giscus` or a name given to `registerCommentsProvider()`; empty shows the element's own content. */
  @property() provider = '';

  /** When to load: `visible` (as the section nears the viewport), `click` (after consent) or `eager`. */
  @property() load: CommentsLoadMode = 'visible';

  /** The heading; defaults to "Komentar" in the reader's language. */
  @property() heading = '';

  /** Loads the provider's script from here instead of its own address (a self-hosted copy, tests). */
  @property({ attribute: 'script-src' }) scriptSrc = '';

  /** The provider's privacy policy, for the consent note; overrides the provider's own. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /** The provider's name in the consent note and attribution; overrides the provider's own. */
  @property({ attribute: 'provider-label' }) providerLabel = '';

  /** Disqus: the forum's shortname (`https://SHORTNAME.disqus.com`). */
  @property() shortname = '';

  /** Disqus: the thread's identifier; changing it resets the loaded thread. */
  @property() identifier = '';

  /** Disqus: the thread's URL; defaults to the canonical link, else the page address. */
  @property() url = '';

  /** Disqus: the thread's title (the `title` attribute). */
  @property({ attribute: 'title' }) threadTitle = '';

  /** giscus: the GitHub repository, `owner/name`. */
  @property() repo = '';

  /** giscus: the repository's id. */
  @property({ attribute: 'repo-id' }) repoId = '';

  /** giscus: the discussion category's name. */
  @property() category = '';

  /** giscus: the discussion category's id. */
  @property({ attribute: 'category-id' }) categoryId = '';

  /** giscus: how a page maps to a discussion (`pathname` by default, `url`, `title`, `og:title`, `specific`, `number`). */
  @property() mapping = '';

  /** giscus: the search term or discussion number, with `mapping="specific"` or `"number"`. */
  @property() term = '';

  /** giscus: its theme (`preferred_color_scheme` by default). */
  @property() theme = '';

  /** Replaces some of the built-in strings. */
  @property({ attribute: false }) strings: Partial<KabarStrings> | undefined;

  readonly #locale = new LocaleController(
    this,
    { comments: commentsStrings, retry: retryStrings },
    () => this.strings,
  );
  #status: Status = 'idle';
  #error: KabarError | undefined;
  #adapter: CommentsProvider | undefined;
  #container: HTMLElement | undefined;
  #observer: IntersectionObserver | undefined;
  /** Bumped whenever what is in flight must be forgotten (removal, new provider). */
  #generation = 0;
  /** Watched settings changed while loading. */
  #stale = false;

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
  /** The first render is a task of its own (see `nextTask`), in the reader's language. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await nextTask();
      await this.#locale.ready;
    }
    super.scheduleUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const rearm =
      (changed.has('provider') && changed.get('provider') !== undefined) ||
      (changed.has('load') && changed.get('load') !== undefined && this.#status === 'idle');
    if (rearm) {
      this.#disarm();
      if (this.isConnected) this.#arm();
      return;
    }
    const watched = this.#adapter?.watch?.some((key) => changed.has(key as keyof KabarCommentsElement));
    if (!watched) return;
    if (this.#status === 'loaded') void this.#refresh();
    else if (this.#status === 'loading') this.#stale = true;
  }

  /** Loads now, whatever `load` says (as if the reader pressed the button); retries after a failure. */
  show(): void {
    void this.#start();
  }

  /** Removes the embed and loads it again (after changing settings a provider does not watch). */
  reload(): void {
    if (this.#status !== 'loaded') return;
    this.#teardown();
    this.#status = 'idle';
    void this.#start();
  }

  override render() {
    const strings = this.#locale.strings.comments;
    const status = this.#status;
    const showEmbed = status === 'loading' || status === 'loaded';
    return html`
      <section part="section" aria-labelledby="heading" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <h2 part="heading" id="heading" class="heading">${this.heading || strings.heading}</h2>
        ${status === 'loaded' ? nothing : this.#renderPlaceholder()}
        ${showEmbed ? html`<div part="embed" class="embed"><slot></slot></div>` : nothing}
        ${status === 'loaded' ? this.#renderAttribution() : nothing}
      </section>
    `;
  }

  #renderPlaceholder() {
    const strings = this.#locale.strings.comments;
    const label = this.#label;
    let content;
    switch (this.#status) {
      case 'error':
        return this.#renderError(this.#error!, label);
      case 'busy':
        content = html`<p part="message" role="status">${strings.busy(label ?? '')}</p>`;
        break;
      case 'loading':
        content = html`<p part="message" role="status">${strings.loading}</p>`;
        break;
      default:
        content =
          this.#mode === 'click'
            ? this.#renderConsent(label)
            : html`<p part="message">${this.#mode === 'eager' ? strings.loading : strings.waiting}</p>`;
    }
    return html`<div part="placeholder" class="placeholder">${content}</div>`;
  }

  #renderConsent(label: string | undefined) {
    // Until a named provider's module arrives its name is unknown: say nothing rather than guess.
    if (label === undefined) return nothing;
    const strings = this.#locale.strings.comments;
    const privacy = safeUrl(this.privacyUrl || this.#adapter?.privacyUrl);
    return html`
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
      <button part="button" type="button" @click=${this.#onShow}>${strings.show}</button>
    `;
  }

  #renderError(error: KabarError, label: string | undefined) {
    const all = this.#locale.strings;
    const name = label ?? all.comments.thirdParty;
    const setup = error.kind === 'invalid-url';
    const text =
      error.kind === 'offline'
        ? all.comments.offline
        : setup
          ? all.comments.setup(name)
          : all.comments.failed(name);
    return html`
      <div part="placeholder" class="placeholder error" role="alert">
        <p part="message">${text}</p>
        ${setup ? nothing : html`<button part="retry" type="button" @click=${this.#onShow}>${all.retry}</button>`}
      </div>
    `;
  }

  #renderAttribution() {
    const adapter = this.#adapter;
    const home = safeUrl(adapter?.homeUrl);
    if (!adapter || !home) return nothing;
    return html`<p part="attribution" class="note attribution">
      <a href=${home} target="_blank" rel="noopener">
        ${this.#locale.strings.comments.poweredBy(this.providerLabel || adapter.label)}
      </a>
    </p>`;
  }

  /** The provider's name for readers; undefined while a named provider is still being imported. */
  get #label(): string | undefined {
    if (this.providerLabel) return this.providerLabel;
    if (this.#adapter) return this.#adapter.label;
    return this.provider ? undefined : this.#locale.strings.comments.thirdParty;
  }

  #setStatus(status: Status): void {
    this.#status = status;
    this.requestUpdate();
  }

  /** Prepares the trigger of the load mode. Nothing here reaches the provider. */
  #arm(): void {
    const generation = this.#generation;
    const name = this.provider.trim();
    if (name) {
      if (!hasCommentsProvider(name)) {
        console.warn(`[kabar] <kabar-comments> provider="${name}" is not registered (yet); waiting for it.`);
      }
      // Our own module, not the provider's: the consent note needs the provider's name.
      void commentsProvider(name).then((adapter) => {
        if (generation !== this.#generation) return;
        this.#adapter = adapter;
        this.requestUpdate();
      });
    }
    const mode = this.#mode;
    if (mode === 'eager') {
      void this.#start();
    } else if (mode === 'visible') {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) void this.#start();
        },
        { rootMargin: NEAR },
      );
      this.#observer.observe(this);
    }
  }

  /** Forgets everything in flight and takes the embed out. */
  #disarm(): void {
    this.#generation++;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#teardown();
    this.#adapter = undefined;
    this.#stale = false;
    this.#error = undefined;
    this.#setStatus('idle');
  }

  #teardown(): void {
    const container = this.#container;
    if (!container) return;
    if (this.#adapter) this.#adapter.unmount?.(this.#context(container));
    container.remove();
    this.#container = undefined;
  }

  #context(container: HTMLElement): CommentsContext {
    const generation = this.#generation;
    return {
      host: this,
      container,
      lang: this.#locale.lang,
      loadScript: (src, attributes) =>
        generation === this.#generation
          ? loadScript(container, src, attributes)
          : Promise.reject(new Error('The element left the page')),
    };
  }

  async #start(): Promise<void> {
    if (!this.isConnected || (this.#status !== 'idle' && this.#status !== 'error')) return;
    this.#observer?.disconnect();
    this.#observer = undefined;
    const generation = this.#generation;
    this.#error = undefined;
    this.#stale = false;
    this.#setStatus('loading');
    const name = this.provider.trim();
    try {
      const container = document.createElement('div');
      container.setAttribute('data-kabar-comments', name);
      if (!name) {
        // The slot: templates hold embed code that must not run before now.
        for (const template of this.querySelectorAll<HTMLTemplateElement>(':scope > template')) {
          const fragment = document.importNode(template.content, true);
          reviveScripts(fragment);
          container.append(fragment);
        }
        this.#container = container;
        this.append(container);
        this.#loaded(false);
        return;
      }
      const adapter = (this.#adapter ??= await commentsProvider(name));
      if (generation !== this.#generation) return;
      const context = this.#context(container);
      if (adapter.available && !adapter.available(context)) {
        console.warn(`[kabar] <kabar-comments> ${adapter.label} already shows a thread on this page.`);
        this.#setStatus('busy');
        return;
      }
      this.#container = container;
      this.append(container);
      await adapter.mount(context);
      if (generation !== this.#generation) return;
      this.#loaded(false);
      if (this.#stale) void this.#refresh();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#teardown();
      const kabarError = toKabarError(error);
      this.#error = kabarError;
      this.#setStatus('error');
      this.dispatchEvent(new KabarErrorEvent({ error: kabarError }));
    }
  }

  #loaded(reset: boolean): void {
    this.#setStatus('loaded');
    this.dispatchEvent(new KabarCommentsLoadEvent({ provider: this.provider.trim(), reset }));
  }

  /** Applies changed settings: the provider's `update` when it has one, else a fresh mount. */
  async #refresh(): Promise<void> {
    this.#stale = false;
    const adapter = this.#adapter;
    const container = this.#container;
    if (!adapter || !container) return;
    if (!adapter.update) {
      this.reload();
      return;
    }
    const generation = this.#generation;
    try {
      await adapter.update(this.#context(container));
      if (generation === this.#generation) this.#loaded(true);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error) }));
    }
  }

  #onShow = (): void => {
    void this.#start();
  };
}
