import type { Feed, FeedItem } from '../src/data/model.js';
import type { FeedLoader } from '../src/data/loader.js';
import type { VoteStorage } from '../src/data/vote-store.js';

/** URL of a fixture as the test server serves it. */
export const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).href;

export async function fixtureText(name: string): Promise<string> {
  return (await fetch(fixtureUrl(name))).text();
}

export function item(n: number, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    id: `item-${n}`,
    title: `Berita nomor ${n}`,
    link: `https://example.go.id/berita/${n}`,
    summary: `Ringkasan berita ${n}.`,
    published: new Date(Date.UTC(2026, 10, 23 - n, 8, 15)),
    authors: [],
    categories: [n % 2 ? 'Ekonomi' : 'Pendidikan'],
    enclosures: [],
    ...extra,
  };
}

export function feedOf(count: number, extra: Partial<Feed> = {}): Feed {
  return {
    format: 'rss',
    title: 'Kabupaten Contoh',
    items: Array.from({ length: count }, (_, i) => item(i + 1)),
    ...extra,
  };
}

/** A loader under the test's control: each call waits until the test settles it. */
export function controlledLoader() {
  const calls: {
    url: string;
    resolve(feed: Feed): void;
    reject(error: unknown): void;
    signal?: AbortSignal;
  }[] = [];
  const loader: FeedLoader = (url, options = {}) =>
    new Promise<Feed>((resolve, reject) => {
      calls.push({ url, resolve, reject, ...(options.signal ? { signal: options.signal } : {}) });
    });
  return { loader, calls };
}

/** Waits until `predicate` holds (polling animation frames), or fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** A vote storage of its own: one reader's browser. */
export function memoryStorage(): VoteStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/**
 * The requests made so far for the chunk `name` of the bundle served under `base`
 * (`kabar-<name>-<hash>.min.js`, with any query), from resource timing. Call
 * `performance.setResourceTimingBufferSize` first: the default buffer (250 entries) fills up with
 * the test page's own modules, and past it requests are no longer listed.
 */
export const chunkRequests = (base: string, name: string): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter(
      (url) => url.startsWith(base) && new RegExp(`/kabar-${name}-[\\w-]+\\.min\\.js(\\?|$)`).test(url),
    );

/** An attribute as `custom-elements.json` documents it. */
export interface ManifestAttribute {
  name: string;
  fieldName: string;
  type?: { text: string };
}

/** An element as `custom-elements.json` documents it. */
export interface ManifestElement {
  tagName: string;
  attributes?: ManifestAttribute[];
}

/** The elements `custom-elements.json` documents, as the test server serves it. */
export async function manifestElements(): Promise<ManifestElement[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: { declarations?: { tagName?: string; attributes?: ManifestAttribute[] }[] }[];
  };
  return manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((d): d is ManifestElement => !!d.tagName);
}
