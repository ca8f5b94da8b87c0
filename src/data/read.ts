import { KabarParseError } from './errors.js';
import { groupOf, loadReaderGroup } from './formats/registry.js';
import type { FeedFormat, ReaderGroupName } from './formats/registry.js';
import type { Feed } from './model.js';
import { parseWith } from './parse-with.js';
import type { ParseFeedOptions } from './parse-with.js';

/**
 * The normalization both groups import (`normalize.ts` and the text helpers) is a chunk of its
 * own in the one-file bundle. Asking for it beside a group fetches both at once, rather than
 * the group first and then what it imports.
 */
const loadNormalization = () => import('./normalize.js');

/**
 * The groups that may read a response, from the forced format, the text or the content type:
 * one group when it is clear, both when it is not (both are asked, as `parseFeed` would).
 */
function groupsFor(format: FeedFormat | undefined, text: string, contentType = ''): ReaderGroupName[] {
  if (format) return [groupOf(format)];
  const first = /[^\s\uFEFF]/.exec(text.slice(0, 1024))?.[0] ?? (/json/i.test(contentType) ? '{' : '<');
  return first === '<' ? ['xml'] : first === '{' || first === '[' ? ['json'] : ['xml', 'json'];
}

/**
 * Starts loading the readers a response will need as soon as its Content-Type is known, so the
 * download overlaps the body's. Only a hint: `readFeed` decides from the text.
 */
export function preloadReader(contentType: string | null, format?: FeedFormat): void {
  const [group] = groupsFor(format, '', contentType ?? '');
  void Promise.all([loadReaderGroup[group!](), loadNormalization()]).catch(() => undefined);
}

/**
 * Reads a feed in any supported format into Kabar's model, loading only the readers it needs
 * (the one-file bundle keeps the readers in chunks of their own), and the whole table of HTML
 * named references for a feed that uses a name beyond the common ones. Rejects as `parseFeed`
 * throws: `KabarParseError` with kind `empty`, `html`, `format` or `parse`.
 */
export async function readFeed(text: string, options: ParseFeedOptions = {}): Promise<Feed> {
  // An empty body needs no reader to be refused.
  if (!text.trim()) throw new KabarParseError('empty', 'The response is empty.', { url: options.url });
  const [groups, normalization] = await Promise.all([
    Promise.all(
      groupsFor(options.format, text, options.contentType).map((group) => loadReaderGroup[group]()),
    ),
    loadNormalization(),
  ]);
  const read = () =>
    parseWith(
      groups.flatMap((group) => Object.values(group.readers)),
      text,
      options,
      (raw) => groups.some((group) => group.isXml?.(raw)),
    );
  normalization.takeMissedNames();
  const feed = read();
  if (!normalization.takeMissedNames()) return feed;
  // A name beyond the common ones (`&hearts;`): read again with the whole table of HTML names,
  // a chunk few feeds need (once per page). Without it (a failed request) they stay as written.
  try {
    await normalization.loadEntityTable();
  } catch {
    return feed;
  }
  return read();
}
