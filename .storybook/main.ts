import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for Kabar's elements: one `stories/kabar-<name>.stories.ts` per element, docs
 * generated from `custom-elements.json`, fixtures served from `stories/fixtures` (no network).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [{ from: '../stories/fixtures', to: '/fixtures' }],
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
