/**
 * `registerTranslation`: a language a page adds for every widget, laid over the shipped language
 * its tag falls back to. Registrations last for the page, so each test uses its own tag.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/article-card/kabar-article-card.js';
import '../../src/components/share-bar/kabar-share-bar.js';
import type { KabarShareBarElement } from '../../src/components/share-bar/share-bar-element.js';
import { registerTranslation } from '../../src/i18n/translations.js';
import { until } from '../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const label = (el: Element) => shadow(el).querySelector('[part="label"]')?.textContent;
const copy = (el: Element) => shadow(el).querySelector('[part~="copy"]')?.textContent?.trim();
const telegram = (el: Element) => shadow(el).querySelector('[part~="telegram"]')?.getAttribute('aria-label');

async function shareBar(lang: string): Promise<KabarShareBarElement> {
  const wrapper = await fixture(
    html`<div lang=${lang}><kabar-share-bar url="https://a.go.id/" native="never"></kabar-share-bar></div>`,
  );
  const el = wrapper.querySelector('kabar-share-bar')!;
  await el.updateComplete;
  return el;
}

/** Captures console.warn while `run` runs. */
async function warnings(run: () => Promise<void> | void): Promise<string[]> {
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

describe('registerTranslation', () => {
  it('adds a language, with Indonesian for every word it leaves out', async () => {
    // Madurese.
    registerTranslation('mad', {
      shareBar: { label: 'Bagiyagi', on: (network) => `Bagiyagi ka ${network}` },
    });
    const el = await shareBar('mad');
    expect(label(el)).to.equal('Bagiyagi');
    expect(telegram(el)).to.equal('Bagiyagi ka Telegram');
    expect(copy(el)).to.equal('Salin tautan');
    await expect(el).to.be.accessible();
  });

  it('is found from a longer tag on the element or an ancestor', async () => {
    registerTranslation('bjn', { shareBar: { label: 'Bagi' } });
    expect(label(await shareBar('bjn-ID'))).to.equal('Bagi');
    const el = await fixture(html`<kabar-share-bar lang="BJN" url="https://a.go.id/"></kabar-share-bar>`);
    await (el as KabarShareBarElement).updateComplete;
    expect(label(el)).to.equal('Bagi');
  });

  it('follows the page’s <html lang>', async () => {
    registerTranslation('min', { shareBar: { label: 'Bagikan ka urang' } });
    const before = document.documentElement.lang;
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar url="https://a.go.id/"></kabar-share-bar>`,
    );
    try {
      document.documentElement.lang = 'min-ID';
      await until(() => label(el) === 'Bagikan ka urang');
    } finally {
      document.documentElement.lang = before;
    }
    await until(() => label(el) === 'Bagikan');
  });

  it('writes dates in a language ICU does not know as Indonesian', async () => {
    registerTranslation('bug', { article: { by: (name) => `ri ${name}` } });
    const el = await fixture(
      html`<kabar-article-card
        lang="bug"
        heading="x"
        author="Ani"
        date="2026-05-23T08:15:00Z"
      ></kabar-article-card>`,
    );
    const meta = shadow(el).querySelector('[part="meta"]')!;
    expect(meta.textContent).to.contain('ri Ani');
    expect(meta.querySelector('time')!.textContent).to.equal('23 Mei 2026');
  });

  it('renders widgets on screen again when a language is registered, and again when it changes', async () => {
    const el = await shareBar('ban');
    expect(label(el)).to.equal('Bagikan');
    registerTranslation('ban', { shareBar: { label: 'Bagiang' } });
    await until(() => label(el) === 'Bagiang');
    registerTranslation('ban', { shareBar: { copy: 'Salin tautan puniki' } });
    await until(() => copy(el) === 'Salin tautan puniki');
    // Registering again replaces the earlier strings.
    expect(label(el)).to.equal('Bagikan');
  });

  it('stops listening once the widget leaves the page', async () => {
    const el = await shareBar('sas');
    el.remove();
    await el.updateComplete;
    registerTranslation('sas', { shareBar: { label: 'Bagi' } });
    expect(el.isUpdatePending).to.equal(false);
  });

  it('lays a tag of a shipped language over that language', async () => {
    registerTranslation('en-AU', { shareBar: { label: 'Pass it on' } });
    const el = await shareBar('en-AU');
    await until(() => label(el) === 'Pass it on');
    expect(copy(el)).to.equal('Copy link');
  });

  it('changes words of a shipped language on the page, under an element’s own strings', async () => {
    registerTranslation('jv', { shareBar: { label: 'Bagekna', copy: 'Tiru pranala' } });
    const el = await shareBar('jv');
    await until(() => label(el) === 'Bagekna');
    expect(telegram(el)).to.equal('Bagekaken dhateng Telegram');
    el.strings = { shareBar: { copy: 'Salin' } };
    await el.updateComplete;
    expect(copy(el)).to.equal('Salin');
    expect(label(el)).to.equal('Bagekna');
  });

  it('refuses what is not a language tag or not strings, with a warning, and keeps rendering', async () => {
    const seen = await warnings(async () => {
      registerTranslation('not a tag!', { shareBar: { label: 'x' } });
      registerTranslation(undefined as unknown as string, { shareBar: { label: 'x' } });
      registerTranslation('gor', 'Bagi' as never);
      registerTranslation('mak', { shareBar: { label: 42, on: 'Bagi' } } as never);
      const el = await shareBar('mak');
      expect(label(el)).to.equal('Bagikan');
      expect(telegram(el)).to.equal('Bagikan ke Telegram');
    });
    expect(seen.filter((w) => w.includes('needs a language tag'))).to.have.length(2);
    expect(seen.some((w) => w.includes('registerTranslation("gor") needs an object of strings'))).to.equal(
      true,
    );
    expect(
      seen.some((w) => w.includes('registerTranslation("mak").shareBar.label should be a string')),
    ).to.equal(true);
    expect(
      seen.some((w) => w.includes('registerTranslation("mak").shareBar.on should be a function')),
    ).to.equal(true);
    expect(label(await shareBar('gor'))).to.equal('Bagikan');
  });
});
