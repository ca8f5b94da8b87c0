import * as en from './locales/en.js';
import * as id from './locales/id.js';
import * as jv from './locales/jv.js';
import * as su from './locales/su.js';
import type { KabarLanguage, KabarStrings } from './strings.js';

/**
 * Every language's strings at once, for npm users who build their own overrides. Only
 * `src/index.ts` exports it: the one-file bundle loads the other languages on demand.
 */
export const locales: Record<KabarLanguage, KabarStrings> = {
  id: { ...id },
  en: { ...en },
  su: { ...su },
  jv: { ...jv },
};
