import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/data/parse.js';
import { parseDate } from '../../src/data/date.js';
import { fixtureText } from '../helpers.js';

const iso = (date: Date | undefined) => date?.toISOString();

describe('parseFeed: Atom 1.0 (Blogger)', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('atom-blogger.xml');
  });

  it('reads the feed', () => {
    const feed = parseFeed(text, { contentType: 'application/atom+xml; charset=UTF-8' });
    expect(feed.format).to.equal('atom');
    expect(feed.title).to.equal('Desa Sukamaju Bercerita');
    expect(feed.description).to.equal('Kabar dari Desa Sukamaju');
    expect(feed.link).to.equal('https://sukamaju.blogspot.com/');
    expect(feed.next).to.equal(
      'https://www.blogger.com/feeds/1234567890/posts/default?alt=atom&start-index=26&max-results=25',
    );
    expect(feed.items).to.have.length(2);
  });

  it('reads an entry: alternate link, html content, thumbnail, author, category', () => {
    const [first] = parseFeed(text).items;
    expect(first!.id).to.equal('tag:blogger.com,1999:blog-1234567890.post-111');
    expect(first!.title).to.equal('Kerja Bakti & Gotong Royong di RW 05');
    expect(first!.link).to.equal('https://sukamaju.blogspot.com/2026/11/kerja-bakti.html');
    expect(first!.summary).to.equal('Warga RW 05 membersihkan saluran air bersama.');
    expect(first!.content).to.contain('<img border="0"');
    expect(first!.image).to.equal('https://blogger.googleusercontent.com/img/a/kerja-s72-c.jpg');
    expect(first!.authors).to.deep.equal([
      { name: 'Ujang Suryana', email: 'noreply@blogger.com', url: 'http://www.blogger.com/profile/111' },
    ]);
    expect(first!.categories).to.deep.equal(['Kegiatan']);
    expect(iso(first!.published)).to.equal('2026-11-23T08:40:00.000Z');
    expect(first!.source).to.equal('Desa Sukamaju Bercerita');
  });

  it('reads an HTML title as text and falls back to the feed author', () => {
    const second = parseFeed(text).items[1]!;
    expect(second.title).to.equal('Posyandu Melati Buka Lagi');
    expect(second.summary).to.equal('Jadwal posyandu kembali normal.');
    expect(second.authors[0]!.name).to.equal('Admin Desa');
  });
});

