import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/feed/kabar-feed.js';
import '../src/components/news-list/kabar-news-list.js';
import type { FeedLoader } from '../src/data/index.js';
import { FEED_PLACEHOLDER } from './support/embed-code.js';
import type { EmbedParameters } from './support/embed-code.js';
import { elementArgs } from './support/element.js';
import { FEED_URL, answer, beritaFeed, fail, never } from './support/fixtures.js';

interface FeedArgs {
  src: string;
  loader: FeedLoader;
}

/** The two lists inside, as a site writes them. */
const LISTS = [
  '<kabar-news-list heading="Terbaru" layout="list" limit="3"></kabar-news-list>',
  '<kabar-news-list heading="Sekilas" layout="compact" limit="6"></kabar-news-list>',
].join('\n');

const embed = (note?: string): { embed: EmbedParameters } => ({
  embed: { replace: { src: FEED_PLACEHOLDER }, content: LISTS, ...(note ? { note } : {}) },
});

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// `<kabar-feed>` renders nothing itself: these stories show it sharing one feed with two lists.
// The lists sit in a grid of the story (a site lays them out its own way): columns of at least
// 18rem, never wider than the screen.
const meta: Meta<FeedArgs> = {
  title: 'Elements/kabar-feed',
  component: 'kabar-feed',
  args: { src: FEED_URL, loader: answer(beritaFeed()) },
  parameters: embed(),
  render: (args) => html`
    <kabar-feed ${elementArgs(args)} .loader=${args.loader}>
      <div
        style="display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr))"
      >
        <kabar-news-list heading="Terbaru" layout="list" limit="3"></kabar-news-list>
        <kabar-news-list heading="Sekilas" layout="compact" limit="6"></kabar-news-list>
      </div>
    </kabar-feed>
  `,
};
export default meta;

type Story = StoryObj<FeedArgs>;

/** One feed, loaded once, shown by two lists in different layouts. */
export const SharedFeed: Story = { tags: ['every-theme'] };
/** While the shared feed loads, every list inside shows its skeleton. */
export const Loading: Story = {
  tags: ['loading'],
  args: { loader: never },
  parameters: embed('Every list inside shows its skeleton by itself while the shared feed loads.'),
};
/** When the shared feed fails, every list inside shows the error and can retry. */
export const LoadError: Story = {
  tags: ['every-theme'],
  args: { loader: fail('timeout', 0) },
  parameters: embed('Every list inside shows the error by itself when the shared feed cannot be loaded.'),
};
