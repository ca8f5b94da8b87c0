import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/news-list/kabar-news-list.js';
import '../../src/components/feed/kabar-feed.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import { KabarFetchError, KabarParseError } from '../../src/data/errors.js';
import { clearFeedCache } from '../../src/data/loader.js';
import type { FeedLoader } from '../../src/data/loader.js';
import { controlledLoader, feedOf, fixtureUrl, item, until } from '../helpers.js';

/** A loader that answers a one-item feed at once and counts its calls. */
function countingLoader() {
  const counted = {
    loads: 0,
    loader: (() => {
      counted.loads++;
      return Promise.resolve(feedOf(1));
    }) as FeedLoader,
  };
  return counted;
}

const shadow = (el: Element) => el.shadowRoot!;
const titles = (el: Element) =>
  [...shadow(el).querySelectorAll('.title a')].map((a) => a.textContent!.trim());
const resolved =
  (feed = feedOf(12)): FeedLoader =>
  () =>
    Promise.resolve(feed);

async function ready(el: KabarNewsListElement) {
  await until(() => shadow(el).querySelector('[aria-busy="false"]') !== null);
  await el.updateComplete;
}

describe('<kabar-news-list>', () => {
  beforeEach(() => clearFeedCache());

  it('is defined with its documented defaults', async () => {
    const el = await fixture<KabarNewsListElement>(html`<kabar-news-list></kabar-news-list>`);
    expect(el).to.be.instanceOf(customElements.get('kabar-news-list')!);
    expect(el.limit).to.equal(10);
    expect(el.layout).to.equal('list');
    expect(el.category).to.equal('');
    expect(el.timeout).to.equal(10_000);
    expect(el.refresh).to.equal(0);
  });

  it('syncs attributes to properties', async () => {
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list
        limit="3"
        layout="grid"
        category="Ekonomi"
        heading="Berita"
        timeout="500"
      ></kabar-news-list>`,
    );
    expect(el.limit).to.equal(3);
    expect(el.layout).to.equal('grid');
    expect(el.category).to.equal('Ekonomi');
    expect(el.heading).to.equal('Berita');
    expect(el.timeout).to.equal(500);
    el.layout = 'compact';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('compact');
  });

  describe('loading', () => {
    it('shows a skeleton that reserves space, with aria-busy and a status message', async () => {
      const { loader } = controlledLoader();
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" limit="3" .loader=${loader}></kabar-news-list>`,
      );
      const section = shadow(el).querySelector('section')!;
      expect(section.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelectorAll('.skeleton')).to.have.length(3);
      expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('Memuat berita…');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
      await expect(el).to.be.accessible();
    });
  });

  describe('loaded', () => {
    it('shows linked titles with <time> dates, newest first as the feed gives them', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" .loader=${resolved()}></kabar-news-list>`,
      );
      await ready(el);
      expect(titles(el)).to.have.length(10);
      const first = shadow(el).querySelector('li')!;
      const link = first.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.go.id/berita/1');
      expect(link.textContent).to.equal('Berita nomor 1');
      const time = first.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-11-22T08:15:00Z');
      expect(time.textContent).to.equal('22 November 2026');
      await expect(el).to.be.accessible();
    });

    it('limits the number of items', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" limit="5" .loader=${resolved()}></kabar-news-list>`,
      );
      await ready(el);
      expect(titles(el)).to.have.length(5);
      el.limit = 2;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Berita nomor 1', 'Berita nomor 2']);
    });

    it('filters by category, case-insensitively', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" category="pendidikan" .loader=${resolved()}></kabar-news-list>`,
      );
      await ready(el);
      expect(titles(el)).to.deep.equal([
        'Berita nomor 2',
        'Berita nomor 4',
        'Berita nomor 6',
        'Berita nomor 8',
        'Berita nomor 10',
        'Berita nomor 12',
      ]);
    });

    for (const layout of ['list', 'grid', 'compact'] as const) {
      it(`renders the ${layout} layout accessibly`, async () => {
        const el = await fixture<KabarNewsListElement>(
          html`<kabar-news-list
            src="/feed.xml"
            layout=${layout}
            heading="Berita Terkini"
            .loader=${resolved(
              feedOf(3, {
                items: [
                  item(1, { image: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }),
                  item(2, { image: '/img.jpg' }),
                  item(3),
                ],
              }),
            )}
          ></kabar-news-list>`,
        );
        await ready(el);
        expect(shadow(el).querySelector('section')!.className).to.equal(layout);
        expect(shadow(el).querySelector('h2')!.textContent).to.equal('Berita Terkini');
        expect(shadow(el).querySelectorAll('h3')).to.have.length(3);
        // Only http(s) images reach the DOM; the compact layout has none.
        const images = shadow(el).querySelectorAll('img');
        expect(images.length).to.equal(layout === 'compact' ? 0 : 1);
        if (layout !== 'compact') {
          const img = images[0]!;
          expect(img.getAttribute('src')).to.equal(new URL('/img.jpg', location.href).href);
          expect(img.getAttribute('loading')).to.equal('lazy');
          expect(img.getAttribute('width')).to.equal('640');
          expect(img.getAttribute('height')).to.equal('360');
        }
        await expect(el).to.be.accessible();
      });
    }

    it('renders hostile titles as text and drops script URLs', async () => {
      const hostile = item(1, {
        title: '<img src=x onerror="window.__pwned=1">Judul',
        link: 'javascript:window.__pwned=1',
        summary: '<script>window.__pwned=1</script>',
        categories: ['"><svg onload=window.__pwned=1>'],
      });
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          src="/feed.xml"
          .loader=${resolved(feedOf(1, { items: [hostile] }))}
        ></kabar-news-list>`,
      );
      await ready(el);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shadow(el).querySelector('svg')).to.equal(null);
      expect(shadow(el).querySelector('.title a')).to.equal(null);
      expect(shadow(el).querySelector('.title')!.textContent!.trim()).to.equal(hostile.title);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('empty', () => {
    it('says there is no news', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" .loader=${resolved(feedOf(0))}></kabar-news-list>`,
      );
      await ready(el);
      expect(shadow(el).querySelector('.empty')!.textContent!.trim()).to.equal('Belum ada berita.');
      await expect(el).to.be.accessible();
    });

    it('names the category when the filter leaves nothing', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" category="Olahraga" .loader=${resolved()}></kabar-news-list>`,
      );
      await ready(el);
      expect(shadow(el).querySelector('.empty')!.textContent!.trim()).to.equal(
        'Belum ada berita dalam kategori Olahraga.',
      );
    });
  });

  describe('error', () => {
    it('shows an alert with a retry button, fires kabar-error, and recovers on retry', async () => {
      const { loader, calls } = controlledLoader();
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" .loader=${loader}></kabar-news-list>`,
      );
      const fired = oneEvent(el, 'kabar-error');
      calls[0]!.reject(new KabarFetchError('http', 'HTTP 500', { url: '/feed.xml', status: 500 }));
      const event = await fired;
      expect(event.detail.error.kind).to.equal('http');
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Server sumber berita sedang bermasalah (500).');
      await expect(el).to.be.accessible();

      shadow(el).querySelector<HTMLButtonElement>('button[part="retry"]')!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('[aria-busy="true"]')).not.to.equal(null);
      expect(calls).to.have.length(2);
      const loaded = oneEvent(el, 'kabar-load');
      calls[1]!.resolve(feedOf(2));
      await loaded;
      await el.updateComplete;
      expect(titles(el)).to.have.length(2);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('gives each failure its own message', async () => {
      const cases = [
        [new KabarFetchError('network', 'x', { url: '/f' }), 'Sumber berita tidak dapat dihubungi.'],
        [new KabarFetchError('timeout', 'x', { url: '/f' }), 'Sumber berita terlalu lama menjawab.'],
        [
          new KabarFetchError('http', 'x', { url: '/f', status: 404 }),
          'Sumber berita tidak ditemukan (404).',
        ],
        [new KabarParseError('parse', 'x'), 'Isi sumber berita tidak dapat dibaca sebagai umpan berita.'],
      ] as const;
      for (const [error, message] of cases) {
        const el = await fixture<KabarNewsListElement>(
          html`<kabar-news-list src="/feed.xml" .loader=${() => Promise.reject(error)}></kabar-news-list>`,
        );
        await until(() => shadow(el).querySelector('[role="alert"]') !== null);
        expect(shadow(el).querySelector('[role="alert"] p')!.textContent).to.equal(message);
      }
    });

    it('shows the error state for a real 500, an unreachable host and a malformed body', async () => {
      for (const src of ['/__kabar/status/500', 'http://127.0.0.1:9/feed.xml', fixtureUrl('garbage.xml')]) {
        const el = await fixture<KabarNewsListElement>(html`<kabar-news-list src=${src}></kabar-news-list>`);
        await until(() => shadow(el).querySelector('[role="alert"]') !== null);
      }
    });

    it('recovers from a real failure once the feed comes back', async () => {
      await fetch('/__kabar/count/flaky-reset/reset');
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          src=${'/__kabar/flaky/news-list?fail=3&file=rss2-wordpress.xml'}
        ></kabar-news-list>`,
      );
      await until(() => shadow(el).querySelector('[role="alert"]') !== null);
      shadow(el).querySelector<HTMLButtonElement>('button[part="retry"]')!.click();
      await until(() => titles(el).length === 7);
    });

    it('says the address is not valid for a src that is not a URL', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="http://[::1"></kabar-news-list>`,
      );
      await until(() => shadow(el).querySelector('[role="alert"]') !== null);
      expect(shadow(el).querySelector('[role="alert"] p')!.textContent).to.equal(
        'Alamat sumber berita tidak valid.',
      );
    });
  });

  describe('language', () => {
    const expected = {
      id: ['Belum ada berita.', '22 November 2026'],
      en: ['No news yet.', '22 November 2026'],
      su: ['Teu acan aya warta.', '22 November 2026'],
      jv: ['Dereng wonten pawarta.', '22 November 2026'],
    };
    for (const [lang, [empty]] of Object.entries(expected)) {
      it(`speaks ${lang} from the nearest lang attribute`, async () => {
        const wrapper = await fixture(
          html`<div lang=${lang}>
            <kabar-news-list src="/feed.xml" .loader=${resolved(feedOf(0))}></kabar-news-list>
          </div>`,
        );
        const el = wrapper.querySelector('kabar-news-list')!;
        await ready(el);
        expect(shadow(el).querySelector('.empty')!.textContent!.trim()).to.equal(empty);
        await expect(el).to.be.accessible();
      });
    }

    it('formats dates in the reader language', async () => {
      const wrapper = await fixture(
        html`<div lang="en">
          <kabar-news-list
            src="/feed.xml"
            .loader=${resolved(feedOf(1, { items: [item(1, { published: new Date('2026-05-23T08:15:00Z') })] }))}
          ></kabar-news-list>
        </div>`,
      );
      const el = wrapper.querySelector('kabar-news-list')!;
      await ready(el);
      expect(shadow(el).querySelector('time')!.textContent).to.equal('23 May 2026');
      wrapper.setAttribute('lang', 'id');
      await until(() => shadow(el).querySelector('time')!.textContent === '23 Mei 2026');
    });

    it('follows a change of lang, its own winning over its ancestors', async () => {
      const wrapper = await fixture(
        html`<div lang="en">
          <kabar-news-list src="/feed.xml" .loader=${resolved(feedOf(0))}></kabar-news-list>
        </div>`,
      );
      const el = wrapper.querySelector('kabar-news-list')!;
      await ready(el);
      const message = () => shadow(el).querySelector('.empty')!.textContent!.trim();
      expect(message()).to.equal('No news yet.');
      el.setAttribute('lang', 'su');
      await until(() => message() === 'Teu acan aya warta.');
      el.removeAttribute('lang');
      wrapper.setAttribute('lang', 'id-ID');
      await until(() => message() === 'Belum ada berita.');
    });

    it('takes string overrides', async () => {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          src="/feed.xml"
          .strings=${{ retry: 'Ulangi' }}
          .loader=${() => Promise.reject(new KabarParseError('parse', 'x'))}
        ></kabar-news-list>`,
      );
      await until(() => shadow(el).querySelector('[role="alert"]') !== null);
      expect(shadow(el).querySelector('button')!.textContent).to.equal('Ulangi');
    });
  });

  describe('bad attributes', () => {
    for (const [attr, value, prop, fallback] of [
      ['limit', '-3', 'limit', 10],
      ['limit', 'abc', 'limit', 10],
      ['layout', 'carousel', 'layout', 'list'],
    ] as const) {
      it(`${attr}="${value}" falls back to ${fallback} with one warning`, async () => {
        const warnings: string[] = [];
        const warn = console.warn;
        console.warn = (message: string) => warnings.push(message);
        try {
          const el = await fixture<KabarNewsListElement>(
            html`<kabar-news-list src="/feed.xml" .loader=${resolved(feedOf(12))}></kabar-news-list>`,
          );
          el.setAttribute(attr, value);
          await ready(el);
          el.requestUpdate();
          await el.updateComplete;
          expect(warnings).to.have.length(1);
          expect(warnings[0]).to.contain(`${attr}="${value}"`);
          if (prop === 'limit') expect(titles(el)).to.have.length(fallback as number);
          else expect(shadow(el).querySelector('section')!.className).to.equal(fallback);
        } finally {
          console.warn = warn;
        }
      });
    }
  });

  describe('inside <kabar-feed>', () => {
    it('shows the feed it is given through context, several widgets sharing one load', async () => {
      const { loader, calls } = controlledLoader();
      const feedEl = await fixture(html`
        <kabar-feed src="/feed.xml" .loader=${loader}>
          <kabar-news-list limit="2"></kabar-news-list>
          <aside><kabar-news-list layout="compact" limit="4"></kabar-news-list></aside>
        </kabar-feed>
      `);
      const [a, b] = [...feedEl.querySelectorAll('kabar-news-list')];
      await a!.updateComplete;
      expect(shadow(a!).querySelector('[aria-busy="true"]')).not.to.equal(null);
      calls[0]!.resolve(feedOf(6));
      await ready(a!);
      await ready(b!);
      expect(titles(a!)).to.have.length(2);
      expect(titles(b!)).to.have.length(4);
      expect(calls).to.have.length(1);
    });

    it('shows the shared error, and retry reloads the shared feed', async () => {
      const { loader, calls } = controlledLoader();
      const feedEl = await fixture(
        html`<kabar-feed src="/feed.xml" .loader=${loader}><kabar-news-list></kabar-news-list></kabar-feed>`,
      );
      const list = feedEl.querySelector('kabar-news-list')!;
      calls[0]!.reject(new KabarFetchError('network', 'x', { url: '/feed.xml' }));
      await until(() => shadow(list).querySelector('[role="alert"]') !== null);
      shadow(list).querySelector<HTMLButtonElement>('button[part="retry"]')!.click();
      await until(() => calls.length === 2);
      calls[1]!.resolve(feedOf(3));
      await until(() => titles(list).length === 3);
    });

    it('prefers its own src over the context', async () => {
      const own = resolved(feedOf(1, { items: [item(99)] }));
      const feedEl = await fixture(
        html`<kabar-feed src="/a.xml" .loader=${resolved(feedOf(3))}
          ><kabar-news-list src="/b.xml" .loader=${own}></kabar-news-list
        ></kabar-feed>`,
      );
      const list = feedEl.querySelector('kabar-news-list')!;
      await ready(list);
      expect(titles(list)).to.deep.equal(['Berita nomor 99']);
    });
  });

  describe('clean-up', () => {
    it('aborts its request when removed and loads again when re-added', async () => {
      const { loader, calls } = controlledLoader();
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" .loader=${loader}></kabar-news-list>`,
      );
      expect(calls).to.have.length(1);
      const parent = el.parentElement!;
      el.remove();
      expect(calls[0]!.signal!.aborted).to.equal(true);
      parent.append(el);
      await el.updateComplete;
      expect(calls).to.have.length(2);
      calls[1]!.resolve(feedOf(2));
      await ready(el);
      expect(titles(el)).to.have.length(2);
    });

    it('stops refreshing when removed', async () => {
      const counted = countingLoader();
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list src="/feed.xml" refresh="1" .loader=${counted.loader}></kabar-news-list>`,
      );
      await ready(el);
      expect(counted.loads).to.equal(1);
      await until(() => counted.loads === 2, 2500);
      el.remove();
      await new Promise((r) => setTimeout(r, 1300));
      expect(counted.loads).to.equal(2);
    });
  });
});

describe('<kabar-news-list> sources', () => {
  it('does not repeat the feed title on every item, but names other sources', async () => {
    const feed = feedOf(2, {
      title: 'Kabupaten Contoh',
      items: [item(1, { source: 'Kabupaten Contoh' }), item(2, { source: 'Dinas Pendidikan' })],
    });
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list src="/feed.xml" .loader=${() => Promise.resolve(feed)}></kabar-news-list>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 2);
    const sources = [...el.shadowRoot!.querySelectorAll('li')].map(
      (li) => li.querySelector('.source')?.textContent ?? null,
    );
    expect(sources).to.deep.equal([null, 'Dinas Pendidikan']);
  });
});

describe('<kabar-news-list> images and data saver', () => {
  const withImages = feedOf(2, {
    items: [
      item(1, { image: 'https://example.go.id/1.jpg' }),
      item(2, { image: 'https://example.go.id/2.jpg' }),
    ],
  });
  const images = (el: Element) => el.shadowRoot!.querySelectorAll('img').length;

  it('shows images by default and none with images="off", accessibly', async () => {
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list src="/feed.xml" .loader=${() => Promise.resolve(withImages)}></kabar-news-list>`,
    );
    expect(el.images).to.equal('auto');
    expect(el.loading).to.equal('eager');
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 2);
    expect(images(el)).to.equal(2);
    el.setAttribute('images', 'off');
    await el.updateComplete;
    expect(el.images).to.equal('off');
    expect(images(el)).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shows no images when the browser saves data', async () => {
    const saved = Object.getOwnPropertyDescriptor(navigator, 'connection');
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    try {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          src="/feed.xml"
          .loader=${() => Promise.resolve(withImages)}
        ></kabar-news-list>`,
      );
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 2);
      expect(images(el)).to.equal(0);
    } finally {
      if (saved) Object.defineProperty(navigator, 'connection', saved);
      else delete (navigator as { connection?: unknown }).connection;
    }
  });

  it('images="none" falls back to auto with one warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await fixture<KabarNewsListElement>(
        html`<kabar-news-list
          src="/feed.xml"
          images="none"
          .loader=${() => Promise.resolve(withImages)}
        ></kabar-news-list>`,
      );
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 2);
      expect(images(el)).to.equal(2);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('images="none"');
    } finally {
      console.warn = warn;
    }
  });
});

describe('<kabar-news-list loading="lazy">', () => {
  it('fetches only when it comes near the viewport, once, with its skeleton in place', async () => {
    const { loader, calls } = controlledLoader();
    const page = await fixture<HTMLElement>(html`
      <div>
        <div style="height: 4000px"></div>
        <kabar-news-list src="/feed.xml" loading="lazy" .loader=${loader}></kabar-news-list>
      </div>
    `);
    const el = page.querySelector('kabar-news-list')!;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    el.scrollIntoView();
    await until(() => calls.length === 1);
    calls[0]!.resolve(feedOf(3));
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).to.have.length(1);
    window.scrollTo(0, 0);
  });

  it('fetches at once by default (eager) even below the fold', async () => {
    const { loader, calls } = controlledLoader();
    const page = await fixture<HTMLElement>(html`
      <div>
        <div style="height: 4000px"></div>
        <kabar-news-list src="/feed.xml" .loader=${loader}></kabar-news-list>
      </div>
    `);
    await page.querySelector('kabar-news-list')!.updateComplete;
    await until(() => calls.length === 1);
  });

  it('stops waiting when removed, and loads when it comes back near the viewport', async () => {
    const { loader, calls } = controlledLoader();
    const page = await fixture<HTMLElement>(html`
      <div>
        <div style="height: 4000px"></div>
        <kabar-news-list src="/feed.xml" loading="lazy" .loader=${loader}></kabar-news-list>
      </div>
    `);
    const el = page.querySelector('kabar-news-list')!;
    await el.updateComplete;
    el.remove();
    page.prepend(el);
    await until(() => calls.length === 1);
    calls[0]!.resolve(feedOf(2));
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 2);
  });
});

describe('<kabar-news-list loading="lazy"> in a <kabar-feed>', () => {
  beforeEach(() => clearFeedCache());

  it('keeps its skeleton until it comes near the viewport, then shows the shared feed', async () => {
    const { loader, calls } = controlledLoader();
    const feed = await fixture<HTMLElement>(html`
      <kabar-feed src="/feed.xml" .loader=${loader}>
        <kabar-news-list limit="2"></kabar-news-list>
        <div style="height: 4000px"></div>
        <kabar-news-list loading="lazy" limit="2"></kabar-news-list>
      </kabar-feed>
    `);
    const [near, far] = [...feed.querySelectorAll('kabar-news-list')];
    calls[0]!.resolve(feedOf(3));
    await until(() => titles(near!).length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(titles(far!)).to.deep.equal([]);
    expect(shadow(far!).querySelector('.skeleton')).to.exist;
    expect(shadow(far!).querySelector('[aria-busy="true"]')).to.exist;
    far!.scrollIntoView();
    await until(() => titles(far!).length === 2);
    expect(shadow(far!).querySelector('[aria-busy="false"]')).to.exist;
    expect(calls).to.have.length(1);
    window.scrollTo(0, 0);
  });
});

describe('<kabar-news-list> while hidden', () => {
  beforeEach(() => clearFeedCache());

  it('does not fetch inside a hidden element, and fetches once shown', async () => {
    const { loader, calls } = controlledLoader();
    const panel = await fixture<HTMLElement>(html`
      <div hidden><kabar-news-list src="/feed.xml" .loader=${loader}></kabar-news-list></div>
    `);
    const el = panel.querySelector('kabar-news-list')!;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).to.have.length(0);
    panel.hidden = false;
    await until(() => calls.length === 1);
    calls[0]!.resolve(feedOf(2));
    await until(() => titles(el).length === 2);
  });

  it('does not refresh while its container is hidden, and refreshes once shown', async () => {
    const counted = countingLoader();
    const panel = await fixture<HTMLElement>(html`
      <div><kabar-news-list src="/feed.xml" refresh="1" .loader=${counted.loader}></kabar-news-list></div>
    `);
    const el = panel.querySelector('kabar-news-list')!;
    await ready(el);
    expect(counted.loads).to.equal(1);
    panel.style.display = 'none';
    await new Promise((r) => setTimeout(r, 2300));
    expect(counted.loads).to.equal(1);
    panel.style.display = '';
    await until(() => counted.loads === 2, 2000);
    expect(titles(el)).to.have.length(1);
  });

  it('does not refresh while the page is hidden, and refreshes when it is shown again', async () => {
    const counted = countingLoader();
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list src="/feed.xml" refresh="1" .loader=${counted.loader}></kabar-news-list>`,
    );
    await ready(el);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      await new Promise((r) => setTimeout(r, 2300));
      expect(counted.loads).to.equal(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => counted.loads === 2, 2000);
  });
});
