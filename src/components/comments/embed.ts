/**
 * What `<kabar-comments>` does once comments are wanted, imported only then: it builds the
 * embed in light DOM, loads the provider's script (under the page's CSP and Trusted Types),
 * follows changes of the settings the provider watches, and takes the embed out again.
 */
import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { KabarError, toKabarError } from '../../data/errors.js';
import { safeUrl } from '../../data/url.js';
import { KabarCommentsLoadEvent } from '../../events/kabar-comments-load.js';
import { KabarErrorEvent } from '../../events/kabar-error.js';
import type { KabarStrings } from '../../i18n/strings.js';
import type { KabarCommentsElement } from './comments-element.js';
import { commentsProvider } from './providers/provider.js';
import type { CommentsContext, CommentsProvider } from './providers/provider.js';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/** The URL the policy may bless next: set just before each use, so it blesses nothing else. */
let allowed: string | undefined;
let policy: ScriptUrlPolicy | null | undefined;

/**
 * Gives `script` the http(s) `src`, as the page's Trusted Types rules want it: the
 * `kabar-comments` policy only passes the one URL being loaded at that moment. Throws when
 * the page does not allow it.
 */
function setSrc(script: HTMLScriptElement, url: string): void {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    try {
      policy =
        factory?.createPolicy('kabar-comments', {
          createScriptURL: (value) => {
            if (value !== allowed) throw new TypeError(`kabar-comments: ${value} is not allowed`);
            return value;
          },
        }) ?? null;
    } catch {
      // The page's CSP does not list the policy (or another copy of Kabar made it): the
      // assignment below then succeeds only if Trusted Types are not enforced.
      policy = null;
    }
  }
  allowed = url;
  try {
    script.src = (policy ? policy.createScriptURL(url) : url) as string;
  } finally {
    allowed = undefined;
  }
}

/** Adds `<script src>` to `parent`; resolves once it has run, rejects with a `KabarError`. */
export function loadScript(
  parent: HTMLElement,
  src: string,
  attributes: Record<string, string> = {},
): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const url = safeUrl(src);
    if (!url) throw new KabarError('invalid-url', `Not an http(s) script URL: ${src}`, { url: src });
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    script.async = true;
    script.onload = () => resolve(script);
    script.onerror = () =>
      reject(
        new KabarError(
          navigator.onLine === false ? 'offline' : 'network',
          `The comments script did not load: ${url}`,
          { url },
        ),
      );
    try {
      setSrc(script, url);
    } catch (cause) {
      throw new KabarError('network', `The page does not allow the comments script: ${url}`, { url, cause });
    }
    parent.append(script);
  });
}

/**
 * Makes the scripts of a site's `<template>` embed code run once the fragment is in the page.
 * Scripts parsed in a template (or by `innerHTML`) are marked as already run; new copies are
 * not. They keep their order, like the parser would run them.
 */
export function reviveScripts(root: DocumentFragment): void {
  for (const old of root.querySelectorAll('script')) {
    const script = document.createElement('script');
    for (const { name, value } of old.attributes) if (name !== 'src') script.setAttribute(name, value);
    try {
      const src = old.getAttribute('src');
      if (src !== null) {
        const url = safeUrl(src);
        if (!url) continue;
        script.async = old.hasAttribute('async');
        setSrc(script, url);
      } else {
        // Inline code: runs only where the page allows inline scripts.
        script.text = old.text;
      }
    } catch (error) {
      console.warn('[kabar] <kabar-comments> could not run a script of its template:', error);
      continue;
    }
    old.replaceWith(script);
  }
}

/** What the element shows once an embed took over: `busy` when the page holds its thread already. */
export type EmbedStatus = 'loaded' | 'busy';

/**
 * One load of a `<kabar-comments>`: its container, its provider and whether it is still
 * wanted. The element makes a new one for each load and stops it when it leaves the page.
 */
export class Embed {
  readonly #host: KabarCommentsElement;
  readonly #locale: { readonly lang: string };
  readonly #set: (status: EmbedStatus) => void;
  #adapter: CommentsProvider | undefined;
  #container: HTMLElement | undefined;
  /** False once stopped: what is still in flight is forgotten. */
  #live = true;
  #loaded = false;
  /** Watched settings changed while loading. */
  #stale = false;

  constructor(
    host: KabarCommentsElement,
    locale: { readonly lang: string },
    set: (status: EmbedStatus) => void,
  ) {
    this.#host = host;
    this.#locale = locale;
    this.#set = set;
  }

  /** Loads the embed; rejects (with the embed taken out) when it fails. */
  async start(): Promise<void> {
    const host = this.#host;
    const name = host.provider.trim();
    const container = document.createElement('div');
    container.setAttribute('data-kabar-comments', name);
    try {
      let adapter: CommentsProvider | undefined;
      let context: CommentsContext | undefined;
      if (name) {
        adapter = this.#adapter = await commentsProvider(name);
        if (!this.#live) return;
        context = this.#context(container);
        if (adapter.available && !adapter.available(context)) {
          console.warn(`[kabar] <kabar-comments> ${adapter.label} already shows a thread on this page.`);
          this.#set('busy');
          return;
        }
      } else {
        // The slot: templates hold embed code that must not run before now.
        for (const template of host.querySelectorAll<HTMLTemplateElement>(':scope > template')) {
          const fragment = document.importNode(template.content, true);
          reviveScripts(fragment);
          container.append(fragment);
        }
      }
      this.#container = container;
      host.append(container);
      await adapter?.mount(context!);
      if (!this.#live) return;
      this.#done(false);
      if (this.#stale) void this.#refresh();
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  /** Takes the embed out and forgets what is in flight. */
  stop(): void {
    this.#live = false;
    const container = this.#container;
    if (!container) return;
    this.#adapter?.unmount?.(this.#context(container));
    container.remove();
    this.#container = undefined;
  }

  /** The element's properties changed: applies those the provider watches. */
  changed(changed: PropertyValues): void {
    if (!this.#adapter?.watch?.some((key) => changed.has(key))) return;
    if (this.#loaded) void this.#refresh();
    else this.#stale = true;
  }

  /** "Comments powered by …" under a loaded embed. */
  attribution(strings: KabarStrings['comments']) {
    const adapter = this.#adapter;
    const home = safeUrl(adapter?.homeUrl);
    return home
      ? html`<p part="attribution" class="note attribution">
          <a href=${home} target="_blank" rel="noopener">
            ${strings.poweredBy(this.#host.providerLabel || adapter!.label)}
          </a>
        </p>`
      : nothing;
  }

  #context(container: HTMLElement): CommentsContext {
    return {
      host: this.#host,
      container,
      lang: this.#locale.lang,
      loadScript: (src, attributes) =>
        this.#live
          ? loadScript(container, src, attributes)
          : Promise.reject(new Error('The element left the page')),
    };
  }

  #done(reset: boolean): void {
    this.#loaded = true;
    this.#set('loaded');
    this.#host.dispatchEvent(new KabarCommentsLoadEvent({ provider: this.#host.provider.trim(), reset }));
  }

  /** Applies changed settings: the provider's `update` when it has one, else a new mount. */
  async #refresh(): Promise<void> {
    this.#stale = false;
    const adapter = this.#adapter!;
    const container = this.#container;
    if (!container) return;
    if (!adapter.update) return this.#host.reload();
    try {
      await adapter.update(this.#context(container));
      if (this.#live) this.#done(true);
    } catch (error) {
      if (this.#live) this.#host.dispatchEvent(new KabarErrorEvent({ error: toKabarError(error) }));
    }
  }
}
