/** Allowed attribute values, shared by the elements, their stories and their tests. */

/** `<kabar-news-list layout>`. */
export const NEWS_LIST_LAYOUTS = ['list', 'grid', 'compact'] as const;
export type NewsListLayout = (typeof NEWS_LIST_LAYOUTS)[number];

/** `<kabar-article-card layout>`. */
export const ARTICLE_CARD_LAYOUTS = ['vertical', 'horizontal', 'compact'] as const;
export type ArticleCardLayout = (typeof ARTICLE_CARD_LAYOUTS)[number];

/** `loading` of the news list, the article card, the feed and the poll: work at once or near the viewport. */
export const LOADING_MODES = ['eager', 'lazy'] as const;
export type LoadingMode = (typeof LOADING_MODES)[number];

/** `<kabar-comments load>`: when the embed loads. */
export const COMMENTS_LOAD_MODES = ['visible', 'click', 'eager'] as const;
export type CommentsLoadMode = (typeof COMMENTS_LOAD_MODES)[number];

/** `<kabar-share-bar networks>`: the networks a share bar can offer, in their default order. */
export const SHARE_NETWORKS = [
  'whatsapp',
  'facebook',
  'x',
  'telegram',
  'line',
  'linkedin',
  'email',
  'copy',
] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

/** `<kabar-share-bar layout>`. */
export const SHARE_BAR_LAYOUTS = ['row', 'column', 'icons'] as const;
export type ShareBarLayout = (typeof SHARE_BAR_LAYOUTS)[number];

/** `<kabar-share-bar native>`: when to offer the device's own share sheet. */
export const SHARE_NATIVE_MODES = ['auto', 'always', 'never'] as const;
export type ShareNativeMode = (typeof SHARE_NATIVE_MODES)[number];
