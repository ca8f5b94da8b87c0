import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { KabarError } from '../../data/errors.js';
import { safeUrl } from '../../data/url.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import { KabarShareEvent } from '../../events/kabar-share.js';
import type { KabarStrings } from '../../i18n/strings.js';
import { shareBarStrings } from '../../i18n/tables.js';
import { oneOf, tokenList, warnAttribute } from '../../internal/attributes.js';
import { nextTask } from '../../internal/schedule.js';
import { hostStyles } from '../../internal/styles.js';
import { SHARE_BAR_LAYOUTS, SHARE_NATIVE_MODES, SHARE_NETWORKS } from '../../types.js';
import type { ShareBarLayout, ShareNativeMode, ShareNetwork } from '../../types.js';
import { NATIVE_ICON, NETWORK_INFO } from './networks.js';
import { shareBarStyles } from './share-bar.styles.js';

/** How long "Link copied" stays on screen. */
const STATUS_MS = 5000;

/** The page's own address: its canonical link, else where it is without the `#` part. */
function pageUrl(): string {
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  return safeUrl(canonical) ?? location.href.split('#')[0]!;
}

/**
 * A row of share links for the current article: WhatsApp, Facebook, X, Telegram, LINE,
 * LinkedIn, email, copy link, and the device's own share sheet where there is one.
 *
 * Every network is a plain link to its share page, so nothing is requested from any network
 * until the reader clicks: no script, no icon font, no image from another host.
 *
 * @summary Share links that cost nothing until clicked.
 * @tagname kabar-share-bar
 *
 * @csspart bar - The frame around the label, the controls and the message.
 * @csspart label - The visible heading ("Bagikan").
 * @csspart list - The `<ul>` of controls.
 * @csspart control - Each link or button; each also has the part of its network (`whatsapp`, `facebook`, `x`, `telegram`, `line`, `linkedin`, `email`, `copy`, `native`).
 * @csspart icon - Each control's icon.
 * @csspart status - The message after copying ("Tautan disalin"); a live region.
 * @csspart field - The box holding the link when it could not be copied automatically.
 *
 * @cssprop [--kabar-share-bar-gap=0.5rem] - Space between controls.
 * @cssprop [--kabar-share-bar-color=inherit] - Text and icon colour of the controls.
 * @cssprop [--kabar-share-bar-background=transparent] - Background of the controls (the page shows through, light or dark).
 * @cssprop [--kabar-share-bar-border=#c4c9cf] - Border colour of the controls.
 * @cssprop [--kabar-share-bar-hover=#0b6e4f] - Border and text colour of a control under the pointer.
 * @cssprop [--kabar-share-bar-radius=999px] - Corner radius of the controls.
 * @cssprop [--kabar-share-bar-icon-size=1.25rem] - Icon size.
 * @cssprop [--kabar-share-bar-icon-color=currentColor] - Icon colour.
 * @cssprop [--kabar-share-bar-label-weight=600] - Font weight of the label.
 * @cssprop [--kabar-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--kabar-space-xs=0.25rem] - Space between an icon and its name.
 * @cssprop [--kabar-space-s=0.5rem] - Space between the label and the controls.
 * @cssprop [--kabar-space-m=0.875rem] - Inline padding of a control.
 * @cssprop [--kabar-radius-s=0.25rem] - Corner radius of the manual-copy field.
 * @cssprop [--kabar-radius-pill=999px] - Corner radius of the controls (under `--kabar-share-bar-radius`).
 * @cssprop [--kabar-color-border=#c4c9cf] - Border of the controls (under `--kabar-share-bar-border`).
 * @cssprop [--kabar-color-surface=transparent] - Background of the controls (under `--kabar-share-bar-background`).
 * @cssprop [--kabar-color-text=inherit] - Text of the controls (under `--kabar-share-bar-color`).
 * @cssprop [--kabar-color-accent=#0b6e4f] - Hover colour of the controls (under `--kabar-share-bar-hover`).
 *
 * @fires {KabarShareEvent} kabar-share - A reader chose a network (`detail.network`, `detail.url`). Cancelable: `preventDefault()` stops the link, the copy or the share sheet.
 * @fires {KabarErrorEvent} kabar-error - The link could not be copied or shared (`detail.error.kind` is `share`).
 */
