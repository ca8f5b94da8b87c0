import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/comments/kabar-comments.js';
import type { KabarCommentsElement } from '../../src/components/comments/comments-element.js';
import { registerCommentsProvider } from '../../src/components/comments/providers/provider.js';
import type { CommentsProvider } from '../../src/components/comments/providers/provider.js';
import { KabarError } from '../../src/data/errors.js';
import { until } from '../helpers.js';

interface EmbedRecord {
  name: string;
  kind: string;
  config?: { url?: string; identifier?: string; title?: string; language?: string };
  data: Record<string, string>;
  crossorigin?: string | null;
}
interface FakeDisqus {
  resets: { reload: boolean; config: { identifier?: string; url?: string } }[];
}
type TestWindow = typeof window & {
  __kabarEmbeds?: EmbedRecord[];
  DISQUS?: FakeDisqus;
  disqus_config?: unknown;
};
const win = window as TestWindow;

const shadow = (el: Element) => el.shadowRoot!;
const button = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part="button"]');
const message = (el: Element) => shadow(el).querySelector('[part="message"]')?.textContent?.trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let counter = 0;
/** A fresh fake script per test, so the server's count belongs to that test alone. */
function embed(kind: 'disqus' | 'giscus', extra = '') {
  const name = `t${Date.now()}-${++counter}`;
  return { name, src: `/__kabar/embed/${name}?kind=${kind}${extra}` };
}
async function requests(name: string): Promise<number> {
  const res = await fetch(`/__kabar/embed/${name}/total`);
  return ((await res.json()) as { count: number }).count;
}
const records = (name: string) => (win.__kabarEmbeds ?? []).filter((r) => r.name === name);

/** Resolves when the consent button (or whatever the provider module brings) is rendered. */
async function consentReady(el: KabarCommentsElement) {
  await until(() => button(el) !== null);
}

/** Waits until the embed has loaded (its attribution shows), whether or not the event was seen. */
async function loaded(el: Element): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('[part~="attribution"]') != null);
}

