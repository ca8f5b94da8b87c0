/**
 * Feed HTML made safe by the browser's own HTML Sanitizer API, then narrowed to Kabar's rules.
 * `Document.parseHTML` always removes what can run script (script elements, event handler
 * attributes, `javascript:` URLs) and parses into an inert document; the walk below keeps only
 * Kabar's tags and attributes, unwraps the others (their text stays, as DOMPurify's
 * `KEEP_CONTENT` does) and applies the URL rules. The nodes are moved, never serialized again.
 */
import type * as HtmlRules from './html-rules.js';

export interface SanitizerDocument {
  parseHTML(
    html: string,
    options?: { sanitizer?: { removeElements?: string[]; comments?: boolean } },
  ): Document;
}

/** Removed with everything inside them: media, embedded documents, code, form fields. */
const DROPPED = (
  'audio embed head iframe input link meta noembed noframes noscript object plaintext script select ' +
  'style template textarea title video xmp'
).split(' ');

const HTML = 'http://www.w3.org/1999/xhtml';

/** Keeps `parent`'s allowed descendants; unwraps the others, drops `DROPPED` and foreign ones. */
function narrow(parent: ParentNode, base: string | undefined, rules: typeof HtmlRules): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    const el = node as Element;
    // Only elements have a namespace: any other node (a comment) goes like a foreign element.
    if (el.namespaceURI !== HTML || DROPPED.includes(el.localName)) {
      node.remove();
      continue;
    }
    narrow(el, base, rules);
    if (!rules.ALLOWED_TAGS.includes(el.localName)) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    for (const { name } of [...el.attributes]) {
      if (!rules.ALLOWED_ATTR.includes(name)) el.removeAttribute(name);
    }
    rules.applyUrlRules(el, base);
  }
}

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
  const { body } = (Document as unknown as SanitizerDocument).parseHTML(html, {
    sanitizer: { removeElements: DROPPED, comments: false },
  });
  narrow(body, baseUrl, rules);
  const fragment = new DocumentFragment();
  fragment.append(...body.childNodes);
  return fragment;
}
