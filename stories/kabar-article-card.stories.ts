import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/components/article-card/kabar-article-card.js';
import type { FeedItem } from '../src/data/index.js';
import type { ArticleCardLayout } from '../src/types.js';
import type { EmbedParameters } from './support/embed-code.js';
import { elementArgs } from './support/element.js';
import { articleWithContent, firstArticle } from './support/fixtures.js';

interface ArticleCardArgs {
  heading: string;
  href: string;
  image: string;
  date: string;
  excerpt: string;
  category: string;
  author: string;
  layout: ArticleCardLayout;
  'heading-level'?: number;
  content?: boolean;
  article?: FeedItem;
}

/** The fixture image is a file of the stories; a site points at its own. */
const EMBED: EmbedParameters = {
  replace: { image: 'https://situs-anda.go.id/wp-content/uploads/pasar-sukamaju.jpg' },
};

/** Story-only width, so a card looks like one in a page's column (not part of the embed code). */
const width = (layout: ArticleCardLayout) =>
  styleMap({ maxWidth: layout === 'vertical' ? '22rem' : '40rem' });

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// A card from plain attributes; the image is a local fixture file.
const meta: Meta<ArticleCardArgs> = {
  title: 'Elements/kabar-article-card',
  component: 'kabar-article-card',
  args: {
    heading: 'Pasar Rakyat Kecamatan Sukamaju Kembali Buka Setelah Renovasi',
    href: 'https://contoh.go.id/berita/pasar-sukamaju/',
    image: 'fixtures/pasar.svg',
    date: '2026-11-27T09:30:00+07:00',
    excerpt:
      'Sebanyak 240 pedagang kembali menempati kios baru yang lebih bersih dan tertata. Bupati meminta pengelola menjaga kebersihan dan tarif retribusi tetap terjangkau.',
    category: 'Ekonomi',
    author: 'Humas Diskominfo',
    layout: 'vertical',
  },
  parameters: { embed: EMBED },
  render: (args) => html`
    <div style=${width(args.layout)}>
      <kabar-article-card ${elementArgs(args)} .article=${args.article}></kabar-article-card>
    </div>
  `,
};
export default meta;

type Story = StoryObj<ArticleCardArgs>;

/** Vertical layout: image above the text, for grids of cards. */
export const Vertical: Story = { tags: ['every-theme'], args: { layout: 'vertical' } };
/** Horizontal layout: image beside the text, for lists. */
export const Horizontal: Story = { tags: ['every-theme'], args: { layout: 'horizontal' } };
/** Compact layout: no image and no excerpt. */
export const Compact: Story = { args: { layout: 'compact' } };
/** Without an image: the text takes the space. */
export const MissingImage: Story = { args: { image: '' } };
/** Without an image, horizontal. */
export const MissingImageHorizontal: Story = { args: { image: '', layout: 'horizontal' } };
/** A title far longer than a design expects. */
export const LongTitle: Story = {
  args: {
    heading:
      'Pemerintah Kabupaten Contoh Bersama Dinas Pekerjaan Umum dan Penataan Ruang Menargetkan Perbaikan Seluruh Jalan Desa Rusak Berat Rampung Sebelum Musim Hujan',
    layout: 'horizontal',
  },
};
/** Only a title: no link, date, author, category or excerpt. */
export const TitleOnly: Story = {
  args: { href: '', image: '', date: '', excerpt: '', category: '', author: '' },
};
/** An image URL that is not http(s) (here `javascript:`) is never shown. */
export const UnsafeImage: Story = {
  args: { image: 'javascript:alert(1)' },
  parameters: { embed: { note: 'An image URL that is not http(s) is never shown.' } },
};

const FROM_FEED_ITEM: EmbedParameters = {
  note: 'The article property takes a feed item from script: card.article = item (kabar-load events carry the feed).',
};
const NO_ATTRIBUTES = {
  heading: '',
  href: '',
  image: '',
  date: '',
  excerpt: '',
  category: '',
  author: '',
};

/** From a feed item (the `article` property) instead of attributes: the first article of the fixture feed. */
export const FromFeedItem: Story = {
  args: { ...NO_ATTRIBUTES, article: firstArticle() },
  parameters: { embed: FROM_FEED_ITEM },
};
/** With `content`: the article's full HTML from its feed item, sanitized, instead of the excerpt. */
export const FullArticle: Story = {
  args: { ...NO_ATTRIBUTES, article: articleWithContent(), content: true, layout: 'horizontal' },
  parameters: { embed: FROM_FEED_ITEM },
};
