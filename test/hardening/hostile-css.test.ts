import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import type { Feed } from '../../src/data/model.js';
import { NEWS_LIST_LAYOUTS } from '../../src/types.js';
import { feedOf, item, until } from '../helpers.js';
import { HOSTILE_CSS } from '../hostile-styles.js';

const feed: Feed = feedOf(3, {
  items: [
    item(1, {
      image: `${location.origin}/test/fixtures/pixel.png`,
      title: 'Judul berita yang cukup panjang untuk dua baris di kolom sempit',
    }),
    item(2, { image: `${location.origin}/test/fixtures/pixel.png` }),
    item(3),
  ],
});

interface Measure {
  height: number;
  titleSize: string;
  titleLineHeight: string;
  titleTransform: string;
  letterSpacing: string;
  imageBox: { width: number; height: number } | null;
  itemWidth: number;
  listStyle: string;
  retryHeight?: number;
}

async function measure(layout: string): Promise<Measure> {
  const wrapper = await fixture(
    html`<div style="width: 720px">
      <kabar-news-list
        src="/feed.xml"
        layout=${layout}
        .loader=${() => Promise.resolve(feed)}
      ></kabar-news-list>
    </div>`,
  );
  const el = wrapper.querySelector<KabarNewsListElement>('kabar-news-list')!;
  await until(() => el.shadowRoot!.querySelector('[aria-busy="false"]') !== null);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const title = root.querySelector('.title')!;
  const media = root.querySelector('.media');
  const li = root.querySelector('li')!;
  const titleStyle = getComputedStyle(title);
  return {
    height: Math.round(el.getBoundingClientRect().height),
    titleSize: titleStyle.fontSize,
    titleLineHeight: titleStyle.lineHeight,
    titleTransform: titleStyle.textTransform,
    letterSpacing: getComputedStyle(root.querySelector('.meta')!).letterSpacing,
    imageBox: media
      ? {
          width: Math.round(media.getBoundingClientRect().width),
          height: Math.round(media.getBoundingClientRect().height),
        }
      : null,
    itemWidth: Math.round(li.getBoundingClientRect().width),
    listStyle: getComputedStyle(li).listStyleType,
  };
}

describe('hardening: hostile page CSS', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => style?.remove());

  for (const layout of NEWS_LIST_LAYOUTS) {
    it(`keeps the ${layout} layout as designed under a hostile stylesheet`, async () => {
      // Measured against a plain page with the same root font size, so only the hostile rules differ.
      document.documentElement.style.fontSize = '10px';
      const clean = await measure(layout);
      style = document.createElement('style');
      style.textContent = HOSTILE_CSS;
      document.head.append(style);
      const hostile = await measure(layout);
      document.documentElement.style.fontSize = '';
      expect(hostile.titleSize).to.equal(clean.titleSize);
      expect(hostile.titleLineHeight).to.equal(clean.titleLineHeight);
      expect(hostile.titleTransform).to.equal('none');
      expect(hostile.letterSpacing).to.equal('normal');
      expect(hostile.imageBox).to.deep.equal(clean.imageBox);
      expect(hostile.itemWidth).to.equal(clean.itemWidth);
      expect(hostile.listStyle).to.equal('none');
      // Only the inherited font face may differ; allow a little for its metrics.
      expect(Math.abs(hostile.height - clean.height)).to.be.lessThan(clean.height * 0.2);
    });
  }

  const widgets: [string, () => ReturnType<typeof html>, (el: Element) => boolean][] = [
    [
      'kabar-poll',
      () => html`<kabar-poll src="/test/fixtures/poll-static.json"></kabar-poll>`,
      (el) => el.shadowRoot?.querySelector('[aria-busy="false"]') != null,
    ],
    [
      'kabar-share-bar',
      () => html`<kabar-share-bar url="https://example.go.id/berita/1" text="Berita"></kabar-share-bar>`,
      (el) => (el.shadowRoot?.querySelectorAll('a').length ?? 0) > 0,
    ],
    [
      'kabar-comments',
      () => html`<kabar-comments load="click"></kabar-comments>`,
      (el) => el.shadowRoot?.querySelector('button') != null,
    ],
    [
      'kabar-article-card',
      () =>
        html`<kabar-article-card
          heading="Judul"
          excerpt="Ringkasan"
          date="2026-11-23T08:15:00Z"
          category="Ekonomi"
          image=${`${location.origin}/test/fixtures/pixel.png`}
        ></kabar-article-card>`,
      (el) => el.shadowRoot?.querySelector('.title') != null,
    ],
  ];

  for (const [tag, template, ready] of widgets) {
    it(`keeps <${tag}> readable and laid out under a hostile stylesheet`, async () => {
      const measureWidget = async () => {
        const wrapper = await fixture(html`<div style="width: 600px">${template()}</div>`);
        const el = wrapper.firstElementChild!;
        await until(() => ready(el));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const inner = [...el.shadowRoot!.querySelectorAll('*')].filter(
          (e) => e.getBoundingClientRect().width > 0,
        );
        return {
          height: el.getBoundingClientRect().height,
          width: Math.round(el.getBoundingClientRect().width),
          transforms: new Set(inner.map((e) => getComputedStyle(e).textTransform)),
          spacing: new Set(inner.map((e) => getComputedStyle(e).letterSpacing)),
          lineHeights: inner.map(
            (e) => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize),
          ),
        };
      };
      document.documentElement.style.fontSize = '10px';
      const clean = await measureWidget();
      style = document.createElement('style');
      style.textContent = HOSTILE_CSS;
      document.head.append(style);
      const hostile = await measureWidget();
      document.documentElement.style.fontSize = '';
      expect(hostile.width).to.equal(clean.width);
      // The page's uppercase and letter-spacing do not reach in; our own (a category label) stay.
      expect([...hostile.transforms]).to.deep.equal([...clean.transforms]);
      expect([...hostile.spacing]).to.deep.equal([...clean.spacing]);
      // No line of ours is stretched to the page's line-height: 3.
      expect(Math.max(...hostile.lineHeights.filter(Number.isFinite))).to.be.lessThan(2);
      expect(Math.abs(hostile.height - clean.height)).to.be.lessThan(clean.height * 0.25);
    });
  }

  it('changes nothing outside itself', async () => {
    const wrapper = await fixture(
      html`<div>
        <p id="before">Paragraf halaman</p>
        <kabar-news-list src="/feed.xml" .loader=${() => Promise.resolve(feed)}></kabar-news-list>
        <a id="after" href="#x">tautan halaman</a>
      </div>`,
    );
    const para = wrapper.querySelector('#before')!;
    const link = wrapper.querySelector('#after')!;
    const styleOf = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.color, s.fontSize, s.fontFamily, s.margin, s.lineHeight, s.display].join('|');
    };
    const before = [styleOf(para), styleOf(link), styleOf(document.body)];
    const el = wrapper.querySelector('kabar-news-list')!;
    await until(() => el.shadowRoot!.querySelector('[aria-busy="false"]') !== null);
    expect([styleOf(para), styleOf(link), styleOf(document.body)]).to.deep.equal(before);
    expect(document.adoptedStyleSheets.length).to.equal(0);
  });
});
