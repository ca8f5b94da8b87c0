/**
 * Every element in every kind of box a page puts it in, at phone, tablet and desktop widths,
 * with and without a hostile theme: no widget collapses (each title link at least 8em wide, or
 * the widget filling its column) and none overflows its column.
 *
 * One page holds every placement of every element; it is measured at each width, then again
 * under the hostile stylesheet.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import { feedOf, item, until } from '../helpers.js';
import { HOSTILE_CSS } from '../hostile-styles.js';

/** A common theme rule, and Bootstrap's grid and flex utilities as its CSS writes them. */
const PAGE_CSS = `
  .theme-flex div, .theme-flex section, .theme-flex article, .theme-flex aside { display: flex; }
  .container { padding-inline: 12px; }
  .row { display: flex; flex-wrap: wrap; margin-inline: -12px; }
  .row > * { flex-shrink: 0; width: 100%; max-width: 100%; padding-inline: 12px; box-sizing: border-box; }
  .col { flex: 1 0 0%; }
  .d-flex { display: flex !important; }
  .slot { position: relative; min-height: 2rem; }
  .slot::after { content: ''; display: block; clear: both; }
`;

/** Each way a page holds a widget, wrapped around the widget's markup. */
const PLACEMENTS: Record<string, (widget: string) => string> = {
  // The theme rule of the report, and the markup it was seen with.
  'a flex item in <div><section> of a theme with div, section… {display: flex}': (w) =>
    `<div class="theme-flex"><div><section>${w}</section></div></div>`,
  'a flex item in <article><aside> of that theme': (w) =>
    `<div class="theme-flex"><article><aside>${w}</aside></article></div>`,
  'a Bootstrap .row > .col': (w) =>
    `<div class="container"><div class="row"><div class="col">${w}</div></div></div>`,
  'a .d-flex box': (w) => `<div class="d-flex">${w}</div>`,
  'a grid auto track': (w) =>
    `<div style="display: grid; grid-template-columns: auto; justify-content: start">${w}</div>`,
  'a table cell': (w) => `<table><tbody><tr><td>${w}</td></tr></tbody></table>`,
  'a float': (w) => `<div style="float: left">${w}</div>`,
  'an absolutely positioned box': (w) => `<div style="position: absolute; top: 0; left: 0">${w}</div>`,
  'an inline-block': (w) => `<div style="display: inline-block">${w}</div>`,
  'a max-content box': (w) => `<div style="width: max-content">${w}</div>`,
  'a max-content box kept in its column': (w) =>
    `<div style="width: max-content; max-width: 100%">${w}</div>`,
  'a fit-content box': (w) => `<div style="width: fit-content">${w}</div>`,
};

const image = `${location.origin}/test/fixtures/pixel.png`;
const feed = feedOf(3, {
  items: [
    item(1, { image, title: 'Pemerintah kabupaten meresmikan jembatan penghubung dua kecamatan' }),
    item(2, { image }),
    item(3),
  ],
});

/** Each element with representative attributes (the lists get their feed through `loader`). */
const WIDGETS: Record<string, string> = {
  'kabar-news-list': '<kabar-news-list src="/feed.xml" heading="Berita"></kabar-news-list>',
  'kabar-news-list (grid)': '<kabar-news-list src="/feed.xml" layout="grid"></kabar-news-list>',
  'kabar-feed':
    '<kabar-feed src="/feed.xml"><kabar-news-list layout="compact"></kabar-news-list></kabar-feed>',
  'kabar-article-card': `<kabar-article-card heading="Jembatan baru dibuka untuk warga dua kecamatan" href="https://pemda.example/berita/1" excerpt="Warga menyambut jembatan baru." image="${image}" layout="horizontal"></kabar-article-card>`,
  'kabar-poll': '<kabar-poll src="/api/polls/layanan"></kabar-poll>',
  'kabar-share-bar':
    '<kabar-share-bar url="https://pemda.example/berita/1" networks="whatsapp facebook x telegram email copy" native="never"></kabar-share-bar>',
  'kabar-comments': '<kabar-comments><p>Komentar warga.</p></kabar-comments>',
};

const VIEWPORTS = [320, 768, 1280];

interface Placed {
  name: string;
  host: HTMLElement;
  slot: HTMLElement;
  /** The page asked for unwrapped lines (`width: max-content`): the box may pass the column. */
  unbounded: boolean;
}

/** The right edge of `el`'s content box. */
function contentRight(el: Element): number {
  const style = getComputedStyle(el);
  return (
    el.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight)
  );
}

function contentWidth(el: Element): number {
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return (
    rect.width -
    parseFloat(style.borderLeftWidth) -
    parseFloat(style.borderRightWidth) -
    parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight)
  );
}

/** The title links in `host`'s shadow root. */
function titleLinks(host: HTMLElement): HTMLElement[] {
  return [...(host.shadowRoot?.querySelectorAll<HTMLElement>('.title a') ?? [])];
}

