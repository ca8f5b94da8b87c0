/**
 * Dates and numbers in a language. Apart from `LocaleController`, so that an element that
 * formats neither (the share bar, the comments) does not carry it when bundled alone.
 *
 * What the widgets show (a long date, a whole number) is written here without `Intl`: a page's
 * first `Intl` formatter loads the engine's locale data, 30–100 ms of main thread on a desktop
 * (several times that on a phone), in the middle of the first render. Other options use `Intl`.
 *
 * The language `tag` may be any tag (a language the page registered, say): it is written as the
 * shipped language it falls back to (`toLanguage`), so `mad` as Indonesian, `en-AU` as English.
 */
import { toLanguage } from './language.js';
import type { KabarLanguage } from './strings.js';

/**
 * Locales tried for `Intl`, best first: ICU may lack Sundanese or Javanese data, whose readers
 * read Indonesian.
 */
const INTL_LOCALES: Record<KabarLanguage, string[]> = {
  id: ['id-ID'],
  en: ['en-GB'],
  su: ['su-ID', 'id-ID'],
  jv: ['jv-ID', 'id-ID'],
};

/** The months in each language (CLDR's), for the long date: "23 November 2026" in all four. */
const MONTHS: Record<KabarLanguage, string> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember',
  en: 'January February March April May June July August September October November December',
  su: 'Januari Pébruari Maret April Méi Juni Juli Agustus Séptémber Oktober Nopémber Désémber',
  jv: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember',
};

/**
 * `Intl` objects are slow to make: one per kind, language and options for the page. Keys start
 * with the kind (`date|`, `number|`), so none is inherited from `Object.prototype`.
 */
const formatters: Record<string, Intl.DateTimeFormat | Intl.NumberFormat> = {};

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  Kind: new (locales: string[], options: object) => T,
  kind: string,
  lang: KabarLanguage,
  options: object,
): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  return (formatters[key] ??= new Kind(INTL_LOCALES[lang], options)) as T;
}

/**
 * `date` in the language of `tag` (see above): a long date ("23 November 2026", in the page's time zone)
 * unless `options` say otherwise, in which case `Intl.DateTimeFormat` writes it.
 */
export function formatDate(tag: string, date: Date, options?: Intl.DateTimeFormatOptions): string {
  const lang = toLanguage(tag);
  return options || isNaN(+date)
    ? formatter(Intl.DateTimeFormat, 'date', lang, options ?? {}).format(date)
    : `${date.getDate()} ${MONTHS[lang].split(' ')[date.getMonth()]} ${date.getFullYear()}`;
}

/**
 * `value` in the digits and separators of `tag`'s language (see above; 1.234 in Indonesian, Sundanese and
 * Javanese, 1,234 in English), with `options` (a percentage, say) by `Intl.NumberFormat`.
 */
export function formatNumber(tag: string, value: number, options?: Intl.NumberFormatOptions): string {
  const lang = toLanguage(tag);
  return options || !Number.isSafeInteger(value)
    ? formatter(Intl.NumberFormat, 'number', lang, options ?? {}).format(value)
    : String(value).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '.');
}
