/**
 * Each element's strings in every language, one table per group, so an element bundled alone
 * carries only its own words (the locale modules export each group separately).
 */
import * as en from './locales/en.js';
import * as id from './locales/id.js';
import * as su from './locales/su.js';
import type { KabarLanguage, KabarStrings } from './strings.js';

/** One group of strings in every language. */
export type StringTable<K extends keyof KabarStrings> = Record<KabarLanguage, KabarStrings[K]>;

/** The groups an element uses, each with its table. */
export type StringTables<K extends keyof KabarStrings> = { [P in K]: StringTable<P> };

export const errorStrings: StringTable<'error'> = { id: id.error, en: en.error, su: su.error };
export const retryStrings: StringTable<'retry'> = { id: id.retry, en: en.retry, su: su.retry };
export const newsListStrings: StringTable<'newsList'> = { id: id.newsList, en: en.newsList, su: su.newsList };
export const pollStrings: StringTable<'poll'> = { id: id.poll, en: en.poll, su: su.poll };
export const articleStrings: StringTable<'article'> = { id: id.article, en: en.article, su: su.article };
export const commentsStrings: StringTable<'comments'> = { id: id.comments, en: en.comments, su: su.comments };
export const shareBarStrings: StringTable<'shareBar'> = { id: id.shareBar, en: en.shareBar, su: su.shareBar };
