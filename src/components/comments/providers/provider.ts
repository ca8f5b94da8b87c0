import { KabarError } from '../../../data/errors.js';
import { safeUrl } from '../../../data/url.js';
import type { KabarLanguage } from '../../../i18n/index.js';

/** What `<kabar-comments>` hands a provider when it is time to load. */
export interface CommentsContext {
  /** The `<kabar-comments>` element: read its attributes (or your own `data-*` ones) from here. */
  readonly host: HTMLElement & { readonly scriptSrc: string };
  /**
   * An empty `<div>` in the element's light DOM, where the embed goes. Light DOM because
   * embeds find their box with `document.getElementById` or `document.querySelector`.
   */
  readonly container: HTMLElement;
  /** The reader's language as Kabar resolved it. */
  readonly lang: KabarLanguage;
  /**
   * Appends `<script src>` to the container, resolving when it has run and rejecting with a
   * `KabarError` when it fails (blocked, offline, 404). `src` must be http(s).
   */
  loadScript(src: string, attributes?: Record<string, string>): Promise<HTMLScriptElement>;
}

/**
 * A comments provider: a few facts for the consent note and the attribution, and how to put
 * its embed into (and take it out of) a light-DOM container. Register your own with
 * `registerCommentsProvider()`.
 */
export interface CommentsProvider {
  /** The provider's name as readers know it: "Disqus". */
  readonly label: string;
  /** Its privacy policy, linked from the consent note. */
  readonly privacyUrl: string;
  /** Its home page, linked from the attribution ("Comments powered by Disqus"). */
  readonly homeUrl: string;
  /** Element properties whose change, once loaded, calls `update` (or mounts again). */
  readonly watch?: readonly string[];
  /**
   * False when the embed cannot show here now, because the page already holds another one
   * (some providers allow one thread per document). The element then explains that.
   */
  available?(context: CommentsContext): boolean;
  /** Loads the embed into `context.container`; resolves once its script has run. */
  mount(context: CommentsContext): Promise<void>;
  /** Applies changed settings to a loaded embed; without it the element mounts again. */
  update?(context: CommentsContext): Promise<void> | void;
  /** Called before the container is removed (the element left the page, or mounts again). */
  unmount?(context: CommentsContext): void;
}

/** A provider, or a function that imports one on demand. */
export type CommentsProviderSource = CommentsProvider | (() => Promise<CommentsProvider>);

const providers = new Map<string, CommentsProviderSource>([
  ['disqus', () => import('./disqus.js').then((m) => m.disqus)],
  ['giscus', () => import('./giscus.js').then((m) => m.giscus)],
]);
const waiting = new Map<string, (source: CommentsProviderSource) => void>();

/**
 * Makes `<kabar-comments provider="name">` use `provider`. Elements already waiting for that
 * name pick it up. Registering a name again replaces it for elements that load later.
 */
export function registerCommentsProvider(name: string, provider: CommentsProviderSource): void {
  const key = name.trim().toLowerCase();
  providers.set(key, provider);
  waiting.get(key)?.(provider);
  waiting.delete(key);
}

/** Whether a provider of that name is registered (so far). */
export function hasCommentsProvider(name: string): boolean {
  return providers.has(name.trim().toLowerCase());
}

/** The provider of that name, once it is registered and imported. */
export async function commentsProvider(name: string): Promise<CommentsProvider> {
  const key = name.trim().toLowerCase();
  const source =
    providers.get(key) ??
    (await new Promise<CommentsProviderSource>((resolve) => {
      const before = waiting.get(key);
      waiting.set(key, (s) => {
        before?.(s);
        resolve(s);
      });
    }));
  return typeof source === 'function' ? source() : source;
}

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
 * A script URL as the page's Trusted Types rules want it. The `kabar-comments` policy only
 * passes the one http(s) URL a provider is loading at that moment.
 */
function trustedScriptUrl(url: string): string {
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
  if (!policy) return url;
  allowed = url;
  try {
    return policy.createScriptURL(url) as string;
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
  const url = safeUrl(src);
  if (!url)
    return Promise.reject(new KabarError('invalid-url', `Not an http(s) script URL: ${src}`, { url: src }));
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    script.async = true;
    script.addEventListener('load', () => resolve(script), { once: true });
    script.addEventListener(
      'error',
      () => {
        const offline = navigator.onLine === false;
        reject(
          new KabarError(offline ? 'offline' : 'network', `The comments script did not load: ${url}`, {
            url,
          }),
        );
      },
      { once: true },
    );
    try {
      script.src = trustedScriptUrl(url);
    } catch (error) {
      reject(
        new KabarError('network', `The page does not allow the comments script: ${url}`, {
          url,
          cause: error,
        }),
      );
      return;
    }
    parent.append(script);
  });
}

/**
 * Makes the scripts of a site's `<template>` embed code run once the fragment is in the page.
 * Scripts parsed in a template (or by `innerHTML`) are marked as already run; fresh copies are
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
        script.src = trustedScriptUrl(url);
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