describe('parseFeed: Atom features', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('atom-features.xml');
  });

  it('reads XHTML titles and content, resolving links against xml:base', () => {
    const feed = parseFeed(text);
    expect(feed.language).to.equal('id');
    expect(feed.link).to.equal('https://dinas.example.go.id/');
    const [first, second] = feed.items;
    expect(first!.title).to.equal('Jalan Baru Dibuka');
    expect(first!.link).to.equal('https://dinas.example.go.id/blog/jalan-baru.html');
    // Relative URLs in the content resolve against xml:base too, not against the page.
    expect(first!.content).to.contain('<a href="https://dinas.example.go.id/peta">baru</a>');
    expect(first!.content).to.contain('<img src="https://dinas.example.go.id/blog/img/jalan.jpg"');
    expect(first!.content).not.to.contain('xmlns');
    expect(first!.image).to.equal('https://dinas.example.go.id/blog/img/jalan.jpg');
    expect(first!.summary).to.equal('Jalan baru sepanjang 2 km.');
    expect(iso(first!.published)).to.equal('2026-11-22T10:00:00.000Z');
    expect(second!.link).to.equal('https://lain.example.go.id/arsip/arsip-1.html');
    expect(second!.image).to.equal('https://lain.example.go.id/arsip/gambar.png');
    expect(second!.summary).to.equal('Teks <biasa> saja.');
    expect(iso(second!.published)).to.equal('2026-11-21T00:00:00.000Z');
  });

  it('keeps only http(s) feed links: a script alternate or next link is dropped', () => {
    const hostile = (href: string) =>
      parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
          `<link rel="alternate" href="${href}"/><link rel="next" href="${href}"/>` +
          `<entry><title>E</title><link href="https://contoh.go.id/1"/></entry></feed>`,
        { url: 'https://contoh.go.id/feed.atom' },
      );
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      const feed = hostile(href);
      expect(feed.link, href).to.equal(undefined);
      expect(feed.next, href).to.equal(undefined);
    }
    expect(hostile('/beranda').link).to.equal('https://contoh.go.id/beranda');
    expect(hostile('?page=2').next).to.equal('https://contoh.go.id/feed.atom?page=2');
  });

  it('reads Atom 0.3 with an escaped title and base64 content', async () => {
    const feed = parseFeed(await fixtureText('atom03.xml'));
    expect(feed.format).to.equal('atom');
    expect(feed.title).to.equal('Kecamatan & Desa');
    expect(feed.description).to.equal('Kabar kecamatan');
    const [entry] = feed.items;
    expect(entry!.title).to.equal('Musrenbang Kecamatan');
    expect(entry!.link).to.equal('https://kecamatan.example.go.id/musrenbang');
    expect(entry!.content).to.equal('<p>Musyawarah perencanaan <b>pembangunan</b> digelar.</p>');
    expect(entry!.summary).to.equal('Musyawarah perencanaan pembangunan digelar.');
    expect(iso(entry!.published)).to.equal('2026-11-20T02:00:00.000Z');
    expect(entry!.authors).to.deep.equal([{ name: 'Camat' }]);
  });
});

describe('parseFeed: WordPress REST API', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('wp-posts.json');
  });
  const url = 'https://kab.example.go.id/wp-json/wp/v2/posts?_embed&per_page=2';

  it('detects and reads posts with _embed', () => {
    const feed = parseFeed(text, { url, contentType: 'application/json; charset=UTF-8' });
    expect(feed.format).to.equal('wordpress');
    expect(feed.title).to.equal('kab.example.go.id');
    const [a, b] = feed.items;
    expect(a!.id).to.equal('https://kab.example.go.id/?p=2041');
    expect(a!.title).to.equal('Bupati Resmikan Pasar “Rakyat” Baru');
    expect(a!.link).to.equal('https://kab.example.go.id/2026/11/23/bupati-resmikan-pasar/');
    expect(a!.summary).to.equal('Pasar baru diresmikan pagi ini…');
    expect(a!.image).to.equal('https://kab.example.go.id/wp-content/uploads/2026/11/pasar-768x432.jpg');
    expect(a!.authors).to.deep.equal([
      { name: 'Humas Setda', url: 'https://kab.example.go.id/author/humas/' },
    ]);
    expect(a!.categories).to.deep.equal(['Ekonomi']);
    expect(iso(a!.published)).to.equal('2026-11-23T08:15:00.000Z');
    expect(a!.source).to.equal('kab.example.go.id');
    expect(b!.title).to.equal('Vaksinasi Anak Sekolah');
    expect(b!.summary).to.equal('Vaksinasi digelar.');
    expect(b!.image).to.equal('https://kab.example.go.id/wp-content/uploads/vaksin.jpg');
    expect(b!.authors).to.deep.equal([]);
    // Only the local date: read as UTC rather than dropped.
    expect(iso(b!.published)).to.equal('2026-11-22T09:00:00.000Z');
  });

  it('pages with X-WP-Total and X-WP-TotalPages', () => {
    const headers = new Headers({ 'X-WP-Total': '5', 'X-WP-TotalPages': '3' });
    const feed = parseFeed(text, { url, headers });
    expect(feed.total).to.equal(5);
    expect(feed.next).to.equal('https://kab.example.go.id/wp-json/wp/v2/posts?_embed=&per_page=2&page=2');
    const last = parseFeed(text, { url: `${url}&page=3`, headers });
    expect(last.next).to.equal(undefined);
  });
});

