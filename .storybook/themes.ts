/**
 * The themes of the toolbar. A theme is a set of `--kabar-*` custom properties, set on a
 * wrapper around the story, exactly as a site would set them on a container of its page.
 */
export interface StoryTheme {
  title: string;
  /** `--kabar-*` custom properties. */
  properties: Record<string, string>;
  /** The page around the widget (only the dark theme: a dark widget needs a dark page). */
  page?: { background: string; color: string };
  /** `color-scheme`: `dark` makes native controls (radio buttons, scroll bars) dark too. */
  scheme?: 'dark';
}

export const THEMES: Record<string, StoryTheme> = {
  default: { title: 'Default', properties: {} },
  dark: {
    title: 'Dark',
    page: { background: '#15191e', color: '#e8eaed' },
    scheme: 'dark',
    properties: {
      '--kabar-color-text': '#e8eaed',
      '--kabar-color-text-secondary': '#c9d0d8',
      '--kabar-color-muted': '#aeb8c3',
      '--kabar-color-link': '#e8eaed',
      '--kabar-color-accent': '#6fd7ae',
      '--kabar-color-on-accent': '#0c2a1f',
      '--kabar-color-focus': '#8ab4f8',
      '--kabar-color-danger': '#ffb4ab',
      // The pending vote's stripe: the default dark amber is lost on a dark page.
      '--kabar-color-warning': '#f2c14e',
      '--kabar-color-border': '#3a424c',
      '--kabar-color-surface-muted': '#222930',
      '--kabar-color-skeleton': '#2c343d',
    },
  },
  regency: {
    title: 'Regency brand',
    properties: {
      '--kabar-color-text': '#2b1d12',
      '--kabar-color-text-secondary': '#4a3a2c',
      '--kabar-color-muted': '#6b5646',
      '--kabar-color-link': '#6e1423',
      '--kabar-color-accent': '#8a1c2b',
      '--kabar-color-on-accent': '#fffaf0',
      '--kabar-color-focus': '#c98a00',
      '--kabar-color-surface-muted': '#fbf1df',
      '--kabar-color-border': '#e4d3b8',
      '--kabar-color-skeleton': '#efe2cc',
      '--kabar-font-family': '"Trebuchet MS", "Segoe UI", sans-serif',
      '--kabar-font-family-heading': 'Georgia, "Times New Roman", serif',
      '--kabar-radius-m': '2px',
      '--kabar-radius-s': '1px',
      '--kabar-article-background': '#fffaf0',
      '--kabar-article-padding': '0.75rem',
      '--kabar-article-image-ratio': '4 / 3',
      '--kabar-news-list-heading-size': '1.5em',
    },
  },
};
