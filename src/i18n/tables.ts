/**
 * Each element's Indonesian strings, one table per group, so an element bundled alone carries
 * only its own words (the locale modules export each group separately). English, Sundanese and
 * Javanese are loaded on demand, whole, by `loadStrings`: most pages never need them.
 */
import * as id from './locales/id.js';
import type { KabarLanguage, KabarStrings } from './strings.js';

/** One group of strings: Indonesian always, other languages where the caller has them. */
export type StringTable<K extends keyof KabarStrings> = { id: KabarStrings[K] } & Partial<
  Record<KabarLanguage, KabarStrings[K]>
>;

/** The groups an element uses, each with its table. */
export type StringTables<K extends keyof KabarStrings> = { [P in K]: StringTable<P> };

export const errorStrings: StringTable<'error'> = { id: id.error };
export const retryStrings: StringTable<'retry'> = { id: id.retry };
export const newsListStrings: StringTable<'newsList'> = { id: id.newsList };
export const pollStrings: StringTable<'poll'> = { id: id.poll };
export const articleStrings: StringTable<'article'> = { id: id.article };
export const commentsStrings: StringTable<'comments'> = { id: id.comments };
export const shareBarStrings: StringTable<'shareBar'> = { id: id.shareBar };

/** The languages loaded so far, by `loadStrings`. */
export const loaded: Partial<Record<KabarLanguage, KabarStrings>> = {};

const loading: Partial<Record<KabarLanguage, Promise<void>>> = {};

/**
 * The languages loaded on demand, one import each: in the one-file bundle each is a chunk of
 * its own, which most pages never fetch.
 */
const onDemand: Record<Exclude<KabarLanguage, 'id'>, () => Promise<KabarStrings>> = {
  en: () => import('./locales/en.js'),
  su: () => import('./locales/su.js'),
  jv: () => import('./locales/jv.js'),
};

/**
 * Loads a language's strings into `loaded`, once for the page. Returns `undefined` when there
 * is nothing to wait for (Indonesian, or loaded already), else a promise that never rejects:
 * when the chunk cannot be fetched, the language stays missing and readers get Indonesian, and
 * the next widget in that language asks again.
 */
export function loadStrings(lang: KabarLanguage): Promise<void> | undefined {
  if (lang === 'id' || loaded[lang]) return undefined;
  return (loading[lang] ??= onDemand[lang]().then(
    (strings) => {
      loaded[lang] = strings;
    },
    () => {
      delete loading[lang];
      console.warn(`Kabar: the "${lang}" strings could not be loaded; showing Indonesian.`);
    },
  ));
}
