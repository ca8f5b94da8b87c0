import type { FeedFormatReader, ParseContext } from './registry.js';
import type { Feed, FeedAuthor, FeedEnclosure } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import type { XmlElement } from '../xml.js';
import { NS, parseXml, textOf } from '../xml.js';
import { parseAuthor, plain, readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';
import { rebaseHtml } from '../rebase-html.js';
import { escapeHtml } from '../text.js';

/**
 * Atom 1.0 (`NS.atom`, sometimes written in lower case) and 0.3 (`http://purl.org/atom/ns#`,
 * with or without `#`, or with a draft's name after it).
 */
const ATOM_NS = /^https?:\/\/(?:www\.w3\.org\/2005\/atom|purl\.org\/atom\/ns\b)/i;

function isAtom({ ns }: XmlElement): boolean {
  return ns === NS.atom || ns === null || ATOM_NS.test(ns);
}

/** `xml:base` of `el` resolved against `base`. */
function rebase(el: XmlElement, base: string | undefined): string | undefined {
  const own = el.attrs['xml:base'];
  return own ? (resolveUrl(own, base) ?? base) : base;
}

/**
 * HTML content with its relative URLs made absolute against the `xml:base` in scope, when one
 * is (on the element, its entry or the feed): the page that shows it has another base.
 */
function withBase(html: string, el: XmlElement, entryBase: string | undefined): string {
  let declared = false;
  for (let node: XmlElement | undefined = el; node && !declared; node = node.parent)
    declared = node.attrs['xml:base'] !== undefined;
  const base = rebase(el, entryBase);
  return declared && base ? rebaseHtml(html, base) : html;
}

/** Elements HTML writes without an end tag. */
const VOID = /^(?:area|br|col|embed|hr|img|input|source|track|wbr)$/;

/** Markup of XHTML nodes as HTML: local names, no namespace declarations, text escaped. */
function markup(nodes: XmlElement['nodes']): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeHtml(node);
      continue;
    }
    const { name, attrs } = node;
    out += `<${name}`;
    for (const key in attrs) if (!key.startsWith('xmlns')) out += ` ${key}="${escapeHtml(attrs[key]!)}"`;
    out += VOID.test(name) ? ' />' : `>${markup(node.nodes)}</${name}>`;
  }
  return out;
}

