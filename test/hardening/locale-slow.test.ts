import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../helpers.js';

/** The real bundle, its English chunk taking 1.5 s to arrive, as on a slow mobile connection. */
const base = new URL('/__kabar/bundle/slow-en/', location.origin).href;
const FEED = '/test/fixtures/csp/feed.xml?slow-locale';
const POLL = '/test/fixtures/poll-static.json?slow-locale';

const entry = (pattern: RegExp) =>
  performance.getEntriesByType('resource').find((e) => pattern.test(e.name)) as
    PerformanceResourceTiming | undefined;

describe('hardening: requests do not wait for a language loaded on demand', function () {
  this.timeout(60_000);

  before(async () => {
    await import(/* @vite-ignore */ `${base}kabar.min.js`);
  });

  it('fetches an English list’s feed and poll while the English strings are still on their way', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <kabar-news-list src=${FEED} limit="1"></kabar-news-list>
        <kabar-poll src=${POLL}></kabar-poll>
      </div>`,
    );
    const list = wrapper.querySelector('kabar-news-list')!;
    await until(() => list.shadowRoot?.querySelectorAll('.title').length === 1, 10_000);
    const strings = entry(/\/kabar-en-[\w-]+\.min\.js$/)!;
    const feed = entry(/feed\.xml\?slow-locale$/)!;
    const poll = entry(/poll-static\.json\?slow-locale$/)!;
    expect(strings, 'the English chunk').to.exist;
    expect(feed.startTime).to.be.below(strings.responseEnd);
    expect(poll.startTime).to.be.below(strings.responseEnd);
    // And still nothing painted in Indonesian: the list shows English once it shows anything.
    expect(list.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('News');
  });
});
