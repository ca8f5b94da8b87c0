import { parseDate } from '../date.js';
import { KabarParseError } from '../errors.js';
import type { FeedFormatReader, RawItem } from '../format.js';
import { plain, toItem } from '../format.js';
import { escapeHtml } from '../text.js';
import type { Feed, FeedAuthor } from '../model.js';
import { resolveUrl, resolveWebUrl } from '../url.js';
import { isObject, parseJson, str } from './json.js';
import type { Json } from './json.js';

function authors(item: Json, feed: Json): FeedAuthor[] {
  const list = Array.isArray(item['authors'])
    ? item['authors']
    : isObject(item['author'])
      ? [item['author']]
      : [];
  const fallback = Array.isArray(feed['authors'])
    ? feed['authors']
    : isObject(feed['author'])
      ? [feed['author']]
      : [];
  return (list.length ? list : fallback).flatMap((a): FeedAuthor[] => {
    if (!isObject(a)) return [];
    const name = str(a['name']) ?? str(a['url']);
    if (!name) return [];
    const author: FeedAuthor = { name: plain(name) ?? name };
    const url = str(a['url']);
    if (url) author.url = url;
    return [author];
  });
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
    const title = plain(str(data['title'])) ?? '';
    const items = data['items'].filter(isObject).map((item) => {
      const contentText = str(item['content_text']);
      const raw: RawItem = {
        id: str(item['id']),
        title: str(item['title']),
        link: str(item['url']) ?? str(item['external_url']),
        summary: str(item['summary']),
        content: str(item['content_html']) ?? (contentText && escapeHtml(contentText)),
        published: parseDate(str(item['date_published'])),
        updated: parseDate(str(item['date_modified'])),
        authors: authors(item, data),
        categories: Array.isArray(item['tags']) ? item['tags'].flatMap((t) => str(t) ?? []) : [],
        image: str(item['image']) ?? str(item['banner_image']),
        enclosures: Array.isArray(item['attachments'])
          ? item['attachments'].filter(isObject).flatMap((a) => {
              const url = str(a['url']);
              if (!url) return [];
              const size = Number(a['size_in_bytes']);
              return [
                {
                  url,
                  ...(str(a['mime_type']) ? { type: str(a['mime_type'])! } : {}),
                  ...(size > 0 ? { length: size } : {}),
                },
              ];
            })
          : [],
      };
      return toItem(raw, base, title || undefined);
    });
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
