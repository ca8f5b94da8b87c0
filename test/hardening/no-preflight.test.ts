/**
 * Cross-origin reads are CORS "simple" requests: no `OPTIONS` preflight goes before them. The
 * route answers `GET` for any origin but refuses `OPTIONS`, as plain CMSs and static hosts do,
 * so a request that needed a preflight would fail here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/news-list/kabar-news-list.js';
import '../../src/components/poll/kabar-poll.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import type { KabarPollElement } from '../../src/components/poll/poll-element.js';
import { clearFeedMemory, loadFeed } from '../../src/data/loader.js';
import { fetchPoll } from '../../src/data/poll-service.js';
import { until } from '../helpers.js';

/** The same test server under another host name: another origin for this page. */
const otherOrigin = () =>
  location.origin.replace(location.hostname, location.hostname === 'localhost' ? '127.0.0.1' : 'localhost');

const count = async (name: string) =>
  ((await (await fetch(`/__kabar/count/${name}/total`)).json()) as { count: number }).count;

const lastHeaders = async (name: string) =>
  (await (await fetch(`/__kabar/cors/${name}/headers`)).json()) as Record<string, string>;

/** Request headers a browser may send cross-origin without a preflight (and those it adds itself). */
const SIMPLE = /^(accept|accept-language|content-language|content-type|range)$/;
const BROWSER_ADDED =
  /^(host|connection|origin|referer|user-agent|accept-encoding|cache-control|pragma|sec-.*|dnt)$/;

describe('hardening: cross-origin reads need no preflight', function () {
  this.timeout(20_000);

  beforeEach(() => {
    clearFeedMemory();
    localStorage.clear();
  });

  it('reads a feed, then refreshes it, from a server that refuses OPTIONS', async () => {
    const name = `feed-${Date.now()}`;
    const url = `${otherOrigin()}/__kabar/cors/${name}?file=rss2-wordpress.xml`;
    const first = await loadFeed(url, { retries: 0 });
    expect(first.items).to.have.length(7);
    // The refresh has a stored copy with an exposed ETag: still no validator cross-origin.
    const again = await loadFeed(url, { retries: 0, fresh: true });
    expect(again.items).to.have.length(7);
    expect(await count(`cors:${name}`)).to.equal(2);
    expect(await count(`options:${name}`)).to.equal(0);
    const headers = await lastHeaders(name);
    expect(headers.accept!.length).to.be.at.most(128);
    // Nor any byte the Fetch standard calls CORS-unsafe in a request header.
    expect(headers.accept).to.match(/^[\t\x20-\x7e]*$/);
    expect(headers.accept).not.to.match(/["():<>?@[\\\]{}]/);
    for (const header of Object.keys(headers)) {
      if (!BROWSER_ADDED.test(header)) expect(header).to.match(SIMPLE);
    }
  });

  it('shows a cross-origin feed in a news list', async () => {
    const name = `list-${Date.now()}`;
    const el = await fixture<KabarNewsListElement>(
      html`<kabar-news-list
        src="${otherOrigin()}/__kabar/cors/${name}?file=rss2-wordpress.xml"
      ></kabar-news-list>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('.title').length === 7, 10_000);
    expect(await count(`options:${name}`)).to.equal(0);
  });

  it('reads a poll from a server that refuses OPTIONS', async () => {
    const name = `poll-${Date.now()}`;
    const poll = await fetchPoll(
      `${otherOrigin()}/__kabar/cors/${name}?file=poll-static.json&type=application/json`,
    );
    expect(poll?.id).to.equal('statis');
    expect(await count(`options:${name}`)).to.equal(0);
    expect((await lastHeaders(name)).accept).to.equal('application/json');
  });

  it('shows a cross-origin poll', async () => {
    const name = `poll-el-${Date.now()}`;
    const src = `${otherOrigin()}/__kabar/cors/${name}?file=poll-static.json&type=application/json`;
    const el = await fixture<KabarPollElement>(html`<kabar-poll src=${src}></kabar-poll>`);
    await until(() => el.shadowRoot!.querySelectorAll('input[type="radio"]').length === 2, 10_000);
    expect(await count(`options:${name}`)).to.equal(0);
  });
});
