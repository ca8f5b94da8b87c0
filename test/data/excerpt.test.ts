import { expect } from '@open-wc/testing';
import { toItem } from '../../src/data/normalize.js';
import { htmlToText } from '../../src/data/text.js';

/** A long article: paragraphs with links, entities and images, so any cut may fall inside one. */
function article(pad: number): string {
  const paragraph =
    '<p class="isi">Pemkab &amp; warga <a href="https://contoh.go.id/berita/1?a=1&amp;b=2">membangun</a> ' +
    'jalan desa&nbsp;baru&hellip; <img src="/foto.jpg" alt="Jalan &quot;baru&quot;"> <b>Sukamulya</b></p>\n';
  return 'x'.repeat(pad) + paragraph.repeat(60);
}

describe('toItem: excerpts of long articles', () => {
  it('reads only the start of a long article, with the same text as reading all of it', () => {
    // Every cut position within a paragraph: inside a tag, an attribute, an entity, a word.
    for (let pad = 0; pad < 220; pad++) {
      const html = article(pad);
      const { summary } = toItem({ content: html, link: 'https://contoh.go.id/1' }, undefined, undefined);
      expect(summary, `pad ${pad}`).to.equal(htmlToText(html).slice(0, 800));
    }
  });

  it('reads all of it when the start opens a hidden block whose end may be cut off', () => {
    const html = `<style>${'.x{color:red}'.repeat(400)}</style>${article(0)}`;
    const { summary } = toItem({ content: html, link: 'https://contoh.go.id/2' }, undefined, undefined);
    expect(summary).not.to.contain('color');
    expect(summary.startsWith('Pemkab & warga membangun')).to.equal(true);
  });

  it('reads all of a long start that has little text', () => {
    const html = `${'<img src="/a.jpg" alt="">'.repeat(400)}<p>Teks sesudah gambar.</p>`;
    const { summary } = toItem({ content: html, link: 'https://contoh.go.id/3' }, undefined, undefined);
    expect(summary).to.equal('Teks sesudah gambar.');
  });
});
