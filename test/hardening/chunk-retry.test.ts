import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers.js';

/**
 * The real bundle, built from the rollup config by the test server, where the comments
 * embedding, the XML feed readers and the English strings each fail once (503), as on a blip of
 * a mobile connection. Browsers keep a failed module for the page's life; the bundle asks again.
 */
const base = new URL('/__kabar/bundle/once-embed+readers-xml+en/', location.origin).href;
const FEED = '/test/fixtures/csp/feed.xml';

/** The requests made so far for a chunk (`kabar-<name>-<hash>.min.js`, with any query). */
const fetched = (name: string) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new RegExp(`/kabar-${name}-[\\w-]+\\.min\\.js(\\?|$)`).test(url));

const titles = (el: Element) => el.shadowRoot?.querySelectorAll('.title').length ?? 0;
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('hardening: a chunk that failed to load once loads when asked again', function () {
  this.timeout(60_000);
  const warn = console.warn;
  const warnings: unknown[] = [];

  before(async () => {
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    await import(/* @vite-ignore */ `${base}kabar.min.js`);
  });
  after(() => {
    console.warn = warn;
  });

  it('wraps every chunk import of kabar.min.js in the retrying import', async () => {
    const code = await (await fetch(`${base}kabar.min.js`)).text();
    expect(code).not.to.match(/import\("\.\/kabar-[\w-]+\.min\.js"\)/);
    expect(code).to.contain('?retry=');
  });

  it('shows the feed after "Coba lagi" when its reader failed to load', async () => {
    const list = await fixture(html`<kabar-news-list src=${FEED} limit="2"></kabar-news-list>`);
    await until(() => part(list, 'retry') !== null);
    expect(titles(list)).to.equal(0);
    part(list, 'retry')!.click();
    await until(() => titles(list) === 2);
    // Resource timing may list a request a moment after its module ran.
    await until(() => fetched('readers-xml').length === 2);
    expect(fetched('readers-xml')[1]).to.match(/\?retry=1$/);
  });

  it('loads comments after "Coba lagi" when their embedding code failed to load', async () => {
    const el = await fixture(
      html`<kabar-comments
        provider="disqus"
        load="click"
        identifier="retry"
        script-src="/__kabar/embed/chunk-retry-${Date.now()}?kind=disqus"
      ></kabar-comments>`,
    );
    await until(() => part(el, 'button') !== null);
    part(el, 'button')!.click();
    await until(() => part(el, 'retry') !== null);
    const loaded = oneEvent(el, 'kabar-comments-load');
    part(el, 'retry')!.click();
    await loaded;
    await until(() => fetched('embed').length === 2);
  });

  it('gives the next English widget its strings when they failed to load for the first', async () => {
    const first = await fixture(
      html`<div lang="en"><kabar-news-list src=${FEED} limit="1"></kabar-news-list></div>`,
    );
    const list = first.querySelector('kabar-news-list')!;
    await until(() => titles(list) === 1);
    expect(list.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('Berita');
    expect(warnings.some((w) => String(w).includes('"en"'))).to.equal(true);

    const next = await fixture(
      html`<div lang="en"><kabar-news-list src=${FEED} limit="1"></kabar-news-list></div>`,
    );
    const second = next.querySelector('kabar-news-list')!;
    await until(() => titles(second) === 1);
    expect(second.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('News');
    await until(() => fetched('en').length === 2);
  });
});
