import type { KabarStrings } from '../strings.js';

export const error: KabarStrings['error'] = {
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
  empty: () => 'Sumber berita mengirim jawaban kosong.',
  html: () => 'Sumber berita mengirim halaman web, bukan umpan berita.',
  parse: () => 'Isi sumber berita tidak dapat dibaca sebagai umpan berita.',
  format: () => 'Format umpan berita ini belum didukung.',
  'invalid-url': () => 'Alamat sumber berita tidak valid.',
  share: () => 'Tautan tidak dapat dibagikan.',
};

export const retry: KabarStrings['retry'] = 'Coba lagi';

export const newsList: KabarStrings['newsList'] = {
  label: 'Berita',
  loading: 'Memuat berita…',
  empty: 'Belum ada berita.',
  emptyCategory: (category) => `Belum ada berita dalam kategori ${category}.`,
  more: 'Muat berita lainnya',
  loadingMore: 'Memuat berita lainnya…',
  stale: 'Menampilkan berita tersimpan: sumber berita belum dapat dihubungi.',
};

export const poll: KabarStrings['poll'] = {
  label: 'Polling',
  loading: 'Memuat polling…',
  empty: 'Tidak ada polling untuk saat ini.',
  submit: 'Kirim pilihan',
  submitting: 'Mengirim…',
  votes: (_count, n) => `${n} suara`,
  total: (_count, n) => `Total ${n} suara`,
  yourChoice: 'Pilihan Anda',
  thanks: 'Terima kasih, suara Anda sudah tercatat.',
  closed: (date) => `Polling ditutup pada ${date}.`,
  closedUndated: 'Polling sudah ditutup.',
  pending: (option) =>
    `Pilihan Anda (${option}) tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi tersambung.`,
  notStored: 'Perangkat ini tidak dapat menyimpan suara; jangan tutup halaman sebelum suara terkirim.',
  sendNow: 'Kirim sekarang',
  failed: 'Polling tidak dapat dimuat.',
  rejected: 'Suara Anda tidak dapat diterima.',
};

export const article: KabarStrings['article'] = {
  by: (name) => `oleh ${name}`,
  source: (name) => `Sumber: ${name}`,
  untitled: 'Tanpa judul',
};

export const comments: KabarStrings['comments'] = {
  heading: 'Komentar',
  show: 'Tampilkan komentar',
  consent: (provider) =>
    `Komentar disediakan oleh ${provider}. Jika ditampilkan, ${provider} menerima data kunjungan Anda dan dapat menyimpan cookie.`,
  privacy: (provider) => `Kebijakan privasi ${provider}`,
  thirdParty: 'layanan pihak ketiga',
  waiting: 'Komentar dimuat saat Anda menggulir sampai di sini.',
  loading: 'Memuat komentar…',
  failed: (provider) =>
    `Komentar dari ${provider} tidak dapat dimuat. Mungkin diblokir oleh peramban atau jaringan sedang bermasalah.`,
  offline: 'Perangkat sedang luring. Komentar dapat dimuat saat tersambung kembali.',
  setup: (provider) => `Komentar ${provider} belum diatur dengan benar di situs ini.`,
  busy: (provider) =>
    `${provider} hanya dapat menampilkan satu diskusi per halaman, dan diskusi itu sudah tampil di bagian lain halaman ini.`,
  poweredBy: (provider) => `Komentar didukung oleh ${provider}`,
};

export const shareBar: KabarStrings['shareBar'] = {
  label: 'Bagikan',
  on: (network) => `Bagikan ke ${network}`,
  email: 'Surel',
  emailLabel: 'Kirim lewat surel',
  copy: 'Salin tautan',
  copied: 'Tautan disalin',
  native: 'Bagikan…',
  nativeLabel: 'Bagikan lewat aplikasi lain',
  manual: 'Tautan tidak dapat disalin otomatis. Salin dari kotak ini:',
  link: 'Tautan artikel',
};
