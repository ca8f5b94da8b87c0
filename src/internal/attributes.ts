/**
 * Attribute validation. Site editors type attributes by hand; a typo must not break the
 * widget, so a bad value falls back to the documented default with one warning naming it.
 */

const warned = new WeakMap<Element, Set<string>>();

/** Warns once per element, attribute and value. */
export function warnAttribute(el: Element, attribute: string, value: unknown, fallback: unknown): void {
  const key = `${attribute}="${String(value)}"`;
  const seen = warned.get(el) ?? new Set<string>();
  warned.set(el, seen);
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(`[kabar] <${el.localName}> ${key} is not valid; using ${JSON.stringify(fallback)}.`);
}

/** `value` when it is one of `allowed`, else `fallback` (with a warning). */
export function oneOf<T extends string, F extends T | undefined>(
  el: Element,
  attribute: string,
  value: unknown,
  allowed: readonly T[],
  fallback: F,
): T | F {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  if (value !== undefined && value !== null && value !== '') warnAttribute(el, attribute, value, fallback);
  return fallback;
}

/** A whole number ≥ `min`, else `fallback` (with a warning). */
export function wholeNumber(
  el: Element,
  attribute: string,
  value: unknown,
  fallback: number,
  min = 0,
): number {
  if (value === undefined || value === null) return fallback;
  // Number.isInteger is false for anything but a number (it does not convert "3").
  if (Number.isInteger(value) && (value as number) >= min) return value as number;
  // Name what the editor typed ("abc"), not what the converter made of it (NaN).
  warnAttribute(el, attribute, el.getAttribute(attribute) ?? value, fallback);
  return fallback;
}

/**
 * The words of a space-separated list that are in `allowed`, in the editor's order and without
 * repeats. Unknown words are dropped with one warning; an empty result is `fallback`.
 */
export function tokenList<T extends string>(
  el: Element,
  attribute: string,
  value: string | null | undefined,
  allowed: readonly T[],
  fallback: readonly T[],
): readonly T[] {
  const words = new Set(value?.toLowerCase().match(/[^\s,]+/g));
  const kept = [...words].filter((w): w is T => (allowed as readonly string[]).includes(w));
  const result = kept.length ? kept : fallback;
  if (kept.length < words.size) warnAttribute(el, attribute, value, result.join(' '));
  return result;
}
