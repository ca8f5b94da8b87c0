import * as en from './locales/en.js';
import * as id from './locales/id.js';
import * as su from './locales/su.js';
import type { KabarLanguage, KabarStrings } from './strings.js';

export { LANGUAGES } from './strings.js';
export type { KabarLanguage, KabarStrings } from './strings.js';

export const locales: Record<KabarLanguage, KabarStrings> = { id: { ...id }, en: { ...en }, su: { ...su } };

export { toLanguage } from './language.js';
