import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/news-list/kabar-news-list.js';
import type { KabarNewsListElement } from '../src/components/news-list/news-list-element.js';
import type { FeedLoader } from '../src/data/index.js';
import type { NewsListLayout } from '../src/types.js';
import { FEED_PLACEHOLDER } from './support/embed-code.js';
import type { EmbedParameters } from './support/embed-code.js';
import { elementArgs } from './support/element.js';
import {
  FEED_URL,
  answer,
  answerOnce,
  beritaFeed,
  emptyFeed,
  fail,
  feedWithLongText,
  feedWithoutImages,
  never,
} from './support/fixtures.js';

interface NewsListArgs {
  src: string;
  layout: NewsListLayout;
  limit: number;
  heading: string;
  category: string;
  'page-size'?: number;
  loader: FeedLoader;
}

const embed = (note?: string): { embed: EmbedParameters } => ({
  embed: { replace: { src: FEED_PLACEHOLDER }, ...(note ? { note } : {}) },
});

const LOADING_NOTE = 'The skeleton shows by itself while the feed loads: the same markup, nothing to add.';
const ERROR_NOTE =
  'The error message shows by itself when the feed cannot be loaded (here the server answered 503), with a retry button.';
const EMPTY_NOTE = 'The empty message shows by itself when the feed (or its category) has no articles.';

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Feeds come from `stories/fixtures/` through `loader`: `src` only names the fixture.
const meta: Meta<NewsListArgs> = {
  title: 'Elements/kabar-news-list',
  component: 'kabar-news-list',
  args: {
    src: FEED_URL,
    layout: 'list',
    limit: 4,
    heading: 'Berita terkini',
    category: '',
    loader: answer(beritaFeed()),
  },
  parameters: embed(),
  render: (args) => html`<kabar-news-list ${elementArgs(args)} .loader=${args.loader}></kabar-news-list>`,
};
export default meta;

type Story = StoryObj<NewsListArgs>;

const loaded = { loader: answer(beritaFeed()) };
const loading = { loader: never };
const failed = { loader: fail('http', 503) };
const empty = { loader: answer(emptyFeed()) };

/** List layout, loaded: image beside text. */
export const ListLoaded: Story = { tags: ['every-theme'], args: { ...loaded, layout: 'list' } };
/** List layout while the feed loads: a skeleton, announced as "loading". */
export const ListLoading: Story = {
  tags: ['every-theme', 'loading'],
  args: { ...loading, layout: 'list' },
  parameters: embed(LOADING_NOTE),
};
/** List layout when the feed fails: a message and a retry button. */
export const ListError: Story = {
  tags: ['every-theme'],
  args: { ...failed, layout: 'list' },
  parameters: embed(ERROR_NOTE),
};
/** List layout when the feed has no articles. */
export const ListEmpty: Story = {
  tags: ['every-theme'],
  args: { ...empty, layout: 'list' },
  parameters: embed(EMPTY_NOTE),
};

/** Grid layout, loaded: cards in columns at least `--kabar-news-list-column` wide. */
export const GridLoaded: Story = { tags: ['every-theme'], args: { ...loaded, layout: 'grid', limit: 6 } };
/** Grid layout while the feed loads. */
export const GridLoading: Story = {
  tags: ['loading'],
  args: { ...loading, layout: 'grid', limit: 6 },
  parameters: embed(LOADING_NOTE),
};
/** Grid layout when the feed fails. */
export const GridError: Story = { args: { ...failed, layout: 'grid' }, parameters: embed(ERROR_NOTE) };
/** Grid layout when the feed has no articles. */
export const GridEmpty: Story = { args: { ...empty, layout: 'grid' }, parameters: embed(EMPTY_NOTE) };