/** How wide `host` is when laid out at its max-content width. */
function maxContentWidth(host: HTMLElement): number {
  const { width, flex } = host.style;
  host.style.width = 'max-content';
  host.style.flex = 'none';
  const natural = host.getBoundingClientRect().width;
  Object.assign(host.style, { width, flex });
  return natural;
}

/**
 * What is wrong with `placed` as laid out now (empty when nothing is). `strict`: nothing may
 * reach past the page's column either (not asked under the hostile theme, whose text-indent and
 * white-space: pre push inline boxes past any column by themselves).
 */
function problems({ name, host, slot, unbounded }: Placed, strict: boolean): string[] {
  const found: string[] = [];
  const box = host.getBoundingClientRect();
  let parent = host.parentElement ?? slot;
  while (getComputedStyle(parent).display === 'contents') parent = parent.parentElement ?? slot;
  const column = contentWidth(parent);
  const fills = box.width >= column - 1;
  // Never narrower than its content when the column has room for it.
  const natural = maxContentWidth(host);
  if (box.width < Math.min(column, natural) - 1)
    found.push(`${name}: ${px(box.width)} wide in a column of ${px(column)} (its content: ${px(natural)})`);
  for (const link of titleLinks(host)) {
    const rect = link.getBoundingClientRect();
    const em = parseFloat(getComputedStyle(link).fontSize);
    if (rect.width < 8 * em - 0.5 && !fills)
      found.push(`${name}: a title link ${px(rect.width)} wide (8em is ${px(8 * em)})`);
    if (rect.right > box.right + 1)
      found.push(`${name}: a title link (${px(rect.width)}) overflows the widget (${px(box.width)})`);
  }
  if (box.right > contentRight(parent) + 1)
    found.push(`${name}: overflows its box by ${px(box.right - contentRight(parent))}`);
  if (strict && !unbounded && box.right > contentRight(slot) + 1)
    found.push(`${name}: reaches past the page's column by ${px(box.right - contentRight(slot))}`);
  for (const child of host.shadowRoot?.children ?? []) {
    const right = child.getBoundingClientRect().right;
    if (child.localName !== 'style' && right > box.right + 1)
      found.push(`${name}: its ${child.localName} overflows it`);
  }
  return found;
}

const px = (n: number) => `${Math.round(n)} px`;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('page layouts: every element in every container', function () {
  this.timeout(60_000);
  const placed: Placed[] = [];
  const page = document.createElement('div');
  const hostile = document.createElement('style');
  hostile.textContent = HOSTILE_CSS;

  before(async () => {
    const style = document.createElement('style');
    style.textContent = PAGE_CSS;
    document.head.append(style);
    for (const [where, wrap] of Object.entries(PLACEMENTS)) {
      for (const [what, markup] of Object.entries(WIDGETS)) {
        const slot = document.createElement('div');
        slot.className = 'slot';
        slot.innerHTML = wrap(markup);
        for (const list of slot.querySelectorAll<KabarNewsListElement>('kabar-news-list[src]'))
          list.loader = () => Promise.resolve(feed);
        for (const provider of slot.querySelectorAll<HTMLElement & { loader: unknown }>('kabar-feed'))
          provider.loader = () => Promise.resolve(feed);
        page.append(slot);
        // A feed provider is `display: contents`: the list inside it is the box on the page.
        const host = slot.querySelector<HTMLElement>(
          what.startsWith('kabar-feed') ? 'kabar-feed > kabar-news-list' : what.split(' ')[0]!,
        )!;
        placed.push({ name: `${what} in ${where}`, host, slot, unbounded: where === 'a max-content box' });
      }
    }
    document.body.append(page);
    await until(
      () => placed.every(({ host }) => titleLinks(host).length > 0 || !/news|feed|card/.test(host.localName)),
      20_000,
    );
    await until(
      () =>
        placed.every(
          ({ host }) => host.localName !== 'kabar-poll' || !!host.shadowRoot?.querySelector('input'),
        ),
      20_000,
    );
  });

  after(async () => {
    page.remove();
    hostile.remove();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of VIEWPORTS) {
    for (const withHostile of [false, true]) {
      it(`holds at ${width} px${withHostile ? ' under a hostile theme' : ''}`, async () => {
        await setViewport({ width, height: 900 });
        if (withHostile) document.head.append(hostile);
        else hostile.remove();
        await frame();
        // As a reader sees each one: list items off screen are not laid out (content-visibility).
        const found: string[] = [];
        for (const one of placed) {
          one.slot.scrollIntoView();
          await frame();
          found.push(...problems(one, !withHostile));
        }
        window.scrollTo(0, 0);
        expect(found, found.join('\n')).to.deep.equal([]);
      });
    }
  }
});
