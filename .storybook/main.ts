import { existsSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * The embed builder (`demo/pasang/`) goes into the static site too, at the same path as under
 * `npm start`, with what it loads: the built bundle (when `npm run build` has made it), the
 * demo's logo and its example feed.
 */
const builder = existsSync('dist/kabar.min.js')
  ? [
      { from: '../demo/pasang', to: '/demo/pasang' },
      { from: '../demo/images', to: '/demo/images' },
      { from: '../demo/feeds', to: '/demo/feeds' },
      { from: '../dist', to: '/dist' },
    ]
  : [];

/**
 * Storybook for Kabar's elements: one `stories/kabar-<name>.stories.ts` per element, docs
 * generated from `custom-elements.json`, fixtures served from `stories/fixtures` (no network),
 * and the embed builder beside them.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The Introduction first: the sidebar follows this order.
  stories: ['../stories/introduction.mdx', '../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [
    { from: '../stories/fixtures', to: '/fixtures' },
    // Kabar's mark, for the sidebar and the Introduction.
    { from: '../stories/assets', to: '/brand' },
    ...builder,
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    // One copy of lit-html: without this, `storybook dev` pre-bundles a second one.
    vite.optimizeDeps = {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'],
    };
    // The docs renderer is one large chunk by design; it is served locally, not to site visitors.
    vite.build = { ...vite.build, chunkSizeWarningLimit: 2048 };
    return vite;
  },
};

export default config;
