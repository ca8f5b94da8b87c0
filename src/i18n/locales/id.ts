import type { KabarStrings } from '../strings.js';

export const id: KabarStrings = {
  error: {
    network: () => 'Sumber berita tidak dapat dihubungi.',
    offline: () => 'Perangkat sedang luring. Berita akan dimuat saat tersambung kembali.',
    cors: () => 'Sumber berita tidak mengizinkan dibaca dari situs ini.',
    timeout: () => 'Sumber berita terlalu lama menjawab.',
    http: (status) =>
      status === 404
        ? 'Sumber berita tidak ditemukan (404).'
        : status >= 500
          ? `Server sumber berita sedang bermasalah (${status}).`
          : `Sumber berita menolak permintaan (${status}).`,
    parse: () => 'Isi sumber berita tidak dapat dibaca sebagai umpan berita.',
    format: () => 'Format umpan berita ini belum didukung.',
    'invalid-url': () => 'Alamat sumber berita tidak valid.',
  },
  retry: 'Coba lagi',
  newsList: {
    label: 'Berita',
    loading: 'Memuat berita…',
    empty: 'Belum ada berita.',
    emptyCategory: (category) => `Belum ada berita dalam kategori ${category}.`,
    more: 'Muat berita lainnya',
    loadingMore: 'Memuat berita lainnya…',
    stale: 'Menampilkan berita tersimpan: sumber berita belum dapat dihubungi.',
  },
  article: {
    by: (name) => `oleh ${name}`,
    source: (name) => `Sumber: ${name}`,
    untitled: 'Tanpa judul',
  },
};
