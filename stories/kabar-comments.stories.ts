import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/comments/kabar-comments.js';
import { COMMENTS_LOAD_MODES } from '../src/types.js';
import type { CommentsLoadMode } from '../src/types.js';
import { registerStandInProviders } from './support/comments-mock.js';

registerStandInProviders();

interface CommentsArgs {
  provider: string;
  load: CommentsLoadMode;
  slot: boolean;
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Stand-in providers fill the thread from memory: Disqus and giscus are never contacted.
const meta: Meta<CommentsArgs> = {
  title: 'Elements/kabar-comments',
  component: 'kabar-comments',
  args: { provider: 'forum-desa', load: 'click', slot: false },
  argTypes: {
    load: { control: 'inline-radio', options: [...COMMENTS_LOAD_MODES] },
    provider: { control: 'inline-radio', options: ['forum-desa', 'forum-rusak', ''] },
    slot: { control: false },
  },
  render: ({ provider, load, slot }) => html`
    <kabar-comments style="max-width: 40rem" provider=${provider} load=${load}>
      ${
        slot
          ? html`<template>
              <p>Komentar situs sendiri: dimuat hanya ketika pembaca memintanya.</p>
            </template>`
          : ''
      }
    </kabar-comments>
  `,
};
export default meta;

type Story = StoryObj<CommentsArgs>;

/** Click to load: a consent note naming the provider and its privacy policy, and a button. */
export const ClickToLoad: Story = { tags: ['every-theme'] };
/** Loads when it nears the viewport (here at once, since it is on screen). */
export const Visible: Story = { args: { load: 'visible' } };
/** Loads at once, with the provider's attribution under the thread. */
export const Eager: Story = { tags: ['every-theme'], args: { load: 'eager' } };
/** The provider's script failed: a message and a retry button instead of an empty box. */
export const Failed: Story = { tags: ['every-theme'], args: { provider: 'forum-rusak', load: 'eager' } };
/** No provider: the site's own content in the slot, under the same loading rules. */
export const Slot: Story = { args: { provider: '', load: 'click', slot: true } };
