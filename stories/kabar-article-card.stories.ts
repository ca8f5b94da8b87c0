import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/article-card/kabar-article-card.js';
import type { FeedItem } from '../src/data/index.js';
import { ARTICLE_CARD_LAYOUTS } from '../src/types.js';
import type { ArticleCardLayout } from '../src/types.js';
import { firstArticle } from './support/fixtures.js';

interface ArticleCardArgs {
  heading: string;
  href: string;
  image: string;
  date: string;
  excerpt: string;
  category: string;
  author: string;
  layout: ArticleCardLayout;
  'heading-level': number;
}

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
    'heading-level': 3,
  },
  argTypes: {
    layout: { control: 'inline-radio', options: [...ARTICLE_CARD_LAYOUTS] },
    'heading-level': { control: 'inline-radio', options: [2, 3, 4] },
  },
  render: (args) => html`
    <kabar-article-card
      style="max-width: ${args.layout === 'vertical' ? '22rem' : '40rem'}"
      heading=${args.heading}
      href=${args.href}
      image=${args.image}
      date=${args.date}
      excerpt=${args.excerpt}
      category=${args.category}
      author=${args.author}
      layout=${args.layout}
      heading-level=${args['heading-level']}
    ></kabar-article-card>
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
export const UnsafeImage: Story = { args: { image: 'javascript:alert(1)' } };

/** From a feed item (the `article` property) instead of attributes: the first article of the fixture feed. */
export const FromFeedItem: Story = {
  render: () => {
    const article: FeedItem = firstArticle();
    return html`<kabar-article-card style="max-width: 22rem" .article=${article}></kabar-article-card>`;
  },
};
