/** Allowed attribute values, shared by the elements, their stories and their tests. */

/** `<kabar-news-list layout>`. */
export const NEWS_LIST_LAYOUTS = ['list', 'grid', 'compact'] as const;
export type NewsListLayout = (typeof NEWS_LIST_LAYOUTS)[number];

/** `<kabar-article-card layout>`. */
export const ARTICLE_CARD_LAYOUTS = ['vertical', 'horizontal', 'compact'] as const;
export type ArticleCardLayout = (typeof ARTICLE_CARD_LAYOUTS)[number];

/** `<kabar-comments load>`: when the embed loads. */
export const COMMENTS_LOAD_MODES = ['visible', 'click', 'eager'] as const;
export type CommentsLoadMode = (typeof COMMENTS_LOAD_MODES)[number];
