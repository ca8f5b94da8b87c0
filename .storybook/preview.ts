import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { argTypesFor, elementsOf } from './manifest-arg-types.js';
import { embedCode } from '../stories/support/embed-code.js';
import type { EmbedParameters } from '../stories/support/embed-code.js';
import { THEMES } from './themes.js';

// Autodocs read attributes, properties, events, slots, parts and custom properties from here.
setCustomElementsManifest(manifest);

/** The toolbar's language: a `lang` on a wrapper, which every Kabar element follows. */
const withLanguage: Decorator = (story, { globals }) =>
  html`<div class="kabar-story-lang" lang=${globals.lang ?? 'id'}>${story()}</div>`;

/**
 * The toolbar's theme: `--kabar-*` custom properties and `color-scheme` on a wrapper. A theme
 * with a page colour (dark) paints it around the story with a shadow as wide as the story's
 * padding, so every theme puts the widget at the same place (no padding of its own).
 */
const withTheme: Decorator = (story, { globals, viewMode }) => {
  const theme = THEMES[globals.theme as string] ?? THEMES.default!;
  // A story on its own fills the canvas: its whole page takes the theme's page colour. (On a
  // docs page, where stories share the page, the shadow below paints around each one.)
  const alone = viewMode === 'story';
  document.body.style.background = alone ? (theme.page?.background ?? '') : '';
  document.body.style.colorScheme = alone ? (theme.scheme ?? '') : '';
  const page = theme.page ? { ...theme.page, 'box-shadow': `0 0 0 1rem ${theme.page.background}` } : {};
  const style = {
    ...page,
    ...theme.properties,
    ...(theme.scheme ? { 'color-scheme': theme.scheme } : {}),
    display: 'block',
  };
  return html`<div
    class="kabar-story-theme"
    data-theme=${globals.theme ?? 'default'}
    style=${styleMap(style)}
  >
    ${story()}
  </div>`;
};

/** What the source transform reads of a story's context. */
interface StoryContextLike {
  component?: unknown;
  args?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

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
          // Short titles: the toolbar shows the chosen one, and a phone has little room.
          { value: 'id', title: 'ID', right: 'Bahasa Indonesia' },
          { value: 'en', title: 'EN', right: 'English' },
          { value: 'su', title: 'SU', right: 'Basa Sunda' },
          { value: 'jv', title: 'JV', right: 'Basa Jawa' },
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
    // The front door first, then the guides, then the elements.
    options: { storySort: { order: ['Introduction', 'Guides', 'Elements'] } },
    actions: { handles: EVENTS },
    // In the order the arg types give: the attributes a site sets first (see manifest-arg-types.ts).
    controls: { expanded: true, sort: 'none' },
    docs: {
      toc: true,
      // "Show code" is the embed code: script tag, theme, the element as a site writes it.
      source: {
        transform: (_code: string, context: StoryContextLike) => {
          const theme = THEMES[context.globals?.theme as string] ?? THEMES.default!;
          return embedCode(
            String(context.component ?? ''),
            context.args ?? {},
            { properties: theme.properties, scheme: theme.scheme },
            context.parameters?.embed as EmbedParameters | undefined,
          );
        },
      },
      extractArgTypes: (tagName: string) => argTypesFor(manifest, tagName),
    },
    // Every story must pass axe; `npm run test:storybook` checks it on the static build.
    a11y: { test: 'error' },
  },
};

export default preview;
