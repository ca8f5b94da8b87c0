import { KabarParseError } from '../errors.js';
import type { FeedFormatReader } from './registry.js';
import type { Feed, FeedAuthor } from '../model.js';
import { count, isObject, parseJson, str, withParam } from './json.js';
import type { Json } from './json.js';
import { readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';

/** Where the portal shows an article whose record has a `slug` but no `link`. */
const ARTICLE_BASE = 'https://jabarprov.go.id/berita/';

/** Western Indonesia Time: the portal writes zone-less times in WIB. */
const WIB = 7 * 60;

/** A name from a string or an object with `name`/`title`/`tag_name`. */
function named(value: unknown): string | undefined {
  if (isObject(value)) return str(value['name']) ?? str(value['title']) ?? str(value['tag_name']);
  return str(value);
}

function readNews(news: Json): RawItem {
  const createdBy = isObject(news['created_by']) ? news['created_by'] : {};
  // A set keeps each name once, where it first came.
  const names = new Set([news['author'], news['reporter']].flatMap((a) => named(a) ?? []));
  const authors: FeedAuthor[] = [...names].map((name) => ({ name }));
  if (authors.length === 0 && str(createdBy['name'])) authors.push({ name: str(createdBy['name'])! });
  const slug = str(news['slug']);
  const image = news['image'];
  return {
    id: str(news['id']) ?? slug,
    title: str(news['title']),
    link: str(news['link']) ?? (slug ? ARTICLE_BASE + encodeURIComponent(slug) : undefined),
    summary: str(news['excerpt']),
    content: str(news['content']),
    published: readDate(str(news['published_at']), WIB),
    updated: readDate(str(news['updated_at']), WIB),
    authors,
    categories: [
      named(news['category']),
      ...(Array.isArray(news['tags']) ? news['tags'].map(named) : []),
    ].flatMap((c) => c ?? []),
    image: isObject(image) ? (str(image['url']) ?? str(image['src'])) : str(image),
    source: str(createdBy['unit_name']) ?? named(news['source']),
  };
}

/**
 * The West Java portal's public news API: `GET /v1/public/news?page=&per_page=&cat=` answering
 * `{ data: [...], meta: { total_count, total_page, current_page, per_page } }`.
 */
export const jabarprov: FeedFormatReader = {
  name: 'jabarprov',
  detect(text) {
    const head = text.slice(0, 4096);
    // `\s` matches a byte-order mark too: U+FEFF is white space to JavaScript.
    if (!/^\s*\{/.test(head) || !/"data"\s*:\s*\[/.test(head)) return 0;
    return /"(?:unit_name|published_at|total_page)"/.test(text.slice(0, 65536)) ? 0.9 : 0;
  },
  parse(text, context) {
    const body = parseJson(text, context.url);
    if (!isObject(body) || !Array.isArray(body['data'])) {
      throw new KabarParseError('format', 'The JSON is not a portal news list.', { url: context.url });
    }
    const items = body['data'].filter(isObject).map((news) => toItem(readNews(news), context.url, undefined));
    const feed: Feed = { format: 'jabarprov', title: 'Jabarprov', items };
    const meta = isObject(body['meta']) ? body['meta'] : {};
    const total = count(meta['total_count']);
    if (total !== undefined) feed.total = total;
    const page = count(meta['current_page']);
    const pages = count(meta['total_page']);
    if (page !== undefined && pages !== undefined && page < pages) {
      const next = withParam(context.url, 'page', page + 1);
      if (next) feed.next = next;
    }
    return feed;
  },
};
