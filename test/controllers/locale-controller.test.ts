import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/components/article-card/kabar-article-card.js';
import '../../src/components/share-bar/kabar-share-bar.js';
import { until } from '../helpers.js';

/**
 * Mounts `tag` inside `<div lang=…>` and reads `part` of its shadow root after every change,
 * from the first render on, until it reads `last`: each distinct text a reader could have seen.
 */
async function paints(
  lang: string,
  tag: string,
  attributes: Record<string, string>,
  part: string,
  last: string,
) {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  const root = el.shadowRoot!;
  const read = () => root.querySelector(`[part="${part}"]`)?.textContent?.trim();
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const text = read();
    if (text && seen.at(-1) !== text) seen.push(text);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  await until(() => read() === last);
  observer.disconnect();
  return seen;
}

// Each test is the first in this page to need its language, so its strings are still to load.
describe('LocaleController: languages loaded on demand', () => {
  afterEach(() => fixtureCleanup());

  it('paints a Sundanese share bar in Sundanese from its first render, never Indonesian first', async () => {
    const seen = await paints('su', 'kabar-share-bar', { url: 'https://a.go.id/' }, 'label', 'Bagikeun');
    expect(seen).to.deep.equal(['Bagikeun']);
  });

  it('paints a Javanese share bar in Javanese from its first render, never Indonesian first', async () => {
    const seen = await paints('jv', 'kabar-share-bar', { url: 'https://a.go.id/' }, 'label', 'Bagekaken');
    expect(seen).to.deep.equal(['Bagekaken']);
  });

  it('paints an English article card in English from its first render, never Indonesian first', async () => {
    const seen = await paints('en', 'kabar-article-card', { heading: 'x', author: 'Ani' }, 'meta', 'by Ani');
    expect(seen).to.deep.equal(['by Ani']);
  });
});
