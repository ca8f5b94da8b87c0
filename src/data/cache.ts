/**
 * The last good copy of each feed, kept in `localStorage` so a widget can show news at once on
 * the next visit and keep showing it when the source is down. Bounded three ways: entries
 * older than their maximum age are dropped, at most `MAX_ENTRIES` feeds are kept (the least
 * recently stored go first), and an entry larger than `MAX_ENTRY_CHARS` loses its HTML content
 * and then its oldest items until it fits.
 */
import type { Feed, FeedItem } from './model.js';

const PREFIX = 'kabar:feed:';
const VERSION = 1;
export const MAX_ENTRIES = 12;
export const MAX_ENTRY_CHARS = 200_000;
/** One day: older copies are not shown, even as a fallback. */
export const DEFAULT_MAX_AGE = 24 * 60 * 60 * 1000;

/** A stored copy and the validators for a conditional request. */
export interface StoredFeed {
  feed: Feed;
  /** When the copy was fetched or last confirmed (ms since the epoch). */
  at: number;
  /** The validators the server sent, when it sent them. */
  etag?: string;
  modified?: string;
}

/** What `localStorage` holds: the stored copy and the format version it was written in. */
interface Entry extends StoredFeed {
  v: number;
}

function storage(): Storage | undefined {
  try {
    // Reading `localStorage` throws where storage is blocked (sandboxed frames, some privacy modes).
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Turns the dates JSON made strings back into `Date`s, in place. */
function revive(feed: Feed): void {
  for (const item of feed.items as (FeedItem & { published?: unknown; updated?: unknown })[]) {
    if (typeof item.published === 'string') item.published = new Date(item.published);
    if (typeof item.updated === 'string') item.updated = new Date(item.updated);
  }
}

/** The stored copy of `key`, unless missing, unreadable or older than `maxAge`. */
export function readStored(key: string, maxAge = DEFAULT_MAX_AGE): StoredFeed | undefined {
  const store = storage();
  if (!store) return undefined;
  let entry: Entry;
  try {
    const text = store.getItem(PREFIX + key);
    if (!text) return undefined;
    entry = JSON.parse(text) as Entry;
  } catch {
    return undefined;
  }
  const { v, ...stored } = entry;
  if (v !== VERSION || !stored.feed || !Array.isArray(stored.feed.items)) return undefined;
  if (Date.now() - stored.at > maxAge) {
    store.removeItem(PREFIX + key);
    return undefined;
  }
  revive(stored.feed);
  return stored;
}

function serialize(entry: Entry): string | undefined {
  let text = JSON.stringify(entry);
  if (text.length <= MAX_ENTRY_CHARS) return text;
  // Too big: keep the text fields, drop the HTML bodies, then the oldest items.
  let items = entry.feed.items.map(({ content: _content, ...rest }) => rest as FeedItem);
  for (;;) {
    text = JSON.stringify({ ...entry, feed: { ...entry.feed, items } });
    if (text.length <= MAX_ENTRY_CHARS) return text;
    if (items.length <= 1) return undefined;
    // Cut straight to about the size that fits, rather than halving (each try serializes).
    items = items.slice(
      0,
      Math.min(items.length - 1, Math.floor((items.length * MAX_ENTRY_CHARS * 0.9) / text.length)),
    );
  }
}

/** Keys of every stored feed, oldest first. */
function storedKeys(store: Storage): { key: string; at: number }[] {
  const found: { key: string; at: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    let at = 0;
    try {
      at = (JSON.parse(store.getItem(key) ?? '{}') as Partial<Entry>).at ?? 0;
    } catch {
      // Unreadable: oldest of all, first to go.
    }
    found.push({ key, at });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Forgets expired copies and the oldest beyond `keep`. */
function prune(store: Storage, keep: number, maxAge: number): void {
  const keys = storedKeys(store);
  const now = Date.now();
  keys.forEach(({ key, at }, index) => {
    if (now - at > maxAge || index < keys.length - keep) store.removeItem(key);
  });
}

/** Stores the last good copy of `key`. Quietly does nothing when storage is full or blocked. */
export function writeStored(key: string, value: StoredFeed, maxAge = DEFAULT_MAX_AGE): void {
  const store = storage();
  if (!store) return;
  const text = serialize({ v: VERSION, ...value });
  if (!text) return;
  try {
    store.removeItem(PREFIX + key);
    prune(store, MAX_ENTRIES - 1, maxAge);
    store.setItem(PREFIX + key, text);
  } catch {
    // Over the origin's quota: make room by dropping the other copies, then try once more.
    try {
      prune(store, 0, maxAge);
      store.setItem(PREFIX + key, text);
    } catch {
      // Storage is full of the page's own data; the feed still works, just without a copy.
    }
  }
}

/** Forgets every stored feed. */
export function clearStored(): void {
  const store = storage();
  if (!store) return;
  for (const { key } of storedKeys(store)) store.removeItem(key);
}
