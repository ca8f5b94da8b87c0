import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../helpers.js';

/** The real bundle, built from the rollup config by the test server; a query makes a separate copy. */
const bundle = (query: string) => new URL(`/__kabar/bundle/kabar.min.js?${query}`, location.origin).href;

describe('hardening: two copies of dist/kabar.min.js on one page', function () {
  this.timeout(60_000);

  it('loads the bundle twice without throwing or warning, and keeps working', async () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    window.addEventListener('error', onError);
    try {
      const first = await import(/* @vite-ignore */ bundle('copy=1'));
      const second = await import(/* @vite-ignore */ bundle('copy=2'));
      expect(second.KabarNewsListElement).not.to.equal(first.KabarNewsListElement);
      expect(customElements.get('kabar-news-list')).to.equal(first.KabarNewsListElement);
      const el = await fixture(
        html`<kabar-news-list src="/test/fixtures/csp/feed.xml" limit="2"></kabar-news-list>`,
      );
      await until(() => el.shadowRoot?.querySelectorAll('.title').length === 2);
    } finally {
      window.removeEventListener('error', onError);
      console.warn = warn;
    }
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once, without throwing, when another version is already on the page', async () => {
    await import(/* @vite-ignore */ bundle('copy=1'));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      await import(/* @vite-ignore */ bundle('copy=3&version=9.9.9'));
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('9.9.9');
    // The first definition stays in charge and still works.
    const el = await fixture(
      html`<kabar-news-list src="/test/fixtures/csp/feed.xml" limit="1"></kabar-news-list>`,
    );
    await until(() => el.shadowRoot?.querySelectorAll('.title').length === 1);
  });
});
