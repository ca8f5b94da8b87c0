/**
 * Feed HTML made safe for the DOM, by the browser's HTML Sanitizer API where there is one
 * (`sanitize-native.ts`) and by DOMPurify elsewhere (`purify.ts`), both with Kabar's rules
 * (`html-rules.ts`). Each is loaded only when some element first renders HTML, so pages that
 * show text only download neither, and browsers with the API never download DOMPurify.
 */
import type { SanitizerDocument } from './sanitize-native.js';

let sanitizerApi = true;

/** For tests: `false` makes every call use DOMPurify, as a browser without the API would. */
export function useSanitizerApi(on: boolean): void {
  sanitizerApi = on;
}

/** Whether this browser has the HTML Sanitizer API (and it is not turned off for a test). */
const hasSanitizerApi = (): boolean =>
  sanitizerApi &&
  typeof (Document as unknown as Partial<SanitizerDocument>).parseHTML === 'function' &&
  typeof (Element.prototype as Element & { setHTML?: unknown }).setHTML === 'function';

/** Sanitized nodes of feed HTML; relative URLs resolve against `baseUrl`. */
export async function sanitizeHtml(html: string, baseUrl?: string): Promise<DocumentFragment> {
  // The rules are a chunk both sanitizers use, asked for alongside either and handed to it.
  const [sanitizer, rules] = await Promise.all([
    hasSanitizerApi() ? import('./sanitize-native.js') : import('./purify.js'),
    import('./html-rules.js'),
  ]);
  return sanitizer.sanitize(html, baseUrl, rules);
}
