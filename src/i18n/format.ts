/**
 * Dates and numbers in a shipped language. Apart from `LocaleController`, so that an element
 * that formats neither (the share bar, the comments) does not carry it when bundled alone.
 */
import type { KabarLanguage } from './strings.js';

/** Locales tried for `Intl`, best first: ICU may lack Sundanese data, whose readers read Indonesian. */
const INTL_LOCALES: Record<KabarLanguage, string[]> = {
  id: ['id-ID'],
  en: ['en-GB'],
  su: ['su-ID', 'id-ID'],
};

/** `Intl` objects are slow to make: one per kind, language and options for the page. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  Kind: new (locales: string[], options: object) => T,
  kind: string,
  lang: KabarLanguage,
  options: object,
): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key) as T | undefined;
  if (!format) formatters.set(key, (format = new Kind(INTL_LOCALES[lang], options)));
  return format;
}

/** `date` in `lang`: a long date ("23 November 2026") unless `options` say otherwise. */
export const formatDate = (
  lang: KabarLanguage,
  date: Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string => formatter(Intl.DateTimeFormat, 'date', lang, options).format(date);

/** `value` in `lang`'s digits and separators, with `options` (a percentage, say). */
export const formatNumber = (
  lang: KabarLanguage,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string => formatter(Intl.NumberFormat, 'number', lang, options).format(value);
