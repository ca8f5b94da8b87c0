import { KabarParseError } from './errors.js';
import type { FeedFormatReader, HeaderReader, ParseContext } from './format.js';
import { atom } from './formats/atom.js';
import { jabarprov } from './formats/jabarprov.js';
import { jsonFeed } from './formats/json-feed.js';
import { rdf, rss } from './formats/rss.js';
import { wordpress } from './formats/wordpress.js';
import type { Feed, FeedFormat } from './model.js';

/** Every format Kabar reads. Adding one is a module and a line here. */
const readers: FeedFormatReader[] = [rss, rdf, atom, jsonFeed, wordpress, jabarprov];

export interface ParseFeedOptions {
  /** The response's Content-Type, a hint for detection. */
  contentType?: string;
  /** The feed's URL: relative links are resolved against it. */
  url?: string;
  /** The response headers (WordPress reports its page count in them). */
  headers?: HeaderReader;
  /** Skip detection and read the text as this format. */
  format?: FeedFormat;
}

/**
 * Reads a feed in any supported format into Kabar's model. Throws `KabarParseError` with kind
 * `parse` for text that is not a feed at all and `format` for a format Kabar does not read.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): Feed {
  const contentType = (options.contentType ?? '').toLowerCase();
  const context: ParseContext = { contentType };
  if (options.url) context.url = options.url;
  if (options.headers) context.headers = options.headers;
  if (!text.trim()) throw new KabarParseError('parse', 'The response is empty.', { url: options.url });
  if (options.format) {
    const reader = readers.find((r) => r.name === options.format);
    if (!reader)
      throw new KabarParseError('format', `Unknown feed format "${options.format}".`, { url: options.url });
    return reader.parse(text, context);
  }
  let best: FeedFormatReader | undefined;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.detect(text, contentType);
    if (score > bestScore) [best, bestScore] = [reader, score];
  }
  if (!best) {
    const start = text.trimStart().slice(0, 200).toLowerCase();
    const kind =
      start.startsWith('<!doctype html') || start.startsWith('<html') ? 'an HTML page' : 'not a feed';
    throw new KabarParseError('parse', `The response is ${kind}.`, { url: options.url });
  }
  return best.parse(text, context);
}
