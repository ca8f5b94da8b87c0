/** Small helpers for the formats read from JSON. */
import { KabarParseError } from '../errors.js';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty string, or a number as a string; undefined for anything else. */
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;

/** Parses JSON, naming the failure as a parse error. */
export function parseJson(text: string, url?: string): unknown {
  try {
    // `trimStart` drops a byte-order mark too: U+FEFF is white space to JavaScript.
    return JSON.parse(text.trimStart());
  } catch (cause) {
    throw new KabarParseError('parse', 'The response is not valid JSON.', { url, cause });
  }
}

/** A positive whole number from a JSON value or a header, else undefined. */
export function count(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `url` with one search parameter set; undefined when `url` is not absolute. */
export function withParam(url: string | undefined, name: string, value: string | number): string | undefined {
  if (!url) return undefined;
  try {
    const next = new URL(url);
    next.searchParams.set(name, String(value));
    return next.href;
  } catch {
    return undefined;
  }
}
