import type { KabarLanguage } from './strings.js';

/**
 * Maps a BCP 47 tag to a shipped language: `en-GB` → `en`, `sun` → `su`, `jav` → `jv`, the old
 * `in` → `id`. Anything else is Indonesian, Kabar's default. (The widgets look first for a
 * language the page registered: see `registerTranslation`.)
 */
export function toLanguage(tag: string | null | undefined): KabarLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'su' || primary === 'sun') return 'su';
  if (primary === 'jv' || primary === 'jav') return 'jv';
  return 'id';
}
