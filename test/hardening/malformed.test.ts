import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/news-list/kabar-news-list.js';
import type { KabarNewsListElement } from '../../src/components/news-list/news-list-element.js';
import { KabarError } from '../../src/data/errors.js';
import { parseFeed } from '../../src/data/parse.js';
import { NEWS_LIST_LAYOUTS } from '../../src/types.js';
import { fixtureText, until } from '../helpers.js';

/** mulberry32: a tiny seeded generator, so every failure can be reproduced from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '</item>',
  '<item>',
  '&#',
  '&nbsp',
  '{',
  '}',
  '[',
  ',',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '</',
  '<!--',
];

/** One mutation of `text`, chosen by `next`. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const len = Math.floor(next() * 40);
  switch (Math.floor(next() * 5)) {
    case 0:
      return text.slice(0, at); // cut off in transfer
    case 1:
      return text.slice(0, at) + text.slice(at + len); // a piece lost
    case 2:
      return text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at); // noise inserted
    case 3:
      return text.slice(0, at) + text.slice(at, at + len).repeat(3) + text.slice(at + len); // a piece repeated
    default:
      return (
        text.slice(0, at) +
        text.slice(at + len, at + 2 * len) +
        text.slice(at, at + len) +
        text.slice(at + 2 * len)
      ); // swapped
  }
}

const MUTATIONS_PER_FIXTURE = 80;

describe('hardening: malformed feeds', () => {
  let names: string[] = [];
  before(async () => {
    names = ((await (await fetch('/__kabar/fixtures')).json()) as string[]).filter((n) =>
      /\.(xml|json|atom|rss)$/.test(n),
    );
  });

  it('finds the fixtures to mutate', () => {
    expect(names.length).to.be.greaterThan(4);
  });

  it('gives a feed or a KabarError for every truncation and mutation of every fixture (seeded)', async () => {
    const failures: string[] = [];
    for (const [index, name] of names.entries()) {
      const original = await fixtureText(name);
      const next = random(1000 + index);
      for (let i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
        // Mutations stack: later ones are further from anything valid.
        const text =
          i % 10 === 0
            ? original.slice(0, Math.floor((original.length * i) / MUTATIONS_PER_FIXTURE))
            : mutate(i % 3 ? original : mutate(original, next), next);
        try {
          const feed = parseFeed(text, { url: 'https://example.go.id/feed' });
          expect(feed.items).to.be.an('array');
          for (const item of feed.items) {
            expect(item.title).to.be.a('string');
            expect(item.id).to.be.a('string');
          }
        } catch (error) {
          if (!(error instanceof KabarError)) failures.push(`${name} mutation ${i}: ${String(error)}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('shows a list or a clean error state for mutated feeds, with no uncaught error', async () => {
    const uncaught: string[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const original = await fixtureText('rss2-wordpress.xml');
      const next = random(42);
      for (let i = 0; i < 12; i++) {
        const text = mutate(original, next);
        const loader = () => Promise.resolve().then(() => parseFeed(text));
        const el = await fixture<KabarNewsListElement>(
          html`<kabar-news-list
            src="/f"
            layout=${NEWS_LIST_LAYOUTS[i % 3]!}
            .loader=${loader}
          ></kabar-news-list>`,
        );
        await until(() => el.shadowRoot!.querySelector('[aria-busy="false"]') !== null);
        const root = el.shadowRoot!;
        expect(root.querySelector('li, [role="alert"], .empty'), `mutation ${i}`).not.to.equal(null);
      }
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(uncaught).to.deep.equal([]);
  });
});
