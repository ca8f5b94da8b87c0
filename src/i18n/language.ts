import type { KabarLanguage } from './strings.js';

/**
 * Maps a BCP 47 tag to a shipped language: `en-GB` → `en`, `sun` → `su`, the old `in` → `id`.
 * Anything else is Indonesian, Kabar's default.
 */
export function toLanguage(tag: string | null | undefined): KabarLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'su' || primary === 'sun') return 'su';
  return 'id';
}
