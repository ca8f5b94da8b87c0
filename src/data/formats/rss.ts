import { parseDate } from '../date.js';
import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, ParseContext, RawItem } from '../format.js';
import { parseAuthor, plain, toItem } from '../format.js';
import type { Feed, FeedEnclosure } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import type { XmlElement } from '../xml.js';
import { NS, attrNS, childNamed, childText, childrenNamed, parseXml, textOf, trimmed } from '../xml.js';

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

const text = trimmed;

/**
 * One pass over an item's children: each field keeps the first element of each kind, then the
 * kinds are taken in order of preference (plain RSS, then RSS 1.0, then Dublin Core, then Atom).
 */
function readItem(item: XmlElement): RawItem {
  let guid: XmlElement | undefined;
  const title: (XmlElement | undefined)[] = [];
  const link: (XmlElement | undefined)[] = [];
  const description: (XmlElement | undefined)[] = [];
  let atomLink: XmlElement | undefined;
  let encoded: XmlElement | undefined;
  let pubDate: XmlElement | undefined;
  let dcDate: XmlElement | undefined;
  let atomUpdated: XmlElement | undefined;
  let dcModified: XmlElement | undefined;
  let itunesImage: XmlElement | undefined;
  let source: XmlElement | undefined;
  const plainAuthors: XmlElement[] = [];
  const dcCreators: XmlElement[] = [];
  const atomAuthors: XmlElement[] = [];
  const categories: XmlElement[] = [];
  const subjects: XmlElement[] = [];
  const media: XmlElement[] = [];
  const enc: FeedEnclosure[] = [];
  for (const child of item.children) {
    const ns = child.ns;
    // 0: no namespace, 1: RSS 1.0, 2: Dublin Core.
    const rank = ns === null ? 0 : ns === NS.rss1 ? 1 : ns === NS.dc ? 2 : -1;
    switch (child.name) {
      case 'title':
        if (rank >= 0) title[rank] ??= child;
        break;
      case 'link':
        if (rank === 0 || rank === 1) link[rank] ??= child;
        else if (ns === NS.atom) atomLink ??= child;
        break;
      case 'description':
        if (rank >= 0) description[rank] ??= child;
        break;
      case 'guid':
        guid ??= child;
        break;
      case 'encoded':
        if (ns === NS.content) encoded ??= child;
        break;
      case 'pubDate':
        pubDate ??= child;
        break;
      case 'date':
        if (ns === NS.dc) dcDate ??= child;
        break;
      case 'updated':
        if (ns === NS.atom) atomUpdated ??= child;
        break;
      case 'modified':
        if (ns === NS.dc) dcModified ??= child;
        break;
      case 'author':
        if (ns === null) plainAuthors.push(child);
        else if (ns === NS.atom) atomAuthors.push(childNamed(child, 'name') ?? child);
        break;
      case 'creator':
        if (ns === NS.dc) dcCreators.push(child);
        break;
      case 'category':
        if (ns === null) categories.push(child);
        break;
      case 'subject':
        if (ns === NS.dc) subjects.push(child);
        break;
      case 'enclosure': {
        const found = enclosure(child);
        if (found) enc.push(found);
        break;
      }
      case 'image':
        if (ns === NS.itunes) itunesImage ??= child;
        break;
      case 'source':
        if (ns === null) source ??= child;
        break;
    }
    if (ns === NS.media) media.push(child);
  }
  const guidText = guid && textOf(guid).trim();
  const guidIsLink = guid?.attrs['isPermaLink'] !== 'false' && /^https?:\/\//i.test(guidText ?? '');
  const imageEnclosure = enc.find((e) => e.type?.startsWith('image/'))?.url;
  return {
    id: guidText,
    title: text(title[0]) ?? text(title[1]) ?? text(title[2]),
    link:
      text(link[0]) ??
      text(link[1]) ??
      atomLink?.attrs['href'] ??
      (guidIsLink ? guidText : undefined) ??
      attrNS(item, NS.rdf, 'about'),
    summary: text(description[0]) ?? text(description[1]) ?? text(description[2]),
    content: text(encoded),
    published: parseDate(text(pubDate) ?? text(dcDate)),
    updated: parseDate(text(atomUpdated) ?? text(dcModified)),
    authors: [...plainAuthors, ...dcCreators, ...atomAuthors].flatMap((el) => parseAuthor(textOf(el)) ?? []),
    categories: [...categories, ...subjects].map(textOf),
    image: mediaImage(media) ?? imageEnclosure ?? itunesImage?.attrs['href'],
    enclosures: enc,
    source: text(source),
  };
}

function readChannel(root: XmlElement, context: ParseContext, format: 'rss' | 'rdf'): Feed {
  const channel =
    childNamed(root, 'channel', format === 'rss' ? null : NS.rss1) ?? childNamed(root, 'channel');
  if (!channel) throw new KabarParseError('parse', 'The RSS document has no channel.', { url: context.url });
  const channelLink = childText(channel, 'link', null) ?? childText(channel, 'link', NS.rss1);
  const docBase = baseOf(channel, context.url);
  const base = resolveUrl(channelLink, docBase) ?? docBase;
  const title = plain(childText(channel, 'title', null) ?? childText(channel, 'title', NS.rss1)) ?? '';
  // RSS 2.0 puts items in the channel; RSS 0.90 and 1.0 put them beside it.
  const itemEls = [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')];
  const feed: Feed = {
    format,
    title,
    items: itemEls.map((el) => toItem(readItem(el), baseOf(el, base) ?? base, title || undefined)),
  };
  const link = resolveWebUrl(channelLink, context.url);
  if (link) feed.link = link;
  const description = plain(
    childText(channel, 'description', null) ?? childText(channel, 'description', NS.rss1),
  );
  if (description) feed.description = description;
  const language = childText(channel, 'language') ?? childText(channel, 'language', NS.dc);
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
