import { KabarParseError } from './errors.js';
import type { FeedFormat, FeedFormatReader, HeaderReader, ParseContext } from './formats/registry.js';
import type { Feed } from './model.js';

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
 * Reads `text` with the reader that is surest it can (or the one `options.format` names).
 * `isXml` tells well-formed XML that no reader knows (kind `format`) from text that is not a
 * feed at all (kind `parse`).
 */
export function parseWith(
  readers: FeedFormatReader[],
  text: string,
  options: ParseFeedOptions,
  isXml: (text: string) => boolean = () => false,
): Feed {
  const { url } = options;
  const contentType = (options.contentType ?? '').toLowerCase();
  const context: ParseContext = { contentType };
  if (url) context.url = url;
  if (options.headers) context.headers = options.headers;
  if (!text.trim()) throw new KabarParseError('empty', 'The response is empty.', { url });
  if (options.format) {
    const reader = readers.find((r) => r.name === options.format);
    if (!reader) throw new KabarParseError('format', `Unknown feed format "${options.format}".`, { url });
    return reader.parse(text, context);
  }
  let best: FeedFormatReader | undefined;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.detect(text, contentType);
    if (score > bestScore) [best, bestScore] = [reader, score];
  }
  if (best) return best.parse(text, context);
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    throw new KabarParseError('html', 'The response is an HTML page.', { url });
  }
  // Well-formed XML or JSON that no reader knows (OPML, another API): a format we do not read.
  if (start.startsWith('{') || start.startsWith('[') ? isJson(text) : start.startsWith('<') && isXml(text)) {
    throw new KabarParseError('format', 'The response is not in a feed format Kabar reads.', { url });
  }
  throw new KabarParseError('parse', 'The response is not a feed.', { url });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text.trimStart());
    return true;
  } catch {
    return false;
  }
}
