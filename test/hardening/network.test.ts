import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/news-list/kabar-news-list.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import { clearFeedMemory } from '../../src/data/loader.js';
import { until } from '../helpers.js';

const alertText = (el: Element) => el.shadowRoot!.querySelector('[role="alert"] p')?.textContent ?? null;
const titles = (el: Element) => el.shadowRoot!.querySelectorAll('.title').length;

/** Another origin for the same test server: same files, but no CORS headers for this page. */
const crossOrigin = (path: string) => `${location.protocol}//127.0.0.1:${location.port}${path}`;

async function list(src: string, attrs: { timeout?: number } = {}) {
  const el = await fixture<KabarNewsListElement>(
    html`<kabar-news-list src=${src} timeout=${attrs.timeout ?? 10_000}></kabar-news-list>`,
  );
  return el;
}

describe('hardening: network faults', function () {
  this.timeout(30_000);

  beforeEach(() => {
    clearFeedMemory();
    localStorage.clear();
  });

  const cases: [string, string, string, { timeout?: number }?][] = [
    ['a 404', '/__kabar/status/404', 'Sumber berita tidak ditemukan (404).'],
    ['a 500', '/__kabar/status/500', 'Server sumber berita sedang bermasalah (500).'],
    [
      'a 503 with Retry-After',
      '/__kabar/status/503?retry-after=120',
      'Server sumber berita sedang bermasalah (503).',
    ],
    [
      'a timeout',
      '/__kabar/slow/3000?file=rss2-wordpress.xml',
      'Sumber berita terlalu lama menjawab.',
      { timeout: 300 },
    ],
    [
      'a connection that hangs after the headers',
      '/__kabar/hang',
      'Sumber berita terlalu lama menjawab.',
      { timeout: 400 },
    ],
    [
      'an HTML page instead of a feed',
      '/test/fixtures/not-a-feed.html',
      'Sumber berita mengirim halaman web, bukan umpan berita.',
    ],
    ['a 200 with an empty body', '/test/fixtures/empty.xml', 'Sumber berita mengirim jawaban kosong.'],
    ['garbage', '/test/fixtures/garbage.xml', 'Isi sumber berita tidak dapat dibaca sebagai umpan berita.'],
    ['an unreachable host', 'http://127.0.0.1:9/feed.xml', 'Sumber berita tidak dapat dihubungi.'],
  ];
  for (const [name, src, message, attrs] of cases) {
    it(`says what happened for ${name}`, async () => {
      const el = await list(src, attrs);
      await until(() => alertText(el) !== null, 15_000);
      expect(alertText(el)).to.equal(message);
    });
  }

  it('names a CORS failure', async () => {
    const el = await list(crossOrigin('/test/fixtures/rss2-wordpress.xml'));
    await until(() => alertText(el) !== null, 15_000);
    expect(alertText(el)).to.equal('Sumber berita tidak mengizinkan dibaca dari situs ini.');
  });

  it('recovers by itself when the server said when to come back', async () => {
    await fetch('/__kabar/count/flaky:recover-after/reset');
    // Fails three times (the loader's own two retries included), answering Retry-After: 1.
    const el = await list('/__kabar/flaky/recover-after?fail=3&retry-after=1&file=rss2-wordpress.xml');
    await until(() => alertText(el) !== null, 15_000);
    await until(() => titles(el) === 7, 15_000);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('recovers at once when the browser comes back online', async () => {
    await fetch('/__kabar/count/flaky:online/reset');
    const el = await list('/__kabar/flaky/online?fail=3&file=rss2-wordpress.xml');
    await until(() => alertText(el) !== null, 15_000);
    window.dispatchEvent(new Event('online'));
    await until(() => titles(el) === 7, 5000);
  });

  it('stops trying once removed', async () => {
    await fetch('/__kabar/count/flaky:removed/reset');
    const el = await list('/__kabar/flaky/removed?fail=100&retry-after=1&file=rss2-wordpress.xml');
    await until(() => alertText(el) !== null, 15_000);
    const requests = async () =>
      ((await (await fetch('/__kabar/count/flaky:removed/total')).json()) as { count: number }).count;
    el.remove();
    const before = await requests();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await requests()).to.equal(before);
  });
});
