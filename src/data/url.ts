/** URL helpers: every URL from a feed is resolved, then checked against a scheme allow-list. */

/** Resolves `href` against `base`; undefined when it is not a URL. */
export function resolveUrl(href: string | undefined | null, base?: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
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
