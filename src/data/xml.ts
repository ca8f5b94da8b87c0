/**
 * XML reading for the feed formats: a small forgiving parser, several times faster than the
 * browser's DOMParser on large feeds, that builds a light element tree. Real feeds are not
 * always well-formed: HTML entities XML never declared are decoded, a bare `&` or `<` is read as
 * text, a misplaced end tag closes what it can, and a document cut off mid-way keeps its
 * complete items.
 */
import { KabarParseError } from './errors.js';
import { decodeXml } from './text.js';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  rss1: 'http://purl.org/rss/1.0/',
  dcterms: 'http://purl.org/dc/terms/',
} as const;

/** An element: what the readers need of a DOM element, and no more. */
export interface XmlElement {
  /** Local name. */
  name: string;
  /** Qualified name, as written. */
  tag: string;
  /** Namespace URI; null for none, the prefix itself when it was never declared. */
  ns: string | null;
  /** Attributes by qualified name, entities decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and elements in document order. */
  nodes: (XmlElement | string)[];
  parent: XmlElement | undefined;
  /** Namespace URIs in scope by prefix (`''` for the default namespace). */
  scope: Record<string, string>;
}

/**
 * Namespaces in scope where nothing is declared. Feeds often use the usual prefixes without
 * declaring them; these read as what they always mean.
 */
const PREFIXES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, NS);

const START = /<([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/y;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const DOCTYPE = /<!(?:[^[>]|\[[^]*?\])*>/y;
const isItem = ({ name }: { name: string }) => name === 'item' || name === 'entry';

interface Parsed {
  root: XmlElement | undefined;
  /** Whether anything was not well-formed (mended, skipped or cut off). */
  bad: boolean;
  /** How many items or entries were read complete. */
  items: number;
}

/** Reads `raw` into a tree, forgiving what can be forgiven. */
function read(text: string): Parsed {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let top: XmlElement | undefined;
  let bad = false;
  let items = 0;
  let at = 0;
  let lt = 0;
  /** Skips to just after `close`; false when the document ends first. */
  const skip = (close: string) => {
    const end = text.indexOf(close, lt + 2);
    at = end + close.length;
    return end >= 0;
  };
  /** Drops the items among `open`, closed without their end tag: they may be incomplete. */
  const cut = (open: XmlElement[]) => {
    for (const el of open) {
      if (isItem(el) && el.parent) {
        el.parent.children.pop();
        el.parent.nodes.pop();
      }
    }
  };
  const add = (value: string) => {
    if (top) top.nodes.push(value);
    else if (value.trim()) bad = true;
  };
  while (at < text.length) {
    lt = text.indexOf('<', at);
    if (lt < 0) {
      add(decodeXml(text.slice(at)));
      break;
    }
    if (lt > at) add(decodeXml(text.slice(at, lt)));
    const next = text[lt + 1];
    if (text.startsWith('<![CDATA[', lt)) {
      if (!skip(']]>')) break;
      add(text.slice(lt + 9, at - 3));
    } else if (next === '?' || text.startsWith('<!--', lt)) {
      if (!skip(next === '?' ? '?>' : '-->')) break;
    } else if (next === '!') {
      // A declaration (`<!DOCTYPE …>`) comes before the root element. Inside it, `<!` is text
      // that was not escaped, as in an RSS description that quotes `<!DOCTYPE html>`.
      DOCTYPE.lastIndex = lt;
      if (!root && DOCTYPE.test(text)) at = DOCTYPE.lastIndex;
      else if (!root) break;
      else {
        add('<');
        bad = true;
        at = lt + 1;
      }
    } else if (next === '/') {
      if (!skip('>')) break;
      // Most end tags close the open element and are written `</name>`: no new string then.
      const tag =
        at - lt - 3 === top?.tag.length && text.startsWith(top.tag, lt + 2)
          ? top.tag
          : text.slice(lt + 2, at - 1).trim();
      let i = stack.length;
      while (i-- && stack[i]!.tag !== tag);
      if (i < 0) bad = true;
      else {
        if (i < stack.length - 1) {
          bad = true;
          cut(stack.splice(i + 1));
        }
        if (isItem(stack.pop()!)) items++;
        top = stack[i - 1];
      }
    } else {
      START.lastIndex = lt;
      const match = START.exec(text);
      if (!match) {
        // `<` that opens no tag: a tag cut off at the end, or text.
        if (text.indexOf('>', lt) < 0) break;
        add('<');
        bad = true;
        at = lt + 1;
        continue;
      }
      at = START.lastIndex;
      const [, tag, rest, empty] = match as unknown as [string, string, string, string];
      if (!top && root) {
        // A second root element: what follows is not part of the document.
        bad = true;
        break;
      }
      const colon = tag.indexOf(':');
      const name = tag.slice(colon + 1);
      // Items do not nest: one opened inside another means the other lost its end tag.
      const open = isItem({ name }) ? stack.findIndex((e) => e.tag === tag) : -1;
      if (open >= 0) {
        bad = true;
        cut(stack.splice(open));
        top = stack[open - 1];
      }
      const attrs: Record<string, string> = {};
      let scope = top ? top.scope : PREFIXES;
      ATTR.lastIndex = 0;
      for (let a; rest && (a = ATTR.exec(rest));) {
        const [, name, d, s, u] = a as unknown as string[];
        if (attrs[name!] !== undefined) continue;
        const value = (attrs[name!] = decodeXml(d ?? s ?? u ?? ''));
        if (name!.startsWith('xmlns')) {
          if (scope === (top?.scope ?? PREFIXES)) scope = Object.create(scope) as Record<string, string>;
          scope[name!.slice(6)] = value;
        }
      }
      const prefix = colon > 0 ? tag.slice(0, colon) : '';
      const el: XmlElement = {
        name,
        tag,
        ns: scope[prefix] || prefix || null,
        attrs,
        children: [],
        nodes: [],
        parent: top,
        scope,
      };
      if (top) {
        top.children.push(el);
        top.nodes.push(el);
      } else {
        root = el;
      }
      if (empty) {
        if (isItem(el)) items++;
      } else {
        stack.push(el);
        top = el;
      }
    }
  }
  // Cut off: what is still open stays, except the items.
  if (stack.length) bad = true;
  cut(stack);
  return { root, bad: bad || !root, items };
}

/**
 * Parses feed XML whose root element is `name`. Throws KabarParseError: `parse` when nothing
 * readable is left (no element at all, or a document that is not well-formed and has no
 * complete item, or whose root was lost), `format` for a well-formed document of another kind.
 */
export function parseXml(text: string, url: string | undefined, name: string, format: string): XmlElement {
  const { root, bad, items } = read(text);
  if (root?.name === name && (items || !bad)) return root;
  throw bad
    ? new KabarParseError('parse', 'The response is not well-formed XML.', { url })
    : new KabarParseError('format', `The document is not ${format}.`, { url });
}

/** Whether `raw` is well-formed XML once mended (any vocabulary). */
export function isXml(raw: string): boolean {
  return !read(raw).bad;
}

/** All the text inside `el`, as the DOM's `textContent`. */
export function textOf(el: XmlElement | undefined): string {
  let out = '';
  for (const node of el?.nodes ?? []) out += typeof node === 'string' ? node : textOf(node);
  return out;
}

/** Trimmed text of `el`, or undefined when absent or empty. */
export const trimmed = (el: XmlElement | undefined): string | undefined => textOf(el).trim() || undefined;
