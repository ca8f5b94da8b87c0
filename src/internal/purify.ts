/**
 * Kabar's rules for feed HTML (`html-rules.ts`) applied by DOMPurify, a well-kept sanitizer,
 * for browsers without the HTML Sanitizer API. This module and DOMPurify are one chunk that
 * `sanitize.ts` loads when an element first renders HTML in such a browser. The
 * result is a DocumentFragment, inserted as nodes: no `innerHTML`, no Trusted Types sink on our
 * side. Under `require-trusted-types-for 'script'`, DOMPurify parses through its own
 * `dompurify` policy, which the page's `trusted-types` directive must allow.
 */
import createPurify from 'dompurify';
import type { DOMPurify } from 'dompurify';
import type * as HtmlRules from './html-rules.js';

let purify: DOMPurify | undefined;
/** The base of the fragment being sanitized (the article's link), for relative URLs. */
let base: string | undefined;

/**
 * Sanitized nodes of feed HTML; relative URLs resolve against `baseUrl`. `rules` is
 * `html-rules.ts`, handed over by `sanitize.ts`: this chunk does not import that one (see
 * `retryableImports` in the Rollup config for why no chunk imports another).
 */
export function sanitize(
  html: string,
  baseUrl: string | undefined,
  rules: typeof HtmlRules,
): DocumentFragment {
  if (!purify) {
    // A private instance, made once: our hooks never touch a copy the page itself uses.
    purify = createPurify(window);
    purify.addHook('afterSanitizeAttributes', (node) => rules.applyUrlRules(node, base));
  }
  // Read by the hook, which only runs within `sanitize`: always after this line.
  base = baseUrl;
  return purify.sanitize(html, {
    ALLOWED_TAGS: rules.ALLOWED_TAGS,
    ALLOWED_ATTR: rules.ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    FORBID_TAGS: rules.FORBID_TAGS,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
}
