/**
 * Real-world and edge-case feeds (test/fixtures/feeds/), one `describe` per case of what the
 * most forgiving readers get right: HTML names, documents cut short, namespaces, Dublin Core,
 * Atom details, iTunes and Media RSS, JSON Feed titles, Windows-1252 bytes, `<!` in text.
 */
import { expect } from '@open-wc/testing';
import { decodeBody } from '../../src/data/decode.js';
import type { Feed } from '../../src/data/model.js';
import { parseFeed } from '../../src/data/parse.js';
import { loadEntityTable } from '../../src/data/text.js';
import { fixtureUrl } from '../helpers.js';

const text = async (name: string) => (await fetch(fixtureUrl(`feeds/${name}`))).text();
const read = async (name: string): Promise<Feed> => parseFeed(await text(name));
const iso = (date: Date | undefined) => date?.toISOString();

describe('feeds: every HTML named reference', () => {
  // parseFeed is synchronous: it decodes the whole table once it is loaded (readFeed loads it).
  before(() => loadEntityTable());

  it('decodes the names of the whole HTML table in titles, descriptions and escaped HTML', async () => {
    const feed = await read('entities-html.xml');
    expect(feed.title).to.equal('Matematika & Simbol ♥');
    expect(feed.description).to.equal('Rumus α → β');
    expect(feed.items[0]!.title).to.equal('Sudut α dan β → ∴ segitiga');
    expect(feed.items[0]!.summary).to.equal('Panah ← kiri, ♠ sekop, Ω ohm, &NotANamedReference; tetap.');
    expect(feed.items[1]!.title).to.equal('Harga naik – €5 © ½ — biasa');
  });
});

describe('feeds: a document cut short', () => {
  for (const [name, titles] of [
    ['truncated-end-tag.xml', ['Satu', 'Dua']],
    ['truncated-final-gt.xml', ['Satu', 'Dua']],
    ['truncated-start-tag.xml', ['Satu', 'Dua']],
  ] as const) {
    it(`keeps every complete item of ${name}`, async () => {
      const feed = await read(name);
      expect(feed.items.map((i) => i.title)).to.deep.equal(titles);
    });
  }

  it('keeps the complete items wherever the document stops', async () => {
    const whole = await text('truncated-final-gt.xml');
    const secondEnd = whole.lastIndexOf('</item>') + '</item>'.length;
    for (let end = whole.indexOf('</item>') + 7; end < whole.length; end += 7) {
      const items = parseFeed(whole.slice(0, end)).items.map((i) => i.title);
      expect(items, `cut at ${end}`).to.deep.equal(end >= secondEnd ? ['Satu', 'Dua'] : ['Satu']);
    }
  });
});

describe('feeds: elements by namespace and local name', () => {
  it('reads RSS 2.0 under a default namespace', async () => {
    const feed = await read('rss-default-namespace.xml');
    expect(feed.format).to.equal('rss');
    expect(feed.title).to.equal('Dinas Pendidikan');
    expect(feed.description).to.equal('Kabar pendidikan');
    const [item] = feed.items;
    expect(item!.title).to.equal('Sekolah baru dibuka');
    expect(item!.link).to.equal('https://disdik.example.go.id/berita/sekolah');
    expect(item!.summary).to.equal('Sekolah dasar baru di kecamatan timur.');
    expect(item!.authors).to.deep.equal([{ name: 'Humas Disdik' }]);
  });

  it('reads prefixed RSS elements and modules under any prefix', async () => {
    const feed = await read('rss-prefixed.xml');
    expect(feed.format).to.equal('rss');
    expect(feed.title).to.equal('Dinas Kesehatan');
    const [item] = feed.items;
    expect(item!.title).to.equal('Vaksinasi massal');
    expect(item!.link).to.equal('https://dinkes.example.go.id/berita/vaksin');
    expect(item!.summary).to.equal('Vaksinasi di balai desa.');
    expect(item!.content).to.equal('<p>Vaksinasi di <b>balai desa</b>.</p>');
    expect(item!.authors).to.deep.equal([{ name: 'Tim Dinkes' }]);
    expect(iso(item!.published)).to.equal('2026-11-20T01:00:00.000Z');
  });

  it('reads Atom 0.3 under a draft namespace and a prefix', async () => {
    const feed = await read('atom03-variants.xml');
    expect(feed.format).to.equal('atom');
    expect(feed.title).to.equal('Blog Kecamatan');
    expect(feed.description).to.equal('Catatan warga');
    expect(feed.link).to.equal('https://kec.example.id/');
    const [entry] = feed.items;
    expect(entry!.title).to.equal('Kerja bakti');
    expect(entry!.link).to.equal('https://kec.example.id/kerja-bakti');
    expect(entry!.summary).to.equal('Warga bersihkan selokan.');
    expect(entry!.content).to.equal('<p>Warga <b>bersihkan</b> selokan.</p>');
    expect(iso(entry!.published)).to.equal('2026-11-21T00:00:00.000Z');
    expect(iso(entry!.updated)).to.equal('2026-11-21T02:00:00.000Z');
    expect(entry!.authors).to.deep.equal([
      { name: 'Pak RT', email: 'rt@kec.example.id', url: 'https://kec.example.id/rt' },
    ]);
  });

  it('reads Atom whose namespace is written in lower case', async () => {
    const feed = await read('atom-mixed-case-ns.xml');
    expect(feed.format).to.equal('atom');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Rapat koordinasi']);
  });
});