describe('parseFeed: West Java portal news API', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('jabarprov-news.json');
  });
  const url = 'https://api.example.go.id/v1/public/news?page=1&per_page=2';

  it('reads news with source, authors, category and tags', () => {
    const feed = parseFeed(text, { url });
    expect(feed.format).to.equal('jabarprov');
    expect(feed.total).to.equal(45);
    expect(feed.next).to.equal('https://api.example.go.id/v1/public/news?page=2&per_page=2');
    const [a, b] = feed.items;
    expect(a!.id).to.equal('b1f1c3a0-0001');
    expect(a!.title).to.equal('Gubernur Tinjau Banjir di Bandung Selatan');
    expect(a!.link).to.equal('https://jabarprov.go.id/berita/gubernur-tinjau-banjir-di-bandung-selatan');
    expect(a!.image).to.equal('https://storage.example.go.id/news/banjir.jpg');
    expect(a!.source).to.equal('Biro Adpim');
    expect(a!.authors).to.deep.equal([{ name: 'Tim Redaksi' }, { name: 'Rina' }]);
    expect(a!.categories).to.deep.equal(['Pemerintahan', 'banjir', 'bandung']);
    // Zone-less times are WIB.
    expect(iso(a!.published)).to.equal('2026-11-23T02:30:00.000Z');
    expect(b!.id).to.equal('2');
    expect(b!.link).to.equal('https://jabarprov.go.id/berita/pendaftaran-sma');
    expect(b!.summary).to.equal('Pendaftaran dibuka & gratis.');
    expect(b!.image).to.equal(undefined);
    expect(b!.authors).to.deep.equal([{ name: 'Admin Disdik' }]);
    expect(b!.categories).to.deep.equal(['Pendidikan']);
    expect(b!.source).to.equal(undefined);
    expect(iso(b!.published)).to.equal('2026-11-22T01:00:00.000Z');
  });

  it('has no next page on the last page', () => {
    const last = text.replace('"current_page": 1', '"current_page": 3');
    expect(parseFeed(last, { url }).next).to.equal(undefined);
  });
});

describe('parseFeed: RSS variants', () => {
  it('reads RSS 0.91 and RSS without a version attribute', () => {
    for (const open of ['<rss version="0.91">', '<rss>']) {
      const feed = parseFeed(
        `${open}<channel><title>Lama</title><link>https://lama.example/</link><item><title>A &amp;amp; B</title><link>a.html</link><description>x</description></item></channel></rss>`,
        { url: 'https://cdn.example/rss.xml' },
      );
      expect(feed.format).to.equal('rss');
      expect(feed.items[0]!.title).to.equal('A & B');
      expect(feed.items[0]!.link).to.equal('https://lama.example/a.html');
    }
  });

  it('reads RSS 1.0 (RDF) with dc:date and dc:creator', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Desa</title><link>https://rdf.example/</link><description>d</description></channel>
  <item rdf:about="https://rdf.example/1"><title>Satu</title><link>https://rdf.example/1</link><dc:date>2026-11-20T10:00:00+07:00</dc:date><dc:creator>Pak Lurah</dc:creator></item>
</rdf:RDF>`);
    expect(feed.format).to.equal('rdf');
    expect(feed.title).to.equal('RDF Desa');
    expect(feed.items[0]!.title).to.equal('Satu');
    expect(iso(feed.items[0]!.published)).to.equal('2026-11-20T03:00:00.000Z');
    expect(feed.items[0]!.authors).to.deep.equal([{ name: 'Pak Lurah' }]);
  });

  it('reads RSS <source>, itunes:image and the first image of the content', () => {
    const feed =
      parseFeed(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>K</title>
<item><title>A</title><link>https://k.example/a</link><source url="https://dinas.example/rss">Dinas Kesehatan</source><itunes:image href="https://k.example/pod.jpg"/></item>
<item><title>B</title><link>https://k.example/b</link><description>&lt;p&gt;&lt;img src="https://k.example/b.jpg"&gt;Teks&lt;/p&gt;</description></item>
</channel></rss>`);
    expect(feed.items[0]!.source).to.equal('Dinas Kesehatan');
    expect(feed.items[0]!.image).to.equal('https://k.example/pod.jpg');
    expect(feed.items[1]!.image).to.equal('https://k.example/b.jpg');
    expect(feed.items[1]!.source).to.equal('K');
  });

  it('follows a forced format', () => {
    const text = '{"data":[{"id":1,"title":"T"}],"meta":{}}';
    expect(parseFeed(text, { format: 'jabarprov' }).items[0]!.title).to.equal('T');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('exposes next_url', () => {
    const feed = parseFeed(
      '{"version":"https://jsonfeed.org/version/1","title":"x","feed_url":"https://j.example/feed.json","next_url":"feed-2.json","items":[]}',
    );
    expect(feed.next).to.equal('https://j.example/feed-2.json');
  });

  it('reads a feed after a byte-order mark and white space', () => {
    const feed = parseFeed(
      '\uFEFF \r\n{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","title":"T"}]}',
    );
    expect(feed.items.map((item) => item.title)).to.deep.equal(['T']);
  });

  it('decodes an author’s name once, as any other text', () => {
    const feed = parseFeed(
      '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","title":"Q&amp;amp;A","authors":[{"name":"Tim Q&amp;amp;A"},{"name":"<b></b>"}]}]}',
    );
    expect(feed.items[0]!.title).to.equal('Q&amp;A');
    expect(feed.items[0]!.authors).to.deep.equal([{ name: 'Tim Q&amp;A' }]);
  });
});

