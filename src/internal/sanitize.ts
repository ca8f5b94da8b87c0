/**
 * Feed HTML made safe for the DOM. The sanitizer (DOMPurify with Kabar's rules, `purify.ts`) is
 * loaded only when some element first renders HTML, so pages that show text only never
 * download it.
 */

/** Sanitized nodes of feed HTML; relative URLs resolve against `baseUrl`. */
export async function sanitizeHtml(html: string, baseUrl?: string): Promise<DocumentFragment> {
  return (await import('./purify.js')).sanitize(html, baseUrl);
}
