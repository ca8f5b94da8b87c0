import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import { clearFeedMemory } from '../../src/data/loader.js';
import { parseFeed } from '../../src/data/parse.js';
import { NEWS_LIST_LAYOUTS, ARTICLE_CARD_LAYOUTS } from '../../src/types.js';
import { fixtureText, fixtureUrl, until } from '../helpers.js';
import { audit, escapees } from './dom-audit.js';

const HOSTILE_FEEDS = [
  'hostile/rss.xml',
  'hostile/rdf.xml',
  'hostile/atom.xml',
  'hostile/json-feed.json',
  'hostile/wp-posts.json',
  'hostile/jabarprov-news.json',
];

declare global {
  interface Window {
    __kabarPwned?: string;
  }
}

/** Gives any injected handler (image error, svg load, animation) time to run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('hardening: hostile feed content', () => {
  beforeEach(() => {
    delete window.__kabarPwned;
    clearFeedMemory();
  });
  afterEach(() => {
    expect(window.__kabarPwned, 'a script from the feed ran').to.equal(undefined);
  });

  for (const name of HOSTILE_FEEDS) {
    it(`parses ${name} into plain text and safe URLs only`, async () => {
      const feed = parseFeed(await fixtureText(name), { url: 'https://hostile.example/feed' });
      expect(feed.items.length).to.be.greaterThan(0);
      for (const item of feed.items) {
        for (const text of [
          // A JSON Feed title is plain text, kept as written (`Fish & <Chips>`): it is shown as
          // text, which the rendering tests below check. The other formats' titles are HTML.
          ...(feed.format === 'json-feed' ? [] : [item.title]),
          item.summary,
          ...item.categories,
          ...item.authors.map((a) => a.name),
        ]) {
          expect(text).not.to.match(/<\s*(script|img|svg|iframe)\b/i);
        }
        for (const url of [item.link, item.image]) {
          if (url) expect(url, 'URL scheme').to.match(/^https?:/);
        }
      }
    });

    for (const layout of NEWS_LIST_LAYOUTS) {
      it(`renders ${name} in a ${layout} list with nothing executable and nothing outside the widget`, async () => {
        const el = await fixture<KabarNewsListElement>(
          html`<div style="width: 720px; margin: 40px">
            <kabar-news-list src=${fixtureUrl(name)} layout=${layout}></kabar-news-list>
          </div>`,
        );
        const list = el.querySelector('kabar-news-list')!;
        await until(() => list.shadowRoot!.querySelector('[aria-busy="false"]') !== null);
        await settle();
        expect(list.shadowRoot!.querySelectorAll('li').length).to.be.greaterThan(0);
        expect(audit(list)).to.deep.equal([]);
        expect(escapees(list)).to.deep.equal([]);
      });
    }

    for (const layout of ARTICLE_CARD_LAYOUTS) {
      it(`renders every item of ${name} as a ${layout} card safely`, async () => {
        const feed = parseFeed(await fixtureText(name), { url: 'https://hostile.example/feed' });
        for (const item of feed.items) {
          const wrapper = await fixture(
            html`<div style="width: 480px">
              <kabar-article-card layout=${layout} .article=${item}></kabar-article-card>
            </div>`,
          );
          const card = wrapper.firstElementChild!;
          await settle();
          expect(audit(card)).to.deep.equal([]);
          expect(escapees(card)).to.deep.equal([]);
        }
      });
    }
  }

  for (const name of HOSTILE_FEEDS) {
    it(`shows the sanitized HTML content of ${name} with nothing executable`, async () => {
      const feed = parseFeed(await fixtureText(name), { url: 'https://hostile.example/feed' });
      for (const item of feed.items.filter((i) => i.content)) {
        const wrapper = await fixture(
          html`<div style="width: 480px">
            <kabar-article-card content .article=${item}></kabar-article-card>
          </div>`,
        );
        const card = wrapper.firstElementChild!;
        // The sanitizer loads on demand; the card shows the summary until then.
        await until(() => card.shadowRoot!.querySelector('[part~="content"]') !== null, 8000);
        await settle();
        expect(audit(card)).to.deep.equal([]);
        expect(escapees(card)).to.deep.equal([]);
        for (const img of card.shadowRoot!.querySelectorAll('img')) {
          expect(img.getAttribute('src')).to.match(/^https?:/);
        }
      }
    });
  }

  it('renders hostile attribute values on a card as text', async () => {
    const el = await fixture(
      html`<kabar-article-card
        heading=${'"><img src=x onerror="window.__kabarPwned=1">'}
        href=${'javascript:window.__kabarPwned=1'}
        image=${'javascript:window.__kabarPwned=1'}
        category=${'<script>window.__kabarPwned=1</script>'}
        author=${'<svg onload="window.__kabarPwned=1">'}
        excerpt=${'<iframe src="javascript:window.__kabarPwned=1">'}
      ></kabar-article-card>`,
    );
    await settle();
    expect(audit(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.title')!.textContent!.trim()).to.equal(
      '"><img src=x onerror="window.__kabarPwned=1">',
    );
  });

  it('leaves the host document untouched', async () => {
    const before = document.head.innerHTML.length;
    const bodyChildren = document.body.children.length;
    const wrapper = await fixture(
      html`<div><kabar-news-list src=${fixtureUrl('hostile/rss.xml')}></kabar-news-list></div>`,
    );
    const list = wrapper.querySelector('kabar-news-list')!;
    await until(() => list.shadowRoot!.querySelector('[aria-busy="false"]') !== null);
    await settle();
    expect(document.head.innerHTML.length).to.equal(before);
    // fixture() adds one container; the widget adds nothing else to the page.
    expect(document.body.children.length).to.be.at.most(bodyChildren + 1);
  });
});
