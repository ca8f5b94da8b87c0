import { KabarParseError } from './errors.js';
import type * as Format from './format.js';
import type { FeedFormatReader } from './format.js';
import type { Feed, FeedFormat } from './model.js';
import type { ParseFeedOptions } from './parse-with.js';
import { useFormat } from './shared.js';

interface ReaderGroup {
  readers: FeedFormatReader[];
  isXml?: (text: string) => boolean;
}

/**
 * The readers, in two groups loaded on demand: a page whose feeds are all RSS never downloads
 * the JSON readers, and the other way round. `import()` keeps each module once, so a group is
 * fetched once per page.
 */
const xml = (): Promise<ReaderGroup> => import('./readers-xml.js');
const json = (): Promise<ReaderGroup> => import('./readers-json.js');

/**
 * The normalization and detection both groups use (`format.ts`) are a chunk of their own in the
 * bundle, fetched alongside the group. The groups do not import it: they reach it through
 * `shared.ts`, pointed at it here before anything is read (see there why).
 */
const formatCode = (): Promise<typeof Format> => import('./format.js');

const JSON_FORMATS: readonly FeedFormat[] = ['json-feed', 'wordpress', 'jabarprov'];

/**
 * The groups that may read a response, from the forced format, the text or the content type:
 * one group when it is clear, both when it is not (both are asked, as `parseFeed` would).
 */
function groupsFor(
  format: FeedFormat | undefined,
  text: string,
  contentType = '',
): Array<() => Promise<ReaderGroup>> {
  if (format) return [JSON_FORMATS.includes(format) ? json : xml];
  const first = /[^\s\uFEFF]/.exec(text.slice(0, 1024))?.[0] ?? (/json/i.test(contentType) ? '{' : '<');
  return first === '<' ? [xml] : first === '{' || first === '[' ? [json] : [xml, json];
}

/**
 * Starts loading the reader a response will need as soon as its Content-Type is known, so the
 * download overlaps the body's. Only a hint: `readFeed` decides from the text.
 */
export function preloadReader(contentType: string | null, format?: FeedFormat): void {
  void Promise.all([groupsFor(format, '', contentType ?? '')[0]!(), formatCode()]).catch(() => undefined);
}

/**
 * Reads a feed in any supported format into Kabar's model, loading only the reader it needs
 * (the one-file bundle keeps the readers in chunks of their own). Rejects as `parseFeed`
 * throws: `KabarParseError` with kind `empty`, `html`, `format` or `parse`.
 */
export async function readFeed(text: string, options: ParseFeedOptions = {}): Promise<Feed> {
  // An empty body needs no reader to be refused.
  if (!text.trim()) throw new KabarParseError('empty', 'The response is empty.', { url: options.url });
  const [format, ...groups] = (await Promise.all([
    formatCode(),
    ...groupsFor(options.format, text, options.contentType).map((load) => load()),
  ])) as [typeof Format, ...ReaderGroup[]];
  useFormat(format);
  return format.parseWith(
    groups.flatMap((group) => group.readers),
    text,
    options,
    (raw) => groups.some((group) => group.isXml?.(raw)),
  );
}
