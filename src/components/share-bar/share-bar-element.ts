import { html, nothing } from 'lit';
import { KabarError } from '../../data/errors.js';
import { safeUrl } from '../../data/url.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import { KabarShareEvent } from '../../events/kabar-share.js';
import { shareBarStrings } from '../../i18n/tables.js';
import { oneOf, tokenList, warnAttribute } from '../../internal/attributes.js';
import { KabarElement } from '../../internal/kabar-element.js';
import { resetStyles } from '../../internal/reset.styles.js';
import { SHARE_BAR_LAYOUTS, SHARE_NATIVE_MODES, SHARE_NETWORKS } from '../../types.js';
import type { ShareBarLayout, ShareNativeMode, ShareNetwork } from '../../types.js';
import { CONTROLS, shareLink } from './networks.js';
import { shareBarStyles } from './share-bar.styles.js';

/** How long "Link copied" stays on screen. */
const STATUS_MS = 5000;

/**
 * The page's own address: its canonical link, else where it is without the `#` part. Rendered on
 * a server (no `document`), there is no page yet: '' until the bar renders in the browser.
 */
const pageUrl = (): string =>
  typeof document === 'undefined'
    ? ''
    : (safeUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
      location.href.split('#')[0]!);

/** The page's title, '' on a server. */
const pageTitle = (): string => (typeof document === 'undefined' ? '' : document.title);

