import * as format from './format.js';
import type { FeedFormatReader } from './format.js';
import { atom } from './formats/atom.js';
import { jabarprov } from './formats/jabarprov.js';
import { jsonFeed } from './formats/json-feed.js';
import { rdf, rss } from './formats/rss.js';
import { wordpress } from './formats/wordpress.js';
import type { Feed } from './model.js';
import type { ParseFeedOptions } from './parse-with.js';
import { useFormat } from './shared.js';
import { isXml } from './xml.js';

export type { ParseFeedOptions } from './parse-with.js';

/**
 * Every format Kabar reads. Adding one is a module, a line here and a line in the group it
 * belongs to (`readers-xml.ts` or `readers-json.ts`), which `readFeed` loads on demand.
 */
const readers: FeedFormatReader[] = [rss, rdf, atom, jsonFeed, wordpress, jabarprov];

// The readers reach the code they share through `shared.ts`: here it is in the module graph.
useFormat(format);

/**
 * Reads a feed in any supported format into Kabar's model, synchronously: every reader is in
 * the module graph. `readFeed` does the same and loads only the reader a feed needs. Throws
 * `KabarParseError` with kind `parse` for text that is not a feed at all and `format` for a
 * format Kabar does not read.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): Feed {
  return format.parseWith(readers, text, options, isXml);
}
