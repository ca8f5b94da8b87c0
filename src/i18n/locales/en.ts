import type { KabarStrings } from '../strings.js';

export const en: KabarStrings = {
  error: {
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
    parse: () => 'The news source did not send a readable feed.',
    format: () => 'This feed format is not supported yet.',
    'invalid-url': () => 'The news source address is not valid.',
    share: () => 'The link could not be shared.',
  },
  retry: 'Try again',
  newsList: {
    label: 'News',
    loading: 'Loading news…',
    empty: 'No news yet.',
    emptyCategory: (category) => `No news in the ${category} category yet.`,
  },
  article: {
    by: (name) => `by ${name}`,
    source: (name) => `Source: ${name}`,
    untitled: 'Untitled',
  },
  shareBar: {
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
  },
};
