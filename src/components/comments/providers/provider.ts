/** What `<kabar-comments>` hands a provider when it is time to load. */
export interface CommentsContext {
  /** The `<kabar-comments>` element: read its attributes (or your own `data-*` ones) from here. */
  readonly host: HTMLElement & { readonly scriptSrc: string };
  /**
   * An empty `<div>` in the element's light DOM, where the embed goes. Light DOM because
   * embeds find their box with `document.getElementById` or `document.querySelector`.
   */
  readonly container: HTMLElement;
  /**
   * The reader's language as Kabar resolved it: a shipped one (`id`, `en`, `su`, `jv`) or one
   * the page registered with `registerTranslation`, as its lower-case tag.
   */
  readonly lang: string;
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
/** Wakes the lookups waiting for a name not registered yet; each looks again. */
const waiting = new Set<() => void>();

/**
 * Makes `<kabar-comments provider="name">` use `provider`. Elements already waiting for that
 * name pick it up. Registering a name again replaces it for elements that load later.
 */
export function registerCommentsProvider(name: string, provider: CommentsProviderSource): void {
  providers.set(name.trim().toLowerCase(), provider);
  for (const wake of waiting) wake();
  waiting.clear();
}

/**
 * The provider of that name, once it is registered and imported. With `warn`, says so on the
 * console when the name is not registered yet.
 */
export async function commentsProvider(name: string, warn?: boolean): Promise<CommentsProvider> {
  const key = name.trim().toLowerCase();
  if (warn && !providers.has(key)) {
    console.warn(`[kabar] <kabar-comments> waits for provider="${name}" to be registered.`);
  }
  let source;
  while (!(source = providers.get(key))) await new Promise<void>((resolve) => waiting.add(resolve));
  return typeof source === 'function' ? source() : source;
}
