/**
 * Dates and numbers in a shipped language. Apart from `LocaleController`, so that an element
 * that formats neither (the share bar, the comments) does not carry it when bundled alone.
 *
 * What the widgets show (a long date, a whole number) is written here without `Intl`: a page's
 * first `Intl` formatter loads the engine's locale data, 30–100 ms of main thread on a desktop
 * (several times that on a phone), in the middle of the first render. Other options use `Intl`.
 */
import type { KabarLanguage } from './strings.js';

/** Locales tried for `Intl`, best first: ICU may lack Sundanese data, whose readers read Indonesian. */
const INTL_LOCALES: Record<KabarLanguage, string[]> = {
  id: ['id-ID'],
  en: ['en-GB'],
  su: ['su-ID', 'id-ID'],
};

/** The months in each language (CLDR's), for the long date: "23 November 2026" in all three. */
const MONTHS: Record<KabarLanguage, string> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember',
  en: 'January February March April May June July August September October November December',
  su: 'Januari Pébruari Maret April Méi Juni Juli Agustus Séptémber Oktober Nopémber Désémber',
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
 * `date` in `lang`: a long date ("23 November 2026", in the page's time zone) unless `options`
 * say otherwise, in which case `Intl.DateTimeFormat` writes it.
 */
export const formatDate = (lang: KabarLanguage, date: Date, options?: Intl.DateTimeFormatOptions): string =>
  options || isNaN(+date)
    ? formatter(Intl.DateTimeFormat, 'date', lang, options ?? {}).format(date)
    : `${date.getDate()} ${MONTHS[lang].split(' ')[date.getMonth()]} ${date.getFullYear()}`;

/**
 * `value` in `lang`'s digits and separators (1.234 in Indonesian and Sundanese, 1,234 in
 * English), with `options` (a percentage, say) by `Intl.NumberFormat`.
 */
export const formatNumber = (
  lang: KabarLanguage,
  value: number,
  options?: Intl.NumberFormatOptions,
): string =>
  options || !Number.isSafeInteger(value)
    ? formatter(Intl.NumberFormat, 'number', lang, options ?? {}).format(value)
    : String(value).replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '.');
