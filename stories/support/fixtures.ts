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
