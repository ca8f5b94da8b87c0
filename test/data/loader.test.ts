import { expect } from '@open-wc/testing';
import { clearFeedMemory, loadFeed } from '../../src/data/loader.js';
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
  beforeEach(() => clearFeedMemory());

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
