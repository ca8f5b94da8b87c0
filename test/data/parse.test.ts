import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/data/parse.js';
import { KabarParseError } from '../../src/data/errors.js';
import { fixtureText } from '../helpers.js';

describe('parseFeed: RSS 2.0', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('rss2-wordpress.xml');
  });

  it('reads the channel', () => {
    const feed = parseFeed(text, { url: 'https://contoh.go.id/feed/' });
    expect(feed.format).to.equal('rss');
    expect(feed.title).to.equal('Diskominfo Kabupaten Contoh');
    expect(feed.link).to.equal('https://contoh.go.id/');
    expect(feed.description).to.equal('Berita & informasi Kabupaten Contoh');
    expect(feed.language).to.equal('id-ID');
    expect(feed.items).to.have.length(7);
  });

  it('reads an item with content:encoded, media:content and dc:creator', () => {
    const [first] = parseFeed(text).items;
    expect(first!.title).to.equal('Pemkab Gandeng UMKM & Ojek Daring untuk Ekonomi Digital');
    expect(first!.link).to.equal('https://contoh.go.id/berita/umkm-digital/');
    expect(first!.id).to.equal('https://contoh.go.id/?p=101');
    expect(first!.summary).to.equal(
      'Pemerintah Kabupaten bekerja sama dengan penyedia ojek daring untuk melatih pelaku UMKM …',
    );
    expect(first!.content).to.contain('<img src="/wp-content/uploads/umkm.jpg"');
    expect(first!.image).to.equal('https://contoh.go.id/wp-content/uploads/umkm-640.jpg');
    expect(first!.authors).to.deep.equal([{ name: 'Humas Diskominfo' }]);
    expect(first!.categories).to.deep.equal(['Ekonomi', 'UMKM']);
    expect(first!.published!.toISOString()).to.equal('2026-11-23T08:15:00.000Z');
    expect(first!.source).to.equal('Diskominfo Kabupaten Contoh');
  });

  it('resolves relative links against the channel link, reads WIB and email (Name) authors', () => {
    const second = parseFeed(text, { url: 'https://cdn.example/feed.xml' }).items[1]!;
    expect(second.link).to.equal('https://contoh.go.id/berita/sekoper-cinta/');
    expect(second.published!.toISOString()).to.equal('2026-11-22T02:00:00.000Z');
    expect(second.authors).to.deep.equal([{ name: 'Atalia Kamil', email: 'humas@contoh.go.id' }]);
    expect(second.image).to.equal('https://contoh.go.id/wp-content/uploads/sekoper.jpg');
    expect(second.enclosures[0]).to.deep.equal({
      url: 'https://contoh.go.id/wp-content/uploads/sekoper.jpg',
      type: 'image/jpeg',
      length: 12345,
    });
  });

  it('turns escaped HTML in a description into plain text', () => {
    const third = parseFeed(text).items[2]!;
    expect(third.summary).to.equal('Program Desa Digital menargetkan seluruh desa.');
    expect(third.id).to.equal('https://contoh.go.id/berita/desa-digital/');
  });

  it('recovers undeclared HTML entities, a byte-order mark and leading white space', () => {
    const feed = parseFeed(
      '\uFEFF  \n<?xml version="1.0"?><rss version="2.0"><channel><title>T&eacute;st</title>' +
        '<item><title>Caf&eacute; &amp; Kopi&nbsp;&hellip; &bogus;</title><link>https://a.example/1</link></item></channel></rss>',
    );
    expect(feed.title).to.equal('Tést');
    expect(feed.items[0]!.title).to.equal('Café & Kopi … &bogus;');
  });

  it('keeps the complete items of a feed cut off mid-document', () => {
    const cut = text.slice(0, text.indexOf('<title>Desa Digital'));
    const feed = parseFeed(cut);
    expect(feed.items.map((i) => i.title)).to.deep.equal([
      'Pemkab Gandeng UMKM & Ojek Daring untuk Ekonomi Digital',
      'Sekolah Perempuan Buka Pendaftaran Angkatan Baru',
    ]);
  });

  it('uses the guid as the link when there is no link', () => {
    const feed = parseFeed(
      '<rss><channel><title>x</title><item><title>A</title><guid>https://a.example/g</guid></item></channel></rss>',
    );
    expect(feed.items[0]!.link).to.equal('https://a.example/g');
  });

  it('keeps an item whose date cannot be read, without a date', () => {
    const feed = parseFeed(
      '<rss version="2.0"><channel><title>x</title><item><title>A</title><pubDate>kemarin sore</pubDate></item></channel></rss>',
    );
    expect(feed.items[0]!.title).to.equal('A');
    expect(feed.items[0]!.published).to.equal(undefined);
  });
});

describe('parseFeed: JSON Feed', () => {
  let text: string;
  before(async () => {
    text = await fixtureText('json-feed.json');
  });

  it('reads items, resolving links against feed_url', () => {
    const feed = parseFeed(text);
    expect(feed.format).to.equal('json-feed');
    expect(feed.title).to.equal('Berita Program Jabar');
    expect(feed.language).to.equal('id');
    const [a, b, c] = feed.items;
    expect(a!.id).to.equal('jf-3');
    expect(a!.image).to.equal('https://program.example.go.id/img/beasiswa.jpg');
    expect(a!.authors).to.deep.equal([{ name: 'Biro Humas' }]);
    expect(b!.link).to.equal('https://program.example.go.id/berita/2');
    expect(b!.summary).to.equal('Ratusan petani milenial memanen hasil pertama.');
    expect(b!.published!.toISOString()).to.equal('2026-11-22T03:00:00.000Z');
    expect(c!.summary).to.equal('Samsat keliling melayani pembayaran pajak kendaraan.');
    expect(c!.published).to.equal(undefined);
  });
});

describe('parseFeed: what is not a feed', () => {
  for (const [name, body] of [
    ['an empty body', ''],
    ['white space', '  \n '],
    ['an HTML page', '<!doctype html><html><body><h1>Not found</h1></body></html>'],
    ['garbage', 'this is { not <a feed'],
    ['JSON that is not a feed', '{"hello": "world"}'],
    ['broken XML with no complete item', '<rss version="2.0"><channel><title>x</title><item><title>A'],
  ] as const) {
    it(`rejects ${name} with a KabarParseError`, () => {
      let error: unknown;
      try {
        parseFeed(body, { contentType: name.includes('JSON') ? 'application/feed+json' : '' });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(KabarParseError);
    });
  }
});
