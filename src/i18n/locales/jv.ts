/**
 * Javanese in krama, the polite register Javanese government sites use for public-facing text:
 * the reader is addressed as "panjenengan", passives take "dipun-". Written in the Latin
 * alphabet without the é/è marks, as most Javanese-language news and government sites write.
 * A site that prefers ngoko, or its own words, lays them over these with `registerTranslation`.
 */
import type { KabarStrings } from '../strings.js';

export const error: KabarStrings['error'] = {
  network: () => 'Sumber pawarta boten saged dipunhubungi.',
  offline: () => 'Piranti saweg boten nyambung. Pawarta badhe dipuntampilaken menawi sampun nyambung malih.',
  cors: () => 'Sumber pawarta boten marengaken dipunwaos saking situs punika.',
  timeout: () => 'Sumber pawarta kedangon anggenipun mangsuli.',
  http: (status) =>
    status === 404
      ? 'Sumber pawarta boten kepanggih (404).'
      : status >= 500
        ? `Server sumber pawarta saweg wonten gangguan (${status}).`
        : `Sumber pawarta nampik panyuwunan (${status}).`,
  empty: () => 'Sumber pawarta ngintunaken wangsulan ingkang kosong.',
  html: () => 'Sumber pawarta ngintunaken kaca web, sanes feed pawarta.',
  parse: () => 'Isi sumber pawarta boten saged dipunwaos minangka feed pawarta.',
  format: () => 'Format feed pawarta punika dereng dipunsengkuyung.',
  'invalid-url': () => 'Alamat sumber pawarta boten leres.',
  share: () => 'Pranala boten saged dipunbagekaken.',
};

export const retry: KabarStrings['retry'] = 'Cobi malih';

export const newsList: KabarStrings['newsList'] = {
  label: 'Pawarta',
  loading: 'Saweg mendhet pawarta…',
  empty: 'Dereng wonten pawarta.',
  emptyCategory: (category) => `Dereng wonten pawarta ing kategori ${category}.`,
  more: 'Tampilaken pawarta sanesipun',
  loadingMore: 'Saweg mendhet pawarta sanesipun…',
  stale: 'Nampilaken pawarta ingkang kasimpen: sumber pawarta dereng saged dipunhubungi.',
};

export const poll: KabarStrings['poll'] = {
  label: 'Polling',
  loading: 'Saweg mendhet polling…',
  empty: 'Kangge samangke boten wonten polling.',
  submit: 'Kintun pilihan',
  submitting: 'Saweg ngintun…',
  votes: (_count, n) => `${n} swanten`,
  total: (_count, n) => `Gunggungipun ${n} swanten`,
  yourChoice: 'Pilihan panjenengan',
  thanks: 'Matur nuwun, swanten panjenengan sampun kacathet.',
  closed: (date) => `Polling sampun dipuntutup ing tanggal ${date}.`,
  closedUndated: 'Polling sampun dipuntutup.',
  pending: (option) =>
    `Pilihan panjenengan (${option}) kasimpen ing piranti punika lan badhe dipunkintun kanthi otomatis menawi sampun nyambung malih.`,
  notStored:
    'Piranti punika boten saged nyimpen swanten; sampun ngantos nutup kaca saderengipun swanten kakintun.',
  sendNow: 'Kintun sapunika',
  failed: 'Polling boten saged dipunpendhet.',
  rejected: 'Swanten panjenengan boten saged dipuntampi.',
};

export const article: KabarStrings['article'] = {
  by: (name) => `dening ${name}`,
  source: (name) => `Sumber: ${name}`,
  untitled: 'Tanpa irah-irahan',
};

export const comments: KabarStrings['comments'] = {
  heading: 'Komentar',
  show: 'Tampilaken komentar',
  consent: (provider) =>
    `Komentar dipunsayogekaken dening ${provider}. Menawi dipuntampilaken, ${provider} nampi data kunjungan panjenengan lan saged nyimpen cookie.`,
  privacy: (provider) => `Kawicaksanan privasi ${provider}`,
  thirdParty: 'layanan pihak katiga',
  waiting: 'Komentar badhe dipuntampilaken menawi panjenengan sampun dumugi mriki.',
  loading: 'Saweg mendhet komentar…',
  failed: (provider) =>
    `Komentar saking ${provider} boten saged dipuntampilaken. Bokmenawi dipunblokir dening panjlajah web utawi jaringan saweg wonten gangguan.`,
  offline: 'Piranti saweg boten nyambung. Komentar saged dipuntampilaken menawi sampun nyambung malih.',
  setup: (provider) => `Komentar ${provider} dereng dipuntata kanthi leres wonten ing situs punika.`,
  busy: (provider) =>
    `${provider} namung saged nampilaken setunggal diskusi ing saben kaca, lan diskusi punika sampun katampilaken ing perangan sanes kaca punika.`,
  poweredBy: (provider) => `Komentar dipunsengkuyung dening ${provider}`,
};

export const shareBar: KabarStrings['shareBar'] = {
  label: 'Bagekaken',
  on: (network) => `Bagekaken dhateng ${network}`,
  email: 'Email',
  emailLabel: 'Kintun lumantar email',
  copy: 'Salin pranala',
  copied: 'Pranala sampun dipunsalin',
  native: 'Bagekaken…',
  nativeLabel: 'Bagekaken lumantar aplikasi sanes',
  manual: 'Pranala boten saged dipunsalin kanthi otomatis. Mangga salin saking kothak punika:',
  link: 'Pranala artikel',
};