/** Whether the device has a share sheet (never known on a server). */
const hasShareSheet = (): boolean => typeof navigator !== 'undefined' && !!navigator.share;

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
 * @cssprop [--kabar-share-bar-border=#dde1e6] - Border colour of the controls.
 * @cssprop [--kabar-share-bar-hover=#0b6e4f] - Border and text colour of a control under the pointer.
 * @cssprop [--kabar-share-bar-radius=999px] - Corner radius of the controls.
 * @cssprop [--kabar-share-bar-icon-size=1.25rem] - Icon size.
 * @cssprop [--kabar-share-bar-icon-color=currentColor] - Icon colour.
 * @cssprop [--kabar-share-bar-label-weight=600] - Font weight of the label.
 * @cssprop [--kabar-color-focus=#1a73e8] - Focus ring.
 * @cssprop [--kabar-space-xs=0.25rem] - Space between an icon and its name.
 * @cssprop [--kabar-space-s=0.5rem] - Space between the label and the controls.
 * @cssprop [--kabar-space-m=1rem] - Inline padding of a control.
 * @cssprop [--kabar-radius-s=0.25rem] - Corner radius of the manual-copy field.
 * @cssprop [--kabar-radius-pill=999px] - Corner radius of the controls (under `--kabar-share-bar-radius`).
 * @cssprop [--kabar-color-border=#dde1e6] - Border of the controls (under `--kabar-share-bar-border`).
 * @cssprop [--kabar-color-surface=transparent] - Background of the controls (under `--kabar-share-bar-background`).
 * @cssprop [--kabar-color-text=inherit] - Text of the controls (under `--kabar-share-bar-color`).
 * @cssprop [--kabar-color-accent=#0b6e4f] - Hover colour of the controls (under `--kabar-share-bar-hover`).
 *
 * @fires {KabarShareEvent} kabar-share - A reader chose a network (`detail.network`, `detail.url`). Cancelable: `preventDefault()` stops the link, the copy or the share sheet.
 * @fires {KabarErrorEvent} kabar-error - The link could not be copied or shared (`detail.error.kind` is `share`).
 */
export class KabarShareBarElement extends KabarElement<'shareBar'> {
  static override styles = [resetStyles, shareBarStyles];

  static override properties = {
    url: {},
    text: {},
    networks: {},
    label: {},
    layout: {},
    native: {},
    utmSource: { attribute: 'utm-source' },
    utmMedium: { attribute: 'utm-medium' },
    utmCampaign: { attribute: 'utm-campaign' },
  };

  /** The address to share (http or https). Default: the page's `<link rel="canonical">`, else its address without the `#` part. */
  url = '';

  /** The text shared with the link. Default: the page title. */
  text = '';

  /** The networks offered, in order, separated by spaces. Unknown names are dropped. */
  networks = SHARE_NETWORKS.join(' ');

  /** The visible heading. Default: "Bagikan" in the reader's language; empty hides it. */
  // Initialized, even to `undefined`: that first value is what removing the attribute restores.
  label: string | undefined = undefined;

  /** `row` (icons and names, wrapping), `column` (stacked) or `icons` (icons only). */
  layout: ShareBarLayout = 'row';

  /** The device's share sheet button: `auto` (where the browser has one), `always` (copies the link where it has none) or `never`. */
  native: ShareNativeMode = 'auto';

  /** Added to the shared address as `utm_source`. */
  utmSource = '';

  /** Added to the shared address as `utm_medium`. */
  utmMedium = '';

  /** Added to the shared address as `utm_campaign`. */
  utmCampaign = '';

  /** What the live region says; unset, it is empty. */
  #status: string | undefined;
  /** Copying failed: the link is shown in a field for the reader to copy. Unset, it did not. */
  #manual: boolean | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super({ shareBar: shareBarStrings });
  }

  /** The address being shared: `url` or the page's, with the UTM parameters. */
  get shareUrl(): string {
    const address = safeUrl(this.url) ?? pageUrl();
    if (!address) return '';
    const url = new URL(address);
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

  override render() {
    const strings = this.locale.strings.shareBar;
    const url = this.shareUrl;
    const text = this.text || pageTitle();
    const label = this.label ?? strings.label;
    // A bad value falls back with one warning (per element and value, however often this runs).
    if (this.url && !safeUrl(this.url)) warnAttribute(this, 'url', this.url, 'the page address');
    const layout = oneOf(this, 'layout', this.layout, SHARE_BAR_LAYOUTS, 'row');
    const mode = oneOf(this, 'native', this.native, SHARE_NATIVE_MODES, 'auto');
    const networks = tokenList(this, 'networks', this.networks, SHARE_NETWORKS, SHARE_NETWORKS);
    const iconsOnly = layout === 'icons';
    const controls: readonly (ShareNetwork | 'native')[] =
      mode === 'always' || (mode === 'auto' && hasShareSheet()) ? ['native', ...networks] : networks;
    return html`
      <div
        part="bar"
        class="bar ${layout}"
        role="group"
        aria-labelledby=${label ? 'label' : nothing}
        aria-label=${label ? nothing : strings.label}
      >
        ${label ? html`<span part="label" id="label" class="label">${label}</span>` : nothing}
        <ul part="list" class="list">
          ${controls.map((network) => {
            const [brand, link, icon] = CONTROLS[network];
            // Email, copy and the share sheet are named by the strings (copy has no separate
            // accessible name), the others by their brand.
            const name = brand || strings[network as 'email' | 'copy' | 'native'];
            const named = brand
              ? strings.on(brand)
              : ((strings as unknown as Record<string, string | undefined>)[`${network}Label`] ?? name);
            const aria = iconsOnly || named !== name ? named : nothing;
            const title = iconsOnly ? named : nothing;
            const onClick = (event: Event) => this.#onClick(event, network);
            const content = html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=${icon}></path></svg
              >${iconsOnly ? nothing : html`<span>${name}</span>`}`;
            return html`<li>
              ${
                link
                  ? html`<a
                      part="control ${network}"
                      class="control"
                      href=${url ? shareLink(link, url, text) : nothing}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label=${aria}
                      title=${title}
                      @click=${onClick}
                      >${content}</a
                    >`
                  : html`<button
                      part="control ${network}"
                      class="control"
                      type="button"
                      aria-label=${aria}
                      title=${title}
                      @click=${onClick}
                    >
                      ${content}
                    </button>`
              }
            </li>`;
          })}
        </ul>
        <p part="status" class="status" role="status">${this.#status}</p>
        ${
          this.#manual
            ? html`<p class="manual">
                <input part="field" readonly="" .value=${url} aria-label=${strings.link} />
              </p>`
            : nothing
        }
      </div>
    `;
  }

  /** Tells the page, which may veto; then a link opens, or the bar copies or opens the sheet. */
  async #onClick(event: Event, network: ShareNetwork | 'native'): Promise<void> {
    const url = this.shareUrl;
    if (!this.dispatchEvent(new KabarShareEvent({ network, url }))) return event.preventDefault();
    if (network === 'native' && navigator.share) {
      const text = this.text || document.title;
      try {
        return await navigator.share(text ? { title: text, text, url } : { url });
      } catch (error) {
        // The reader closed the sheet: nothing went wrong.
        if ((error as Error | null)?.name === 'AbortError') return;
        // Refused (an iframe without permission, say): report it, and copy the link instead.
        this.#fail('The share sheet could not be opened.', url, error);
      }
    }
    if (network === 'copy' || network === 'native') await this.#copy(url);
  }

  #show(status: string, manual = this.#manual): void {
    this.#status = status;
    this.#manual = manual;
    this.requestUpdate();
  }

  async #copy(url: string): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    let copied = true;
    clearTimeout(this.#timer);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No Clipboard API (an old browser, a page not served over https) or it was refused: the
      // old way, selecting the link in the read-only field and asking the browser to copy it.
      // The field goes again before the browser paints if that works.
      this.#show('', true);
      await this.updateComplete;
      const field = root.querySelector('input')!;
      field.focus();
      field.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        // Some browsers throw rather than answer false.
        copied = false;
      }
      if (copied) active?.focus();
    }
    // Empty first, so a second "copied" in a row is announced again. When nothing could copy,
    // the field stays, with the link selected.
    this.#show('', !copied);
    await this.updateComplete;
    const strings = this.locale.strings.shareBar;
    this.#show(copied ? strings.copied : strings.manual);
    if (copied) this.#timer = setTimeout(() => this.#show(''), STATUS_MS);
    else this.#fail('The link could not be copied.', url);
  }

  #fail(message: string, url: string, cause?: unknown): void {
    this.dispatchEvent(new KabarErrorEvent({ error: new KabarError('share', message, { url, cause }) }));
  }
}
