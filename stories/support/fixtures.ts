/**
 * Feeds for the stories, from the fixture files in `stories/fixtures/` (served with the
 * stories as `/fixtures/…`). Loaders answer from memory: a story never touches the network.
 */
import { KabarFetchError } from '../../src/data/index.js';
import { parseFeed } from '../../src/data/parse.js';
import type { Feed, FeedItem, FeedLoader, KabarErrorKind } from '../../src/data/index.js';
import beritaXml from '../fixtures/berita.xml?raw';

/** Where the fixture feed is served; its relative image URLs resolve against it. */
export const FEED_URL = 'fixtures/berita.xml';

function absolute(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** The regency's news feed: six articles with local images. */
export function beritaFeed(): Feed {
  return parseFeed(beritaXml, { url: absolute(FEED_URL) });
}

/** A feed with the same articles and none of their images. */
export function feedWithoutImages(): Feed {
  const feed = beritaFeed();
  return { ...feed, items: feed.items.map(({ image: _image, ...item }) => item) };
}

const LONG_TITLE =
  'Pemerintah Kabupaten Contoh Bersama Dinas Pekerjaan Umum dan Penataan Ruang Menargetkan Perbaikan ' +
  'Seluruh Jalan Desa Rusak Berat di Empat Belas Kecamatan Rampung Sebelum Musim Hujan Tahun Depan';
const LONG_WORD =
  'Pengumuman-Penerimaan-Calon-Aparatur-Sipil-Negara-Kabupaten-Contoh-Formasi-Tahun-Anggaran-2027';

/** Titles and excerpts far longer than a design expects, and one unbreakable word. */
export function feedWithLongText(): Feed {
  const feed = beritaFeed();
  const [first, second, ...rest] = feed.items as [FeedItem, FeedItem, ...FeedItem[]];
  return {
    ...feed,
    items: [
      { ...first, title: LONG_TITLE, summary: `${first.summary} ${first.summary} ${first.summary}` },
      {
        ...second,
        title: LONG_WORD,
        authors: [{ name: 'Bagian Organisasi dan Tata Laksana Sekretariat Daerah' }],
      },
      ...rest,
    ],
  };
}

/** A feed that has no articles. */
export function emptyFeed(): Feed {
  return { ...beritaFeed(), items: [] };
}

/** The first article of the fixture feed. */
export function firstArticle(): FeedItem {
  return beritaFeed().items[0]!;
}

/** A loader that answers with `feed`. */
export function answer(feed: Feed): FeedLoader {
  return () => Promise.resolve(feed);
}

/** A loader that never answers: the loading state stays on screen. */
export const never: FeedLoader = () => new Promise<Feed>(() => {});

/** A loader that fails the way `kind` (and `status`) describe. */
export function fail(kind: KabarErrorKind = 'http', status = 503): FeedLoader {
  return (url) => Promise.reject(new KabarFetchError(kind, `Fixture failure: ${kind}`, { url, status }));
}

/** A loader that answers with `feed` the first time and fails every time after (a refresh failing). */
export function answerOnce(feed: Feed): FeedLoader {
  let calls = 0;
  return (url) =>
    calls++ === 0
      ? Promise.resolve(feed)
      : Promise.reject(new KabarFetchError('http', 'Fixture failure: http', { url, status: 503 }));
}

/** The first article with its full HTML, as a feed's `content:encoded` carries it. */
export function articleWithContent(): FeedItem {
  return {
    ...firstArticle(),
    content: [
      '<p>Sebanyak 240 pedagang kembali menempati kios baru yang lebih bersih dan tertata.</p>',
      '<h3>Tarif retribusi tetap</h3>',
      '<p>Bupati meminta pengelola menjaga kebersihan dan <strong>tarif retribusi tetap terjangkau</strong>.</p>',
      '<ul><li>Kios: 240</li><li>Los sayur: 60</li><li>Parkir: 120 kendaraan</li></ul>',
      '<p><a href="https://contoh.go.id/berita/pasar-sukamaju/">Baca selengkapnya</a></p>',
    ].join(''),
  };
}
