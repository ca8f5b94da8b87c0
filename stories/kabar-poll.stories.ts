import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/poll/kabar-poll.js';
import { freshStorage, installPollMock, storageWithVote } from './support/poll-mock.js';

installPollMock();

interface PollArgs {
  src: string;
  storage: () => Storage;
}

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// The poll talks to a mock service answered in the page; no request leaves it.
const meta: Meta<PollArgs> = {
  title: 'Elements/kabar-poll',
  component: 'kabar-poll',
  args: { src: '/mock/poll/open', storage: freshStorage },
  argTypes: { storage: { control: false } },
  render: ({ src, storage }) =>
    html`<kabar-poll style="max-width: 24rem" src=${src} .storage=${storage()}></kabar-poll>`,
};
export default meta;

type Story = StoryObj<PollArgs>;

/** An open poll: pick an option, then send; the button stays disabled until a choice is made. */
export const Open: Story = { tags: ['every-theme'] };
/** No poll is open: "Tidak ada polling untuk saat ini." */
export const NoPoll: Story = { tags: ['every-theme'], args: { src: '/mock/poll/none' } };
/** The reader has voted: results with their choice marked. */
export const Voted: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/voted', storage: () => storageWithVote('voted', 'jalan', false) },
};
/** A closed poll: final results and the closing date. */
export const Closed: Story = { tags: ['every-theme'], args: { src: '/mock/poll/closed' } };
/** The vote could not be sent (offline): it is kept on the device and sent later. */
export const PendingOffline: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/offline', storage: () => storageWithVote('offline', 'air', true) },
};
/** The service failed (503): a message and a retry button. */
export const ServiceError: Story = { tags: ['every-theme'], args: { src: '/mock/poll/broken' } };
/** Waiting for the service. */
export const Loading: Story = { tags: ['loading'], args: { src: '/mock/poll/slow' } };