describe('<kabar-comments>', () => {
  beforeEach(() => {
    delete win.DISQUS;
    delete win.disqus_config;
    delete win.__kabarEmbeds;
  });

  it('is defined with its documented defaults', async () => {
    const el = await fixture<KabarCommentsElement>(html`<kabar-comments load="click"></kabar-comments>`);
    expect(el).to.be.instanceOf(customElements.get('kabar-comments')!);
    const fresh = document.createElement('kabar-comments');
    expect(fresh.provider).to.equal('');
    expect(fresh.load).to.equal('visible');
    expect(fresh.heading).to.equal('');
    expect(fresh.scriptSrc).to.equal('');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Komentar');
  });

  it('syncs attributes to properties', async () => {
    const el = await fixture<KabarCommentsElement>(
      html`<kabar-comments
        load="click"
        heading="Tanggapan"
        script-src="/x.js"
        privacy-url="https://example.org/privasi"
        provider-label="Contoh"
        shortname="kab-contoh"
        identifier="berita-1"
        url="https://example.go.id/berita/1"
        title="Berita satu"
        repo="pemkab/situs"
        repo-id="R_1"
        category="Komentar"
        category-id="DIC_1"
        mapping="specific"
        term="berita-1"
        theme="light"
      ></kabar-comments>`,
    );
    expect(el.heading).to.equal('Tanggapan');
    expect(el.scriptSrc).to.equal('/x.js');
    expect(el.privacyUrl).to.equal('https://example.org/privasi');
    expect(el.providerLabel).to.equal('Contoh');
    expect(el.shortname).to.equal('kab-contoh');
    expect(el.identifier).to.equal('berita-1');
    expect(el.url).to.equal('https://example.go.id/berita/1');
    expect(el.threadTitle).to.equal('Berita satu');
    expect(el.repo).to.equal('pemkab/situs');
    expect(el.repoId).to.equal('R_1');
    expect(el.category).to.equal('Komentar');
    expect(el.categoryId).to.equal('DIC_1');
    expect(el.mapping).to.equal('specific');
    expect(el.term).to.equal('berita-1');
    expect(el.theme).to.equal('light');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Tanggapan');
  });

  it('warns about a bad load value and falls back to visible', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (text: string) => warnings.push(text);
    try {
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments load="sometimes"></kabar-comments>`,
      );
      expect(message(el)).to.equal('Komentar dimuat saat Anda menggulir sampai di sini.');
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('load="sometimes"'))).to.equal(true);
  });

  describe('load="visible"', () => {
    it('makes no request until it nears the viewport, then loads the script once', async () => {
      const { name, src } = embed('disqus');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <div style="height: 4000px"></div>
          <kabar-comments
            provider="disqus"
            shortname="kab-contoh"
            identifier="berita-42"
            url="https://example.go.id/berita/42"
            title="Berita 42"
            script-src=${src}
          ></kabar-comments>
        </div>
      `);
      const el = wrapper.querySelector('kabar-comments')!;
      await sleep(300);
      expect(await requests(name)).to.equal(0);
      expect(el.querySelector('script')).to.equal(null);
      expect(document.getElementById('disqus_thread')).to.equal(null);
      expect(message(el)).to.equal('Komentar dimuat saat Anda menggulir sampai di sini.');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(150);
      await expect(el).to.be.accessible();

      const loaded = oneEvent(el, 'kabar-comments-load');
      el.scrollIntoView();
      const event = await loaded;
      expect(event.detail).to.deep.equal({ provider: 'disqus', reset: false });
      expect(await requests(name)).to.equal(1);
      expect(el.querySelectorAll('script')).to.have.length(1);
      const [record] = records(name);
      expect(record!.config).to.deep.equal({
        url: 'https://example.go.id/berita/42',
        identifier: 'berita-42',
        title: 'Berita 42',
        language: 'id',
      });
      // The thread is in light DOM, a child of the element's container, and unique.
      const thread = document.getElementById('disqus_thread')!;
      expect(el.contains(thread)).to.equal(true);
      expect(thread.textContent).to.equal('Fake Disqus: berita-42');
      expect(document.querySelectorAll('#disqus_thread')).to.have.length(1);
      await el.updateComplete;
      const attribution = shadow(el).querySelector('[part="attribution"] a')!;
      expect(attribution.textContent!.trim()).to.equal('Komentar didukung oleh Disqus');
      expect(attribution.getAttribute('href')).to.equal('https://disqus.com/');
      expect(shadow(el).querySelector('[part="placeholder"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('load="click"', () => {
    it('names the provider, links its privacy policy and loads only after the button', async () => {
      const { name, src } = embed('disqus');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="disqus"
          load="click"
          shortname="kab-contoh"
          identifier="berita-7"
          script-src=${src}
        ></kabar-comments>`,
      );
      await consentReady(el);
      const consent = shadow(el).querySelector('[part="consent"]')!;
      expect(consent.textContent).to.contain('Komentar disediakan oleh Disqus.');
      const privacy = shadow(el).querySelector<HTMLAnchorElement>('[part="privacy"]')!;
      expect(privacy.href).to.equal('https://disqus.com/privacy-policy/');
      expect(privacy.textContent!.trim()).to.equal('Kebijakan privasi Disqus');
      expect(button(el)!.textContent).to.equal('Tampilkan komentar');
      el.scrollIntoView();
      await sleep(300);
      expect(await requests(name)).to.equal(0);
      expect(el.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();

      const loaded = oneEvent(el, 'kabar-comments-load');
      button(el)!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
      expect(message(el)).to.equal('Memuat komentar…');
      await loaded;
      expect(await requests(name)).to.equal(1);
      expect(records(name)[0]!.config!.identifier).to.equal('berita-7');
      // Without a url, the page address is the thread's URL.
      expect(records(name)[0]!.config!.url).to.equal(location.href);
      expect(records(name)[0]!.data.timestamp).to.match(/^\d+$/);
    });

    it('resets the thread when the identifier changes, without a second embed', async () => {
      const { name, src } = embed('disqus');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="disqus"
          load="eager"
          identifier="a"
          script-src=${src}
        ></kabar-comments>`,
      );
      await oneEvent(el, 'kabar-comments-load');
      expect(win.DISQUS!.resets).to.have.length(0);
      const reset = oneEvent(el, 'kabar-comments-load');
      el.identifier = 'b';
      expect((await reset).detail).to.deep.equal({ provider: 'disqus', reset: true });
      expect(win.DISQUS!.resets).to.have.length(1);
      expect(win.DISQUS!.resets[0]!.reload).to.equal(true);
      expect(win.DISQUS!.resets[0]!.config.identifier).to.equal('b');
      expect(document.getElementById('disqus_thread')!.textContent).to.equal('Fake Disqus: b');
      expect(await requests(name)).to.equal(1);
      expect(el.querySelectorAll('script')).to.have.length(1);
    });

    it('lets only one Disqus thread on a page and tells the second element why', async () => {
      const { name, src } = embed('disqus');
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <kabar-comments provider="disqus" load="eager" identifier="a" script-src=${src}></kabar-comments>
          <kabar-comments provider="disqus" load="click" identifier="b" script-src=${src}></kabar-comments>
        </div>
      `);
      const [first, second] = wrapper.querySelectorAll('kabar-comments');
      await loaded(first!);
      await consentReady(second!);
      const warn = console.warn;
      console.warn = () => {};
      try {
        button(second!)!.click();
        // The check runs in the module loaded on demand, after the loading message.
        await until(() => ![undefined, 'Memuat komentar…'].includes(message(second!)));
      } finally {
        console.warn = warn;
      }
      expect(message(second!)).to.equal(
        'Disqus hanya dapat menampilkan satu diskusi per halaman, dan diskusi itu sudah tampil di bagian lain halaman ini.',
      );
      expect(document.querySelectorAll('#disqus_thread')).to.have.length(1);
      expect(first!.contains(document.getElementById('disqus_thread'))).to.equal(true);
      expect(await requests(name)).to.equal(1);
      await expect(second!).to.be.accessible();
    });

    it('reuses a Disqus already on the page with a reset', async () => {
      const { name, src } = embed('disqus');
      const first = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="disqus"
          load="eager"
          identifier="a"
          script-src=${src}
        ></kabar-comments>`,
      );
      await loaded(first);
      first.remove();
      expect(document.getElementById('disqus_thread')).to.equal(null);
      const second = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="disqus"
          load="eager"
          identifier="c"
          script-src=${src}
        ></kabar-comments>`,
      );
      await until(() => win.DISQUS!.resets.length === 1);
      expect(win.DISQUS!.resets[0]!.config.identifier).to.equal('c');
      expect(second.contains(document.getElementById('disqus_thread'))).to.equal(true);
      expect(await requests(name)).to.equal(1);
    });
  });

  describe('giscus', () => {
    it('passes its settings as the script data attributes, in a light-DOM .giscus', async () => {
      const { name, src } = embed('giscus');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="giscus"
          load="click"
          lang="en"
          repo="pemkab/situs"
          repo-id="R_kgDO"
          category="Komentar"
          category-id="DIC_kwDO"
          mapping="specific"
          term="berita-9"
          theme="light"
          script-src=${src}
        ></kabar-comments>`,
      );
      await consentReady(el);
      expect(shadow(el).querySelector('[part="consent"]')!.textContent).to.contain(
        'Comments are provided by giscus.',
      );
      expect(shadow(el).querySelector<HTMLAnchorElement>('[part="privacy"]')!.href).to.equal(
        'https://github.com/giscus/giscus/blob/main/PRIVACY-POLICY.md',
      );
      expect(await requests(name)).to.equal(0);
      const loaded = oneEvent(el, 'kabar-comments-load');
      button(el)!.click();
      await loaded;
      expect(await requests(name)).to.equal(1);
      const [record] = records(name);
      expect(record!.data).to.deep.equal({
        repo: 'pemkab/situs',
        repoId: 'R_kgDO',
        category: 'Komentar',
        categoryId: 'DIC_kwDO',
        mapping: 'specific',
        term: 'berita-9',
        strict: '0',
        reactionsEnabled: '1',
        emitMetadata: '0',
        inputPosition: 'bottom',
        theme: 'light',
        lang: 'en',
      });
      expect(record!.crossorigin).to.equal('anonymous');
      const box = el.querySelector('.giscus')!;
      expect(box.textContent).to.equal('Fake giscus: berita-9');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="attribution"]')!.textContent!.trim()).to.equal(
        'Comments powered by giscus',
      );
      await expect(el).to.be.accessible();
    });

    it('mounts again when a setting changes', async () => {
      const { name, src } = embed('giscus');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments
          provider="giscus"
          load="eager"
          repo="a/b"
          repo-id="R"
          category-id="C"
          mapping="specific"
          term="satu"
          script-src=${src}
        ></kabar-comments>`,
      );
      await loaded(el);
      const again = oneEvent(el, 'kabar-comments-load');
      el.term = 'dua';
      await again;
      expect(records(name).map((r) => r.data.term)).to.deep.equal(['satu', 'dua']);
      expect(el.querySelectorAll('.giscus')).to.have.length(1);
      expect(el.querySelector('.giscus')!.textContent).to.equal('Fake giscus: dua');
      expect(el.querySelectorAll('script')).to.have.length(1);
    });
  });

  describe('failure', () => {
    it('shows a clear message with retry, fires kabar-error, and retries', async () => {
      const failing = embed('disqus', '&fail=1');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments provider="disqus" load="click" script-src=${failing.src}></kabar-comments>`,
      );
      await consentReady(el);
      const failed = oneEvent(el, 'kabar-error');
      button(el)!.click();
      const { detail } = await failed;
      expect(detail.error).to.be.instanceOf(KabarError);
      expect(detail.error.kind).to.equal('network');
      expect(detail.error.url).to.equal(new URL(failing.src, location.href).href);
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(
        'Komentar dari Disqus tidak dapat dimuat. Mungkin diblokir oleh peramban atau jaringan sedang bermasalah.',
      );
      // The failed script and the thread box are gone: no empty box left behind.
      expect(el.querySelector('script')).to.equal(null);
      expect(document.getElementById('disqus_thread')).to.equal(null);
      await expect(el).to.be.accessible();

      const working = embed('disqus');
      el.scriptSrc = working.src;
      const loaded = oneEvent(el, 'kabar-comments-load');
      shadow(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await loaded;
      expect(await requests(failing.name)).to.equal(1);
      expect(await requests(working.name)).to.equal(1);
    });

    it('says the provider is not set up when a Disqus shortname is missing', async () => {
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments provider="disqus" load="click"></kabar-comments>`,
      );
      await consentReady(el);
      const failed = oneEvent(el, 'kabar-error');
      button(el)!.click();
      expect((await failed).detail.error.kind).to.equal('invalid-url');
      await el.updateComplete;
      expect(message(el)).to.equal('Komentar Disqus belum diatur dengan benar di situs ini.');
      expect(shadow(el).querySelector('[part="retry"]')).to.equal(null);
      expect(el.querySelector('script')).to.equal(null);
    });
  });

  describe('the slot', () => {
    it('shows the site content and runs its template embed code only when due', async () => {
      const { name, src } = embed('giscus');
      // A string fixture: the template holds a script, as a site's pasted embed code would.
      const el = await fixture<KabarCommentsElement>(`
        <kabar-comments load="click" provider-label="Contoh Komentar" privacy-url="https://example.org/privasi">
          <template><script src="${src}"></script></template>
          <p class="own">Kirim tanggapan Anda lewat formulir.</p>
        </kabar-comments>
      `);
      const own = el.querySelector('.own')!;
      expect(own.getClientRects()).to.have.length(0);
      expect(shadow(el).querySelector('slot')).to.equal(null);
      expect(shadow(el).querySelector('[part="consent"]')!.textContent).to.contain(
        'Komentar disediakan oleh Contoh Komentar.',
      );
      expect(shadow(el).querySelector<HTMLAnchorElement>('[part="privacy"]')!.href).to.equal(
        'https://example.org/privasi',
      );
      await sleep(200);
      expect(await requests(name)).to.equal(0);

      const loaded = oneEvent(el, 'kabar-comments-load');
      button(el)!.click();
      expect((await loaded).detail).to.deep.equal({ provider: '', reset: false });
      await el.updateComplete;
      expect(own.getClientRects().length).to.be.greaterThan(0);
      await until(() => records(name).length === 1);
      expect(await requests(name)).to.equal(1);
      expect(el.querySelector('.fake-embed')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('names a third-party service when the site does not', async () => {
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments load="click"><p>Formulir</p></kabar-comments>`,
      );
      expect(shadow(el).querySelector('[part="consent"]')!.textContent!.trim()).to.match(
        /^Komentar disediakan oleh layanan pihak ketiga\./,
      );
      expect(shadow(el).querySelector('[part="privacy"]')).to.equal(null);
    });
  });

  describe('a provider of the site’s own', () => {
    it('uses a provider registered after the element appeared', async () => {
      const { name, src } = embed('giscus');
      const warn = console.warn;
      console.warn = () => {};
      let el: KabarCommentsElement;
      try {
        el = await fixture<KabarCommentsElement>(
          html`<kabar-comments provider="contoh" load="click" data-thread="t-1"></kabar-comments>`,
        );
      } finally {
        console.warn = warn;
      }
      expect(button(el)).to.equal(null);
      const provider: CommentsProvider = {
        label: 'Contoh',
        privacyUrl: 'https://example.org/privasi',
        homeUrl: 'https://example.org/',
        async mount({ host, container, loadScript }) {
          const box = document.createElement('div');
          box.id = `contoh-${host.dataset.thread}`;
          container.append(box);
          await loadScript(src);
        },
      };
      registerCommentsProvider('contoh', provider);
      await consentReady(el);
      expect(await requests(name)).to.equal(0);
      const loaded = oneEvent(el, 'kabar-comments-load');
      button(el)!.click();
      await loaded;
      expect(el.querySelector('#contoh-t-1')).to.not.equal(null);
      expect(await requests(name)).to.equal(1);
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="attribution"]')!.textContent!.trim()).to.equal(
        'Komentar didukung oleh Contoh',
      );
    });
  });

  describe('language', () => {
    const expected = {
      id: ['Komentar', 'Tampilkan komentar', 'Kebijakan privasi Disqus', 'Komentar didukung oleh Disqus'],
      en: ['Comments', 'Show comments', 'Disqus privacy policy', 'Comments powered by Disqus'],
      su: ['Koméntar', 'Témbongkeun koméntar', 'Kawijakan privasi Disqus', 'Koméntar dirojong ku Disqus'],
      jv: [
        'Komentar',
        'Tampilaken komentar',
        'Kawicaksanan privasi Disqus',
        'Komentar dipunsengkuyung dening Disqus',
      ],
    };
    for (const [lang, [heading, show, privacy, powered]] of Object.entries(expected)) {
      it(`speaks ${lang}`, async () => {
        const { src } = embed('disqus');
        const wrapper = await fixture<HTMLDivElement>(
          html`<div lang=${lang}>
            <kabar-comments provider="disqus" load="click" script-src=${src}></kabar-comments>
          </div>`,
        );
        const el = wrapper.querySelector('kabar-comments')!;
        await consentReady(el);
        expect(shadow(el).querySelector('h2')!.textContent).to.equal(heading);
        expect(button(el)!.textContent).to.equal(show);
        expect(shadow(el).querySelector('[part="privacy"]')!.textContent!.trim()).to.equal(privacy);
        await expect(el).to.be.accessible();
        const loaded = oneEvent(el, 'kabar-comments-load');
        button(el)!.click();
        await loaded;
        await el.updateComplete;
        expect(shadow(el).querySelector('[part="attribution"]')!.textContent!.trim()).to.equal(powered);
        expect(win.__kabarEmbeds!.at(-1)!.config!.language).to.equal(lang === 'en' ? 'en' : 'id');
      });
    }
  });

  describe('removal', () => {
    it('loads nothing when removed before it was due', async () => {
      const { name, src } = embed('disqus');
      const el = document.createElement('kabar-comments');
      el.provider = 'disqus';
      el.scriptSrc = src;
      document.body.append(el);
      el.remove();
      await sleep(300);
      expect(await requests(name)).to.equal(0);
      expect(el.querySelector('script')).to.equal(null);
    });

    it('drops a script still in flight and takes the embed out', async () => {
      const { name, src } = embed('disqus', '&delay=300');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments provider="disqus" load="eager" script-src=${src}></kabar-comments>`,
      );
      await until(() => el.querySelector('script') !== null);
      let events = 0;
      el.addEventListener('kabar-comments-load', () => events++);
      el.remove();
      expect(el.querySelector('[data-kabar-comments]')).to.equal(null);
      expect(document.getElementById('disqus_thread')).to.equal(null);
      await sleep(600);
      expect(events).to.equal(0);
      expect(await requests(name)).to.equal(1);
    });

    it('disconnects its observer and loads again per its rules when re-added', async () => {
      const { name, src } = embed('disqus');
      const el = await fixture<KabarCommentsElement>(
        html`<kabar-comments provider="disqus" load="eager" script-src=${src}></kabar-comments>`,
      );
      await oneEvent(el, 'kabar-comments-load');
      const parent = el.parentElement!;
      el.remove();
      expect(el.children).to.have.length(0);
      await el.updateComplete;
      expect(message(el)).to.equal('Memuat komentar…');
      parent.append(el);
      await until(() => win.DISQUS!.resets.length === 1);
      expect(await requests(name)).to.equal(1);
      expect(el.contains(document.getElementById('disqus_thread'))).to.equal(true);
    });
  });
});
