import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/share-bar/kabar-share-bar.js';
import type { KabarShareBarElement } from '../../src/components/share-bar/share-bar-element.js';
import type { KabarErrorEvent } from '../../src/events/kabar-error.js';
import type { KabarShareEvent } from '../../src/events/kabar-share.js';
import { SHARE_BAR_LAYOUTS, SHARE_NETWORKS } from '../../src/types.js';
import { until } from '../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const control = (el: Element, network: string) =>
  shadow(el).querySelector<HTMLElement>(`[part~="${network}"]`)!;
const hrefOf = (el: Element, network: string) => control(el, network).getAttribute('href');
const parts = (el: Element) =>
  [...shadow(el).querySelectorAll('[part~="control"]')].map((c) => c.getAttribute('part')!.split(' ')[1]);
const status = (el: Element) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();

/** Replaces a navigator member for one test; returns the undo. */
function stubNavigator(name: 'share' | 'clipboard', value: unknown): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)[name];
}

function captureWarnings() {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  return { warnings, restore: () => (console.warn = warn) };
}

/** Keeps a real link click from opening a tab, after the element has seen it. */
function stopNavigation(e: Event) {
  e.preventDefault();
}

// A URL and a text with spaces, &, #, ?, emoji, curly quotes and Indonesian words.
const URL_IN = 'https://example.go.id/berita/banjir bandang-🌧?id=7&hal=2#komentar';
const URL_OUT = 'https://example.go.id/berita/banjir%20bandang-%F0%9F%8C%A7?id=7&hal=2#komentar';
const TEXT = 'Banjir & longsor di Garut? Warga siaga #SiagaBencana 🙏 — “Tetap waspada”';
// Written out by hand (encodeURIComponent rules), not computed by the code under test.
const U =
  'https%3A%2F%2Fexample.go.id%2Fberita%2Fbanjir%2520bandang-%25F0%259F%258C%25A7%3Fid%3D7%26hal%3D2%23komentar';
const T =
  'Banjir%20%26%20longsor%20di%20Garut%3F%20Warga%20siaga%20%23SiagaBencana%20%F0%9F%99%8F%20%E2%80%94%20%E2%80%9CTetap%20waspada%E2%80%9D';
