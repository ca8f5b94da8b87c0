import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/comments/kabar-comments.js';
import type { KabarCommentsElement } from '../../src/components/comments/comments-element.js';
import { until } from '../helpers.js';

/** Whether the page fetched the module `<kabar-comments>` imports once comments are wanted. */
const embedModuleFetched = () =>
  performance.getEntriesByType('resource').some((entry) => /\/comments\/embed\.(ts|js)\b/.test(entry.name));

// A file of its own: its page has not loaded comments before.
describe('<kabar-comments> code loaded on demand', () => {
  it('fetches its embed code only when comments are wanted', async () => {
    const el = await fixture<KabarCommentsElement>(
      html`<kabar-comments
        provider="disqus"
        load="click"
        identifier="a"
        script-src="/__kabar/embed/on-demand-${Date.now()}?kind=disqus"
      ></kabar-comments>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part="button"]') !== null);
    expect(embedModuleFetched()).to.equal(false);
    const loaded = oneEvent(el, 'kabar-comments-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await loaded;
    expect(embedModuleFetched()).to.equal(true);
  });
});
