/**
 * A page's replacements for the built-in strings, laid over them group by group and key by key:
 * `{ poll: { submit: 'Kirim' } }` replaces one button's word and keeps every other poll string.
 *
 * Pages set `strings` from plain JavaScript, so anything may come. A replacement is taken only
 * where it has the shape of what it replaces (a word for a word, a function for a function, a
 * group for a group); anything else keeps the built-in string, with one warning for each key.
 * Keys the element does not use (another element's group, a misspelt key) are left out.
 */
import type { KabarStrings } from './strings.js';

/**
 * Some of the strings, at any depth: `{ poll: { submit: 'Kirim' } }`. A function (a message
 * with a number or a name in it) is replaced whole.
 */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What the `strings` property and `registerTranslation` take: some of `KabarStrings`, at any depth. */
export type KabarStringsOverrides = DeepPartial<KabarStrings>;

/** Warnings already given, by source and key: a page re-rendering does not repeat them. */
const warned = new Set<string>();

const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a built-in value is, for a warning: a group, a function or a word. */
function describe(value: unknown): string {
  if (isGroup(value)) return 'an object of strings';
  return typeof value === 'function' ? 'a function' : 'a string';
}

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`Kabar: ${message}`);
}

function overlay(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
  source: string,
  path: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(base, key) || value === undefined || value === null) continue;
    const current = base[key];
    const name = `${path}${key}`;
    if (isGroup(current) && isGroup(value)) {
      merged[key] = overlay(current, value, source, `${name}.`);
    } else if (!isGroup(current) && typeof value === typeof current) {
      merged[key] = value;
    } else {
      warnOnce(`${source}.${name} should be ${describe(current)}; the built-in one is kept.`);
    }
  }
  return merged;
}

/**
 * `strings` with `overrides` laid over them (see above); neither object is changed. `source`
 * names where the overrides come from in warnings: `strings` (the element's property) or
 * `registerTranslation("mad")`.
 */
export function withOverrides<T extends object>(strings: T, overrides: unknown, source = 'strings'): T {
  if (overrides === undefined || overrides === null) return strings;
  if (!isGroup(overrides)) {
    warnOnce(`${source} should be an object of strings; it is ignored.`);
    return strings;
  }
  return overlay(strings as Record<string, unknown>, overrides, source, '') as T;
}
