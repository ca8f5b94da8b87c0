import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, ParseContext } from './registry.js';
import type { Feed, FeedEnclosure } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import type { XmlElement } from '../xml.js';
import { NS, parseXml, textOf, trimmed } from '../xml.js';
import { defined, parseAuthor, plain, readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';
import { escapeHtml } from '../text.js';

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
  // RSS 2.0 has no namespace, but some tools declared one (as the default, or for a prefix).
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/2.0/': '',
  // An `rss:` prefix no one declared.
  rss: '',
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

/** Media RSS elements of `el`, with those of its `media:group`s in place of each group. */
function mediaOf(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) =>
    c.ns !== NS.media ? [] : c.name === 'group' ? c.children.filter((g) => g.ns === NS.media) : [c],
  );
}

/** An iTunes category and the ones nested in it, by their `text`. */
function itunesCategories(el: XmlElement): string[] {
  const text = el.attrs['text'];
  return [
    ...(text ? [text] : []),
    ...el.children.filter((c) => c.name === 'category').flatMap(itunesCategories),
  ];
}

/** `media:description` as HTML: its `type` says whether it is plain text (the default). */
function mediaDescription(media: XmlElement[]): string | undefined {
  const el = media.find((m) => m.name === 'description');
  const value = trimmed(el);
  return value && (el!.attrs['type'] === 'html' ? value : escapeHtml(value));
}

/** What a channel gives its items that have none of their own (a podcast's picture and host). */
interface ChannelDefaults {
  image: string | undefined;
  author: string | undefined;
}

/** Reads an item: each field from the first element of each kind, plain RSS preferred. */
function readItem(item: XmlElement, defaults: ChannelDefaults): RawItem {
  const all = byName(item);
  const guid = all('guid')[0];
  const guidText = guid && textOf(guid).trim();
  const guidIsLink = guid?.attrs['isPermaLink'] !== 'false' && /^https?:\/\//i.test(guidText ?? '');
  const enclosures = item.children.flatMap((el) => (el.name === 'enclosure' && enclosure(el)) || []);
  const media = all('media:group').length || all('media:description').length ? mediaOf(item) : [];
  const authorNames = [
    ...[...all('author'), ...all('dc:creator'), ...all('dc:author'), ...all('itunes:author')].map(textOf),
    ...all('atom:author').map((el) => textOf(el.children.find((c) => c.name === 'name') ?? el)),
  ];
  return {
    id: guidText,
    title: first(all, 'title', 'dc:title'),
    link:
      first(all, 'link') ??
      all('atom:link')[0]?.attrs['href'] ??
      (guidIsLink ? guidText : undefined) ??
      item.attrs['rdf:about'],
    summary:
      first(all, 'description', 'dc:description') ??
      // iTunes and Media RSS descriptions are plain text: escaped, they read as HTML.
      mapDefined(first(all, 'itunes:summary', 'itunes:subtitle'), escapeHtml) ??
      mediaDescription(media),
    content: first(all, 'content:encoded'),
    published: readDate(first(all, 'pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created')),
    updated: readDate(first(all, 'atom:updated', 'dc:modified', 'dcterms:modified')),
    authors: authorNames.length
      ? authorNames.flatMap((name) => parseAuthor(name) ?? [])
      : defined([mapDefined(defaults.author, parseAuthor)]),
    categories: [
      ...[...all('category'), ...all('dc:subject')].map(textOf),
      ...all('itunes:category').flatMap(itunesCategories),
      ...media.filter((m) => m.name === 'category').map(textOf),
    ],
    image:
      mediaImage(item.children.filter((c) => c.ns === NS.media)) ??
      enclosures.find((e) => e.type?.startsWith('image/'))?.url ??
      all('itunes:image')[0]?.attrs['href'] ??
      defaults.image,
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
  const title = plain(first(all, 'title', 'dc:title')) ?? '';
  // RSS 2.0 puts items in the channel; RSS 0.90 and 1.0 put them beside it.
  const itemEls = [...channel.children, ...root.children].filter((c) => c.name === 'item');
  const defaults: ChannelDefaults = {
    image: all('itunes:image')[0]?.attrs['href'],
    author: first(all, 'itunes:author'),
  };
  const feed: Feed = {
    format,
    title,
    items: itemEls.map((el) => toItem(readItem(el, defaults), baseOf(el, base) ?? base, title || undefined)),
  };
  const link = resolveWebUrl(channelLink, context.url);
  if (link) feed.link = link;
  const description = plain(first(all, 'description'));
  if (description) feed.description = description;
  const language = first(all, 'language', 'dc:language');
  if (language) feed.language = language;
  return feed;
}

/** `fn(value)`, or undefined without a value. */
const mapDefined = <T>(value: string | undefined, fn: (value: string) => T): T | undefined =>
  value === undefined ? undefined : fn(value);

/** RSS 0.91, 0.92 and 2.0. */
export const rss: FeedFormatReader = {
  name: 'rss',
  detect(text, contentType) {
    if (/<(?:[\w-]+:)?rss[\s>]/.test(text.slice(0, 2048))) return 1;
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
