import { parseDate } from '../date.js';
import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, ParseContext, RawItem } from '../format.js';
import { parseAuthor, plain, toItem } from '../format.js';
import type { Feed, FeedEnclosure } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import { NS, childNamed, childText, childrenNamed, parseXml } from '../xml.js';

function mediaImage(item: Element): string | undefined {
  for (const child of item.children) {
    if (child.namespaceURI !== NS.media) continue;
    if (child.localName === 'thumbnail') return child.getAttribute('url') ?? undefined;
    if (child.localName === 'content') {
      const medium = child.getAttribute('medium');
      const type = child.getAttribute('type') ?? '';
      if (medium === 'image' || type.startsWith('image/') || (!medium && !type)) {
        return child.getAttribute('url') ?? undefined;
      }
    }
    if (child.localName === 'group') {
      const inner = mediaImage(child);
      if (inner) return inner;
    }
  }
  return undefined;
}

function enclosures(item: Element): FeedEnclosure[] {
  return childrenNamed(item, 'enclosure').flatMap((el) => {
    const url = el.getAttribute('url');
    if (!url) return [];
    const enclosure: FeedEnclosure = { url };
    const type = el.getAttribute('type');
    const length = Number(el.getAttribute('length'));
    if (type) enclosure.type = type;
    if (length > 0) enclosure.length = length;
    return [enclosure];
  });
}

/** `xml:base` in scope for `el`, resolved against the outer base. */
function baseOf(el: Element, fallback: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const base = node.getAttributeNS(NS.xml, 'base');
    if (base) chain.unshift(base);
  }
  return chain.reduce<string | undefined>((acc, b) => resolveUrl(b, acc) ?? acc, fallback);
}

function readItem(item: Element): RawItem {
  const guid = childNamed(item, 'guid');
  const guidText = guid?.textContent?.trim();
  const guidIsLink = guid?.getAttribute('isPermaLink') !== 'false' && /^https?:\/\//i.test(guidText ?? '');
  const enc = enclosures(item);
  const imageEnclosure = enc.find((e) => e.type?.startsWith('image/'))?.url;
  const authors = [
    ...childrenNamed(item, 'author', null),
    ...childrenNamed(item, 'creator', NS.dc),
    ...childrenNamed(item, 'author', NS.atom).map((a) => childNamed(a, 'name') ?? a),
  ].flatMap((el) => parseAuthor(el.textContent ?? '') ?? []);
  const sourceEl = childNamed(item, 'source', null);
  return {
    id: guidText,
    title:
      childText(item, 'title', null) ?? childText(item, 'title', NS.rss1) ?? childText(item, 'title', NS.dc),
    link:
      childText(item, 'link', null) ??
      childText(item, 'link', NS.rss1) ??
      childNamed(item, 'link', NS.atom)?.getAttribute('href') ??
      (guidIsLink ? guidText : undefined) ??
      item.getAttributeNS(NS.rdf, 'about') ??
      undefined,
    summary:
      childText(item, 'description', null) ??
      childText(item, 'description', NS.rss1) ??
      childText(item, 'description', NS.dc),
    content: childText(item, 'encoded', NS.content),
    published: parseDate(childText(item, 'pubDate') ?? childText(item, 'date', NS.dc)),
    updated: parseDate(childText(item, 'updated', NS.atom) ?? childText(item, 'modified', NS.dc)),
    authors,
    categories: [...childrenNamed(item, 'category', null), ...childrenNamed(item, 'subject', NS.dc)].map(
      (c) => c.textContent ?? '',
    ),
    image:
      mediaImage(item) ??
      imageEnclosure ??
      childNamed(item, 'image', NS.itunes)?.getAttribute('href') ??
      undefined,
    enclosures: enc,
    source: sourceEl?.textContent?.trim() || undefined,
  };
}

function readChannel(doc: Document, context: ParseContext, format: 'rss' | 'rdf'): Feed {
  const root = doc.documentElement;
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
    const doc = parseXml(text, context.url);
    if (doc.documentElement.localName !== 'rss') {
      throw new KabarParseError('format', 'The document is not RSS.', { url: context.url });
    }
    return readChannel(doc, context, 'rss');
  },
};

/** RSS 0.90 and 1.0 (RDF). */
export const rdf: FeedFormatReader = {
  name: 'rdf',
  detect(text) {
    return /<(?:rdf:)?RDF[\s>]/.test(text.slice(0, 2048)) ? 1 : 0;
  },
  parse(text, context) {
    const doc = parseXml(text, context.url);
    if (doc.documentElement.localName !== 'RDF') {
      throw new KabarParseError('format', 'The document is not RSS 1.0.', { url: context.url });
    }
    return readChannel(doc, context, 'rdf');
  },
};