export class KabarShareBarElement extends LitElement {
  static override styles = [hostStyles, shareBarStyles];

  /** The address to share (http or https). Default: the page's `<link rel="canonical">`, else its address without the `#` part. */
  @property() url = '';

  /** The text shared with the link. Default: the page title. */
  @property() text = '';

  /** The networks offered, in order, separated by spaces. Unknown names are dropped. */
  @property() networks = SHARE_NETWORKS.join(' ');

  /** The visible heading. Default: "Bagikan" in the reader's language; empty hides it. */
  @property() label: string | undefined;

  /** `row` (icons and names, wrapping), `column` (stacked) or `icons` (icons only). */
  @property() layout: ShareBarLayout = 'row';

  /** The device's share sheet button: `auto` (where the browser has one), `always` (copies the link where it has none) or `never`. */
  @property() native: ShareNativeMode = 'auto';

  /** Added to the shared address as `utm_source`. */
  @property({ attribute: 'utm-source' }) utmSource = '';

  /** Added to the shared address as `utm_medium`. */
  @property({ attribute: 'utm-medium' }) utmMedium = '';

  /** Added to the shared address as `utm_campaign`. */
  @property({ attribute: 'utm-campaign' }) utmCampaign = '';

  /** Replaces some of the built-in strings. */
  @property({ attribute: false }) strings: Partial<KabarStrings> | undefined;

  readonly #locale = new LocaleController(this, { shareBar: shareBarStrings }, () => this.strings);
  #url = '';
  #networks: readonly ShareNetwork[] = SHARE_NETWORKS;
  #layout: ShareBarLayout = 'row';
  #native: ShareNativeMode = 'auto';
  /** What the live region says. */
  #status = '';
  /** Copying failed: the link is shown in a field for the reader to copy. */
  #manual = false;
  #selectField = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The address being shared: `url` or the page's, with the UTM parameters. */
  get shareUrl(): string {
    const url = new URL(this.#url || pageUrl());
    const utm = { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign };
    for (const [key, value] of Object.entries(utm)) {
      if (value?.trim()) url.searchParams.set(`utm_${key}`, value.trim());
    }
    return url.href;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** The first render is a task of its own (see `nextTask`), in the reader's language. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await nextTask();
      await this.#locale.ready;
    }
    super.scheduleUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) {
      this.#url = safeUrl(this.url) ?? '';
      if (this.url && !this.#url) warnAttribute(this, 'url', this.url, 'the page address');
    }
    if (changed.has('networks'))
      this.#networks = tokenList(this, 'networks', this.networks, SHARE_NETWORKS, SHARE_NETWORKS);
    if (changed.has('layout')) this.#layout = oneOf(this, 'layout', this.layout, SHARE_BAR_LAYOUTS, 'row');
    if (changed.has('native')) this.#native = oneOf(this, 'native', this.native, SHARE_NATIVE_MODES, 'auto');
  }

  override updated(): void {
    const field = this.renderRoot.querySelector('input');
    if (field && this.#selectField) {
      // Ready for Ctrl+C or a long press.
      this.#selectField = false;
      field.focus();
      field.select();
    }
  }

  override render() {
    const strings = this.#locale.strings.shareBar;
    const url = this.shareUrl;
    const text = this.text || document.title;
    const label = this.label ?? strings.label;
    const native =
      this.#native === 'always' || (this.#native === 'auto' && typeof navigator.share === 'function');
    return html`
      <div
        part="bar"
        class="bar ${this.#layout}"
        role="group"
        aria-labelledby=${label ? 'label' : nothing}
        aria-label=${label ? nothing : strings.label}
      >
        ${label ? html`<span part="label" id="label" class="label">${label}</span>` : nothing}
        <ul part="list" class="list">
          ${native ? this.#renderControl('native', strings.native, strings.nativeLabel, NATIVE_ICON) : nothing}
          ${this.#networks.map((network) => {
            const { name, href, icon } = NETWORK_INFO[network];
            return network === 'email'
              ? this.#renderControl(network, strings.email, strings.emailLabel, icon, href!(url, text))
              : network === 'copy'
                ? this.#renderControl(network, strings.copy, strings.copy, icon)
                : this.#renderControl(network, name, strings.on(name), icon, href!(url, text));
          })}
        </ul>
        <p part="status" class="status" role="status">${this.#status}</p>
        ${
          this.#manual
            ? html`<p class="manual">
                <input part="field" readonly .value=${url} aria-label=${strings.link} />
              </p>`
            : nothing
        }
      </div>
    `;
  }

