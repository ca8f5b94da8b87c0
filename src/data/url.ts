/** URL helpers: every URL from a feed is resolved, then checked against a scheme allow-list. */

/**
 * An absolute http(s) URL already written as `URL` would write it: lower-case scheme and host
 * (ending in a name, not a number), no port, user or dot segment, nothing to percent-encode.
 */
const CANONICAL =
  /^(?!.*(?:\/\.|%2[eE]|xn--))https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*\/[\w\-.~!$&()*+,;=:@/?%#]*$/;

/** Resolves `href` against `base`; undefined when it is not a URL. */
export function resolveUrl(href: string | undefined | null, base?: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  // Most feed URLs are absolute and canonical already: `new URL` would give them back as they are.
  if (CANONICAL.test(value)) return value;
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
    const url = new URL(href, document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
