import { expect } from '@open-wc/testing';
import { clearFeedCache, clearFeedMemory, loadFeed } from '../../src/data/loader.js';
import { KabarFetchError, KabarParseError } from '../../src/data/errors.js';

const route = (path: string) => new URL(`/__kabar/${path}`, location.origin).href;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function count(name: string): Promise<number> {
  return ((await (await fetch(route(`count/${name}/total`))).json()) as { count: number }).count;
}

describe('loadFeed over HTTP', () => {
  beforeEach(() => clearFeedCache());

  it('loads and parses a feed', async () => {
    const feed = await loadFeed(route('count/plain?file=rss2-wordpress.xml'));
    expect(feed.items).to.have.length(7);
  });

  it('reports an HTTP error with its status and Retry-After', async () => {
    const error = (await failure(loadFeed(route('status/503?retry-after=120')))) as KabarFetchError;
    expect(error).to.be.instanceOf(KabarFetchError);
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(error.retryAfter).to.equal(120);
  });

  it('reports a 500 and a 404', async () => {
    expect(((await failure(loadFeed(route('status/500')))) as KabarFetchError).status).to.equal(500);
    expect(((await failure(loadFeed(route('status/404')))) as KabarFetchError).status).to.equal(404);
  });

  it('reports a network error when nothing answers', async () => {
    const error = (await failure(loadFeed('http://127.0.0.1:9/feed.xml'))) as KabarFetchError;
    expect(error).to.be.instanceOf(KabarFetchError);
    expect(error.kind).to.equal('network');
    expect(error.status).to.equal(0);
  });

  it('times out', async () => {
    const error = (await failure(
      loadFeed(route('slow/2000?file=rss2-wordpress.xml'), { timeout: 100 }),
    )) as KabarFetchError;
    expect(error.kind).to.equal('timeout');
  });

  it('times out on a response that hangs after its headers', async () => {
    const error = (await failure(loadFeed(route('hang'), { timeout: 300 }))) as KabarFetchError;
    expect(error.kind).to.equal('timeout');
  });

  it('treats an HTML page, an empty body and garbage as parse errors', async () => {
    for (const file of ['not-a-feed.html', 'empty.xml', 'garbage.xml']) {
      const error = await failure(loadFeed(route(`count/bad?file=${file}`)));
      expect(error, file).to.be.instanceOf(KabarParseError);
    }
  });

  it('shares one request between callers asking at once', async () => {
    await fetch(route('count/shared/reset'));
    const url = route('count/shared?file=rss2-wordpress.xml&delay=100');
    const [a, b, c] = await Promise.all([loadFeed(url), loadFeed(url), loadFeed(url)]);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
    expect(await count('shared')).to.equal(1);
  });

  it('serves a later caller from memory, unless it asks for a fresh copy', async () => {
    await fetch(route('count/memory/reset'));
    const url = route('count/memory?file=rss2-wordpress.xml');
    const first = await loadFeed(url);
    expect(await loadFeed(url)).to.equal(first);
    expect(await count('memory')).to.equal(1);
    expect(await loadFeed(url, { fresh: true })).not.to.equal(first);
    expect(await count('memory')).to.equal(2);
  });

  it('keeps a shared request going while one caller still waits', async () => {
    const url = route('count/abort?file=rss2-wordpress.xml&delay=150');
    const controller = new AbortController();
    const leaving = loadFeed(url, { signal: controller.signal });
    const staying = loadFeed(url);
    controller.abort();
    const error = (await failure(leaving)) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect((await staying).items).to.have.length(7);
  });

  it('decodes ISO-8859-1 from the Content-Type', async () => {
    const feed = await loadFeed(
      route('bytes/x?file=latin1.xml&type=' + encodeURIComponent('text/xml; charset=ISO-8859-1')),
    );
    expect(feed.items[0]!.title).to.equal('Kafé Sunda: Pépés Ikan & Karedok');
  });

  it('decodes from the XML declaration when the Content-Type has no charset', async () => {
    const feed = await loadFeed(route('bytes/y?file=latin1.xml&type=text/xml'));
    expect(feed.items[0]!.title).to.equal('Kafé Sunda: Pépés Ikan & Karedok');
  });
});

