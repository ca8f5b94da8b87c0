import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../helpers.js';

/**
 * The real bundle, built from the rollup config by the test server, loaded the way CMSs write
 * script URLs: with a version in the query string (WordPress: `kabar.min.js?ver=6.1.9`) or a
 * hash. Browsers keep one module per URL, query and hash included: the chunks must use that very
 * module, not load a second copy of every module from the bare URL. A bare URL keeps bare chunk
 * URLs (a page's import map may pin them with their integrity).
 */
const folder = new URL('/__kabar/bundle/', location.origin).href;
const FEED = '/test/fixtures/csp/feed.xml';

/** Every URL this page has requested under the bundle's folder. */
const requested = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(folder));

/** The chunk requests (not `kabar.min.js`) among `urls`. */
const chunksOf = (urls: string[]) => urls.filter((url) => /\/kabar-[\w-]+\.min\.js/.test(url));

interface Bundle {
  readFeed(text: string): Promise<{ items: unknown[] }>;
  KabarNewsListElement: CustomElementConstructor;
}

describe('hardening: a script URL with a query string or a hash', function () {
  this.timeout(60_000);

  before(() => {
    // The default buffer (250 entries) fills up with the test page's own modules.
    performance.setResourceTimingBufferSize(10_000);
  });

  it('shows the news list from kabar.min.js?ver=6.1.9, with one copy of the modules', async () => {
    const entry = `${folder}kabar.min.js?ver=6.1.9`;
    const before = requested().length;
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      const kabar = (await import(/* @vite-ignore */ entry)) as Bundle;
      expect(customElements.get('kabar-news-list')).to.equal(kabar.KabarNewsListElement);
      const el = await fixture(html`<kabar-news-list src=${FEED} limit="2"></kabar-news-list>`);
      await until(
        () =>
          (el.shadowRoot?.querySelectorAll('.title').length ?? 0) === 2 ||
          !!el.shadowRoot?.querySelector('[role="alert"]'),
        20_000,
      );
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('.title')).to.have.length(2);
      // Its strings in another language and the HTML sanitizer are chunks too.
      const article = {
        id: 'a',
        title: 'Judul',
        summary: 'Ringkasan',
        link: 'https://example.go.id/a',
        authors: [],
        categories: [],
        enclosures: [],
        content: '<p>Isi <b>tebal</b></p>',
      };
      const card = await fixture(
        html`<kabar-article-card lang="en" content .article=${article}></kabar-article-card>`,
      );
      await until(() => !!card.shadowRoot?.querySelector('b'), 20_000);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    // Resource timing may list a request a moment after its module ran.
    const asked = (name: string) => chunksOf(requested()).some((url) => url.includes(`/kabar-${name}-`));
    await until(() => ['en', 'xml-readers', 'normalize'].every(asked));
    const urls = requested().slice(before);
    // One kabar.min.js, the page's own: no chunk asked for the bare URL.
    expect(urls.filter((url) => !chunksOf(urls).includes(url))).to.deep.equal([entry]);
    for (const url of chunksOf(urls)) {
      expect(new URL(url).searchParams.get('entry'), url).to.equal('?ver=6.1.9');
    }
  });

  it('uses the module of kabar.min.js#x too', async () => {
    const before = requested().length;
    const kabar = (await import(/* @vite-ignore */ `${folder}kabar.min.js#x`)) as Bundle;
    // Reading loads the readers and their shared code, which use this copy's own modules.
    const feed = await kabar.readFeed(await (await fetch(FEED)).text());
    expect(feed.items.length).to.be.greaterThan(1);
    const urls = requested().slice(before);
    const chunks = chunksOf(urls);
    expect(chunks.length).to.be.greaterThan(1);
    for (const url of chunks) expect(new URL(url).searchParams.get('entry'), url).to.equal('#x');
    // Resource timing names a request without its hash: the entry itself was asked for once.
    expect(urls.filter((url) => !chunks.includes(url))).to.have.length(1);
  });

  it('asks for bare chunk URLs from a bare kabar.min.js', async () => {
    // A folder of its own: Chromium keeps `kabar.min.js` and `kabar.min.js#x` as one module.
    const bare = new URL('/__kabar/bundle/copy-bare/', location.origin).href;
    const kabar = (await import(/* @vite-ignore */ `${bare}kabar.min.js`)) as Bundle;
    const feed = await kabar.readFeed(await (await fetch(FEED)).text());
    expect(feed.items.length).to.be.greaterThan(1);
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(bare));
    const chunks = chunksOf(urls);
    expect(chunks.length).to.be.greaterThan(1);
    for (const url of chunks) expect(url, url).not.to.contain('?');
  });
});
