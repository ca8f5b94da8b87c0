/**
 * Languages a page adds, and words a page changes in a shipped language, for every widget at
 * once: `registerTranslation('mad', { newsList: { label: 'Kabar' } })`. A registered language is
 * laid over the shipped language its tag falls back to (`toLanguage`): Indonesian for a new
 * language, so the words it leaves out are shown in Indonesian; English for `en-AU`.
 */
import type { KabarStringsOverrides } from './overrides.js';

/** What each page has registered, by lower-case language tag. */
const translations = new Map<string, KabarStringsOverrides>();

/** Told of every registration, so that widgets on screen show the new words. */
const listeners = new Set<() => void>();

/**
 * Adds a language for every Kabar widget of the page, or changes words of a shipped one.
 * `strings` needs only the words to change: the rest come from the shipped language the tag
 * falls back to (Indonesian for a new language). Registering a language again replaces its
 * earlier strings, and the widgets showing it render again. A `lang` that is not a language
 * tag, or `strings` that are not an object, are refused with a warning.
 */
export function registerTranslation(lang: string, strings: KabarStringsOverrides): void {
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(lang);
  } catch {
    // Not a language tag: `tag` stays undefined.
  }
  if (!tag) {
    console.warn(
      `Kabar: registerTranslation needs a language tag such as "mad" or "jv-ID", not ${JSON.stringify(lang)}; nothing is registered.`,
    );
    return;
  }
  if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) {
    console.warn(
      `Kabar: registerTranslation("${tag}") needs an object of strings such as { newsList: { label: 'Kabar' } }; nothing is registered.`,
    );
    return;
  }
  translations.set(tag.toLowerCase(), strings);
  listeners.forEach((listener) => listener());
}

/**
 * The registered language a `lang` value names: the tag itself, else its shorter prefixes
 * (`mad-ID` finds `mad`). `undefined` when none is registered.
 */
export function registeredLanguage(tag: string): string | undefined {
  const subtags = tag.trim().toLowerCase().split(/[-_]/);
  // `mad-ID` → `mad-id`, then `mad`.
  while (subtags.length && !translations.has(subtags.join('-'))) subtags.pop();
  return subtags.join('-') || undefined;
}

/** The strings registered for `lang` (as `registeredLanguage` returns it), if any. */
export const translationOf = (lang: string): KabarStringsOverrides | undefined => translations.get(lang);

/** Calls `listener` after every registration; returns the function that stops it. */
export function onRegister(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