describe('loadFeed: retries, cache, conditional requests, proxy, CORS', () => {
  beforeEach(() => clearFeedCache());

  it('retries a 503 with backoff and succeeds', async () => {
    const name = `retry-${Date.now()}`;
    const feed = await loadFeed(route(`flaky/${name}?fail=2&file=rss2-wordpress.xml`));
    expect(feed.items).to.have.length(7);
    expect(await count(`flaky:${name}`)).to.equal(3);
  });

  it('gives up after the bounded number of retries', async () => {
    const name = `giveup-${Date.now()}`;
    const error = (await failure(
      loadFeed(route(`flaky/${name}?fail=9&file=rss2-wordpress.xml`), { retries: 1 }),
    )) as KabarFetchError;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(await count(`flaky:${name}`)).to.equal(2);
  });

  it('does not retry a 404', async () => {
    const started = performance.now();
    const error = (await failure(loadFeed(route('status/404')))) as KabarFetchError;
    expect(error.status).to.equal(404);
    expect(performance.now() - started).to.be.lessThan(300);
  });

  it('keeps the last good copy in localStorage for the next visit (peek), with dates', async () => {
    const url = route('count/stored?file=rss2-wordpress.xml');
    expect(loadFeed.peek!(url)).to.equal(undefined);
    await loadFeed(url);
    clearFeedMemory();
    const stored = loadFeed.peek!(url);
    expect(stored!.items).to.have.length(7);
    expect(stored!.items[0]!.published).to.be.instanceOf(Date);
    expect(stored!.items[0]!.published!.toISOString()).to.equal('2026-11-23T08:15:00.000Z');
    expect(loadFeed.peek!(url, { maxAge: -1 })).to.equal(undefined);
    expect(loadFeed.peek!(url, { store: false })).to.equal(undefined);
  });

  it('saves that copy once the page is idle, not before handing the feed over', async () => {
    const url = route('count/idle-save?file=rss2-wordpress.xml');
    const saved = () => Object.keys(localStorage).some((key) => key.includes('idle-save'));
    await loadFeed(url);
    expect(saved()).to.equal(false);
    const started = performance.now();
    while (!saved() && performance.now() - started < 3000) await new Promise((r) => setTimeout(r, 20));
    expect(saved()).to.equal(true);
  });

  it('reads a copy not saved yet as if it were', async () => {
    const url = route('count/read-unsaved?file=rss2-wordpress.xml');
    await loadFeed(url);
    clearFeedMemory();
    expect(loadFeed.peek!(url)!.items).to.have.length(7);
  });

  it('refreshes with a conditional request and reuses the stored copy on 304', async () => {
    const name = `cond-${Date.now()}`;
    const url = route(`etag/${name}?file=rss2-wordpress.xml`);
    const first = await loadFeed(url);
    const again = await loadFeed(url, { fresh: true });
    expect(await count(`etag:${name}`)).to.equal(2);
    expect(await count(`304:${name}`)).to.equal(1);
    expect(again.items.map((i) => i.title)).to.deep.equal(first.items.map((i) => i.title));
    // A new version answers 200 with the new body.
    const changed = await loadFeed(`${url}&version=v2`, { fresh: true });
    expect(changed.items).to.have.length(7);
    expect(await count(`304:${name}`)).to.equal(1);
  });

  it('bounds the stored copies: count, size and age', async () => {
    const { writeStored, readStored, MAX_ENTRIES, MAX_ENTRY_CHARS } = await import('../../src/data/cache.js');
    const feed = (n: number, content = '') => ({
      format: 'rss' as const,
      title: `F${n}`,
      items: Array.from({ length: 50 }, (_, i) => ({
        id: `${n}-${i}`,
        title: `T${i}`,
        summary: 's',
        authors: [],
        categories: [],
        enclosures: [],
        ...(content ? { content } : {}),
      })),
    });
    for (let n = 0; n < MAX_ENTRIES + 5; n++)
      writeStored(`k${n}`, { feed: feed(n), at: Date.now() - 1000 + n });
    const kept = Object.keys(localStorage).filter((k) => k.startsWith('kabar:feed:'));
    expect(kept).to.have.length(MAX_ENTRIES);
    expect(readStored('k0')).to.equal(undefined);
    expect(readStored(`k${MAX_ENTRIES + 4}`)!.feed.title).to.equal(`F${MAX_ENTRIES + 4}`);
    // Too big: the HTML content goes first.
    writeStored('big', { feed: feed(99, 'x'.repeat(MAX_ENTRY_CHARS / 10)), at: Date.now() });
    const big = readStored('big')!;
    expect(big.feed.items).to.have.length(50);
    expect(big.feed.items[0]!.content).to.equal(undefined);
    expect(localStorage.getItem('kabar:feed:big')!.length).to.be.at.most(MAX_ENTRY_CHARS);
    // Too old: not shown, and removed.
    writeStored('old', { feed: feed(1), at: Date.now() - 2 * 24 * 3600 * 1000 });
    expect(readStored('old')).to.equal(undefined);
  });

  it('fetches through a proxy, resolving links against the feed URL', async () => {
    const proxied = await import('../../src/data/loader.js').then((m) => m.proxied);
    expect(proxied('https://a.example/f?x=1', 'https://p.example/?url={url}')).to.equal(
      'https://p.example/?url=https%3A%2F%2Fa.example%2Ff%3Fx%3D1',
    );
    expect(proxied('https://a.example/f', '')).to.equal('https://a.example/f');
    const feed = await loadFeed('https://elsewhere.example/feeds/rss2-wordpress.xml', {
      proxy: `${location.origin}/__kabar/proxy?url={url}`,
    });
    expect(feed.items).to.have.length(7);
    // The fixture's channel link is absolute; an item's relative link resolves against it.
    expect(feed.items[1]!.link).to.equal('https://contoh.go.id/berita/sekoper-cinta/');
  });

  it('says CORS when a cross-origin server answers but sends no CORS headers', async () => {
    const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const other = location.origin.replace(location.hostname, host);
    const error = (await failure(
      loadFeed(`${other}/__kabar/count/cors?file=rss2-wordpress.xml`, { retries: 0 }),
    )) as KabarFetchError;
    expect(error.kind).to.equal('cors');
  });

  it('passes WordPress paging headers to the parser', async () => {
    const feed = await loadFeed(route('paged?file=wp-posts.json&per_page=2'));
    expect(feed.format).to.equal('wordpress');
    expect(feed.total).to.equal(5);
    expect(feed.next).to.contain('page=2');
  });
});