  #renderControl(network: ShareNetwork | 'native', name: string, label: string, icon: string, href?: string) {
    const iconsOnly = this.#layout === 'icons';
    const content = html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d=${icon}></path></svg
      >${iconsOnly ? nothing : html`<span>${name}</span>`}`;
    const aria = iconsOnly || label !== name ? label : nothing;
    const title = iconsOnly ? label : nothing;
    return html`<li>
      ${
        href
          ? html`<a
              part="control ${network}"
              class="control"
              href=${href}
              target="_blank"
              rel="noopener noreferrer"
              data-network=${network}
              aria-label=${aria}
              title=${title}
              @click=${this.#onLink}
              >${content}</a
            >`
          : html`<button
              part="control ${network}"
              class="control"
              type="button"
              aria-label=${aria}
              title=${title}
              @click=${network === 'native' ? this.#onNative : this.#onCopy}
            >
              ${content}
            </button>`
      }
    </li>`;
  }

  /** Tells the page; false when it vetoed. */
  #share(network: ShareNetwork | 'native'): boolean {
    return this.dispatchEvent(new KabarShareEvent({ network, url: this.shareUrl }));
  }

  async #announce(message: string, keep = false): Promise<void> {
    clearTimeout(this.#timer);
    // Empty first, so a second "copied" in a row is announced again.
    this.#status = '';
    this.requestUpdate();
    await this.updateComplete;
    this.#status = message;
    this.requestUpdate();
    if (!keep) {
      this.#timer = setTimeout(() => {
        this.#status = '';
        this.requestUpdate();
      }, STATUS_MS);
    }
  }

  #fail(message: string, url: string, cause?: unknown): void {
    this.dispatchEvent(new KabarErrorEvent({ error: new KabarError('share', message, { url, cause }) }));
  }

  async #copy(): Promise<void> {
    const url = this.shareUrl;
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No Clipboard API (an old browser, a page not served over https) or it was refused.
      copied = this.#copyBySelection(url);
    }
    this.#manual = this.#selectField = !copied;
    const strings = this.#locale.strings.shareBar;
    await this.#announce(copied ? strings.copied : strings.manual, !copied);
    if (!copied) this.#fail('The link could not be copied.', url);
  }

  /** The old way: select the text in a hidden, read-only field and ask the browser to copy it. */
  #copyBySelection(url: string): boolean {
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    const field = document.createElement('textarea');
    field.value = url;
    field.readOnly = true;
    field.className = 'visually-hidden';
    root.append(field);
    field.focus();
    field.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      // Some browsers throw rather than answer false.
    }
    field.remove();
    active?.focus();
    return copied;
  }

  #onLink = (event: MouseEvent): void => {
    const network = (event.currentTarget as HTMLElement).dataset.network as ShareNetwork;
    if (!this.#share(network)) event.preventDefault();
  };

  #onCopy = (): void => {
    if (this.#share('copy')) void this.#copy();
  };

  #onNative = async (): Promise<void> => {
    if (!this.#share('native')) return;
    if (typeof navigator.share !== 'function') return this.#copy();
    const url = this.shareUrl;
    const text = this.text || document.title;
    try {
      await navigator.share(text ? { title: text, text, url } : { url });
    } catch (error) {
      // The reader closed the sheet: nothing went wrong.
      if ((error as Error | null)?.name === 'AbortError') return;
      // Refused (an iframe without permission, say): report it, and copy the link instead.
      this.#fail('The share sheet could not be opened.', url, error);
      await this.#copy();
    }
  };
}