describe('feeds: Dublin Core', () => {
  it('reads the channel dc:title, author forms and dcterms dates', async () => {
    const feed = await read('dublin-core.xml');
    expect(feed.title).to.equal('Arsip Daerah');
    expect(feed.language).to.equal('id');
    const [first, second, third] = feed.items;
    expect(first!.authors).to.deep.equal([{ name: 'Siti Aminah', email: 'siti@arsip.example.go.id' }]);
    expect(iso(first!.published)).to.equal('2026-11-18T02:00:00.000Z');
    expect(iso(first!.updated)).to.equal('2026-11-19T03:30:00.000Z');
    expect(second!.authors).to.deep.equal([{ name: 'Budi Santoso', email: 'budi@arsip.example.go.id' }]);
    expect(second!.published).to.be.instanceOf(Date);
    expect(third!.authors).to.deep.equal([{ name: 'Rina', email: 'rina@arsip.example.go.id' }]);
    expect(iso(third!.published)).to.equal('2026-11-16T08:00:00.000Z');
    // Every item keeps the channel's title as its source.
    expect(first!.source).to.equal('Arsip Daerah');
  });
});

describe('feeds: Atom details', () => {
  it('reads base64 text, skips links without href, links the author, rebases content HTML', async () => {
    const feed = await read('atom-details.xml');
    expect(feed.link).to.equal('https://blog.example.go.id/');
    const [entry] = feed.items;
    expect(entry!.title).to.equal('Pengumuman & <penting>');
    expect(entry!.link).to.equal('https://blog.example.go.id/2026/11/pengumuman.html');
    expect(entry!.summary).to.equal('Ringkasan penting.');
    expect(entry!.authors).to.deep.equal([
      { name: 'Admin Blog', url: 'https://blog.example.go.id/penulis/admin' },
    ]);
    expect(entry!.content).to.contain('src="https://cdn.example.go.id/media/foto.jpg"');
    expect(entry!.content).to.contain('href="https://cdn.example.go.id/dokumen/surat.pdf"');
    expect(entry!.content).to.contain('href="https://lain.example/x"');
    expect(entry!.content).to.contain('href="#catatan"');
    expect(entry!.image).to.equal('https://cdn.example.go.id/media/foto.jpg');
  });
});

