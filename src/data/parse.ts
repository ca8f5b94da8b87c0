import type { Feed } from './model.js';
import { parseWith } from './parse-with.js';
import type { ParseFeedOptions } from './parse-with.js';
import * as json from './formats/json-readers.js';
import * as xml from './formats/xml-readers.js';
import { isXml } from './xml.js';

export type { ParseFeedOptions } from './parse-with.js';

/** Every reader of every group in `formats/registry.ts`, in its order. */
const readers = [...Object.values(xml.readers), ...Object.values(json.readers)];

/**
 * Reads a feed in any supported format into Kabar's model, synchronously: every reader is in
 * the module graph. `readFeed` does the same and loads only the readers a feed needs. HTML named
 * references beyond the common ones (`&hearts;`) are decoded once `loadEntityTable()` has
 * resolved (`readFeed` loads the table itself when a feed needs it). Throws
 * `KabarParseError` with kind `parse` for text that is not a feed at all and `format` for a
 * format Kabar does not read.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): Feed {
  return parseWith(readers, text, options, isXml);
}
