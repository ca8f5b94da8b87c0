import { KabarParseError } from '../errors.js';
import type { FeedFormatReader } from './registry.js';
import type { Feed, FeedAuthor } from '../model.js';
import { count, isObject, parseJson, str, withParam } from './json.js';
import type { Json } from './json.js';
import { readDate, toItem } from '../normalize.js';
import type { RawItem } from '../normalize.js';

/** `{ rendered: "…" }`, WordPress's wrapper for title, excerpt and content. */
const rendered = (value: unknown): string | undefined =>
  isObject(value) ? str(value['rendered']) : str(value);

function embedded(post: Json, key: string): unknown[] {
  const embeds = post['_embedded'];
  const list = isObject(embeds) ? embeds[key] : undefined;
  return Array.isArray(list) ? list : [];
}

function featuredImage(post: Json): string | undefined {
  const media = embedded(post, 'wp:featuredmedia').find(isObject);
  if (media) {
    const details = media['media_details'];
    const sizes = isObject(details) && isObject(details['sizes']) ? details['sizes'] : {};
    for (const candidate of [sizes['medium_large'], sizes['large'], sizes['medium'], media]) {
      const url = isObject(candidate) ? str(candidate['source_url']) : undefined;
      if (url) return url;
    }
  }
  // Jetpack and Yoast expose the featured image without `_embed`.
  const yoast = post['yoast_head_json'];
  const og =
    isObject(yoast) && Array.isArray(yoast['og_image']) ? yoast['og_image'].find(isObject) : undefined;
  return str(post['jetpack_featured_media_url']) ?? (og ? str(og['url']) : undefined);
}

function terms(post: Json): string[] {
  // `wp:term` is a list per taxonomy: categories first, then tags.
  const [categories] = embedded(post, 'wp:term');
  return Array.isArray(categories) ? categories.filter(isObject).flatMap((t) => str(t['name']) ?? []) : [];
}

function authors(post: Json): FeedAuthor[] {
  return embedded(post, 'author')
    .filter(isObject)
    .flatMap((a) => {
      const name = str(a['name']);
      if (!name) return [];
      const author: FeedAuthor = { name };
      const url = str(a['link']);
      if (url) author.url = url;
      return [author];
    });
}

function readPost(post: Json): RawItem {
  return {
    id: rendered(post['guid']) ?? str(post['id']),
    title: rendered(post['title']),
    link: str(post['link']),
    summary: rendered(post['excerpt']),
    content: rendered(post['content']),
    // `date_gmt` is UTC written without a zone; `date` is the site's local time, zone unknown.
    published: readDate(str(post['date_gmt']), 0) ?? readDate(str(post['date'])),
    updated: readDate(str(post['modified_gmt']), 0) ?? readDate(str(post['modified'])),
    authors: authors(post),
    categories: terms(post),
    image: featuredImage(post),
  };
}

/**
 * The WordPress REST API's posts (`/wp-json/wp/v2/posts?_embed`). Pages are numbered with
 * `page`; the total comes in `X-WP-Total` and `X-WP-TotalPages`.
 */
export const wordpress: FeedFormatReader = {
  name: 'wordpress',
  detect(text, contentType) {
    const head = text.slice(0, 4096);
    // `\s` matches a byte-order mark too: U+FEFF is white space to JavaScript.
    if (/^\s*\[/.test(head) && /"(?:title|content)"\s*:\s*\{\s*"rendered"/.test(head)) return 0.9;
    return /\/wp-json\//.test(contentType) ? 0.5 : 0;
  },
  parse(text, context) {
    const data = parseJson(text, context.url);
    if (!Array.isArray(data)) {
      throw new KabarParseError('format', 'The JSON is not a list of WordPress posts.', { url: context.url });
    }
    // The site's host is the best name the posts endpoint gives.
    let site = '';
    let page = 1;
    let perPage = 10;
    try {
      const url = new URL(context.url ?? '');
      site = url.hostname.replace(/^www\./, '');
      page = count(url.searchParams.get('page')) || 1;
      perPage = count(url.searchParams.get('per_page')) || 10;
    } catch {
      // No URL: no site name, and no next page either.
    }
    const items = data.filter(isObject).map((post) => toItem(readPost(post), context.url, site || undefined));
    const feed: Feed = { format: 'wordpress', title: site, items };
    const total = count(context.headers?.get('X-WP-Total'));
    const pages = count(context.headers?.get('X-WP-TotalPages'));
    if (total !== undefined) feed.total = total;
    // Without the headers (a proxy may drop them), a full page suggests there is another.
    if (pages !== undefined ? page < pages : items.length >= perPage) {
      const next = withParam(context.url, 'page', page + 1);
      if (next) feed.next = next;
    }
    return feed;
  },
};
