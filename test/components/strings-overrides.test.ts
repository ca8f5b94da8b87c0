/**
 * `strings` set from plain JavaScript with only some keys of a group: those keys replace the
 * built-in ones and every other string stays.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/poll/kabar-poll.js';
import '../../src/components/share-bar/kabar-share-bar.js';
import type { KabarPollElement } from '../../src/components/poll/poll-element.js';
import type { KabarShareBarElement } from '../../src/components/share-bar/share-bar-element.js';
import { withOverrides } from '../../src/i18n/overrides.js';
import { poll as pollStrings } from '../../src/i18n/locales/id.js';
import { memoryStorage, until } from '../helpers.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** Captures console.warn while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('strings overrides', () => {
  beforeEach(() => fetch('/__poll/reset', { cache: 'no-store' }));

  it('replaces one poll string and keeps the rest of the group', async () => {
    const el = await fixture<KabarPollElement>(
      html`<kabar-poll lang="id" .storage=${memoryStorage()}></kabar-poll>`,
    );
    // As a page script would: a plain object naming one key of one group (typed as a deep partial).
    el.strings = { poll: { submit: 'Kirim' } };
    el.src = '/api/polls/layanan';
    await until(() => $(el, 'button[type="submit"]') !== null, 5000);
    expect(text(el, 'button[type="submit"]')).to.equal('Kirim');
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal(pollStrings.label);
    expect(el.shadowRoot!.querySelectorAll('input[type="radio"]')).to.have.length(3);
  });

  it('replaces one share bar string and keeps the rest', async () => {
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar lang="id" networks="email copy" native="never"></kabar-share-bar>`,
    );
    (el as unknown as { strings: unknown }).strings = { shareBar: { copy: 'Salin' } };
    await el.updateComplete;
    const words = [...el.shadowRoot!.querySelectorAll('.control span')].map((s) => s.textContent);
    expect(words).to.deep.equal(['Surel', 'Salin']);
    expect(text(el, '.label')).to.equal('Bagikan');
  });

  it('keeps a built-in string where the replacement has the wrong shape, with a warning', async () => {
    let el!: KabarShareBarElement;
    const seen = await warnings(async () => {
      el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar lang="id" networks="facebook" native="never"></kabar-share-bar>`,
      );
      (el as unknown as { strings: unknown }).strings = { shareBar: { on: 'Bagikan', label: 42 } };
      await el.updateComplete;
    });
    expect($(el, '.control')!.getAttribute('aria-label')).to.equal('Bagikan ke Facebook');
    expect(text(el, '.label')).to.equal('Bagikan');
    expect(seen.some((w) => w.includes('strings.shareBar.on should be a function'))).to.equal(true);
    expect(seen.some((w) => w.includes('strings.shareBar.label should be a string'))).to.equal(true);
  });

  it('shows the whole poll when a group is replaced by a word, with a warning', async () => {
    let el!: KabarPollElement;
    const seen = await warnings(async () => {
      el = await fixture<KabarPollElement>(
        html`<kabar-poll lang="id" .storage=${memoryStorage()}></kabar-poll>`,
      );
      (el as unknown as { strings: unknown }).strings = { poll: 'Kirim', retry: 'Ulangi' };
      el.src = '/api/polls/layanan';
      await until(() => $(el, 'button[type="submit"]') !== null, 5000);
    });
    expect(text(el, 'button[type="submit"]')).to.equal(pollStrings.submit);
    expect($(el, 'section')!.getAttribute('aria-label')).to.equal(pollStrings.label);
    expect(seen.filter((w) => w.includes('strings.poll should be an object of strings'))).to.have.length(1);
  });

  it('ignores strings that are not an object, with one warning', async () => {
    let el!: KabarShareBarElement;
    const seen = await warnings(async () => {
      el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar lang="id" networks="copy" native="never"></kabar-share-bar>`,
      );
      (el as unknown as { strings: unknown }).strings = 'Salin';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(text(el, '.label')).to.equal('Bagikan');
    expect(seen.filter((w) => w.startsWith('Kabar: strings should be an object'))).to.have.length(1);
  });

  it('merges at every depth and changes neither object', () => {
    const base = { retry: 'Coba lagi', error: { http: (s: number) => `HTTP ${s}`, network: () => 'x' } };
    const overrides = {
      retry: 'Ulangi',
      error: { network: () => 'Tidak ada jaringan' },
      poll: { submit: 'Kirim' },
    };
    const merged = withOverrides(base, overrides);
    expect(merged.retry).to.equal('Ulangi');
    expect(merged.error.http(404)).to.equal('HTTP 404');
    expect(merged.error.network()).to.equal('Tidak ada jaringan');
    // A group this element does not use is left out.
    expect(Object.keys(merged)).to.deep.equal(['retry', 'error']);
    expect(base.retry).to.equal('Coba lagi');
    expect(withOverrides(base, null)).to.equal(base);
    expect(withOverrides(base, 'Kirim')).to.equal(base);
  });
});
