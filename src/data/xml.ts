/**
 * XML reading for the feed formats. The browser's parser is fast and strict; real feeds are
 * not, so the text is mended first (byte-order mark, undeclared HTML entities) and a document
 * cut off mid-way keeps its complete items.
 */
import { KabarParseError } from './errors.js';
import { numericEntities } from './text.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string },
  ): {
    createHTML(input: string): unknown;
  };
}

let policy: { createHTML(input: string): unknown } | null | undefined;

/**
 * Under `require-trusted-types-for 'script'` DOMParser only takes TrustedHTML. The documents it
 * makes here are inert (no scripts run, nothing loads), so an identity policy is safe.
 */
function trusted(text: string): string {
  if (policy === undefined) {
    const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    try {
      policy = tt ? tt.createPolicy('kabar', { createHTML: (input) => input }) : null;
    } catch {
      // The page's `trusted-types` directive does not list `kabar`: parse as before and let the
      // policy violation, if any, name the directive to extend.
      policy = null;
    }
  }
  return (policy ? policy.createHTML(text) : text) as string;
}

function parse(text: string): Document {
  return new DOMParser().parseFromString(trusted(text), 'application/xml');
}

function failed(doc: Document): boolean {
  return doc.getElementsByTagName('parsererror').length > 0;
}

/** The names of the elements that hold one item, in the formats read as XML. */
const ITEM_END = /<\/(?:[A-Za-z][\w.-]*:)?(?:item|entry)\s*>/gi;

/**
 * Parses feed XML. Throws KabarParseError when nothing readable is left.
 */
export function parseXml(raw: string, url?: string): Document {
  const text = numericEntities(raw.replace(/^[\s\uFEFF]+/, ''));
  let doc = parse(text);
  if (!failed(doc)) return doc;
  // A feed cut off in transfer: keep everything up to the last complete item and close the
  // elements that were still open.
  let lastEnd = -1;
  for (const match of text.matchAll(ITEM_END)) lastEnd = match.index + match[0].length;
  if (lastEnd > 0) {
    const head = text.slice(0, lastEnd);
    const open = openElements(head);
    doc = parse(head + open.map((name) => `</${name}>`).join(''));
    if (!failed(doc)) return doc;
  }
  throw new KabarParseError('parse', 'The response is not well-formed XML.', { url });
}

/** Names of the elements still open at the end of `xml`, innermost first. */
function openElements(xml: string): string[] {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|<!\[CDATA\[[^]*?\]\]>|<!--[^]*?-->|<\?[^]*?\?>/g;
  for (const match of xml.matchAll(tag)) {
    const [, close, name, selfClosing] = match;
    if (!name || selfClosing) continue;
    if (close) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else {
      stack.push(name);
    }
  }
  return stack.reverse();
}

/** Whether `raw` is well-formed XML once mended (any vocabulary). */
export function isXml(raw: string): boolean {
  return !failed(parse(numericEntities(raw.replace(/^[\s\uFEFF]+/, ''))));
}

/** Direct children of `parent` with this local name (and namespace, when given). */
export function childrenNamed(parent: Element, name: string, ns?: string | null): Element[] {
  const found: Element[] = [];
  for (const child of parent.children) {
    if (child.localName === name && (ns === undefined || child.namespaceURI === ns)) found.push(child);
  }
  return found;
}

/** The first direct child with this local name (and namespace, when given). */
export function childNamed(parent: Element, name: string, ns?: string | null): Element | undefined {
  for (const child of parent.children) {
    if (child.localName === name && (ns === undefined || child.namespaceURI === ns)) return child;
  }
  return undefined;
}

/** Trimmed text of the first such child, or undefined when absent or empty. */
export function childText(parent: Element, name: string, ns?: string | null): string | undefined {
  const text = childNamed(parent, name, ns)?.textContent?.trim();
  return text || undefined;
}
