/**
 * Relative URLs inside feed HTML, made absolute. A feed's `xml:base` says what its relative
 * links mean; once the HTML is on the page, they would resolve against the page instead.
 */
import { resolveUrl } from './url.js';

/** `href`, `src` and `poster` attribute values that are relative (no scheme, not `//`, not `#`). */
const RELATIVE = /(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ABSOLUTE = /^\s*(?:[a-z][a-z\d+.-]*:|#|$)/i;

/** `html` with its relative `href`, `src` and `poster` values resolved against `base`. */
export function rebaseHtml(html: string, base: string): string {
  return html.replace(RELATIVE, (whole, before: string, double?: string, single?: string, bare?: string) => {
    const value = double ?? single ?? bare ?? '';
    if (ABSOLUTE.test(value)) return whole;
    const url = resolveUrl(value.replace(/&amp;/g, '&'), base);
    return url ? `${before}"${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` : whole;
  });
}
