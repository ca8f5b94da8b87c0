import type { Feed, FeedItem } from './model.js';

/** The key two copies of one article share: its link, else its id. */
function identity(item: FeedItem): string {
  return item.link ? item.link.replace(/^https?:\/\/|\/$/g, '') : `id:${item.id}`;
}

/** When an item was published (else updated) in milliseconds, -Infinity when undated. */
function time(item: FeedItem): number {
  return +(item.published ?? item.updated ?? -Infinity);
}

/**
 * Several feeds as one: items newest first (undated ones last, in feed order), the same link
 * kept once (the first feed listed wins), each item keeping its own `source`. Paging stays
 * only when there is a single feed.
 */
export function mergeFeeds(feeds: readonly Feed[]): Feed {
  if (feeds.length === 1) return feeds[0]!;
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const feed of feeds) {
    for (const item of feed.items) {
      const key = identity(item);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item.source || !feed.title ? item : { ...item, source: feed.title });
    }
  }
  // A stable sort keeps each feed's own order among items of equal (or no) date.
  items.sort((a, b) => time(b) - time(a) || 0);
  return {
    format: feeds[0]?.format ?? 'rss',
    title: feeds
      .map((f) => f.title)
      .filter(Boolean)
      .join(' · '),
    items,
  };
}

/** Appends a next page to a feed, skipping items already shown. */
export function appendPage(feed: Feed, page: Feed): Feed {
  const seen = new Set(feed.items.map(identity));
  const merged: Feed = {
    ...feed,
    items: [...feed.items, ...page.items.filter((i) => !seen.has(identity(i)))],
  };
  if (page.next) merged.next = page.next;
  else delete merged.next;
  if (page.total !== undefined) merged.total = page.total;
  return merged;
}
