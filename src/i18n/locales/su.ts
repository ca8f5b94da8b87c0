import type { KabarStrings } from '../strings.js';

export const error: KabarStrings['error'] = {
  network: () => 'Sumber warta teu tiasa dihubungi.',
  offline: () => 'Alat nuju teu nyambung. Warta bakal dimuat upami tos nyambung deui.',
  cors: () => 'Sumber warta henteu ngawidian dibaca ti ieu situs.',
  timeout: () => 'Sumber warta kalami-lamian ngawaler.',
  http: (status) =>
    status === 404
      ? 'Sumber warta teu kapendak (404).'
      : status >= 500
        ? `Server sumber warta nuju aya gangguan (${status}).`
        : `Sumber warta nolak paménta (${status}).`,
  empty: () => 'Sumber warta ngintunkeun waleran kosong.',
  html: () => 'Sumber warta ngintunkeun kaca wéb, sanés feed warta.',
  parse: () => 'Eusi sumber warta teu tiasa dibaca salaku feed warta.',
  format: () => 'Format feed warta ieu teu acan dirojong.',
  'invalid-url': () => 'Alamat sumber warta teu valid.',
  share: () => 'Tutumbu teu tiasa dibagikeun.',
};

export const retry: KabarStrings['retry'] = 'Cobian deui';

export const newsList: KabarStrings['newsList'] = {
  label: 'Warta',
  loading: 'Nuju ngamuat warta…',
  empty: 'Teu acan aya warta.',
  emptyCategory: (category) => `Teu acan aya warta dina kategori ${category}.`,
  more: 'Muat warta sanésna',
  loadingMore: 'Nuju ngamuat warta sanésna…',
  stale: 'Nembongkeun warta nu disimpen: sumber warta can tiasa dihubungi.',
};

export const poll: KabarStrings['poll'] = {
  label: 'Polling',
  loading: 'Nuju ngamuat polling…',
  empty: 'Teu aya polling kanggo ayeuna.',
  submit: 'Kirim pilihan',
  submitting: 'Nuju ngirim…',
  votes: (_count, n) => `${n} sora`,
  total: (_count, n) => `Jumlahna ${n} sora`,
  yourChoice: 'Pilihan anjeun',
  thanks: 'Hatur nuhun, sora anjeun parantos kacatet.',
  closed: (date) => `Polling parantos ditutup ping ${date}.`,
  closedUndated: 'Polling parantos ditutup.',
  pending: (option) =>
    `Pilihan anjeun (${option}) disimpen dina ieu alat sareng bakal dikirim otomatis upami tos nyambung deui.`,
  notStored: 'Ieu alat teu tiasa nyimpen sora; ulah nutup kaca samemeh sora kakirim.',
  sendNow: 'Kirim ayeuna',
  failed: 'Polling teu tiasa dimuat.',
  rejected: 'Sora anjeun teu tiasa ditampi.',
};

export const article: KabarStrings['article'] = {
  by: (name) => `ku ${name}`,
  source: (name) => `Sumber: ${name}`,
  untitled: 'Teu aya judul',
};

export const comments: KabarStrings['comments'] = {
  heading: 'Koméntar',
  show: 'Témbongkeun koméntar',
  consent: (provider) =>
    `Koméntar disayogikeun ku ${provider}. Upami ditémbongkeun, ${provider} nampi data kunjungan anjeun sarta tiasa nyimpen cookie.`,
  privacy: (provider) => `Kawijakan privasi ${provider}`,
  thirdParty: 'layanan pihak katilu',
  waiting: 'Koméntar dimuat upami anjeun tos ngagulung dugi ka dieu.',
  loading: 'Nuju ngamuat koméntar…',
  failed: (provider) =>
    `Koméntar ti ${provider} teu tiasa dimuat. Panginten dipeungpeuk ku panyungsi atanapi jaringan nuju aya gangguan.`,
  offline: 'Alat nuju teu nyambung. Koméntar tiasa dimuat upami tos nyambung deui.',
  setup: (provider) => `Koméntar ${provider} teu acan disetél kalayan leres di ieu situs.`,
  busy: (provider) =>
    `${provider} ngan ukur tiasa némbongkeun hiji diskusi dina hiji kaca, sarta diskusi éta tos témbong di bagian séjén kaca ieu.`,
  poweredBy: (provider) => `Koméntar dirojong ku ${provider}`,
};

export const shareBar: KabarStrings['shareBar'] = {
  label: 'Bagikeun',
  on: (network) => `Bagikeun ka ${network}`,
  email: 'Surél',
  emailLabel: 'Kintun ngaliwatan surél',
  copy: 'Salin tutumbu',
  copied: 'Tutumbu tos disalin',
  native: 'Bagikeun…',
  nativeLabel: 'Bagikeun ngangge aplikasi sanés',
  manual: 'Tutumbu teu tiasa disalin sacara otomatis. Mangga salin tina kotak ieu:',
  link: 'Tutumbu artikel',
};
