/**
 * Kabar without side effects: element classes, events, contexts and the data layer. Import
 * `kabar/define.js` (or a component's registration module) to register the tags.
 */
export { KabarFeedElement } from './components/feed/feed-element.js';
export { KabarNewsListElement } from './components/news-list/news-list-element.js';
export { KabarArticleCardElement } from './components/article-card/article-card-element.js';
export { KabarPollElement } from './components/poll/poll-element.js';
export { KabarVoteEvent } from './events/kabar-vote.js';
export { KabarLoadEvent } from './events/kabar-load.js';
export { KabarErrorEvent } from './events/kabar-error.js';
export { feedContext } from './context.js';
export type { FeedState } from './context.js';
export { LocaleController } from './controllers/locale-controller.js';
export { FeedController } from './controllers/feed-controller.js';
export { LANGUAGES, locales, toLanguage } from './i18n/index.js';
export type { KabarLanguage, KabarStrings } from './i18n/index.js';
export * from './types.js';
export * from './data/index.js';
export { VERSION } from './internal/version.js';
