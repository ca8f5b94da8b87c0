import { parseDate } from '../date.js';
import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, ParseContext, RawItem } from '../format.js';
import { parseAuthor, plain, toItem } from '../format.js';
import type { Feed, FeedAuthor, FeedEnclosure } from '../model.js';
import { resolveUrl } from '../url.js';
import { NS, parseXml } from '../xml.js';

/** Atom 0.3's namespace; 1.0 is `NS.atom`. */
const ATOM03 = 'http://purl.org/atom/ns#';

function isAtom(el: Element): boolean {
  return el.namespaceURI === NS.atom || el.namespaceURI === ATOM03 || el.namespaceURI === null;
}

/** `xml:base` of `el` resolved against `base`. */
function rebase(el: Element, base: string | undefined): string | undefined {
  const own = el.getAttributeNS(NS.xml, 'base');
  return own ? (resolveUrl(own, base) ?? base) : base;
}

/** The serialized children of an XHTML `<div>` wrapper. */
function xhtml(el: Element): string {
  const div = [...el.children].find((c) => c.localName === 'div') ?? el;
  const serializer = new XMLSerializer();
  let out = '';
  for (const node of div.childNodes) out += serializer.serializeToString(node);
  // XHTML elements serialize with their namespace; HTML does not need it.
  return out.replace(/\sxmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '');
}

