/**
 * What the elements and the API need of the languages: their codes, the strings' type and the
 * tag lookup. No language's strings: Indonesian comes with each element (`tables.ts`), English
 * and Sundanese load on demand (`loadStrings`), and `all-locales.ts` holds all three at once
 * for the npm entry.
 */
export { LANGUAGES } from './strings.js';
export type { KabarLanguage, KabarStrings } from './strings.js';
export type { KabarStringsOverrides } from './overrides.js';
export { toLanguage } from './language.js';
