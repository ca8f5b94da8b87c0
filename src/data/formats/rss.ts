import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, ParseContext } from './registry.js';
import type { Feed, FeedEnclosure } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import type { XmlElement } from '../xml.js';
import { NS, parseXml, textOf, trimmed } from '../xml.js';
import { parseAuthor, plain, readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';

/** The first image among media:* elements, in document order. */
function mediaImage(elements: XmlElement[]): string | undefined {
  for (const { name, attrs, children } of elements) {
    if (name === 'thumbnail') return attrs['url'];
    if (name === 'content') {
      const medium = attrs['medium'];
      const type = attrs['type'] ?? '';
      if (medium === 'image' || type.startsWith('image/') || (!medium && !type)) return attrs['url'];
    }
    if (name === 'group') {
      const inner = mediaImage(children.filter((c) => c.ns === NS.media));
      if (inner) return inner;
    }
  }
  return undefined;
}

function enclosure({ attrs }: XmlElement): FeedEnclosure | undefined {
  const url = attrs['url'];
  if (!url) return undefined;
  const found: FeedEnclosure = { url };
  const type = attrs['type'];
  const length = Number(attrs['length']);
  if (type) found.type = type;
  if (length > 0) found.length = length;
  return found;
}

/** `xml:base` in scope for `el`, resolved against the outer base. */
function baseOf(el: XmlElement, fallback: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: XmlElement | undefined = el; node; node = node.parent) {
    const base = node.attrs['xml:base'];
    if (base) chain.unshift(base);
  }
  return chain.reduce<string | undefined>((acc, b) => resolveUrl(b, acc) ?? acc, fallback);
}

/**
 * The known namespaces' usual prefixes by URI, so children can be looked up as `dc:creator`.
 * RSS 1.0 and 0.90 elements read as plain RSS ones.
 */
const PREFIXES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(NS).map(([prefix, uri]) => [uri, `${prefix}:`])),
  [NS.rss1]: '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
};

/** The children of `el` by prefixed name, in document order. */
function byName(el: XmlElement): (name: string) => XmlElement[] {
  const found = new Map<string, XmlElement[]>();
  for (const child of el.children) {
    const key = (child.ns === null ? '' : (PREFIXES[child.ns] ?? '?:')) + child.name;
    const list = found.get(key);
    if (list) list.push(child);
    else found.set(key, [child]);
  }
  return (name) => found.get(name) ?? [];
}

/** Trimmed text of the first element of the first of `names` that has some. */
function first(all: (name: string) => XmlElement[], ...names: string[]): string | undefined {
  for (const name of names) {
    const value = trimmed(all(name)[0]);
    if (value) return value;
  }
  return undefined;
}

/** Reads an item: each field from the first element of each kind, plain RSS preferred. */
function readItem(item: XmlElement): RawItem {
  const all = byName(item);
  const guid = all('guid')[0];
  const guidText = guid && textOf(guid).trim();
  const guidIsLink = guid?.attrs['isPermaLink'] !== 'false' && /^https?:\/\//i.test(guidText ?? '');
  const enclosures = item.children.flatMap((el) => (el.name === 'enclosure' && enclosure(el)) || []);
  return {
    id: guidText,
    title: first(all, 'title', 'dc:title'),
    link:
      first(all, 'link') ??
      all('atom:link')[0]?.attrs['href'] ??
      (guidIsLink ? guidText : undefined) ??
      item.attrs['rdf:about'],
    summary: first(all, 'description', 'dc:description'),
    content: first(all, 'content:encoded'),
    published: readDate(first(all, 'pubDate', 'dc:date')),
    updated: readDate(first(all, 'atom:updated', 'dc:modified')),
    authors: [
      ...all('author'),
      ...all('dc:creator'),
      ...all('atom:author').map((el) => el.children.find((c) => c.name === 'name') ?? el),
    ].flatMap((el) => parseAuthor(textOf(el)) ?? []),
    categories: [...all('category'), ...all('dc:subject')].map(textOf),
    image:
      mediaImage(item.children.filter((c) => c.ns === NS.media)) ??
      enclosures.find((e) => e.type?.startsWith('image/'))?.url ??
      all('itunes:image')[0]?.attrs['href'],
    enclosures,
    source: first(all, 'source'),
  };
}

function readChannel(root: XmlElement, context: ParseContext, format: 'rss' | 'rdf'): Feed {
  const channel = root.children.find((c) => c.name === 'channel');
  if (!channel) throw new KabarParseError('parse', 'The RSS document has no channel.', { url: context.url });
  const all = byName(channel);
  const channelLink = first(all, 'link');
  const docBase = baseOf(channel, context.url);
  const base = resolveUrl(channelLink, docBase) ?? docBase;
  const title = plain(first(all, 'title')) ?? '';
  // RSS 2.0 puts items in the channel; RSS 0.90 and 1.0 put them beside it.
  const itemEls = [...channel.children, ...root.children].filter((c) => c.name === 'item');
  const feed: Feed = {
    format,
    title,
    items: itemEls.map((el) => toItem(readItem(el), baseOf(el, base) ?? base, title || undefined)),
  };
  const link = resolveWebUrl(channelLink, context.url);
  if (link) feed.link = link;
  const description = plain(first(all, 'description'));
  if (description) feed.description = description;
  const language = first(all, 'language', 'dc:language');
  if (language) feed.language = language;
  return feed;
}

/** RSS 0.91, 0.92 and 2.0. */
export const rss: FeedFormatReader = {
  name: 'rss',
  detect(text, contentType) {
    if (/<rss[\s>]/.test(text.slice(0, 2048))) return 1;
    return /rss\+xml/.test(contentType) ? 0.6 : 0;
  },
  parse(text, context) {
    return readChannel(parseXml(text, context.url, 'rss', 'RSS'), context, 'rss');
  },
};

/** RSS 0.90 and 1.0 (RDF). */
export const rdf: FeedFormatReader = {
  name: 'rdf',
  detect(text) {
    return /<(?:rdf:)?RDF[\s>]/.test(text.slice(0, 2048)) ? 1 : 0;
  },
  parse(text, context) {
    return readChannel(parseXml(text, context.url, 'RDF', 'RSS 1.0'), context, 'rdf');
  },
};
