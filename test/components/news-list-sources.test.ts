import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/news-list/kabar-news-list.js';
import '../../src/components/feed/kabar-feed.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import type { KabarFeedElement } from '../../src/components/feed/feed-element.js';
import { KabarFetchError } from '../../src/data/errors.js';
import { clearFeedCache } from '../../src/data/loader.js';
import type { FeedLoader, LoadFeedOptions } from '../../src/data/loader.js';
import type { Feed } from '../../src/data/model.js';
import { KabarErrorEvent } from '../../src/events/kabar-error.js';
import { feedOf, fixtureUrl, item, until } from '../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const titles = (el: Element) =>
  [...shadow(el).querySelectorAll('.title a')].map((a) => a.textContent!.trim());
const moreButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button[part="more"]');

async function ready(el: KabarNewsListElement) {
  await until(() => shadow(el).querySelector('[aria-busy="false"]') !== null);
  await el.updateComplete;
}

/** A loader answering by URL, recording each call. */
function routedLoader(routes: Record<string, Feed | Error>, peeked: Record<string, Feed> = {}) {
  const calls: { url: string; options: LoadFeedOptions }[] = [];
  const loader: FeedLoader = Object.assign(
    (url: string, options: LoadFeedOptions = {}) => {
      calls.push({ url, options });
      const answer = routes[url];
      if (answer === undefined)
        return Promise.reject(new KabarFetchError('http', '404', { url, status: 404 }));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    { peek: (url: string) => peeked[url] },
  );
  return { loader, calls };
}

const abs = (path: string) => new URL(path, document.baseURI).href;

describe('<kabar-news-list> sources', () => {
  beforeEach(() => clearFeedCache());

  it('has the documented defaults and syncs page-size and proxy', async () => {
    const el = await fixture<KabarNewsListElement>(html`<kabar-news-list></kabar-news-list>`);
    expect(el.pageSize).to.equal(0);
    expect(el.proxy).to.equal('');
    el.setAttribute('page-size', '4');
    el.setAttribute('proxy', 'https://p.example/?url={url}');
    await el.updateComplete;
    expect(el.pageSize).to.equal(4);
    expect(el.proxy).to.equal('https://p.example/?url={url}');
  });

  it('passes the proxy to the loader', async () => {
    const { loader, calls } = routedLoader({ [abs('/a.xml')]: feedOf(1) });
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list
        src="/a.xml"
        proxy="https://p.example/?url={url}"
        .loader=${loader}
      ></kabar-news-list>`,
    );
    await ready(el);
    expect(calls[0]!.options.proxy).to.equal('https://p.example/?url={url}');
  });

  describe('several feeds', () => {
    const a: Feed = {
      format: 'rss',
      title: 'Dinas A',
      items: [
        item(1, { source: 'Dinas A', link: 'https://x.example/1' }),
        item(3, { source: 'Dinas A', link: 'https://x.example/shared' }),
      ],
    };
    const b: Feed = {
      format: 'atom',
      title: 'Dinas B',
      items: [
        item(2, { source: 'Dinas B', link: 'https://x.example/2' }),
        item(4, { source: 'Dinas B', link: 'https://x.example/shared' }),
      ],
    };

    it('merges them newest first, de-duplicated by link, each with its source', async () => {
      const { loader } = routedLoader({ [abs('/a.xml')]: a, [abs('/b.xml')]: b });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml  /b.xml" .loader=${loader}></kabar-news-list>`,
      );
      await ready(el);
      expect(titles(el)).to.deep.equal(['Berita nomor 1', 'Berita nomor 2', 'Berita nomor 3']);
      const sources = [...shadow(el).querySelectorAll('.source')].map((s) => s.textContent);
      expect(sources).to.deep.equal(['Dinas A', 'Dinas B', 'Dinas A']);
      await expect(el).to.be.accessible();
    });

    it('shows the others when one fails, and fires kabar-error for it', async () => {
      const failing = new KabarFetchError('http', '500', { url: abs('/b.xml'), status: 500 });
      const { loader } = routedLoader({ [abs('/a.xml')]: a, [abs('/b.xml')]: failing });
      const errors: KabarErrorEvent[] = [];
      const listen = (e: KabarErrorEvent) => errors.push(e);
      document.addEventListener('kabar-error', listen);
      try {
        const el = await fixture<KabarNewsListElement>(
          html`<kabar-news-list src="/a.xml /b.xml" .loader=${loader}></kabar-news-list>`,
        );
        await ready(el);
        expect(titles(el)).to.deep.equal(['Berita nomor 1', 'Berita nomor 3']);
        expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
        expect(errors).to.have.length(1);
        expect(errors[0]!.detail.error.url).to.equal(abs('/b.xml'));
      } finally {
        document.removeEventListener('kabar-error', listen);
      }
    });

    it('shows the error state when every feed fails', async () => {
      const { loader } = routedLoader({});
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml /b.xml" .loader=${loader}></kabar-news-list>`,
      );
      await until(() => shadow(el).querySelector('[role="alert"]') !== null);
    });

    it('merges real feeds of different formats over HTTP', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          limit="20"
          src=${`${fixtureUrl('rss2-wordpress.xml')} ${fixtureUrl('atom-blogger.xml')}`}
        ></kabar-news-list>`,
      );
      await ready(el);
      expect(titles(el)).to.have.length(9);
      const sources = new Set([...shadow(el).querySelectorAll('.source')].map((s) => s.textContent));
      expect([...sources].sort()).to.deep.equal(['Desa Sukamaju Bercerita', 'Diskominfo Kabupaten Contoh']);
    });
  });

  describe('saved copy (stale-while-revalidate)', () => {
    const saved = feedOf(2, { title: 'Tersimpan' });

    it('shows the saved copy at once, then the fresh one', async () => {
      let resolve!: (feed: Feed) => void;
      const loader: FeedLoader = Object.assign(() => new Promise<Feed>((r) => (resolve = r)), {
        peek: () => saved,
      });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml" .loader=${loader}></kabar-news-list>`,
      );
      await until(() => titles(el).length === 2);
      expect(shadow(el).querySelector('[part="notice"]')).to.equal(null);
      resolve(feedOf(5));
      await until(() => titles(el).length === 5);
    });

    const notices = {
      id: 'Menampilkan berita tersimpan: sumber berita belum dapat dihubungi.',
      en: 'Showing saved news: the news source could not be reached just now.',
      su: 'Nembongkeun warta nu disimpen: sumber warta can tiasa dihubungi.',
      jv: 'Nampilaken pawarta ingkang kasimpen: sumber pawarta dereng saged dipunhubungi.',
    };
    for (const [lang, notice] of Object.entries(notices)) {
      it(`keeps the saved copy with a quiet notice when the source fails (${lang})`, async () => {
        const { loader } = routedLoader({}, { [abs('/a.xml')]: saved });
        const fired = oneEvent(document, 'kabar-error');
        const wrapper = await fixture(
          html`<div lang=${lang}><kabar-news-list src="/a.xml" .loader=${loader}></kabar-news-list></div>`,
        );
        const el = wrapper.querySelector('kabar-news-list')!;
        const event = await fired;
        expect(event.detail.error.kind).to.equal('http');
        await until(() => shadow(el).querySelector('[part="notice"]') !== null);
        const line = shadow(el).querySelector('[part="notice"]')!;
        expect(line.getAttribute('role')).to.equal('status');
        expect(line.textContent).to.equal(notice);
        expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
        expect(titles(el)).to.have.length(2);
        await expect(el).to.be.accessible();
      });
    }

    it('shows a real saved copy from localStorage when the feed later fails', async () => {
      const url = fixtureUrl('rss2-wordpress.xml');
      const first = await fixture<KabarNewsListElement>(html`<kabar-news-list src=${url}></kabar-news-list>`);
      await ready(first);
      const { clearFeedMemory } = await import('../../src/data/loader.js');
      clearFeedMemory();
      // Same URL, now behind a dead proxy: the stored copy still shows.
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src=${url} proxy="http://127.0.0.1:9/?u={url}"></kabar-news-list>`,
      );
      await until(() => shadow(el).querySelector('[part="notice"]') !== null, 8000);
      expect(titles(el)).to.have.length(7);
    });
  });

  describe('paging', () => {
    const page1: Feed = { ...feedOf(4), next: 'https://api.example/news?page=2', total: 6 };
    const page2: Feed = {
      format: 'rss',
      title: 'x',
      items: [item(5), item(6), item(4)],
    };

    for (const lang of ['id', 'en', 'su', 'jv'] as const) {
      it(`shows page-size items and a load-more button (${lang})`, async () => {
        const { loader } = routedLoader({ [abs('/a.xml')]: page1 });
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <kabar-news-list src="/a.xml" page-size="3" .loader=${loader}></kabar-news-list>
          </div>`,
        );
        const el = wrapper.querySelector('kabar-news-list')!;
        await ready(el);
        expect(titles(el)).to.have.length(3);
        const label = {
          id: 'Muat berita lainnya',
          en: 'Load more news',
          su: 'Muat warta sanésna',
          jv: 'Tampilaken pawarta sanesipun',
        }[lang];
        expect(moreButton(el)!.textContent!.trim()).to.equal(label);
        await expect(el).to.be.accessible();
      });
    }

    it('shows loaded items first, then fetches the next page, then hides the button', async () => {
      const { loader, calls } = routedLoader({
        [abs('/a.xml')]: page1,
        'https://api.example/news?page=2': page2,
      });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml" page-size="3" .loader=${loader}></kabar-news-list>`,
      );
      await ready(el);
      moreButton(el)!.click();
      await until(() => titles(el).length === 6);
      expect(calls.map((c) => c.url)).to.deep.equal([abs('/a.xml'), 'https://api.example/news?page=2']);
      expect(calls[1]!.options.format).to.equal('rss');
      // item 4 was on both pages: kept once.
      expect(titles(el)).to.deep.equal([1, 2, 3, 4, 5, 6].map((n) => `Berita nomor ${n}`));
      expect(moreButton(el)).to.equal(null);
    });

    it('fires kabar-error when the next page fails and keeps the list', async () => {
      const { loader } = routedLoader({ [abs('/a.xml')]: { ...page1, items: page1.items.slice(0, 3) } });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml" page-size="3" .loader=${loader}></kabar-news-list>`,
      );
      await ready(el);
      const fired = oneEvent(el, 'kabar-error');
      moreButton(el)!.click();
      const event = await fired;
      expect(event.detail.error.url).to.equal('https://api.example/news?page=2');
      expect(titles(el)).to.have.length(3);
      expect(moreButton(el)).not.to.equal(null);
    });

    it('has no button without page-size', async () => {
      const { loader } = routedLoader({ [abs('/a.xml')]: page1 });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/a.xml" .loader=${loader}></kabar-news-list>`,
      );
      await ready(el);
      expect(moreButton(el)).to.equal(null);
    });

    it('pages the feed shared by <kabar-feed>', async () => {
      const { loader } = routedLoader({
        [abs('/a.xml')]: page1,
        'https://api.example/news?page=2': page2,
      });
      const feed = await fixture<KabarFeedElement>(
        html`<kabar-feed src="/a.xml" .loader=${loader}
          ><kabar-news-list page-size="4"></kabar-news-list
        ></kabar-feed>`,
      );
      const el = feed.querySelector('kabar-news-list')!;
      await ready(el);
      expect(titles(el)).to.have.length(4);
      moreButton(el)!.click();
      await until(() => titles(el).length === 6);
    });

    it('warns once and falls back to 0 for a bad page-size', async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        const el = await fixture<KabarNewsListElement>(
          html`<kabar-news-list
            page-size="-2"
            src="/a.xml"
            .loader=${routedLoader({ [abs('/a.xml')]: page1 }).loader}
          ></kabar-news-list>`,
        );
        await ready(el);
        expect(moreButton(el)).to.equal(null);
        expect(warnings.filter((w) => String(w).includes('page-size'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });
  });
});

