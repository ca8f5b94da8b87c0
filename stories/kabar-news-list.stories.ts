import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/news-list/kabar-news-list.js';
import type { FeedLoader } from '../src/data/index.js';
import { NEWS_LIST_LAYOUTS } from '../src/types.js';
import type { NewsListLayout } from '../src/types.js';
import {
  FEED_URL,
  answer,
  beritaFeed,
  emptyFeed,
  fail,
  feedWithLongText,
  feedWithoutImages,
  never,
} from './support/fixtures.js';

interface NewsListArgs {
  layout: NewsListLayout;
  limit: number;
  heading: string;
  category: string;
  loader: FeedLoader;
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Feeds come from `stories/fixtures/` through `loader`: `src` only names the fixture.
const meta: Meta<NewsListArgs> = {
  title: 'Elements/kabar-news-list',
  component: 'kabar-news-list',
  args: { layout: 'list', limit: 4, heading: 'Berita terkini', category: '', loader: answer(beritaFeed()) },
  argTypes: {
    layout: { control: 'inline-radio', options: [...NEWS_LIST_LAYOUTS] },
    loader: { control: false },
  },
  render: ({ layout, limit, heading, category, loader }) => html`
    <kabar-news-list
      src=${FEED_URL}
      layout=${layout}
      limit=${limit}
      heading=${heading}
      category=${category}
      .loader=${loader}
    ></kabar-news-list>
  `,
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
export const ListLoading: Story = { tags: ['every-theme', 'loading'], args: { ...loading, layout: 'list' } };
/** List layout when the feed fails: a message and a retry button. */
export const ListError: Story = { tags: ['every-theme'], args: { ...failed, layout: 'list' } };
/** List layout when the feed has no articles. */
export const ListEmpty: Story = { tags: ['every-theme'], args: { ...empty, layout: 'list' } };

/** Grid layout, loaded: cards in columns at least `--kabar-news-list-column` wide. */
export const GridLoaded: Story = { tags: ['every-theme'], args: { ...loaded, layout: 'grid', limit: 6 } };
/** Grid layout while the feed loads. */
export const GridLoading: Story = { tags: ['loading'], args: { ...loading, layout: 'grid', limit: 6 } };
/** Grid layout when the feed fails. */
export const GridError: Story = { args: { ...failed, layout: 'grid' } };
/** Grid layout when the feed has no articles. */
export const GridEmpty: Story = { args: { ...empty, layout: 'grid' } };

/** Compact layout, loaded: titles and dates only, for a sidebar. */
export const CompactLoaded: Story = {
  tags: ['every-theme'],
  args: { ...loaded, layout: 'compact', limit: 6 },
};
/** Compact layout while the feed loads. */
export const CompactLoading: Story = { tags: ['loading'], args: { ...loading, layout: 'compact' } };
/** Compact layout when the feed fails. */
export const CompactError: Story = { args: { ...failed, layout: 'compact' } };
/** Compact layout when the feed has no articles. */
export const CompactEmpty: Story = { args: { ...empty, layout: 'compact' } };

/** Titles, excerpts and author names much longer than a design expects, and an unbreakable word. */
export const LongTitles: Story = { args: { loader: answer(feedWithLongText()), layout: 'list' } };
/** Long text in the grid layout. */
export const LongTitlesGrid: Story = { args: { loader: answer(feedWithLongText()), layout: 'grid' } };
/** Articles without images: the text takes the whole width. */
export const MissingImages: Story = { args: { loader: answer(feedWithoutImages()), layout: 'list' } };
/** Articles without images in the grid layout. */
export const MissingImagesGrid: Story = { args: { loader: answer(feedWithoutImages()), layout: 'grid' } };
/** Filtered by `category`: only the matching articles. */
export const Category: Story = { args: { ...loaded, category: 'Pertanian' } };
/** A `category` no article has: the empty message names it. */
export const CategoryEmpty: Story = { tags: ['every-theme'], args: { ...loaded, category: 'Olahraga' } };
/** Without `heading`: no heading row; the list is named for screen readers instead. */
export const NoHeading: Story = { args: { ...loaded, heading: '' } };
/** The network is down: the error message says so. */
export const Offline: Story = { args: { loader: fail('offline', 0) } };
/** The response was not a feed. */
export const NotAFeed: Story = { args: { loader: fail('parse', 200) } };

/** The `header`, `empty` and `error` slots replace the built-in heading and messages. */
export const Slots: Story = {
  args: { ...failed },
  render: ({ layout, loader }) => html`
    <kabar-news-list src=${FEED_URL} layout=${layout} .loader=${loader}>
      <h2 slot="header">Kabar dari desa</h2>
      <p slot="error">Berita desa sedang tidak dapat dimuat. Silakan coba lagi nanti.</p>
    </kabar-news-list>
  `,
};
