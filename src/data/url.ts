/** URL helpers: every URL from a feed is resolved, then checked against a scheme allow-list. */

/**
 * An absolute http(s) URL with a lower-case scheme and host (ending in a name, not a number), no
 * port or user, nothing to percent-encode: as `URL` would write it, but for what REWRITTEN finds.
 */
const CANONICAL = /^https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*\/[\w\-.~!$&()*+,;=:@/?%#]*$/;

/**
 * What `URL` rewrites in such a URL: a dot segment (`/./`, `/../`, or `%2e`) and a punycode label.
 * Searched apart from CANONICAL: a look-ahead over the whole URL there took a third of its time.
 */
const REWRITTEN = /\/\.|%2[eE]|xn--/;

/** Resolves `href` against `base`; undefined when it is not a URL. */
export function resolveUrl(href: string | undefined | null, base?: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  // Most feed URLs are absolute and canonical already: `new URL` would give them back as they are.
  if (CANONICAL.test(value) && !REWRITTEN.test(value)) return value;
  try {
    return new URL(value, base || undefined).href;
  } catch {
    return undefined;
  }
}

const WEB = ['http:', 'https:'];

/**
 * Resolves `href` against `base` and keeps it only when it is http(s): what the parsers store
 * for links, images and enclosures, so the model never carries a script URL.
 */
export function resolveWebUrl(href: string | undefined | null, base?: string): string | undefined {
  const url = resolveUrl(href, base);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/**
 * Returns `href` when its scheme is allowed (http and https by default), else undefined. The
 * single gate through which feed URLs reach an `href` or `src`.
 */
export function safeUrl(
  href: string | undefined | null,
  schemes: readonly string[] = WEB,
): string | undefined {
  if (!href) return undefined;
  try {
    // Rendered on a server there is no document: only absolute URLs pass there.
    const url = new URL(href, typeof document === 'undefined' ? undefined : document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
