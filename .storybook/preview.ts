import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { argTypesFor, elementsOf } from './manifest-arg-types.js';
import { THEMES } from './themes.js';

// Autodocs read attributes, properties, events, slots, parts and custom properties from here.
setCustomElementsManifest(manifest);

/** The toolbar's language: a `lang` on a wrapper, which every Kabar element follows. */
const withLanguage: Decorator = (story, { globals }) =>
  html`<div class="kabar-story-lang" lang=${globals.lang ?? 'id'}>${story()}</div>`;

/** The toolbar's theme: `--kabar-*` custom properties on a wrapper (and a page colour for dark). */
const withTheme: Decorator = (story, { globals }) => {
  const theme = THEMES[globals.theme as string] ?? THEMES.default!;
  const style = { ...theme.page, ...theme.properties, display: 'block', padding: theme.page ? '1rem' : '0' };
  return html`<div
    class="kabar-story-theme"
    data-theme=${globals.theme ?? 'default'}
    style=${styleMap(style)}
  >
    ${story()}
  </div>`;
};

/** Every event an element documents: the Actions panel logs them as they happen. */
const EVENTS = [
  ...new Set(elementsOf(manifest).flatMap((element) => (element.events ?? []).map((e) => e.name))),
];

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLanguage, withTheme, withActions],
  globalTypes: {
    lang: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia (id)' },
          { value: 'en', title: 'English (en)' },
          { value: 'su', title: 'Basa Sunda (su)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme: --kabar-* custom properties',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(THEMES).map(([value, theme]) => ({ value, title: theme.title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'id', theme: 'default' },
  parameters: {
    layout: 'padded',
    actions: { handles: EVENTS },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: {
      toc: true,
      extractArgTypes: (tagName: string) => argTypesFor(manifest, tagName),
    },
    // Every story must pass axe; `npm run test:storybook` checks it on the static build.
    a11y: { test: 'error' },
  },
};

export default preview;
