import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../helpers.js';

/** The real bundle, built from the rollup config by the test server, its Sundanese chunk failing (404). */
const base = new URL('/__kabar/bundle/without-su/', location.origin).href;
const FEED = '/test/fixtures/csp/feed.xml';

/** The requests made so far for a language's chunk (`kabar-en-<hash>.min.js`). */
const fetched = (lang: string) =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => new RegExp(`/kabar-${lang}-[\\w-]+\\.min\\.js$`).test(entry.name));

const label = (el: Element) => el.shadowRoot!.querySelector('section')!.getAttribute('aria-label');
const titles = (el: Element) => el.shadowRoot?.querySelectorAll('.title').length ?? 0;

describe('hardening: English, Sundanese and Javanese strings load on demand from dist/kabar.min.js', function () {
  this.timeout(60_000);
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  before(async () => {
    window.addEventListener('unhandledrejection', onRejection);
    await import(/* @vite-ignore */ `${base}kabar.min.js`);
  });
  after(() => window.removeEventListener('unhandledrejection', onRejection));

  it('keeps English, Sundanese and Javanese out of kabar.min.js', async () => {
    const code = await (await fetch(`${base}kabar.min.js`)).text();
    expect(code).to.contain('Muat berita lainnya');
    expect(code).not.to.contain('Load more news');
    expect(code).not.to.contain('Muat warta sanésna');
    expect(code).not.to.contain('Tampilaken pawarta sanesipun');
    expect(code).to.match(/"\.\/kabar-en-[\w-]+\.min\.js"/);
    expect(code).to.match(/"\.\/kabar-su-[\w-]+\.min\.js"/);
    expect(code).to.match(/"\.\/kabar-jv-[\w-]+\.min\.js"/);
  });

  it('fetches the Javanese chunk once a widget is in Javanese', async () => {
    expect(fetched('jv')).to.have.length(0);
    const wrapper = await fixture(
      html`<div lang="jv-ID"><kabar-news-list src=${FEED} limit="1"></kabar-news-list></div>`,
    );
    const el = wrapper.querySelector('kabar-news-list')!;
    await until(() => titles(el) === 1);
    expect(label(el)).to.equal('Pawarta');
    expect(fetched('jv')).to.have.length(1);
  });

  it('lets a plain page add its own language through the bundle’s registerTranslation', async () => {
    const kabar = (await import(/* @vite-ignore */ `${base}kabar.min.js`)) as {
      registerTranslation(lang: string, strings: object): void;
    };
    const wrapper = await fixture(
      html`<div lang="mad"><kabar-news-list src=${FEED} limit="1"></kabar-news-list></div>`,
    );
    const el = wrapper.querySelector('kabar-news-list')!;
    await until(() => titles(el) === 1);
    expect(label(el)).to.equal('Berita');
    kabar.registerTranslation('mad', { newsList: { label: 'Bărita' } });
    await until(() => label(el) === 'Bărita');
  });

  it('fetches the English chunk only once a widget is in English, and only once', async () => {
    const list = await fixture(html`<kabar-news-list src=${FEED} limit="1"></kabar-news-list>`);
    await until(() => titles(list) === 1);
    expect(label(list)).to.equal('Berita');
    expect(fetched('en')).to.have.length(0);

    const wrapper = await fixture(
      html`<div lang="en">
        <kabar-news-list src=${FEED} limit="1"></kabar-news-list>
        <kabar-news-list src=${FEED} limit="2"></kabar-news-list>
      </div>`,
    );
    const [first, second] = wrapper.querySelectorAll('kabar-news-list');
    await until(() => titles(first!) === 1 && titles(second!) === 2);
    expect([label(first!), label(second!)]).to.deep.equal(['News', 'News']);
    expect(fetched('en')).to.have.length(1);
    expect(fetched('su')).to.have.length(0);
  });

  it('shows Indonesian, and keeps working, when the Sundanese chunk cannot be fetched', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const wrapper = await fixture(
        html`<div lang="su"><kabar-news-list src=${FEED} limit="2"></kabar-news-list></div>`,
      );
      const el = wrapper.querySelector('kabar-news-list')!;
      await until(() => titles(el) === 2);
      expect(label(el)).to.equal('Berita');
      expect(fetched('su')).to.have.length(1);
      // A later switch to a language at hand still works.
      wrapper.setAttribute('lang', 'en');
      await until(() => label(el) === 'News');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"su"');
    expect(rejections).to.deep.equal([]);
  });
});
