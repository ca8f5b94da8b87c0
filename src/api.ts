/**
 * What both entry points export: element classes, events, contexts and the data layer whose
 * feed readers load on demand (`readFeed`). `index.ts` adds the synchronous `parseFeed`, which
 * holds every reader, and `locales`, which holds every language, so the one-file bundle
 * (`bundle.ts`, through `define.ts`) leaves them out.
 */
export { KabarFeedElement } from './components/feed/feed-element.js';
export { KabarNewsListElement } from './components/news-list/news-list-element.js';
export { KabarArticleCardElement } from './components/article-card/article-card-element.js';
export { KabarCommentsElement } from './components/comments/comments-element.js';
export { registerCommentsProvider } from './components/comments/providers/provider.js';
export type {
  CommentsContext,
  CommentsProvider,
  CommentsProviderSource,
} from './components/comments/providers/provider.js';
export { KabarShareBarElement } from './components/share-bar/share-bar-element.js';
export { KabarPollElement } from './components/poll/poll-element.js';
export { KabarVoteEvent } from './events/kabar-vote.js';
export { KabarLoadEvent } from './events/kabar-load.js';
export { KabarCommentsLoadEvent } from './events/kabar-comments-load.js';
export { KabarErrorEvent } from './events/kabar-error.js';
export { KabarShareEvent } from './events/kabar-share.js';
export { feedContext } from './context.js';
export type { FeedState } from './context.js';
export { LocaleController } from './controllers/locale-controller.js';
export { FeedController } from './controllers/feed-controller.js';
export { LANGUAGES, registerTranslation, toLanguage } from './i18n/index.js';
export { formatDate, formatNumber } from './i18n/format.js';
export type { KabarLanguage, KabarStrings, KabarStringsOverrides } from './i18n/index.js';
export * from './types.js';
export * from './data/index.js';
export { VERSION } from './internal/version.js';
