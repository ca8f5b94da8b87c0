import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/feed/kabar-feed.js';
import '../src/components/news-list/kabar-news-list.js';
import type { FeedLoader } from '../src/data/index.js';
import { FEED_URL, answer, beritaFeed, fail, never } from './support/fixtures.js';

interface FeedArgs {
  refresh: number;
  timeout: number;
  loader: FeedLoader;
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// `<kabar-feed>` renders nothing itself: these stories show it sharing one feed with two lists.
const meta: Meta<FeedArgs> = {
  title: 'Elements/kabar-feed',
  component: 'kabar-feed',
  args: { refresh: 0, timeout: 10000, loader: answer(beritaFeed()) },
  argTypes: { loader: { control: false } },
  render: ({ refresh, timeout, loader }) => html`
    <kabar-feed src=${FEED_URL} refresh=${refresh} timeout=${timeout} .loader=${loader}>
      <div style="display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr))">
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
export const Loading: Story = { tags: ['loading'], args: { loader: never } };
/** When the shared feed fails, every list inside shows the error and can retry. */
export const LoadError: Story = { tags: ['every-theme'], args: { loader: fail('timeout', 0) } };