/** The markup inside an XHTML `<div>` wrapper. */
function xhtml(el: XmlElement): string {
  return markup((el.children.find((c) => c.name === 'div') ?? el).nodes);
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
function textConstruct(el: XmlElement): { value: string; isHtml: boolean } {
  let type = (el.attrs['type'] ?? 'text').toLowerCase();
  let mode = el.attrs['mode'];
  // `type="text/html;base64"`, as some generators write Atom 0.3's mode into the type.
  if (/[;+]base64$/.test(type)) {
    type = type.slice(0, -7);
    mode = 'base64';
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { value: xhtml(el), isHtml: true };
  const raw = mode === 'base64' ? decodeBase64(textOf(el)) : textOf(el);
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { value: raw, isHtml: true };
  if (type === 'text' || type === 'text/plain') return { value: raw, isHtml: false };
  // Other media types: base64 of a text type is readable, anything else is not content.
  if (mode === 'base64' || !type.startsWith('text/')) return { value: '', isHtml: false };
  return { value: raw, isHtml: false };
}

function person(el: XmlElement, base: string | undefined): FeedAuthor | undefined {
  let name = '';
  let email = '';
  let uri = '';
  for (const child of el.children) {
    const value = textOf(child).trim();
    if (child.name === 'name') name = value;
    else if (child.name === 'email') email = value;
    else if (child.name === 'uri' || child.name === 'url') uri = value;
  }
  if (!name && !email) return parseAuthor(textOf(el));
  const author: FeedAuthor = { name: name || email };
  if (email) author.email = email;
  const url = resolveWebUrl(uri, rebase(el, base));
  if (url) author.url = url;
  return author;
}

/** One pass over an entry's children. */
function readEntry(entry: XmlElement, base: string | undefined): RawItem {
  const raw: RawItem = { authors: [], categories: [], enclosures: [] };
  let alternate: string | undefined;
  let firstLink: string | undefined;
  let mediaImage: string | undefined;
  let mediaSummary: string | undefined;
  let mediaTitle: string | undefined;
  let dcPublished: Date | undefined;
  let dcUpdated: Date | undefined;
  for (const child of entry.children) {
    const { ns, name, attrs } = child;
    if (ns === NS.media) {
      // YouTube puts everything in a media:group: its description, thumbnail and category.
      for (const media of name === 'group' ? child.children : [child]) {
        const url = media.attrs['url'];
        const type = media.attrs['type'] ?? '';
        if (
          media.name === 'thumbnail' ||
          (media.name === 'content' && (!type || type.startsWith('image/')))
        ) {
          if (url) mediaImage ??= url;
        } else if (media.name === 'description') {
          const value = textOf(media).trim();
          if (value) mediaSummary ??= media.attrs['type'] === 'html' ? value : escapeHtml(value);
        } else if (media.name === 'category') {
          const value = textOf(media).trim();
          if (value) raw.categories!.push(value);
        } else if (media.name === 'title') {
          mediaTitle ??= textOf(media).trim() || undefined;
        }
      }
      continue;
    }
    if (ns === NS.dc && (name === 'creator' || name === 'author')) {
      const author = parseAuthor(textOf(child));
      if (author) raw.authors!.push(author);
      continue;
    }
    if (ns === NS.dcterms) {
      if (name === 'issued' || name === 'created') dcPublished ??= readDate(textOf(child).trim());
      else if (name === 'modified') dcUpdated ??= readDate(textOf(child).trim());
      continue;
    }
    if (!isAtom(child)) continue;
    switch (name) {
      case 'id':
        raw.id = textOf(child).trim();
        break;
      case 'title': {
        const { value, isHtml } = textConstruct(child);
        raw.title = value;
        raw.titleIsHtml = isHtml;
        break;
      }
      case 'link': {
        const href = attrs['href'];
        if (!href) break;
        const rel = attrs['rel'] ?? 'alternate';
        const url = resolveUrl(href, rebase(child, base)) ?? href;
        if (rel === 'alternate') {
          if (!alternate || attrs['type'] === 'text/html') alternate = url;
        } else if (rel === 'enclosure') {
          const enclosure: FeedEnclosure = { url };
          const type = attrs['type'];
          const length = Number(attrs['length']);
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
        raw.summary = isHtml ? withBase(value, child, base) : escapeHtml(value);
        break;
      }
      case 'content': {
        const src = attrs['src'];
        if (src) {
          firstLink ??= resolveUrl(src, base);
          break;
        }
        const { value, isHtml } = textConstruct(child);
        if (value) raw.content = isHtml ? withBase(value, child, base) : escapeHtml(value);
        break;
      }
      case 'published':
      case 'issued':
        raw.published = readDate(textOf(child));
        break;
      case 'updated':
      case 'modified':
        raw.updated = readDate(textOf(child));
        break;
      case 'author': {
        const author = person(child, base);
        if (author) raw.authors!.push(author);
        break;
      }
      case 'category': {
        const term = attrs['label'] ?? attrs['term'];
        if (term) raw.categories!.push(term);
        break;
      }
      case 'source': {
        for (const s of child.children) if (s.name === 'title') raw.source = plain(textOf(s));
        break;
      }
    }
  }
  raw.link = alternate ?? firstLink;
  raw.title ??= mediaTitle;
  raw.summary ??= mediaSummary;
  raw.updated ??= dcUpdated;
  raw.published ??= dcPublished ?? raw.updated;
  raw.image = mediaImage ?? raw.enclosures!.find((e) => e.type?.startsWith('image/'))?.url;
  return raw;
}

function readFeed(root: XmlElement, context: ParseContext): Feed {
  const base = rebase(root, context.url);
  let title = '';
  let link: string | undefined;
  let description: string | undefined;
  let next: string | undefined;
  const authors: FeedAuthor[] = [];
  const entries: XmlElement[] = [];
  for (const child of root.children) {
    if (!isAtom(child)) continue;
    switch (child.name) {
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
        const rel = child.attrs['rel'] ?? 'alternate';
        // The model keeps only http(s) URLs: a `javascript:` alternate or next link is dropped.
        const href = resolveWebUrl(child.attrs['href'], base);
        if (rel === 'alternate' && href && (!link || child.attrs['type'] === 'text/html')) link = href;
        if (rel === 'next' && href) next = href;
        break;
      }
      case 'author': {
        const author = person(child, base);
        if (author) authors.push(author);
        break;
      }
    }
  }
  const lang = root.attrs['xml:lang'];
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
    if (/<(?:[\w-]+:)?feed[\s>][^>]*?(?:2005\/Atom|purl\.org\/atom)/i.test(text.slice(0, 4096))) return 1;
    if (/<(?:[\w-]+:)?feed[\s>]/.test(text.slice(0, 2048))) return 0.7;
    return /atom\+xml/.test(contentType) ? 0.6 : 0;
  },
  parse(text, context) {
    return readFeed(parseXml(text, context.url, 'feed', 'Atom'), context);
  },
};