describe('parseDate', () => {
  const cases: [string, string | undefined][] = [
    ['Mon, 23 Nov 2026 15:15:00 +0700', '2026-11-23T08:15:00.000Z'],
    ['23 Nov 2026 15:15:00 +0700', '2026-11-23T08:15:00.000Z'],
    ['Mon, 23 Nov 2026 15:15:00 GMT', '2026-11-23T15:15:00.000Z'],
    ['Mon, 23 Nov 2026 15:15:00 WIB', '2026-11-23T08:15:00.000Z'],
    ['Mon, 23 Nov 2026 15:15:00 WITA', '2026-11-23T07:15:00.000Z'],
    ['Mon, 23 Nov 2026 15:15:00 WIT', '2026-11-23T06:15:00.000Z'],
    ['2026-11-23T15:15:00+07:00', '2026-11-23T08:15:00.000Z'],
    ['2026-11-23T08:15:00Z', '2026-11-23T08:15:00.000Z'],
    ['2026-11-23T08:15:00', '2026-11-23T08:15:00.000Z'],
    ['kemarin', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => {
      expect(iso(parseDate(text))).to.equal(expected);
    });
  }
});

describe('parseFeed: unsupported formats', () => {
  for (const [name, body] of [
    ['OPML', '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body/></opml>'],
    ['another JSON API', '{"posts": [{"name": "x"}]}'],
    ['another JSON API after a byte-order mark', '\uFEFF\n [{"name": "x"}]'],
  ] as const) {
    it(`names ${name} an unsupported format`, () => {
      let error: unknown;
      try {
        parseFeed(body);
      } catch (e) {
        error = e;
      }
      expect((error as { kind?: string }).kind).to.equal('format');
    });
  }

  it('calls an HTML page an html error and garbage a parse error, not an unsupported format', () => {
    for (const [body, kind] of [
      ['<!doctype html><html><body>x</body></html>', 'html'],
      ['\uFEFF\n<HTML><body>x</body></HTML>', 'html'],
      ['this is { not <a feed', 'parse'],
    ]) {
      let error: unknown;
      try {
        parseFeed(body!);
      } catch (e) {
        error = e;
      }
      expect((error as { kind?: string }).kind).to.equal(kind);
    }
  });
});
