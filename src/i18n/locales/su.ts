import type { KabarStrings } from '../strings.js';

export const su: KabarStrings = {
  error: {
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
    parse: () => 'Eusi sumber warta teu tiasa dibaca salaku feed warta.',
    format: () => 'Format feed warta ieu teu acan dirojong.',
    'invalid-url': () => 'Alamat sumber warta teu valid.',
    share: () => 'Tutumbu teu tiasa dibagikeun.',
  },
  retry: 'Cobian deui',
  newsList: {
    label: 'Warta',
    loading: 'Nuju ngamuat warta…',
    empty: 'Teu acan aya warta.',
    emptyCategory: (category) => `Teu acan aya warta dina kategori ${category}.`,
  },
  article: {
    by: (name) => `ku ${name}`,
    source: (name) => `Sumber: ${name}`,
    untitled: 'Teu aya judul',
  },
  shareBar: {
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
  },
};
