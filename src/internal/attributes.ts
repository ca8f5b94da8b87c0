import type { PropertyDeclaration } from 'lit';

/**
 * Attribute validation. Site editors type attributes by hand; a typo must not break the
 * widget, so a bad value falls back to the documented default with one warning naming it.
 */

/** Each element's initial value of each property with an attribute, to go back to. */
const initialValues = new WeakMap<object, Map<PropertyKey, unknown>>();

/**
 * Makes a property with an attribute go back to its initial value (its documented default)
 * when it is unset: when the attribute is removed, which Lit turns into `null`, and when a
 * script sets it to `null` or `undefined` (a block editor clearing a field, a framework binding
 * going `undefined`). The element's code then never meets a `null` where it declared a string.
 * Properties without an attribute (`article`, `storage`, `loader`, state) keep what they are
 * given: there `null` can mean something.
 *
 * Used from `static getPropertyDescriptor`, Lit's hook for a property's accessor. The initial
 * value is the first one set: the class field's initializer, run by the constructor (Lit holds
 * back values set before the element was defined until after it).
 */
export function unsetMeansDefault(
  descriptor: PropertyDescriptor | undefined,
  name: PropertyKey,
  options: PropertyDeclaration,
): PropertyDescriptor | undefined {
  if (!descriptor?.set || options.attribute === false || options.state) return descriptor;
  const { set } = descriptor;
  return {
    ...descriptor,
    set(this: object, value: unknown) {
      let initial = initialValues.get(this);
      if (!initial) initialValues.set(this, (initial = new Map()));
      if (!initial.has(name)) initial.set(name, value);
      set.call(this, value ?? initial.get(name));
    },
  };
}

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