describe('<kabar-news-list> with awkward real feeds', () => {
  beforeEach(() => clearFeedCache());

  it('shows an ISO-8859-1 feed with relative links: titles, links and dates', async () => {
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list
        lang="en"
        src=${'/__kabar/bytes/latin?file=latin1.xml&type=text/xml'}
      ></kabar-news-list>`,
    );
    await ready(el);
    const link = shadow(el).querySelector<HTMLAnchorElement>('.title a')!;
    expect(link.textContent!.trim()).to.equal('Kafé Sunda: Pépés Ikan & Karedok');
    expect(link.href).to.equal('https://kuliner.example/kafe');
    expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-23T08:15:00Z');
    expect(shadow(el).querySelector('time')!.textContent).to.equal('23 November 2026');
  });

  it('shows a feed with a byte-order mark, white space before <?xml and relative links', async () => {
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list src=${fixtureUrl('bom-relative.xml')}></kabar-news-list>`,
    );
    await ready(el);
    const link = shadow(el).querySelector<HTMLAnchorElement>('.title a')!;
    expect(link.textContent!.trim()).to.equal('Pasar Murah di Kelurahan Cisurupan');
    expect(link.href).to.equal('https://cibiru.example.go.id/warta/pasar-murah.html');
    expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-24T02:00:00Z');
    expect(shadow(el).querySelector('[part="excerpt"]')!.textContent).to.equal('Harga & stok aman.');
  });
});