/** Compact layout, loaded: titles and dates only, for a sidebar. */
export const CompactLoaded: Story = {
  tags: ['every-theme'],
  args: { ...loaded, layout: 'compact', limit: 6 },
};
/** Compact layout while the feed loads. */
export const CompactLoading: Story = {
  tags: ['loading'],
  args: { ...loading, layout: 'compact' },
  parameters: embed(LOADING_NOTE),
};
/** Compact layout when the feed fails. */
export const CompactError: Story = { args: { ...failed, layout: 'compact' }, parameters: embed(ERROR_NOTE) };
/** Compact layout when the feed has no articles. */
export const CompactEmpty: Story = { args: { ...empty, layout: 'compact' }, parameters: embed(EMPTY_NOTE) };

/** Titles, excerpts and author names much longer than a design expects, and an unbreakable word. */
export const LongTitles: Story = { args: { loader: answer(feedWithLongText()), layout: 'list' } };
/** Long text in the grid layout. */
export const LongTitlesGrid: Story = { args: { loader: answer(feedWithLongText()), layout: 'grid' } };
/** Articles without images: the text takes the whole width. */
export const MissingImages: Story = { args: { loader: answer(feedWithoutImages()), layout: 'list' } };
/** Only the articles of one category (`category`, any case). */
export const Category: Story = { args: { category: 'Ekonomi' } };
/** A category with no articles: the empty message names it. */
export const EmptyCategory: Story = {
  args: { category: 'Olahraga' },
  parameters: embed('The empty message names the category when no article of the feed has it.'),
};
/** Paging with `page-size`: two articles at first, a "load more" button for the next two. */
export const LoadMore: Story = { args: { limit: 6, 'page-size': 2 } };
/**
 * The feed loaded once, then a refresh failed: the articles stay, with a quiet notice that a
 * saved copy is shown.
 */
export const SavedCopy: Story = {
  // A loader of its own for each render: it fails from its second call on.
  render: (args) =>
    html`<kabar-news-list ${elementArgs(args)} .loader=${answerOnce(beritaFeed())}></kabar-news-list>`,
  parameters: embed(
    'The notice shows by itself when a refresh fails after the feed loaded once: the saved copy stays on screen.',
  ),
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector<KabarNewsListElement>('kabar-news-list')!;
    await loadedOnce(list);
    list.reload();
    await settledAgain(list);
  },
};
/** The network is down: the error message says so. */
export const Offline: Story = {
  args: { loader: fail('offline', 0) },
  parameters: embed('The offline message shows by itself when the reader has no connection.'),
};
/** The response was not a feed. */
export const NotAFeed: Story = {
  args: { loader: fail('parse', 200) },
  parameters: embed(
    'This message shows by itself when the address answers with something other than a feed.',
  ),
};

/** The `header`, `empty` and `error` slots replace the built-in heading and messages. */
export const Slots: Story = {
  args: { ...failed, heading: '' },
  parameters: {
    embed: {
      replace: { src: FEED_PLACEHOLDER },
      note: 'The error slot shows when the feed cannot be loaded.',
      content: [
        '<h2 slot="header">Kabar dari desa</h2>',
        '<p slot="error">Berita desa sedang tidak dapat dimuat. Silakan coba lagi nanti.</p>',
      ].join('\n'),
    } satisfies EmbedParameters,
  },
  render: (args) => html`
    <kabar-news-list ${elementArgs(args)} .loader=${args.loader}>
      <h2 slot="header">Kabar dari desa</h2>
      <p slot="error">Berita desa sedang tidak dapat dimuat. Silakan coba lagi nanti.</p>
    </kabar-news-list>
  `,
};

/** Resolves once `list` shows articles (bounded: 5 s). */
async function loadedOnce(list: KabarNewsListElement): Promise<void> {
  for (let tries = 0; tries < 50 && !list.shadowRoot?.querySelector('[part="item"]'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once `list` shows its saved-copy notice (bounded: 5 s). */
async function settledAgain(list: KabarNewsListElement): Promise<void> {
  for (let tries = 0; tries < 50 && !list.shadowRoot?.querySelector('[part="notice"]'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
