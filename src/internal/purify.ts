/**
 * Kabar's rules for feed HTML (`html-rules.ts`) applied by DOMPurify, a well-kept sanitizer,
 * for browsers without the HTML Sanitizer API. This module and DOMPurify are one chunk that
 * `sanitize.ts` loads when an element first renders HTML in such a browser. The
 * result is a DocumentFragment, inserted as nodes: no `innerHTML`, no Trusted Types sink on our
 * side. Under `require-trusted-types-for 'script'`, DOMPurify parses through its own
 * `dompurify` policy, which the page's `trusted-types` directive must allow.
 */
import createPurify from 'dompurify';
import type { Config, DOMPurify } from 'dompurify';
import { ALLOWED_ATTR, ALLOWED_TAGS, FORBID_TAGS, applyUrlRules } from './html-rules.js';

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: DOMPurify | undefined;
/** The base of the fragment being sanitized (the article's link), for relative URLs. */
let base: string | undefined;

/** DOMPurify, made once, as a private instance with Kabar's URL rules. */
function load(): DOMPurify {
  if (!purifier) {
    // A private instance: our hooks never touch a copy the page itself uses.
    const purify = (purifier = createPurify(window));
    purify.addHook('afterSanitizeAttributes', (node) => applyUrlRules(node, base));
  }
  return purifier;
}

/** Sanitized nodes of feed HTML; relative URLs resolve against `baseUrl`. */
export function sanitize(html: string, baseUrl?: string): DocumentFragment {
  const purify = load();
  base = baseUrl;
  try {
    return purify.sanitize(html, CONFIG);
  } finally {
    base = undefined;
  }
}
