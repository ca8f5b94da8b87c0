/**
 * Stand-in comments providers for the stories: they fill the container from memory, so the
 * stories show every load mode without Disqus or giscus (and without any request).
 *
 * Registered by a call, not on import: `package.json` marks the project's modules free of side
 * effects (apart from the registration modules), so the production build of Storybook drops a
 * module imported only for its side effects, and every comments story waited for its provider.
 */
import { registerCommentsProvider } from '../../src/components/comments/providers/provider.js';
import { KabarError } from '../../src/data/errors.js';

const COMMENTS = [
  ['Dewi, Cikalong', 'Semoga pelatihan UMKM-nya juga sampai ke desa kami.'],
  ['Humas Diskominfo', 'Terima kasih. Jadwal per kecamatan diumumkan pekan depan.'],
  ['Asep, Sukamaju', 'Mantap, jalan desa kami sudah mulus sekarang.'],
];

export function registerStandInProviders(): void {
  registerCommentsProvider('forum-desa', {
    label: 'Forum Desa',
    privacyUrl: 'https://forum-desa.example/privasi',
    homeUrl: 'https://forum-desa.example/',
    async mount({ container }) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const list = document.createElement('ol');
      list.style.cssText = 'margin:0;padding:0;list-style:none;display:grid;gap:.75rem';
      for (const [name, text] of COMMENTS) {
        const item = document.createElement('li');
        const who = document.createElement('strong');
        who.textContent = name!;
        item.append(who, document.createElement('br'), text!);
        list.append(item);
      }
      container.append(list);
    },
  });

  registerCommentsProvider('forum-rusak', {
    label: 'Forum Rusak',
    privacyUrl: 'https://forum-rusak.example/privasi',
    homeUrl: 'https://forum-rusak.example/',
    async mount() {
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new KabarError('network', 'The stand-in provider always fails.');
    },
  });
}
