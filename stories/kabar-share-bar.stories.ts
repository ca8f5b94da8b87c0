import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/share-bar/kabar-share-bar.js';
import { SHARE_BAR_LAYOUTS, SHARE_NATIVE_MODES } from '../src/types.js';
import type { ShareBarLayout, ShareNativeMode } from '../src/types.js';

interface ShareBarArgs {
  url: string;
  text: string;
  networks: string;
  label: string | undefined;
  layout: ShareBarLayout;
  native: ShareNativeMode;
  'utm-source': string;
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Plain links: nothing is requested from any network until the reader clicks.
const meta: Meta<ShareBarArgs> = {
  title: 'Elements/kabar-share-bar',
  component: 'kabar-share-bar',
  args: {
    url: 'https://contoh.go.id/berita/pasar-rakyat-dibuka-kembali/',
    text: 'Pasar Rakyat Kecamatan Sukamaju Kembali Buka Setelah Renovasi',
    networks: 'whatsapp facebook x telegram line linkedin email copy',
    label: undefined,
    layout: 'row',
    native: 'never',
    'utm-source': '',
  },
  argTypes: {
    layout: { control: 'inline-radio', options: [...SHARE_BAR_LAYOUTS] },
    native: { control: 'inline-radio', options: [...SHARE_NATIVE_MODES] },
  },
  render: (args) => html`
    <kabar-share-bar
      url=${args.url}
      text=${args.text}
      networks=${args.networks}
      .label=${args.label}
      layout=${args.layout}
      native=${args.native}
      utm-source=${args['utm-source']}
    ></kabar-share-bar>
  `,
};
export default meta;

type Story = StoryObj<ShareBarArgs>;

/** A row of labelled links that wraps on a narrow screen. */
export const Row: Story = { tags: ['every-theme'] };
/** One control per line, for a sidebar. */
export const Column: Story = { tags: ['every-theme'], args: { layout: 'column' } };
/** Icons only; each keeps its accessible name. */
export const Icons: Story = { tags: ['every-theme'], args: { layout: 'icons' } };
/** A site's own choice and order of networks. */
export const FewNetworks: Story = { args: { networks: 'whatsapp telegram copy' } };
/** With UTM parameters added to every shared link. */
export const WithUtm: Story = { args: { 'utm-source': 'situs-kabupaten' } };
/** The device's own share sheet, where the browser has one. */
export const NativeShare: Story = { args: { native: 'always', networks: 'whatsapp copy' } };
/** No visible heading (the group keeps its accessible name). */
export const WithoutLabel: Story = { args: { label: '' } };
