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
  },
  retry: 'Try again',
  newsList: {
    label: 'News',
    loading: 'Loading news…',
    empty: 'No news yet.',
    emptyCategory: (category) => `No news in the ${category} category yet.`,
    more: 'Load more news',
    loadingMore: 'Loading more news…',
    stale: 'Showing saved news: the news source could not be reached just now.',
  },
  article: {
    by: (name) => `by ${name}`,
    source: (name) => `Source: ${name}`,
    untitled: 'Untitled',
  },
};
