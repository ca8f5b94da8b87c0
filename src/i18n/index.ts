/**
 * What the elements and the API need of the languages: their codes, the strings' types, the
 * tag lookup and `registerTranslation`. No language's strings: Indonesian comes with each
 * element (`tables.ts`), English, Sundanese and Javanese load on demand (`loadStrings`), and
 * `all-locales.ts` holds all four at once for the npm entry.
 */
export { LANGUAGES } from './strings.js';
export type { KabarLanguage, KabarStrings } from './strings.js';
export type { KabarStringsOverrides } from './overrides.js';
export { toLanguage } from './language.js';
export { registerTranslation } from './translations.js';