describe('feeds: iTunes and Media RSS', () => {
  it('reads a podcast: image, summary, subtitle, nested categories, author', async () => {
    const feed = await read('podcast-itunes.xml');
    const [episode, older] = feed.items;
    expect(episode!.image).to.equal('https://podcast.example.go.id/12.jpg');
    expect(episode!.summary).to.equal('Kepala desa menjelaskan anggaran tahun ini.');
    expect(episode!.categories).to.deep.equal(['News', 'Politics']);
    expect(episode!.authors).to.deep.equal([{ name: 'Tim Diskominfo' }]);
    expect(episode!.enclosures).to.deep.equal([
      { url: 'https://podcast.example.go.id/12.mp3', type: 'audio/mpeg', length: 24986239 },
    ]);
    expect(older!.summary).to.equal('Hanya subjudul');
    // Without its own, an episode shows the show's picture and author.
    expect(older!.image).to.equal('https://podcast.example.go.id/sampul.jpg');
    expect(older!.authors).to.deep.equal([{ name: 'Diskominfo' }]);
  });

  it('reads a YouTube channel feed: media:group description, thumbnail and category', async () => {
    const feed = await read('youtube-channel.xml');
    const [video] = feed.items;
    expect(video!.title).to.equal('Peresmian pasar');
    expect(video!.link).to.equal('https://www.youtube.com/watch?v=abc');
    expect(video!.summary).to.equal('Bupati meresmikan pasar rakyat yang baru.');
    expect(video!.image).to.equal('https://i2.ytimg.com/vi/abc/hqdefault.jpg');
    expect(video!.categories).to.deep.equal(['Berita']);
  });

  it('reads Media RSS in RSS: group, description (plain or html), thumbnail, category', async () => {
    const feed = await read('rss-media.xml');
    const [festival, perahu] = feed.items;
    expect(festival!.summary).to.equal('Tari dan musik di alun-alun.');
    expect(festival!.image).to.equal('https://video.example.go.id/festival.jpg');
    expect(festival!.categories).to.deep.equal(['Budaya']);
    expect(perahu!.summary).to.equal('Lomba di sungai.');
    expect(perahu!.categories).to.deep.equal(['Olahraga']);
  });
});

describe('feeds: JSON Feed titles are plain text', () => {
  it('keeps & and < in titles as written', async () => {
    const feed = await read('json-feed-plain-titles.json');
    expect(feed.title).to.equal('Warung <Kita> & Co');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Fish & <Chips>', '1 < 2 && 3 > 2']);
  });
});

describe('feeds: Windows-1252 bytes', () => {
  // The test route serves the bytes as they are (the dev server would re-encode a fixture as UTF-8).
  const bytes = async (name: string) => (await fetch(`/__kabar/bytes?file=feeds/${name}`)).arrayBuffer();
  const quoted = 'Warga’s “gotong royong” – sukses';

  it('reads smart quotes in a feed labelled ISO-8859-1', async () => {
    const feed = parseFeed(decodeBody(await bytes('cp1252-as-latin1.xml'), 'application/rss+xml'));
    expect(feed.title).to.equal('Desa “Maju”');
    expect(feed.items[0]!.title).to.equal(quoted);
  });

  it('reads them when the HTTP header says ISO-8859-1 too', async () => {
    const feed = parseFeed(decodeBody(await bytes('cp1252-as-latin1.xml'), 'text/xml; charset=ISO-8859-1'));
    expect(feed.items[0]!.title).to.equal(quoted);
  });

  it('reads them in a feed that declares no encoding', async () => {
    const feed = parseFeed(decodeBody(await bytes('cp1252-undeclared.xml'), 'application/rss+xml'));
    expect(feed.items[0]!.title).to.equal(quoted);
  });

  it('still reads UTF-8 as UTF-8', () => {
    const utf8 = new TextEncoder().encode('<rss><channel><title>Kabar “Baik”</title></channel></rss>');
    expect(parseFeed(decodeBody(utf8.buffer, 'application/rss+xml')).title).to.equal('Kabar “Baik”');
  });
});

describe('feeds: <! in text', () => {
  it('reads the whole document around a description holding <!DOCTYPE and a lone <!', async () => {
    const feed = await read('rss-doctype-in-description.xml');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Menulis HTML', 'Komentar', 'Item terakhir']);
    // As in HTML, `<!` opens a bogus comment that runs to the next `>`: the text after a lone
    // `<!` is not shown, but the rest of the document is read.
    expect(feed.items[0]!.summary).to.match(/^Awali halaman dengan/);
    expect(feed.items[1]!.summary).to.match(/^Tulis dan/);
  });
});
