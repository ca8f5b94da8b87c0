import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/comments/kabar-comments.js';
import type { CommentsLoadMode } from '../src/types.js';
import type { EmbedParameters } from './support/embed-code.js';
import { elementArgs } from './support/element.js';
import { registerStandInProviders } from './support/comments-mock.js';

registerStandInProviders();

interface CommentsArgs {
  provider: string;
  load: CommentsLoadMode;
  heading?: string;
  slot: boolean;
}

/**
 * The attributes Disqus and giscus read. The stories' stand-in providers read none of them, so
 * their controls would change nothing: they are documented in the table, without a control.
 */
const PROVIDER_ATTRIBUTES = [
  'script-src',
  'privacy-url',
  'provider-label',
  'shortname',
  'identifier',
  'url',
  'title',
  'repo',
  'repo-id',
  'category',
  'category-id',
  'mapping',
  'term',
  'theme',
];

/** A real provider in the code, where the story uses a stand-in that only lives in Storybook. */
const EMBED: EmbedParameters = {
  replace: { provider: 'disqus' },
  add: { shortname: 'situs-anda' },
  note: 'Disqus needs the shortname of your site; giscus takes provider="giscus" with repo, repo-id, category and category-id.',
};

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// Stand-in providers fill the thread from memory: Disqus and giscus are never contacted.
const meta: Meta<CommentsArgs> = {
  title: 'Elements/kabar-comments',
  component: 'kabar-comments',
  args: { provider: 'forum-desa', load: 'click', slot: false },
  argTypes: {
    provider: { control: 'inline-radio', options: ['forum-desa', 'forum-rusak', ''] },
    slot: { control: false, table: { disable: true } },
    ...Object.fromEntries(PROVIDER_ATTRIBUTES.map((name) => [name, { control: false }])),
  },
  parameters: { embed: EMBED },
  render: (args) => html`
    <kabar-comments style="max-width: 40rem" ${elementArgs(args)}>
      ${
        args.slot
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
/** With a heading above the thread. */
export const WithHeading: Story = { args: { load: 'eager', heading: 'Komentar warga' } };
/** The provider's script failed: a message and a retry button instead of an empty box. */
export const Failed: Story = {
  tags: ['every-theme'],
  args: { provider: 'forum-rusak', load: 'eager' },
  parameters: {
    embed: {
      ...EMBED,
      note: 'The message and retry button show by themselves when the provider\u2019s script cannot be loaded.',
    },
  },
};
/** No provider: the site's own content in the slot, under the same loading rules. */
export const Slot: Story = {
  args: { provider: '', load: 'click', slot: true },
  parameters: {
    embed: {
      content: [
        '<template>',
        '  <p>Komentar situs sendiri: dimuat hanya ketika pembaca memintanya.</p>',
        '</template>',
      ].join('\n'),
    },
  },
};
