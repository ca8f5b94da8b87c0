/**
 * Whether a body is a feed Kabar reads, from its first bytes, and the content type to send it
 * with. The relay passes on feeds only: an HTML page, a script or an image from an allowed host
 * is refused, so the relay cannot serve as a way to fetch anything else.
 *
 * The checks follow the detectors of Kabar's readers (`src/data/formats/*.ts`): RSS 0.9x-2.0,
 * RSS 1.0 (RDF) and Atom by their root element; JSON Feed by its version URL; the WordPress REST
 * API's posts by `"title": { "rendered"`; the West Java portal's news by its `data` list and
 * field names.
 */
import { Buffer } from 'node:buffer';

/** How much of the body is read to decide: Kabar's detectors look at the first 4 KB. */
export const SNIFF_BYTES = 4096;

/**
 * How far the portal detector looks for its field names: Kabar's looks at 64 KB, since the
 * first record may carry a long article before them.
 */
export const SNIFF_PORTAL_BYTES = 65536;

/**
 * Content types passed on as the source sent them: feed types and plain data types, none of
 * which a browser renders as a page that could run script.
 */
const SAFE_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
]);

/**
 * The start of the body as text. The structure the checks look for is ASCII, so Latin-1 reads
 * it in any ASCII-compatible charset; a UTF-16 body (byte-order mark) is decoded as such.
 * @param {Uint8Array} body
 * @param {number} length
 */
function head(body, length) {
  const bytes = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, length));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return swapped.swap16().toString('utf16le');
  }
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.subarray(utf8Bom ? 3 : 0).toString('latin1');
}

/**
 * The first element of an XML document, past the XML declaration, processing instructions,
 * comments and a document type declaration; undefined when the text does not start that way.
 * @param {string} text
 */
function rootElement(text) {
  const prolog =
    /^\s*(?:(?:<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE(?:[^[>]|\[[^]*?\])*>)\s*)*<([A-Za-z_][\w.:-]*)/;
  return prolog.exec(text)?.[1];
}

/**
 * What kind of feed `body` is: `xml` (RSS, RDF, Atom) or `json` (JSON Feed, WordPress posts,
 * the West Java portal), or undefined when it is none Kabar reads.
 * @param {Uint8Array} body
 * @returns {'xml' | 'json' | undefined}
 */
export function sniffFeed(body) {
  const text = head(body, SNIFF_BYTES);
  const root = rootElement(text);
  if (root !== undefined) {
    const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
    // `rss`, `RDF` (RSS 1.0 as `rdf:RDF` or with a default namespace) and Atom's `feed`.
    return local === 'rss' || local === 'RDF' || local === 'feed' ? 'xml' : undefined;
  }
  if (/^\s*\{/.test(text)) {
    if (/"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(text)) return 'json';
    if (/"data"\s*:\s*\[/.test(text)) {
      const portal = head(body, SNIFF_PORTAL_BYTES);
      if (/"(?:unit_name|published_at|total_page)"/.test(portal)) return 'json';
    }
    return undefined;
  }
  // A list of WordPress posts; an empty list is a category with no posts yet.
  if (/^\s*\[\s*\]\s*$/.test(text)) return 'json';
  if (/^\s*\[/.test(text) && /"(?:title|content)"\s*:\s*\{\s*"rendered"/.test(text)) return 'json';
  return undefined;
}

/**
 * The content type to relay a feed with: the source's when it is a feed or data type, else the
 * type its kind calls for, keeping the source's charset (many regional CMSs still write
 * ISO-8859-1 and say so only there). Never `text/html` or any other type a browser would render
 * as a page.
 * @param {string | undefined} upstream the source's Content-Type header
 * @param {'xml' | 'json'} kind what `sniffFeed` found
 */
export function relayContentType(upstream, kind) {
  const [mediaType = '', ...params] = (upstream ?? '').split(';');
  const type = mediaType.trim().toLowerCase();
  if (SAFE_TYPES.has(type)) return upstream ?? type;
  const charset = params.map((p) => p.trim()).find((p) => /^charset\s*=/i.test(p));
  const safe = kind === 'xml' ? 'application/xml' : 'application/json';
  return charset ? `${safe}; ${charset}` : safe;
}
