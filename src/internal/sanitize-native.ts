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
const DROPPED = [
  'audio',
  'embed',
  'head',
  'iframe',
  'input',
  'link',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'plaintext',
  'script',
  'select',
  'style',
  'template',
  'textarea',
  'title',
  'video',
  'xmp',
];

const HTML = 'http://www.w3.org/1999/xhtml';

/** Kabar's rules as sets, made on first use from the rules `sanitize` is given. */
interface Narrowing {
  tags: Set<string>;
  attributes: Set<string>;
  applyUrlRules: typeof HtmlRules.applyUrlRules;
}
let narrowing: Narrowing | undefined;

/** Keeps `parent`'s allowed descendants; unwraps the others, drops `DROPPED` and foreign ones. */
function narrow(parent: ParentNode, base: string | undefined, rules: Narrowing): void {
  const { tags, attributes, applyUrlRules } = rules;
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    const el = node as Element;
    if (node.nodeType !== Node.ELEMENT_NODE || el.namespaceURI !== HTML || DROPPED.includes(el.localName)) {
      node.remove();
      continue;
    }
    narrow(el, base, rules);
    if (!tags.has(el.localName)) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    for (const { name } of [...el.attributes]) if (!attributes.has(name)) el.removeAttribute(name);
    applyUrlRules(el, base);
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
  narrowing ??= {
    tags: new Set(rules.ALLOWED_TAGS),
    attributes: new Set(rules.ALLOWED_ATTR),
    applyUrlRules: rules.applyUrlRules,
  };
  const doc = (Document as unknown as SanitizerDocument).parseHTML(html, {
    sanitizer: { removeElements: DROPPED, comments: false },
  });
  narrow(doc.body, baseUrl, narrowing);
  const fragment = document.createDocumentFragment();
  fragment.append(...doc.body.childNodes);
  return fragment;
}