function decodeBase64(text: string): string {
  try {
    const bytes = Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}

/**
 * The text of an Atom text or content construct, as HTML (`isHtml`) or plain text. Atom 0.3
 * may base64-encode it (`mode="base64"`), or carry it as escaped markup (`mode="escaped"`).
 */
function textConstruct(el: Element): { value: string; isHtml: boolean } {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const mode = el.getAttribute('mode');
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { value: xhtml(el), isHtml: true };
  const raw = mode === 'base64' ? decodeBase64(el.textContent ?? '') : (el.textContent ?? '');
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { value: raw, isHtml: true };
  if (type === 'text' || type === 'text/plain') return { value: raw, isHtml: false };
  // Other media types: base64 of a text type is readable, anything else is not content.
  if (mode === 'base64' || !type.startsWith('text/')) return { value: '', isHtml: false };
  return { value: raw, isHtml: false };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function person(el: Element): FeedAuthor | undefined {
  let name = '';
  let email = '';
  let uri = '';
  for (const child of el.children) {
    if (child.localName === 'name') name = child.textContent?.trim() ?? '';
    else if (child.localName === 'email') email = child.textContent?.trim() ?? '';
    else if (child.localName === 'uri' || child.localName === 'url') uri = child.textContent?.trim() ?? '';
  }
  if (!name && !email) return parseAuthor(el.textContent ?? '');
  const author: FeedAuthor = { name: name || email };
  if (email) author.email = email;
  if (uri) author.url = uri;
  return author;
}

/** One pass over an entry's children. */
function readEntry(entry: Element, base: string | undefined): RawItem {
  const raw: RawItem = { authors: [], categories: [], enclosures: [] };
  let alternate: string | undefined;
  let firstLink: string | undefined;
  for (const child of entry.children) {
    const ns = child.namespaceURI;
    const name = child.localName;
    if (ns === NS.media) {
      if (!raw.image && (name === 'thumbnail' || name === 'content')) {
        const url = child.getAttribute('url');
        const type = child.getAttribute('type') ?? '';
        if (url && (name === 'thumbnail' || !type || type.startsWith('image/'))) raw.image = url;
      } else if (!raw.image && name === 'group') {
        const thumb = [...child.children].find(
          (c) => c.localName === 'thumbnail' || c.localName === 'content',
        );
        if (thumb?.getAttribute('url')) raw.image = thumb.getAttribute('url')!;
      }
      continue;
    }
    if (ns === NS.dc && name === 'creator') {
      const author = parseAuthor(child.textContent ?? '');
      if (author) raw.authors!.push(author);
      continue;
    }
    if (!isAtom(child)) continue;
    switch (name) {
      case 'id':
        raw.id = child.textContent?.trim();
        break;
      case 'title': {
        const { value, isHtml } = textConstruct(child);
        raw.title = value;
        raw.titleIsHtml = isHtml;
        break;
      }
      case 'link': {
        const href = child.getAttribute('href');
        if (!href) break;
        const rel = child.getAttribute('rel') ?? 'alternate';
        const url = resolveUrl(href, rebase(child, base)) ?? href;
        if (rel === 'alternate') {
          const type = child.getAttribute('type');
          if (!alternate || type === 'text/html') alternate = url;
        } else if (rel === 'enclosure') {
          const enclosure: FeedEnclosure = { url };
          const type = child.getAttribute('type');
          const length = Number(child.getAttribute('length'));
          if (type) enclosure.type = type;
          if (length > 0) enclosure.length = length;
          raw.enclosures!.push(enclosure);
        }
        firstLink ??= url;
        break;
      }
      case 'summary':
      case 'subtitle': {
        const { value, isHtml } = textConstruct(child);
        raw.summary = isHtml ? value : escapeHtml(value);
        break;
      }
      case 'content': {
        const src = child.getAttribute('src');
        if (src) {
          firstLink ??= resolveUrl(src, base);
          break;
        }
        const { value, isHtml } = textConstruct(child);
        if (value) raw.content = isHtml ? value : escapeHtml(value);
        break;
      }
      case 'published':
      case 'issued':
        raw.published = parseDate(child.textContent);
        break;
      case 'updated':
      case 'modified':
        raw.updated = parseDate(child.textContent);
        break;
      case 'author': {
        const author = person(child);
        if (author) raw.authors!.push(author);
        break;
      }
      case 'category': {
        const term = child.getAttribute('label') ?? child.getAttribute('term');
        if (term) raw.categories!.push(term);
        break;
      }
      case 'source': {
        for (const s of child.children) if (s.localName === 'title') raw.source = plain(s.textContent ?? '');
        break;
      }
    }
  }
  raw.link = alternate ?? firstLink;
  raw.published ??= raw.updated;
  raw.image ??= raw.enclosures!.find((e) => e.type?.startsWith('image/'))?.url;
  return raw;
}

function readFeed(doc: Document, context: ParseContext): Feed {
  const root = doc.documentElement;
  const base = rebase(root, context.url);
  let title = '';
  let link: string | undefined;
  let description: string | undefined;
  let next: string | undefined;
  const authors: FeedAuthor[] = [];
  const entries: Element[] = [];
  for (const child of root.children) {
    if (!isAtom(child)) continue;
    switch (child.localName) {
      case 'entry':
        entries.push(child);
        break;
      case 'title': {
        const { value, isHtml } = textConstruct(child);
        title = (isHtml ? plain(value) : plain(escapeHtml(value))) ?? '';
        break;
      }
      case 'subtitle':
      case 'tagline': {
        const { value, isHtml } = textConstruct(child);
        description = isHtml ? plain(value) : plain(escapeHtml(value));
        break;
      }
      case 'link': {
        const rel = child.getAttribute('rel') ?? 'alternate';
        const href = resolveUrl(child.getAttribute('href'), base);
        if (rel === 'alternate' && href && (!link || child.getAttribute('type') === 'text/html')) link = href;
        if (rel === 'next' && href) next = href;
        break;
      }
      case 'author': {
        const author = person(child);
        if (author) authors.push(author);
        break;
      }
    }
  }
  const lang = root.getAttributeNS(NS.xml, 'lang');
  const items = entries.map((entry) => {
    const entryBase = rebase(entry, base);
    const raw = readEntry(entry, entryBase);
    if (raw.authors!.length === 0) raw.authors = authors;
    // Relative links in an entry resolve against its xml:base, else the feed's alternate link.
    return toItem(raw, entryBase ?? link, title || undefined);
  });
  const feed: Feed = { format: 'atom', title, items };
  if (link) feed.link = link;
  if (description) feed.description = description;
  if (lang) feed.language = lang;
  if (next) feed.next = next;
  return feed;
}

/** Atom 1.0 and 0.3 (Blogger, GitHub, many CMSs). */
export const atom: FeedFormatReader = {
  name: 'atom',
  detect(text, contentType) {
    if (/<(?:[\w-]+:)?feed[\s>][^>]*?(?:2005\/Atom|purl\.org\/atom)/.test(text.slice(0, 4096))) return 1;
    if (/<feed[\s>]/.test(text.slice(0, 2048))) return 0.7;
    return /atom\+xml/.test(contentType) ? 0.6 : 0;
  },
  parse(text, context) {
    const doc = parseXml(text, context.url);
    if (doc.documentElement.localName !== 'feed') {
      throw new KabarParseError('format', 'The document is not Atom.', { url: context.url });
    }
    return readFeed(doc, context);
  },
};
