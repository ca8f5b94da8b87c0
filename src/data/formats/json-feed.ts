import { KabarParseError } from '../errors.js';
import type { FeedFormatReader } from './registry.js';
import type { Feed, FeedAuthor, FeedItem } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import { isObject, parseJson, str } from './json.js';
import type { Json } from './json.js';
import { defined, plain, readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';
import { escapeHtml } from '../text.js';

/** The item's authors, else the feed's: `authors`, or JSON Feed 1.0's single `author`. */
function authorList(item: Json): unknown[] {
  const list = item['authors'];
  if (Array.isArray(list)) return list;
  const one = item['author'];
  return isObject(one) ? [one] : [];
}

function author(a: unknown): FeedAuthor | undefined {
  if (!isObject(a)) return undefined;
  const name = str(a['name']) ?? str(a['url']);
  if (!name) return undefined;
  // `toItem` makes the name plain text: once, or `&amp;lt;` would become `<`.
  const author: FeedAuthor = { name };
  const url = str(a['url']);
  if (url) author.url = url;
  return author;
}

function authors(item: Json, feed: Json): FeedAuthor[] {
  const list = authorList(item);
  return defined((list.length ? list : authorList(feed)).map(author));
}

const isTag = (t: unknown): boolean => typeof t === 'string' && str(t) !== undefined;

function tags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  // Nearly always a list of strings: read as it is, not copied.
  return value.every(isTag) ? (value as string[]) : defined(value.map(str));
}

function attachments(value: unknown): NonNullable<RawItem['enclosures']> {
  const out: NonNullable<RawItem['enclosures']> = [];
  if (!Array.isArray(value)) return out;
  for (const a of value) {
    if (!isObject(a)) continue;
    const url = str(a['url']);
    if (!url) continue;
    const type = str(a['mime_type']);
    const size = Number(a['size_in_bytes']);
    out.push({ url, ...(type ? { type } : {}), ...(size > 0 ? { length: size } : {}) });
  }
  return out;
}

/** JSON Feed 1.0 and 1.1. */
export const jsonFeed: FeedFormatReader = {
  name: 'json-feed',
  detect(text, contentType) {
    if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 4096))) return 1;
    return /feed\+json/.test(contentType) ? 0.8 : 0;
  },
  parse(text, context) {
    const data = parseJson(text, context.url);
    if (!isObject(data) || !Array.isArray(data['items'])) {
      throw new KabarParseError('format', 'The JSON is not a JSON Feed.', { url: context.url });
    }
    const base = resolveUrl(str(data['feed_url']), context.url) ?? context.url;
    const home = resolveWebUrl(str(data['home_page_url']), base);
    // Titles in JSON Feed are plain text: `Fish & <Chips>` is a title, not markup.
    const feedTitle = str(data['title']);
    const title = (feedTitle && plain(escapeHtml(feedTitle))) ?? '';
    const items: FeedItem[] = [];
    for (const item of data['items']) {
      if (!isObject(item)) continue;
      const contentText = str(item['content_text']);
      const raw: RawItem = {
        id: str(item['id']),
        title: str(item['title']),
        titleIsHtml: false,
        link: str(item['url']) ?? str(item['external_url']),
        summary: str(item['summary']),
        content: str(item['content_html']) ?? (contentText && escapeHtml(contentText)),
        published: readDate(str(item['date_published'])),
        updated: readDate(str(item['date_modified'])),
        authors: authors(item, data),
        categories: tags(item['tags']),
        image: str(item['image']) ?? str(item['banner_image']),
        enclosures: attachments(item['attachments']),
      };
      items.push(toItem(raw, base, title || undefined));
    }
    const feed: Feed = { format: 'json-feed', title, items };
    if (home) feed.link = home;
    const description = plain(str(data['description']));
    if (description) feed.description = description;
    const language = str(data['language']);
    if (language) feed.language = language;
    const next = resolveWebUrl(str(data['next_url']), base);
    if (next) feed.next = next;
    return feed;
  },
};
