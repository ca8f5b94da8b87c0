import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/poll/kabar-poll.js';
import { POLL_PLACEHOLDER } from './support/embed-code.js';
import type { EmbedParameters } from './support/embed-code.js';
import { elementArgs } from './support/element.js';
import { freshStorage, installPollMock, storageWithVote } from './support/poll-mock.js';

installPollMock();

interface PollArgs {
  src: string;
  timeout?: number;
  storage: () => Storage;
}

const embed = (note?: string): { embed: EmbedParameters } => ({
  embed: { replace: { src: POLL_PLACEHOLDER }, ...(note ? { note } : {}) },
});

// (Not a JSDoc block: the docs page takes its description from the manifest.)
// The poll talks to a mock service answered in the page; no request leaves it.
const meta: Meta<PollArgs> = {
  title: 'Elements/kabar-poll',
  component: 'kabar-poll',
  args: { src: '/mock/poll/open', storage: freshStorage },
  argTypes: { storage: { control: false } },
  parameters: embed(),
  render: (args) => html`
    <div style="max-width: 24rem">
      <kabar-poll ${elementArgs(args)} .storage=${args.storage()}></kabar-poll>
    </div>
  `,
};
export default meta;

type Story = StoryObj<PollArgs>;

/** An open poll: pick an option, then send; the button stays disabled until a choice is made. */
export const Open: Story = { tags: ['every-theme'] };
/** No poll is open: "Tidak ada polling untuk saat ini." */
export const NoPoll: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/none' },
  parameters: embed('This message shows by itself when the service has no open poll (it answers 204).'),
};
/** The reader has voted: results with their choice marked. */
export const Voted: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/voted', storage: () => storageWithVote('voted', 'jalan', false) },
  parameters: embed('The results show by themselves once this browser has voted.'),
};
/** A closed poll: final results and the closing date. */
export const Closed: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/closed' },
  parameters: embed('The final results show by themselves when the service says the poll is closed.'),
};
/** The reader chose and sent; the service has not answered yet: the form is locked, the button says so. */
export const Submitting: Story = {
  // Long enough that the vote is still on its way while anyone looks at the story.
  args: { src: '/mock/poll/submitting', timeout: 600_000 },
  parameters: {
    embed: {
      replace: { src: POLL_PLACEHOLDER },
      omit: ['timeout'],
      note: 'This state shows by itself while a vote is on its way to the service.',
    },
  },
  play: async ({ canvasElement }) => {
    const poll = canvasElement.querySelector('kabar-poll')!;
    let radio: HTMLInputElement | null = null;
    for (let tries = 0; tries < 50 && !radio; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      radio = poll.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]');
    }
    if (!radio) return;
    radio.click();
    await poll.updateComplete;
    poll.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await poll.updateComplete;
  },
};
/** The vote could not be sent (offline): it is kept on the device and sent later. */
export const PendingOffline: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/offline', storage: () => storageWithVote('offline', 'air', true) },
  parameters: embed('This message shows by itself when a vote could not be sent: it is kept and sent later.'),
};
/** The service failed (503): a message and a retry button. */
export const ServiceError: Story = {
  tags: ['every-theme'],
  args: { src: '/mock/poll/broken' },
  parameters: embed('The error message shows by itself when the poll service fails.'),
};
/** Waiting for the service: a skeleton as tall as the poll it stands for. */
export const Loading: Story = {
  tags: ['every-theme', 'loading'],
  args: { src: '/mock/poll/slow' },
  parameters: embed('The skeleton shows by itself while the poll loads.'),
};