const EXPECTED: Record<string, string> = {
  whatsapp: `https://wa.me/?text=${T}%20${U}`,
  facebook: `https://www.facebook.com/sharer/sharer.php?u=${U}`,
  x: `https://x.com/intent/post?text=${T}&url=${U}`,
  telegram: `https://t.me/share/url?url=${U}&text=${T}`,
  line: `https://social-plugins.line.me/lineit/share?url=${U}&text=${T}`,
  linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${U}`,
  email: `mailto:?subject=${T}&body=${T}%0D%0A%0D%0A${U}`,
};

describe('<kabar-share-bar>', () => {
  let undo: (() => void)[] = [];
  afterEach(() => {
    undo.forEach((u) => u());
    undo = [];
    document.querySelectorAll('link[rel="canonical"]').forEach((l) => l.remove());
  });
  const noNativeShare = () => undo.push(stubNavigator('share', undefined));

  it('is defined with its documented defaults', async () => {
    noNativeShare();
    const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
    expect(el).to.be.instanceOf(customElements.get('kabar-share-bar')!);
    expect(el.layout).to.equal('row');
    expect(el.native).to.equal('auto');
    expect(el.networks).to.equal('whatsapp facebook x telegram line linkedin email copy');
    expect(parts(el)).to.deep.equal([...SHARE_NETWORKS]);
    expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Bagikan');
    expect(shadow(el).querySelector('[part="bar"]')!.getAttribute('aria-labelledby')).to.equal('label');
    for (const a of shadow(el).querySelectorAll('a')) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    await expect(el).to.be.accessible();
  });

  it('links every network to its share page, every parameter encoded', async () => {
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar url=${URL_IN} text=${TEXT}></kabar-share-bar>`,
    );
    expect(el.shareUrl).to.equal(URL_OUT);
    for (const [network, href] of Object.entries(EXPECTED))
      expect(hrefOf(el, network), network).to.equal(href);
    expect(control(el, 'copy').localName).to.equal('button');
  });

  it('syncs attributes to properties and re-renders the links', async () => {
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar url="https://a.go.id/1" text="Satu" layout="column"></kabar-share-bar>`,
    );
    expect(el.url).to.equal('https://a.go.id/1');
    expect(el.layout).to.equal('column');
    el.url = 'https://a.go.id/2';
    el.text = 'Dua';
    await el.updateComplete;
    expect(hrefOf(el, 'x')).to.equal('https://x.com/intent/post?text=Dua&url=https%3A%2F%2Fa.go.id%2F2');
    el.setAttribute('networks', 'email  whatsapp');
    await el.updateComplete;
    expect(parts(el).filter((p) => p !== 'native')).to.deep.equal(['email', 'whatsapp']);
  });

  describe('what is shared by default', () => {
    it('shares the canonical link when the page has one', async () => {
      const link = Object.assign(document.createElement('link'), {
        rel: 'canonical',
        href: '/berita/42?p=1',
      });
      document.head.append(link);
      const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
      expect(el.shareUrl).to.equal(new URL('/berita/42?p=1', location.href).href);
      expect(hrefOf(el, 'facebook')).to.contain(encodeURIComponent(el.shareUrl));
    });

    it('otherwise shares the page address without its #fragment, and the page title', async () => {
      const before = location.href;
      history.replaceState(null, '', '#bagian-2');
      try {
        const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
        expect(el.shareUrl).to.equal(before.split('#')[0]);
        expect(el.shareUrl).not.to.contain('#');
        expect(hrefOf(el, 'x')).to.equal(
          `https://x.com/intent/post?text=${encodeURIComponent(document.title)}&url=${encodeURIComponent(el.shareUrl)}`,
        );
      } finally {
        history.replaceState(null, '', before);
      }
    });

    it('falls back to the page address, with one warning, for a url that is not http(s)', async () => {
      const { warnings, restore } = captureWarnings();
      try {
        const el = await fixture<KabarShareBarElement>(
          html`<kabar-share-bar url="javascript:alert(1)"></kabar-share-bar>`,
        );
        expect(el.shareUrl).to.equal(location.href.split('#')[0]);
        expect(shadow(el).innerHTML).not.to.contain('javascript');
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('url="javascript:alert(1)"');
      } finally {
        restore();
      }
    });
  });

  it('adds the UTM parameters that are set, keeping the query and fragment', async () => {
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar
        url="https://a.go.id/berita?id=7#atas"
        utm-source="kabar"
        utm-campaign="hut jabar"
      ></kabar-share-bar>`,
    );
    expect(el.shareUrl).to.equal('https://a.go.id/berita?id=7&utm_source=kabar&utm_campaign=hut+jabar#atas');
    expect(hrefOf(el, 'linkedin')).to.equal(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(el.shareUrl)}`,
    );
    el.utmMedium = 'social';
    await el.updateComplete;
    expect(el.shareUrl).to.contain('utm_medium=social');
  });

  describe('layouts', () => {
    for (const layout of SHARE_BAR_LAYOUTS) {
      it(`renders the ${layout} layout accessibly, every control named in the reader language`, async () => {
        noNativeShare();
        const el = await fixture<KabarShareBarElement>(
          html`<kabar-share-bar layout=${layout} url="https://a.go.id/" native="always"></kabar-share-bar>`,
        );
        expect(shadow(el).querySelector('[part="bar"]')!.classList.contains(layout)).to.be.true;
        const wa = control(el, 'whatsapp');
        expect(wa.getAttribute('aria-label')).to.equal('Bagikan ke WhatsApp');
        expect(control(el, 'email').getAttribute('aria-label')).to.equal('Kirim lewat surel');
        expect(control(el, 'native').getAttribute('aria-label')).to.equal('Bagikan lewat aplikasi lain');
        if (layout === 'icons') {
          expect(wa.textContent!.trim()).to.equal('');
          expect(wa.getAttribute('title')).to.equal('Bagikan ke WhatsApp');
          expect(control(el, 'copy').getAttribute('aria-label')).to.equal('Salin tautan');
        } else {
          expect(wa.textContent!.trim()).to.equal('WhatsApp');
          expect(control(el, 'copy').textContent!.trim()).to.equal('Salin tautan');
        }
        await expect(el).to.be.accessible();
      });
    }

    it('wraps on a narrow screen and shows a focus ring', async () => {
      const el = await fixture<KabarShareBarElement>(
        html`<div style="width: 320px"><kabar-share-bar url="https://a.go.id/"></kabar-share-bar></div>`,
      );
      const bar = el.querySelector('kabar-share-bar')!;
      // The fixture waited for the wrapper only: a widget's first render is a task of its own.
      await bar.updateComplete;
      const tops = new Set(
        [...shadow(bar).querySelectorAll('li')].map((li) => li.getBoundingClientRect().top),
      );
      expect(tops.size).to.be.greaterThan(1);
      expect(bar.getBoundingClientRect().width).to.be.at.most(320);
      const wa = control(bar, 'whatsapp');
      wa.focus();
      // :focus-visible follows keyboard focus; a scripted focus counts as such in Chromium.
      expect(getComputedStyle(wa).outlineStyle).to.equal('solid');
    });

    it('hides the visible label when label is empty, keeping the group name', async () => {
      const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar label=""></kabar-share-bar>`);
      expect(shadow(el).querySelector('[part="label"]')).to.equal(null);
      expect(shadow(el).querySelector('[part="bar"]')!.getAttribute('aria-label')).to.equal('Bagikan');
      el.label = 'Sebarkan berita ini';
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Sebarkan berita ini');
    });
  });

  describe('the kabar-share event', () => {
    it('fires on a link click with the network and url, and lets the link open', async () => {
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1" utm-source="wa"></kabar-share-bar>`,
      );
      document.addEventListener('click', stopNavigation);
      try {
        setTimeout(() => control(el, 'whatsapp').click());
        const event = (await oneEvent(el, 'kabar-share')) as KabarShareEvent;
        expect(event.detail).to.deep.equal({ network: 'whatsapp', url: 'https://a.go.id/1?utm_source=wa' });
        expect(event.bubbles && event.composed && event.cancelable).to.be.true;
      } finally {
        document.removeEventListener('click', stopNavigation);
      }
    });

    it('keeps the link from opening when the page cancels it', async () => {
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      el.addEventListener('kabar-share', (e) => e.preventDefault());
      let prevented: boolean | undefined;
      const seen = (e: Event) => (prevented = e.defaultPrevented);
      document.addEventListener('click', seen);
      try {
        control(el, 'telegram').click();
        expect(prevented).to.be.true;
      } finally {
        document.removeEventListener('click', seen);
      }
    });

    it('does not copy when the page cancels it', async () => {
      const writes: string[] = [];
      undo.push(stubNavigator('clipboard', { writeText: async (t: string) => void writes.push(t) }));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      el.addEventListener('kabar-share', (e) => e.preventDefault());
      control(el, 'copy').click();
      await new Promise((r) => setTimeout(r, 50));
      expect(writes).to.deep.equal([]);
      expect(status(el)).to.equal('');
    });
  });

  describe('copy', () => {
    it('copies with the Clipboard API and announces it', async () => {
      const writes: string[] = [];
      undo.push(stubNavigator('clipboard', { writeText: async (t: string) => void writes.push(t) }));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1" utm-medium="copy"></kabar-share-bar>`,
      );
      setTimeout(() => control(el, 'copy').click());
      const event = (await oneEvent(el, 'kabar-share')) as KabarShareEvent;
      expect(event.detail.network).to.equal('copy');
      await until(() => status(el) === 'Tautan disalin');
      expect(writes).to.deep.equal(['https://a.go.id/1?utm_medium=copy']);
      expect(shadow(el).querySelector('[part="field"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('falls back to selecting a hidden field and execCommand without the Clipboard API', async () => {
      undo.push(stubNavigator('clipboard', undefined));
      const copied: string[] = [];
      const exec = document.execCommand;
      document.execCommand = (command: string) => {
        const field = (document.activeElement?.shadowRoot?.activeElement ??
          null) as HTMLTextAreaElement | null;
        copied.push(
          `${command}:${field?.readOnly}:${field?.value.slice(field.selectionStart, field.selectionEnd)}`,
        );
        return true;
      };
      undo.push(() => (document.execCommand = exec));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      control(el, 'copy').focus();
      control(el, 'copy').click();
      await until(() => status(el) === 'Tautan disalin');
      expect(copied).to.deep.equal(['copy:true:https://a.go.id/1']);
      expect(shadow(el).querySelector('textarea')).to.equal(null);
      expect(shadow(el).activeElement).to.equal(control(el, 'copy'));
    });

    it('shows the link selected in a field, says so and fires kabar-error when nothing can copy', async () => {
      undo.push(
        stubNavigator('clipboard', {
          writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
        }),
      );
      const exec = document.execCommand;
      document.execCommand = () => false;
      undo.push(() => (document.execCommand = exec));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      setTimeout(() => control(el, 'copy').click());
      const { detail } = (await oneEvent(el, 'kabar-error')) as KabarErrorEvent;
      expect(detail.error.kind).to.equal('share');
      expect(detail.error.url).to.equal('https://a.go.id/1');
      await el.updateComplete;
      const field = shadow(el).querySelector<HTMLInputElement>('[part="field"]')!;
      expect(field.value).to.equal('https://a.go.id/1');
      expect(field.readOnly).to.be.true;
      expect(shadow(el).activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(status(el)).to.equal('Tautan tidak dapat disalin otomatis. Salin dari kotak ini:');
      await expect(el).to.be.accessible();
    });
  });

  describe('native share', () => {
    it('offers the share sheet where the browser has one, and passes url and text', async () => {
      const calls: ShareData[] = [];
      undo.push(stubNavigator('share', async (data: ShareData) => void calls.push(data)));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1" text=${'Berita & kabar'}></kabar-share-bar>`,
      );
      expect(parts(el)[0]).to.equal('native');
      setTimeout(() => control(el, 'native').click());
      const event = (await oneEvent(el, 'kabar-share')) as KabarShareEvent;
      expect(event.detail).to.deep.equal({ network: 'native', url: 'https://a.go.id/1' });
      await until(() => calls.length === 1);
      expect(calls[0]).to.deep.equal({
        title: 'Berita & kabar',
        text: 'Berita & kabar',
        url: 'https://a.go.id/1',
      });
    });

    it('has no share button where the browser has none, or with native="never"', async () => {
      noNativeShare();
      const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
      expect(parts(el)).not.to.include('native');
      undo.push(stubNavigator('share', async () => {}));
      el.native = 'never';
      await el.updateComplete;
      expect(parts(el)).not.to.include('native');
    });

    it('treats a cancelled sheet as no error', async () => {
      undo.push(
        stubNavigator('share', () => Promise.reject(new DOMException('Share canceled', 'AbortError'))),
      );
      const errors: Event[] = [];
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      el.addEventListener('kabar-error', (e) => errors.push(e));
      control(el, 'native').click();
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.have.length(0);
      expect(status(el)).to.equal('');
    });

    it('reports a refused sheet and copies the link instead', async () => {
      undo.push(stubNavigator('share', () => Promise.reject(new DOMException('no', 'NotAllowedError'))));
      const writes: string[] = [];
      undo.push(stubNavigator('clipboard', { writeText: async (t: string) => void writes.push(t) }));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/1"></kabar-share-bar>`,
      );
      setTimeout(() => control(el, 'native').click());
      const { detail } = (await oneEvent(el, 'kabar-error')) as KabarErrorEvent;
      expect(detail.error.kind).to.equal('share');
      await until(() => status(el) === 'Tautan disalin');
      expect(writes).to.deep.equal(['https://a.go.id/1']);
    });

    it('with native="always" and no share sheet, the button copies the link', async () => {
      noNativeShare();
      const writes: string[] = [];
      undo.push(stubNavigator('clipboard', { writeText: async (t: string) => void writes.push(t) }));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar native="always" url="https://a.go.id/1"></kabar-share-bar>`,
      );
      control(el, 'native').click();
      await until(() => status(el) === 'Tautan disalin');
      expect(writes).to.deep.equal(['https://a.go.id/1']);
    });

    it('does not open the sheet when the page cancels kabar-share', async () => {
      const calls: unknown[] = [];
      undo.push(stubNavigator('share', async (d: unknown) => void calls.push(d)));
      const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
      el.addEventListener('kabar-share', (e) => e.preventDefault());
      control(el, 'native').click();
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).to.have.length(0);
    });
  });

  describe('no third-party request', () => {
    /** Resource requests the page makes while `run` runs (and a little after). */
    async function requestsDuring(run: () => Promise<void>): Promise<string[]> {
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.name)));
      observer.observe({ type: 'resource' });
      const before = performance.getEntriesByType('resource').length;
      await run();
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      const after = performance
        .getEntriesByType('resource')
        .slice(before)
        .map((e) => e.name);
      return [...new Set([...seen, ...after])];
    }

    it('the check itself sees a request (so it can fail)', async () => {
      const requests = await requestsDuring(async () => {
        const img = document.createElement('img');
        img.src = `/test/fixtures/empty.xml?probe=${Date.now()}`;
        document.body.append(img);
        await new Promise((r) => img.addEventListener('error', r, { once: true }));
        img.remove();
      });
      expect(requests.some((r) => r.includes('probe='))).to.be.true;
    });

    it('makes none while rendering, in any layout, or on hover and focus', async () => {
      undo.push(stubNavigator('share', async () => {}));
      const requests = await requestsDuring(async () => {
        for (const layout of SHARE_BAR_LAYOUTS) {
          const el = await fixture<KabarShareBarElement>(
            html`<kabar-share-bar layout=${layout} url=${URL_IN} text=${TEXT}></kabar-share-bar>`,
          );
          for (const c of shadow(el).querySelectorAll<HTMLElement>('[part~="control"]')) {
            c.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
            c.dispatchEvent(new MouseEvent('mouseenter'));
            c.focus();
          }
          await el.updateComplete;
        }
      });
      expect(requests).to.deep.equal([]);
    });

    it('has no image, link, script, frame or remote url in its shadow root or styles', async () => {
      undo.push(stubNavigator('share', async () => {}));
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar url="https://a.go.id/"></kabar-share-bar>`,
      );
      const root = shadow(el);
      expect(
        root.querySelectorAll('img, link, script, iframe, object, embed, image, use, style'),
      ).to.have.length(0);
      expect(root.querySelectorAll('svg')).to.have.length(SHARE_NETWORKS.length + 1);
      for (const node of root.querySelectorAll('*')) {
        for (const attr of ['src', 'srcset', 'xlink:href', 'style'])
          expect(node.hasAttribute(attr), attr).to.be.false;
      }
      const css = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
      expect(css).not.to.match(/url\(|@import|@font-face/);
    });
  });

  describe('language', () => {
    const expected = {
      id: ['Bagikan', 'Bagikan ke Telegram', 'Salin tautan', 'Tautan disalin'],
      en: ['Share', 'Share on Telegram', 'Copy link', 'Link copied'],
      su: ['Bagikeun', 'Bagikeun ka Telegram', 'Salin tutumbu', 'Tutumbu tos disalin'],
      jv: ['Bagekaken', 'Bagekaken dhateng Telegram', 'Salin pranala', 'Pranala sampun dipunsalin'],
    };
    for (const [lang, [label, telegram, copy, copied]] of Object.entries(expected)) {
      it(`speaks ${lang} from the nearest lang attribute`, async () => {
        undo.push(stubNavigator('clipboard', { writeText: async () => {} }));
        const wrapper = await fixture(
          html`<div lang=${lang}><kabar-share-bar url="https://a.go.id/"></kabar-share-bar></div>`,
        );
        const el = wrapper.querySelector('kabar-share-bar')!;
        await el.updateComplete;
        expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal(label);
        expect(control(el, 'telegram').getAttribute('aria-label')).to.equal(telegram);
        expect(control(el, 'copy').textContent!.trim()).to.equal(copy);
        control(el, 'copy').click();
        await until(() => status(el) === copied);
        await expect(el).to.be.accessible();
      });
    }

    it('takes string overrides', async () => {
      const el = await fixture<KabarShareBarElement>(
        html`<kabar-share-bar
          .strings=${{ shareBar: { ...(await import('../../src/i18n/locales/id.js')).shareBar, label: 'Sebarkan' } }}
        ></kabar-share-bar>`,
      );
      expect(shadow(el).querySelector('[part="label"]')!.textContent).to.equal('Sebarkan');
    });
  });

  describe('bad attributes', () => {
    for (const [attr, value, check] of [
      ['layout', 'grid', (el: KabarShareBarElement) => shadow(el).querySelector('.bar.row') !== null],
      ['native', 'sometimes', (el: KabarShareBarElement) => !parts(el).includes('native')],
      ['networks', 'whatsapp myspace x', (el: KabarShareBarElement) => parts(el).join(' ') === 'whatsapp x'],
      ['networks', 'friendster', (el: KabarShareBarElement) => parts(el).length === SHARE_NETWORKS.length],
    ] as const) {
      it(`${attr}="${value}" falls back with one warning`, async () => {
        noNativeShare();
        const { warnings, restore } = captureWarnings();
        try {
          const el = await fixture<KabarShareBarElement>(html`<kabar-share-bar></kabar-share-bar>`);
          el.setAttribute(attr, value);
          await el.updateComplete;
          el.requestUpdate();
          await el.updateComplete;
          expect(warnings).to.have.length(1);
          expect(warnings[0]).to.contain(`${attr}="${value}"`);
          expect(check(el)).to.be.true;
        } finally {
          restore();
        }
      });
    }
  });

  it('cleans up after removal: no late status update', async () => {
    undo.push(stubNavigator('clipboard', { writeText: async () => {} }));
    const el = await fixture<KabarShareBarElement>(
      html`<kabar-share-bar url="https://a.go.id/"></kabar-share-bar>`,
    );
    control(el, 'copy').click();
    await until(() => status(el) === 'Tautan disalin');
    el.remove();
    let updates = 0;
    const update = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
      updates++;
      update(...args);
    };
    await new Promise((r) => setTimeout(r, 5200));
    expect(updates).to.equal(0);
  });
});
