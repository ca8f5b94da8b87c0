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
  },
  retry: 'Cobian deui',
  newsList: {
    label: 'Warta',
    loading: 'Nuju ngamuat warta…',
    empty: 'Teu acan aya warta.',
    emptyCategory: (category) => `Teu acan aya warta dina kategori ${category}.`,
    more: 'Muat warta sanésna',
    loadingMore: 'Nuju ngamuat warta sanésna…',
    stale: 'Nembongkeun warta nu disimpen: sumber warta can tiasa dihubungi.',
  },
  article: {
    by: (name) => `ku ${name}`,
    source: (name) => `Sumber: ${name}`,
    untitled: 'Teu aya judul',
  },
};
