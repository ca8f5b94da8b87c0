import { KabarParseError } from './errors.js';
import type { FeedFormatReader, HeaderReader, ParseContext } from './format.js';
import { atom } from './formats/atom.js';
import { jabarprov } from './formats/jabarprov.js';
import { jsonFeed } from './formats/json-feed.js';
import { rdf, rss } from './formats/rss.js';
import { wordpress } from './formats/wordpress.js';
import type { Feed, FeedFormat } from './model.js';
import { isXml } from './xml.js';

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
  if (!text.trim()) throw new KabarParseError('empty', 'The response is empty.', { url: options.url });
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
    const start = text
      .replace(/^[\s\uFEFF]+/, '')
      .slice(0, 200)
      .toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
      throw new KabarParseError('html', 'The response is an HTML page.', { url: options.url });
    }
    // Well-formed XML or JSON that no reader knows (OPML, another API): a format we do not read.
    if (wellFormed(start, text)) {
      throw new KabarParseError('format', 'The response is not in a feed format Kabar reads.', {
        url: options.url,
      });
    }
    throw new KabarParseError('parse', 'The response is not a feed.', { url: options.url });
  }
  return best.parse(text, context);
}

function wellFormed(start: string, text: string): boolean {
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      JSON.parse(text.replace(/^[\s\uFEFF]+/, ''));
      return true;
    } catch {
      return false;
    }
  }
  return start.startsWith('<') && isXml(text);
}
