import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/article-card/kabar-article-card.js';
import type { KabarArticleCardElement } from '../../src/components/article-card/article-card-element.js';
import { sanitizeHtml, useSanitizerApi } from '../../src/internal/sanitize.js';
import { item, until } from '../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;

async function clean(input: string, base = 'https://kab.example.go.id/berita/1') {
  const div = document.createElement('div');
  div.append(await sanitizeHtml(input, base));
  return div;
}

const hasSanitizerApi = typeof (Document as unknown as { parseHTML?: unknown }).parseHTML === 'function';

// The same rules, by the browser's HTML Sanitizer API (Chromium has it) and by DOMPurify (what a
// browser without it loads).
for (const api of [true, false]) {
  describe(`sanitizeHtml with ${api ? 'the HTML Sanitizer API' : 'DOMPurify'}`, () => {
    before(() => useSanitizerApi(api));
    after(() => useSanitizerApi(true));

    if (api) {
      it('runs in a browser that has the API (Chromium)', () => {
        expect(hasSanitizerApi).to.equal(true);
      });
    }

    it(api ? 'never downloads DOMPurify' : 'downloads DOMPurify', async () => {
      await clean('<p>Halo</p>');
      const loaded = performance.getEntriesByType('resource').some((entry) => /purify/i.test(entry.name));
      expect(loaded).to.equal(!api);
    });

    it('removes scripts, handlers, frames, forms and styles, keeping text', async () => {
      const out = await clean(
        '<p onclick="alert(1)" style="position:fixed">Halo <b>warga</b></p><script>alert(1)</script>' +
          '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="x"><button>Kirim</button></form>' +
          '<style>:host{display:none}</style><svg><script>alert(1)</script></svg>',
      );
      expect(out.querySelector('script, iframe, form, input, button, style, svg')).to.equal(null);
      expect(out.querySelector('p')!.getAttribute('onclick')).to.equal(null);
      expect(out.querySelector('p')!.getAttribute('style')).to.equal(null);
      expect(out.querySelector('b')!.textContent).to.equal('warga');
    });

    it('keeps only http(s) and mailto links, resolving relative ones', async () => {
      const out = await clean(
        '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="/peta">c</a>' +
          '<a href="mailto:humas@kab.example.go.id">d</a><a href="https://x.example/" target="_top">e</a>',
      );
      const hrefs = [...out.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal([
        null,
        null,
        'https://kab.example.go.id/peta',
        'mailto:humas@kab.example.go.id',
        'https://x.example/',
      ]);
      expect(out.querySelectorAll('a')[4]!.getAttribute('target')).to.equal(null);
      expect(out.querySelectorAll('a')[4]!.getAttribute('rel')).to.equal('noopener noreferrer nofollow ugc');
    });

    it('keeps only http(s) images', async () => {
      const out = await clean(
        '<img src="data:image/svg+xml,<svg onload=alert(1)>"><img src="javascript:x"><img src="foto.jpg" onerror="alert(1)">',
      );
      const imgs = [...out.querySelectorAll('img')];
      expect(imgs).to.have.length(1);
      expect(imgs[0]!.getAttribute('src')).to.equal('https://kab.example.go.id/berita/foto.jpg');
      expect(imgs[0]!.getAttribute('onerror')).to.equal(null);
      expect(imgs[0]!.getAttribute('loading')).to.equal('lazy');
    });

    it('unwraps unknown and presentational tags, keeping their text; drops media and code', async () => {
      const out = await clean(
        '<font color="red">Merah</font> <center>Tengah</center> <x-widget>Widget</x-widget> ' +
          '<div class="x" id="y" data-a="1" aria-label="z"><p>Paragraf</p></div>' +
          '<video>Video</video><noscript>NS</noscript><template>TP</template><!-- komentar -->' +
          '<math><mi>m</mi></math><button>Tombol</button>',
      );
      expect(
        out.querySelector('font, center, x-widget, div, video, noscript, template, math, button'),
      ).to.equal(null);
      expect(out.textContent)
        .to.contain('Merah')
        .and.contain('Tengah')
        .and.contain('Widget')
        .and.contain('Paragraf');
      expect(out.textContent).not.to.contain('Video').and.not.to.contain('NS').and.not.to.contain('TP');
      expect(out.textContent).not.to.contain('komentar');
      expect([...out.querySelectorAll('*')].flatMap((el) => el.getAttributeNames())).to.deep.equal([]);
    });
  });
}

describe('<kabar-article-card content>', () => {
  const article = item(1, {
    content:
      '<p>Isi <a href="/lengkap">lengkap</a> berita.</p><img src="javascript:alert(1)"><script>alert(1)</script>',
  });

  it('is off by default and reflects the attribute to the property', async () => {
    const el = await fixture<KabarArticleCardElement>(html`<kabar-article-card></kabar-article-card>`);
    expect(el.content).to.equal(false);
    el.setAttribute('content', '');
    await el.updateComplete;
    expect(el.content).to.equal(true);
  });

  it('shows the excerpt without content', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card .article=${article}></kabar-article-card>`,
    );
    expect(shadow(el).querySelector('[part="excerpt"]')!.textContent).to.equal('Ringkasan berita 1.');
    expect(shadow(el).querySelector('[part="content"]')).to.equal(null);
  });

  it('renders the sanitized HTML once the sanitizer has loaded', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card content .article=${article}></kabar-article-card>`,
    );
    await until(() => shadow(el).querySelector('[part="content"]') !== null);
    const body = shadow(el).querySelector('[part="content"]')!;
    expect(body.textContent).to.equal('Isi lengkap berita.');
    expect(body.querySelector('a')!.getAttribute('href')).to.equal('https://example.go.id/lengkap');
    expect(body.querySelector('script, img')).to.equal(null);
    expect(shadow(el).querySelector('[part="excerpt"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // Survives re-renders and layout changes.
    el.layout = 'horizontal';
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="content"]')!.textContent).to.equal('Isi lengkap berita.');
    el.content = false;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="content"]')).to.equal(null);
  });

  it('follows a new article', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card content .article=${article}></kabar-article-card>`,
    );
    await until(() => shadow(el).querySelector('[part="content"]') !== null);
    el.article = item(2, { content: '<p>Berita kedua.</p>' });
    await until(() => shadow(el).querySelector('[part="content"]')?.textContent === 'Berita kedua.');
  });
});
