import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/article-card/kabar-article-card.js';
import type { KabarArticleCardElement } from '../../src/components/article-card/article-card-element.js';
import { ARTICLE_CARD_LAYOUTS } from '../../src/types.js';
import { item, until } from '../helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('<kabar-article-card>', () => {
  it('renders from attributes', async () => {
    const el = await fixture<KabarArticleCardElement>(html`
      <kabar-article-card
        heading="Jembatan Baru Diresmikan"
        href="https://example.go.id/jembatan"
        image="https://example.go.id/jembatan.jpg"
        date="2026-11-23T08:15:00Z"
        excerpt="Jembatan sepanjang 120 meter menghubungkan dua kecamatan."
        category="Infrastruktur"
        author="Humas"
      ></kabar-article-card>
    `);
    expect(part(el, 'link')!.getAttribute('href')).to.equal('https://example.go.id/jembatan');
    expect(part(el, 'link')!.textContent).to.equal('Jembatan Baru Diresmikan');
    expect(part(el, 'image')!.getAttribute('src')).to.equal('https://example.go.id/jembatan.jpg');
    expect(part(el, 'image')!.getAttribute('alt')).to.equal('');
    expect(part(el, 'category')!.textContent).to.equal('Infrastruktur');
    expect(part(el, 'meta')!.querySelector('time')!.getAttribute('datetime')).to.equal(
      '2026-11-23T08:15:00Z',
    );
    expect(part(el, 'meta')!.textContent).to.contain('oleh Humas');
    expect(part(el, 'excerpt')!.textContent).to.equal(
      'Jembatan sepanjang 120 meter menghubungkan dua kecamatan.',
    );
    expect(el.shadowRoot!.querySelector('h3')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('prefers the article property', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card heading="ignored" .article=${item(7)}></kabar-article-card>`,
    );
    expect(part(el, 'link')!.textContent).to.equal('Berita nomor 7');
  });

  for (const layout of ARTICLE_CARD_LAYOUTS) {
    it(`lays out ${layout}`, async () => {
      const el = await fixture<KabarArticleCardElement>(
        html`<kabar-article-card
          style="width: 600px"
          layout=${layout}
          .article=${item(1, { image: 'https://example.go.id/a.jpg' })}
        ></kabar-article-card>`,
      );
      const article = part(el, 'article')!;
      expect(article.classList.contains(layout)).to.equal(true);
      const image = part(el, 'image') as HTMLImageElement | null;
      if (layout === 'compact') {
        expect(image).to.equal(null);
        expect(part(el, 'excerpt')).to.equal(null);
      } else {
        // The image box has its size before the image arrives.
        const box = part(el, 'media')!.getBoundingClientRect();
        expect(box.height).to.be.closeTo((box.width * 9) / 16, 1);
        if (layout === 'horizontal') expect(box.width).to.be.lessThan(200);
        else expect(box.width).to.be.closeTo(600, 1);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('renders without an image or date', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card heading="Tanpa gambar"></kabar-article-card>`,
    );
    expect(part(el, 'media')).to.equal(null);
    expect(part(el, 'meta')).to.equal(null);
    expect(part(el, 'link')!.tagName).to.equal('SPAN');
    await expect(el).to.be.accessible();
  });

  it('refuses script and data URLs', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card
        heading="x"
        href="javascript:alert(1)"
        image=${'data:image/svg+xml,<svg onload=alert(1)>'}
      ></kabar-article-card>`,
    );
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('uses the heading level it is given', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card heading="x" heading-level="2"></kabar-article-card>`,
    );
    expect(el.shadowRoot!.querySelector('h2')).not.to.equal(null);
  });

  for (const [lang, by, date] of [
    ['id', 'oleh Ani', '23 Mei 2026'],
    ['en', 'by Ani', '23 May 2026'],
    ['su', 'ku Ani', '23 Méi 2026'],
    ['jv', 'dening Ani', '23 Mei 2026'],
  ]) {
    it(`speaks ${lang}`, async () => {
      const el = await fixture<KabarArticleCardElement>(
        html`<kabar-article-card
          lang=${lang}
          heading="x"
          author="Ani"
          date="2026-05-23T08:15:00Z"
        ></kabar-article-card>`,
      );
      expect(part(el, 'meta')!.textContent).to.contain(by);
      expect(part(el, 'meta')!.querySelector('time')!.textContent).to.equal(date);
    });
  }
});

describe('<kabar-article-card> images and sources', () => {
  it('hides a broken image but keeps its reserved box', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card heading="x" image=${`${location.origin}/missing.png`}></kabar-article-card>`,
    );
    const img = el.shadowRoot!.querySelector('img')!;
    await new Promise((resolve) => (img.hidden ? resolve(null) : img.addEventListener('error', resolve)));
    expect(img.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('.media')!.getBoundingClientRect().height).to.be.greaterThan(50);
  });

  it('names a source that is neither the author nor the listed feed', async () => {
    const el = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card .article=${item(1, { source: 'Dinas Kesehatan' })}></kabar-article-card>`,
    );
    expect(el.shadowRoot!.querySelector('.source')!.textContent).to.equal('Dinas Kesehatan');
  });
});

describe('<kabar-article-card loading="lazy">', () => {
  it('renders only when it comes near the viewport', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <div style="height: 4000px"></div>
        <kabar-article-card
          loading="lazy"
          heading="Jauh di bawah"
          date="2026-11-23T08:15:00Z"
        ></kabar-article-card>
      </div>
    `);
    const el = page.querySelector('kabar-article-card')!;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect(part(el, 'article')).to.equal(null);
    el.scrollIntoView();
    await until(() => part(el, 'article') !== null);
    expect(part(el, 'link')!.textContent).to.equal('Jauh di bawah');
    expect(part(el, 'meta')!.querySelector('time')!.textContent).to.equal('23 November 2026');
    window.scrollTo(0, 0);
  });

  it('renders at once on the first screen, and by default', async () => {
    const lazy = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card loading="lazy" heading="Di atas"></kabar-article-card>`,
    );
    await until(() => part(lazy, 'article') !== null);
    const eager = await fixture<KabarArticleCardElement>(
      html`<kabar-article-card heading="Biasa"></kabar-article-card>`,
    );
    expect(part(eager, 'article')).not.to.equal(null);
  });
});
