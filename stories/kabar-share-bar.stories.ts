import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/share-bar/kabar-share-bar.js';
import type { ShareBarLayout, ShareNativeMode, ShareNetwork } from '../src/types.js';
import { elementArgs } from './support/element.js';

interface ShareBarArgs {
  url: string;
  text: string;
  networks: ShareNetwork[];
  label?: string;
  layout: ShareBarLayout;
  native?: ShareNativeMode;
  'utm-source'?: string;
  'utm-medium'?: string;
  'utm-campaign'?: string;
}

/** The share bar's copy button, once the bar has rendered. */
async function copyButton(canvas: HTMLElement): Promise<HTMLButtonElement> {
  const bar = canvas.querySelector('kabar-share-bar')!;
  await (bar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return bar.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy"]')!;
}

/**
 * Runs `click` with the clipboard answering as `copies` says, then puts the page's own
 * clipboard functions back: the stories show both outcomes whatever the browser allows.
 */
async function withClipboard(copies: boolean, click: () => void): Promise<void> {
  const writeText = navigator.clipboard.writeText;
  const execCommand = document.execCommand;
  navigator.clipboard.writeText = () => (copies ? Promise.resolve() : Promise.reject(new Error('refused')));
  document.execCommand = () => false;
  try {
    click();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    navigator.clipboard.writeText = writeText;
    document.execCommand = execCommand;
  }
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Plain links: nothing is requested from any network until the reader clicks.
const meta: Meta<ShareBarArgs> = {
  title: 'Elements/kabar-share-bar',
  component: 'kabar-share-bar',
  args: {
    url: 'https://contoh.go.id/berita/pasar-rakyat-dibuka-kembali/',
    text: 'Pasar Rakyat Kecamatan Sukamaju Kembali Buka Setelah Renovasi',
    layout: 'row',
    native: 'never',
  },
  render: (args) => html`<kabar-share-bar ${elementArgs(args)}></kabar-share-bar>`,
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
export const FewNetworks: Story = { args: { networks: ['whatsapp', 'telegram', 'copy'] } };
/** With UTM parameters added to every shared link. */
export const WithUtm: Story = {
  args: { 'utm-source': 'situs-kabupaten', 'utm-medium': 'social', 'utm-campaign': 'pasar-rakyat' },
};
/** The device's own share sheet, where the browser has one. */
export const NativeShare: Story = { args: { native: 'always', networks: ['whatsapp', 'copy'] } };
/** No visible heading (the group keeps its accessible name). */
export const WithoutLabel: Story = { args: { label: '' } };
/** After "Salin tautan": the bar says the link was copied (for a few seconds). */
export const Copied: Story = {
  parameters: { embed: { note: 'The copied message shows by itself after the reader copies the link.' } },
  play: async ({ canvasElement }) => {
    const button = await copyButton(canvasElement);
    await withClipboard(true, () => button.click());
  },
};
/** The browser would not copy: the link shows in a field, selected, for the reader to copy. */
export const ManualCopy: Story = {
  parameters: {
    embed: { note: 'The link field shows by itself when the browser does not let the page copy.' },
  },
  play: async ({ canvasElement }) => {
    const button = await copyButton(canvasElement);
    await withClipboard(false, () => button.click());
  },
};
