import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { fixtureUrl, manifestElements, until } from '../helpers.js';
import type { ManifestAttribute } from '../helpers.js';

/**
 * Pages and content editors take attributes away all the time (a block editor dropping a
 * field, a framework binding going `undefined`). For every attribute that custom-elements.json
 * documents, removing it, or setting its property to `null` or `undefined` from script, must
 * give the element's default: the property's initial value and the rendering of an element
 * that never had the attribute. Never an uncaught error, never an empty box.
 *
 * The attributes come from the manifest, so a new one is covered as soon as it is documented.
 */
const elements = await manifestElements();

const FEED = fixtureUrl('rss2-wordpress.xml');
const ARTICLE = 'https://example.go.id/berita/1';

/** A value a site would really write, per `tag attribute`, then per attribute. */
const SAMPLES: Record<string, string> = {
  'kabar-feed src': FEED,
  'kabar-news-list src': FEED,
  'kabar-poll src': '/api/polls/layanan',
  'kabar-article-card layout': 'horizontal',
  'kabar-news-list layout': 'grid',
  'kabar-share-bar layout': 'icons',
  'kabar-news-list category': 'Ekonomi',
  'kabar-comments category': 'Pengumuman',
  'kabar-comments url': ARTICLE,
  'kabar-share-bar url': ARTICLE,
  format: 'rss',
  refresh: '60',
  timeout: '5000',
  proxy: 'https://proxy.example/?url={url}',
  loading: 'lazy',
  images: 'off',
  limit: '3',
  'page-size': '2',
  heading: 'Judul bagian',
  'heading-level': '2',
  content: '',
  href: ARTICLE,
  image: fixtureUrl('pixel.png'),
  date: '2026-11-20T08:00:00Z',
  excerpt: 'Ringkasan berita.',
  author: 'Humas',
  text: 'Berita daerah',
  networks: 'whatsapp email',
  label: 'Sebarkan',
  native: 'never',
  'utm-source': 'situs',
  'utm-medium': 'berbagi',
  'utm-campaign': 'berita',
  provider: 'disqus',
  load: 'eager',
  'script-src': '/__kabar/embed/unused?kind=disqus',
  'privacy-url': 'https://example.go.id/privasi',
  'provider-label': 'Forum Warga',
  shortname: 'contoh',
  identifier: 'berita-1',
  title: 'Judul berita',
  repo: 'pemkab/komentar',
  'repo-id': 'R_kgDOA',
  'category-id': 'DIC_kwDOA',
  mapping: 'specific',
  term: 'berita-1',
  theme: 'light',
};

/** The value written for `name` on `tag`; an attribute new to this table gets one of its type. */
function sample(tag: string, { name, type }: ManifestAttribute): string {
  const known = SAMPLES[`${tag} ${name}`] ?? SAMPLES[name];
  if (known !== undefined) return known;
  if (type?.text === 'number') return '2';
  if (type?.text === 'boolean') return '';
  return 'contoh';
}

/**
 * Attributes every instance gets: the comments wait for a click, so that no test reaches a
 * provider (with `load` itself under test, the element's own content loads instead).
 */
const BASE: Record<string, Record<string, string>> = {
  'kabar-comments': { load: 'click' },
};

type Kabar = HTMLElement & Record<string, unknown> & { updateComplete: Promise<boolean> };

const boxes: HTMLElement[] = [];

function mount(tag: string, attributes: Record<string, string>): Kabar {
  const el = document.createElement(tag) as Kabar;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const box = document.createElement('div');
  box.style.width = '400px';
  box.append(el);
  document.body.append(box);
  boxes.push(box);
  return el;
}

/**
 * The shadow DOM as markup, compared loosely where rendering twice may differ and the reader
 * sees no difference: Lit's comment markers (their numbers change), the order of classes
 * (`classMap` adds to what is there) and runs of white space.
 */
function view(el: Element): string {
  const copy = document.createElement('div');
  copy.append(...[...(el.shadowRoot?.childNodes ?? [])].map((node) => node.cloneNode(true)));
  for (const e of copy.querySelectorAll('[class]'))
    e.setAttribute('class', [...e.classList].sort().join(' '));
  return copy.innerHTML
    .replace(/<!--[^]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Waits for `el` to render as `fresh` (both may still be loading), then says whether it does. */
async function sameAs(el: Kabar, fresh: Kabar): Promise<void> {
  await el.updateComplete;
  await until(() => view(el) === view(fresh)).catch(() => undefined);
  expect(view(el), 'rendered as an element without the attribute').to.equal(view(fresh));
  expect(view(el), 'an empty shadow root').not.to.equal('');
}

describe('hardening: removed attributes and unset properties give the defaults', () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);

  beforeEach(() => {
    errors.length = 0;
    localStorage.clear();
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const box of boxes.splice(0)) box.remove();
  });

  it('finds all six elements and their attributes in the manifest', () => {
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal([
      'kabar-article-card',
      'kabar-comments',
      'kabar-feed',
      'kabar-news-list',
      'kabar-poll',
      'kabar-share-bar',
    ]);
    expect(elements.every((e) => (e.attributes ?? []).length > 0)).to.equal(true);
  });

  it('keeps null where it means something: properties without an attribute', async () => {
    const poll = mount('kabar-poll', {});
    const card = mount('kabar-article-card', {});
    // `storage = null` keeps votes in memory only; it must not turn into the default storage.
    poll.storage = null;
    card.strings = null;
    expect(poll.storage).to.equal(null);
    expect(card.strings).to.equal(null);
    await Promise.all([poll.updateComplete, card.updateComplete]);
    expect(view(card)).not.to.equal('');
  });

  for (const { tagName, attributes = [] } of elements) {
    for (const attribute of attributes) {
      const { name, fieldName } = attribute;
      const base = { ...BASE[tagName] };
      // With `load` itself under test, the comments load their own content, never a provider.
      if (tagName === 'kabar-comments' && name === 'load') delete base.load;
      const value = sample(tagName, attribute);

      it(`<${tagName}> ${name}: removing it, or setting ${fieldName} to null or undefined, gives the default`, async () => {
        const fresh = mount(tagName, base);
        await fresh.updateComplete;
        const el = mount(tagName, { ...base, [name]: value });
        await el.updateComplete;
        await settle();

        el.removeAttribute(name);
        expect(el[fieldName], `${fieldName} after removing ${name}`).to.equal(fresh[fieldName]);
        await sameAs(el, fresh);

        for (const unset of [null, undefined]) {
          el.setAttribute(name, value);
          await el.updateComplete;
          await settle();
          el[fieldName] = unset;
          expect(el[fieldName], `${fieldName} set to ${String(unset)}`).to.equal(fresh[fieldName]);
          await sameAs(el, fresh);
        }
        await settle();
        expect(errors.map(String), 'uncaught errors').to.deep.equal([]);
      });
    }
  }
});
