/**
 * Kabar's rules for feed HTML, shared by both sanitizers (`purify.ts`, `sanitize-native.ts`):
 * which tags and attributes stay, which URLs links and images may have.
 */

/** Tags kept: text structure, links, images and tables. Everything else goes, its text kept. */
export const ALLOWED_TAGS = (
  'a abbr b blockquote br caption cite code dd del dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img ' +
  'ins li ol p pre q s small span strong sub sup table tbody td tfoot th thead time tr u ul'
).split(' ');

/** Attributes kept: no `style`, no `class`/`id` (they could reach the card's own rules), no handlers. */
export const ALLOWED_ATTR = 'href src alt title width height datetime colspan rowspan lang dir'.split(' ');

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const IMAGE_SCHEMES = ['http:', 'https:'];

/** Tags removed, not unwrapped (DOMPurify keeps the text of the form controls). */
export const FORBID_TAGS = 'style script iframe form input button object embed svg math link meta'.split(' ');

/**
 * Applies the URL rules to a kept `<a>` or `<img>`: links only to http(s) and mailto, resolved
 * against `base`, with `rel` set; images only from http(s), lazy, without referrer. An image
 * without an allowed source is removed.
 */
export function applyUrlRules(node: Element, base: string | undefined): void {
  if (node.nodeName === 'A') {
    const href = allowed(node.getAttribute('href'), LINK_SCHEMES, base);
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    } else {
      node.removeAttribute('href');
    }
  } else if (node.nodeName === 'IMG') {
    const src = allowed(node.getAttribute('src'), IMAGE_SCHEMES, base);
    if (src) {
      node.setAttribute('src', src);
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    } else {
      node.remove();
    }
  }
}

function allowed(
  value: string | null,
  schemes: readonly string[],
  base: string | undefined,
): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base ?? document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
