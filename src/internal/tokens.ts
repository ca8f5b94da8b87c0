/**
 * Kabar's theme values, each with its one default. Pages set these custom properties to theme
 * every widget at once (they inherit from the page). A stylesheet writes one as
 * `var(--kabar-color-border, #dde1e6)`, with the default listed here, and each element
 * documents it with `@cssprop` and the same default: `test/node/manifest.test.mjs` checks both
 * against this list. (Interpolating the defaults into the `css` templates would say it once in
 * code, but the build's CSS minifier drops declarations around interpolated values.) Component
 * knobs (`--kabar-<component>-<thing>`) stay in their component's stylesheet.
 */
export const TOKENS = {
  '--kabar-color-text': 'inherit',
  '--kabar-color-text-secondary': 'inherit',
  '--kabar-color-muted': '#555f6b',
  '--kabar-color-link': 'inherit',
  '--kabar-color-accent': '#0b6e4f',
  '--kabar-color-on-accent': '#fff',
  '--kabar-color-border': '#dde1e6',
  '--kabar-color-surface': 'transparent',
  '--kabar-color-surface-muted': '#f3f5f7',
  '--kabar-color-skeleton': '#e6e8eb',
  '--kabar-color-focus': '#1a73e8',
  '--kabar-color-danger': '#b3261e',
  '--kabar-color-warning': '#8a5a00',
  '--kabar-font-family': 'inherit',
  '--kabar-font-family-heading': 'inherit',
  '--kabar-font-size': '1rem',
  '--kabar-font-size-small': '0.875em',
  '--kabar-space-xs': '0.25rem',
  '--kabar-space-s': '0.5rem',
  '--kabar-space-m': '1rem',
  '--kabar-space-l': '1.5rem',
  '--kabar-radius-s': '0.25rem',
  '--kabar-radius-m': '0.5rem',
  '--kabar-radius-pill': '999px',
} as const;
