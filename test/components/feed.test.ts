import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/feed/kabar-feed.js';
import '../../src/components/news-list/kabar-news-list.js';
import type { KabarFeedElement } from '../../src/components/feed/feed-element.js';
import { KabarErrorEvent } from '../../src/events/kabar-error.js';
import { KabarLoadEvent } from '../../src/events/kabar-load.js';
import { clearFeedCache } from '../../src/data/loader.js';
import { controlledLoader, feedOf, until } from '../helpers.js';

describe('<kabar-feed>', () => {
  beforeEach(() => clearFeedCache());

  it('has its documented defaults and renders its children', async () => {
    const el = await fixture<KabarFeedElement>(html`<kabar-feed><p>isi</p></kabar-feed>`);
    expect(el.src).to.equal('');
    expect(el.refresh).to.equal(0);
    expect(el.timeout).to.equal(10_000);
    expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('fires a typed kabar-load that bubbles out of shadow roots', async () => {
    const { loader, calls } = controlledLoader();
    const el = await fixture<KabarFeedElement>(
      html`<kabar-feed src="/feed.xml" .loader=${loader}></kabar-feed>`,
    );
    const fired = oneEvent(document, 'kabar-load');
    const feed = feedOf(2);
    calls[0]!.resolve(feed);
    const event = await fired;
    expect(event).to.be.instanceOf(KabarLoadEvent);
    expect(event.composed).to.equal(true);
    expect(event.detail.feed).to.equal(feed);
    expect(event.target).to.equal(el);
    expect(calls[0]!.url).to.equal(new URL('/feed.xml', location.href).href);
  });

  it('fires a typed kabar-error', async () => {
    const el = await fixture<KabarFeedElement>(html`<kabar-feed src="/__kabar/status/500"></kabar-feed>`);
    const event = await oneEvent(el, 'kabar-error');
    expect(event).to.be.instanceOf(KabarErrorEvent);
    expect(event.detail.error.kind).to.equal('http');
  });

  it('loads a real feed once for every widget inside it', async () => {
    await fetch('/__kabar/count/feed-el/reset');
    const el = await fixture<KabarFeedElement>(html`
      <kabar-feed src="/__kabar/count/feed-el?file=rss2-wordpress.xml">
        <kabar-news-list limit="3"></kabar-news-list>
        <kabar-news-list layout="compact"></kabar-news-list>
        <kabar-news-list layout="grid" category="Ekonomi"></kabar-news-list>
      </kabar-feed>
    `);
    const lists = [...el.querySelectorAll('kabar-news-list')];
    await until(() => lists.every((l) => l.shadowRoot!.querySelector('[aria-busy="false"]')));
    const counts = lists.map((l) => l.shadowRoot!.querySelectorAll('li').length);
    expect(counts).to.deep.equal([3, 7, 2]);
    const total = (await (await fetch('/__kabar/count/feed-el/total')).json()) as { count: number };
    expect(total.count).to.equal(1);
  });

  it('refreshes every `refresh` seconds with a fresh request', async () => {
    const { loader, calls } = controlledLoader();
    await fixture<KabarFeedElement>(
      html`<kabar-feed src="/feed.xml" refresh="1" .loader=${loader}></kabar-feed>`,
    );
    calls[0]!.resolve(feedOf(1));
    await until(() => calls.length === 2, 2500);
    calls[1]!.resolve(feedOf(2));
  });

  it('keeps the last good feed when a refresh fails', async () => {
    const { loader, calls } = controlledLoader();
    const el = await fixture<KabarFeedElement>(
      html`<kabar-feed src="/feed.xml" .loader=${loader}><kabar-news-list></kabar-news-list></kabar-feed>`,
    );
    const list = el.querySelector('kabar-news-list')!;
    calls[0]!.resolve(feedOf(3));
    await until(() => list.shadowRoot!.querySelectorAll('li').length === 3);
    el.reload();
    calls[1]!.reject(new Error('offline'));
    await oneEvent(el, 'kabar-error');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelectorAll('li')).to.have.length(3);
    expect(list.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});

describe('<kabar-feed loading="lazy">', () => {
  beforeEach(() => clearFeedCache());

  it('loads only when a lazy list inside comes near the viewport', async () => {
    const { loader, calls } = controlledLoader();
    const el = await fixture<KabarFeedElement>(html`
      <kabar-feed src="/feed.xml" loading="lazy" .loader=${loader}>
        <div style="height: 4000px"></div>
        <kabar-news-list loading="lazy" limit="2"></kabar-news-list>
      </kabar-feed>
    `);
    const list = el.querySelector('kabar-news-list')!;
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).to.have.length(0);
    list.scrollIntoView();
    await until(() => calls.length === 1);
    calls[0]!.resolve(feedOf(3));
    await until(() => list.shadowRoot!.querySelectorAll('li').length === 2);
    window.scrollTo(0, 0);
  });

  it('loads at once for an eager list inside, and by default', async () => {
    const lazy = controlledLoader();
    await fixture(html`
      <kabar-feed src="/feed.xml" loading="lazy" .loader=${lazy.loader}>
        <div style="height: 4000px"></div>
        <kabar-news-list></kabar-news-list>
      </kabar-feed>
    `);
    await until(() => lazy.calls.length === 1);
    const eager = controlledLoader();
    await fixture(html`<kabar-feed src="/feed.xml" .loader=${eager.loader}></kabar-feed>`);
    expect(eager.calls).to.have.length(1);
  });
});

describe('<kabar-feed> while hidden', () => {
  beforeEach(() => clearFeedCache());

  it('does not fetch inside a hidden element, and fetches once shown', async () => {
    const { loader, calls } = controlledLoader();
    const panel = await fixture<HTMLElement>(html`
      <section hidden>
        <kabar-feed src="/feed.xml" .loader=${loader}><kabar-news-list></kabar-news-list></kabar-feed>
      </section>
    `);
    const list = panel.querySelector('kabar-news-list')!;
    await list.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).to.have.length(0);
    panel.hidden = false;
    await until(() => calls.length === 1);
    calls[0]!.resolve(feedOf(2));
    await until(() => list.shadowRoot!.querySelectorAll('li').length === 2);
  });

  it('does not refresh inside display: none, and refreshes once shown', async () => {
    const { loader, calls } = controlledLoader();
    const panel = await fixture<HTMLElement>(html`
      <section><kabar-feed src="/feed.xml" refresh="1" .loader=${loader}></kabar-feed></section>
    `);
    calls[0]!.resolve(feedOf(1));
    await new Promise((r) => setTimeout(r, 100));
    panel.style.display = 'none';
    await new Promise((r) => setTimeout(r, 2300));
    expect(calls).to.have.length(1);
    panel.style.display = '';
    await until(() => calls.length === 2, 2000);
  });
});

describe('<kabar-feed> sources', () => {
  beforeEach(() => clearFeedCache());

  it('syncs proxy and hands it and every URL of src to the loader', async () => {
    const { loader, calls } = controlledLoader();
    const el = await fixture<KabarFeedElement>(
      html`<kabar-feed
        src="/a.xml /b.xml"
        proxy="https://p.example/?u={url}"
        .loader=${loader}
      ></kabar-feed>`,
    );
    expect(el.proxy).to.equal('https://p.example/?u={url}');
    await until(() => calls.length === 2);
    expect(calls.map((c) => c.url)).to.deep.equal([
      new URL('/a.xml', location.href).href,
      new URL('/b.xml', location.href).href,
    ]);
    const fired = oneEvent(el, 'kabar-load');
    calls[0]!.resolve(feedOf(2, { title: 'A' }));
    calls[1]!.resolve(feedOf(1, { title: 'B' }));
    const event = await fired;
    expect(event.detail.feed.items).to.have.length(2);
  });
});
