import type { KabarStrings } from '../strings.js';

export const error: KabarStrings['error'] = {
  network: () => 'The news source could not be reached.',
  offline: () => 'You are offline. The news will load when you are back online.',
  cors: () => 'The news source does not allow this site to read it.',
  timeout: () => 'The news source took too long to answer.',
  http: (status) =>
    status === 404
      ? 'The news source was not found (404).'
      : status >= 500
        ? `The news server is having trouble (${status}).`
        : `The news source refused the request (${status}).`,
  empty: () => 'The news source sent an empty answer.',
  html: () => 'The news source sent a web page instead of a feed.',
  parse: () => 'The news source did not send a readable feed.',
  format: () => 'This feed format is not supported yet.',
  'invalid-url': () => 'The news source address is not valid.',
  share: () => 'The link could not be shared.',
};

export const retry: KabarStrings['retry'] = 'Try again';

export const newsList: KabarStrings['newsList'] = {
  label: 'News',
  loading: 'Loading news…',
  empty: 'No news yet.',
  emptyCategory: (category) => `No news in the ${category} category yet.`,
  more: 'Load more news',
  loadingMore: 'Loading more news…',
  stale: 'Showing saved news: the news source could not be reached just now.',
};

export const poll: KabarStrings['poll'] = {
  label: 'Poll',
  loading: 'Loading the poll…',
  empty: 'There is no poll at the moment.',
  submit: 'Vote',
  submitting: 'Sending…',
  votes: (count, n) => (count === 1 ? '1 vote' : `${n} votes`),
  total: (count, n) => (count === 1 ? '1 vote in total' : `${n} votes in total`),
  yourChoice: 'Your choice',
  thanks: 'Thank you, your vote has been counted.',
  closed: (date) => `This poll closed on ${date}.`,
  closedUndated: 'This poll is closed.',
  pending: (option) =>
    `Your choice (${option}) is saved on this device and will be sent automatically once you are back online.`,
  notStored: 'This device cannot save your vote; keep this page open until it has been sent.',
  sendNow: 'Send now',
  failed: 'The poll could not be loaded.',
  rejected: 'Your vote could not be accepted.',
};

export const article: KabarStrings['article'] = {
  by: (name) => `by ${name}`,
  source: (name) => `Source: ${name}`,
  untitled: 'Untitled',
};

export const comments: KabarStrings['comments'] = {
  heading: 'Comments',
  show: 'Show comments',
  consent: (provider) =>
    `Comments are provided by ${provider}. If you show them, ${provider} receives data about your visit and may set cookies.`,
  privacy: (provider) => `${provider} privacy policy`,
  thirdParty: 'a third-party service',
  waiting: 'Comments load when you scroll down to here.',
  loading: 'Loading comments…',
  failed: (provider) =>
    `Comments from ${provider} could not be loaded. Your browser may be blocking them, or the network is having trouble.`,
  offline: 'You are offline. Comments can load when you are back online.',
  setup: (provider) => `${provider} comments are not set up correctly on this site.`,
  busy: (provider) =>
    `${provider} can show only one discussion per page, and it is already shown elsewhere on this page.`,
  poweredBy: (provider) => `Comments powered by ${provider}`,
};

export const shareBar: KabarStrings['shareBar'] = {
  label: 'Share',
  on: (network) => `Share on ${network}`,
  email: 'Email',
  emailLabel: 'Send by email',
  copy: 'Copy link',
  copied: 'Link copied',
  native: 'Share…',
  nativeLabel: 'Share with another app',
  manual: 'The link could not be copied automatically. Copy it from this box:',
  link: 'Article link',
};
