/**
 * What every feed reader shares: turning the raw fields it found into a `FeedItem` (plain text,
 * absolute URLs, a stable id), and reading dates, authors and feed-level text.
 */
import { parseDate } from './date.js';
import type { FeedAuthor, FeedItem } from './model.js';
import { collapse, decodeEntities, firstImage, htmlToText } from './text.js';
import { resolveWebUrl } from './url.js';

/**
 * Whether a feed needed the whole table of HTML names, and loading it: `readFeed` asks after it
 * reads, with the normalization it loads anyway (one chunk of the bundle, no request of its own).
 */
export { loadEntityTable, takeMissedNames } from './text.js';

/** The raw fields a reader collects for one item before normalization. */
export interface RawItem {
  id?: string | number | undefined;
  title?: string | undefined;
  /** Whether `title` is HTML (Atom `type="html"`, RSS titles with tags) or plain text. */
  titleIsHtml?: boolean;
  link?: string | undefined;
  summary?: string | undefined;
  content?: string | undefined;
  published?: Date | undefined;
  updated?: Date | undefined;
  authors?: FeedAuthor[];
  categories?: string[];
  image?: string | undefined;
  enclosures?: FeedItem['enclosures'];
  source?: string | undefined;
}

const SUMMARY_LENGTH = 400;

function hash(text: string): string {
  // FNV-1a: a short stable id for items that have neither id nor link.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Markup per character of text assumed when only the start of an article is read. */
const MARKUP_RATIO = 4;

/**
 * The plain text of HTML, as far as the item keeps it (`SUMMARY_LENGTH * 2`): a long article is
 * read from its start only, which is what makes a 2,000-item feed fast. The whole text is read
 * when the start is short of text or opens a block whose text is hidden (a script, a style),
 * whose end might be cut off.
 */
function excerptText(html: string | undefined): string {
  const want = SUMMARY_LENGTH * 2;
  if (html && html.length > want * MARKUP_RATIO) {
    const head = html.slice(0, want * MARKUP_RATIO);
    if (!/<(?:script|style|template|noscript|iframe|object|svg|math)\b/i.test(head)) {
      const text = htmlToText(head);
      // Past `want`, a tag or an entity cut in half may have left a trace: keep a margin.
      if (text.length > want + 32) return text.slice(0, want);
    }
  }
  return htmlToText(html);
}

/** The plain text of each category, without empty or repeated ones, in their order. */
function categories(values: string[] | undefined): string[] {
  if (!values?.length) return [];
  const texts = values.map(htmlToText);
  // Usually a few, none empty or repeated: that list as it is.
  for (let i = 0; i < texts.length && i < 16; i++) {
    if (!texts[i] || texts.indexOf(texts[i]!) < i) break;
    if (i === texts.length - 1) return texts;
  }
  return [...new Set(texts.filter(Boolean))];
}

/** An author with its name as plain text; undefined without a name. */
function author(a: FeedAuthor): FeedAuthor | undefined {
  const name = htmlToText(a.name);
  return name ? { ...a, name } : undefined;
}

/** The values that are not undefined: `values` itself when all are. */
export const defined = <T>(values: (T | undefined)[]): T[] =>
  values.includes(undefined) ? values.filter((v): v is T => v !== undefined) : (values as T[]);

/** Normalizes what a reader found into a FeedItem: plain text, absolute URLs, a stable id. */
export function toItem(raw: RawItem, base: string | undefined, source: string | undefined): FeedItem {
  const title = raw.titleIsHtml === false ? collapse(decodeEntities(raw.title ?? '')) : htmlToText(raw.title);
  const link = resolveWebUrl(raw.link, base);
  const summaryText = excerptText(raw.summary) || excerptText(raw.content);
  const image = resolveWebUrl(raw.image ?? firstImage(raw.content ?? raw.summary), base);
  const id =
    raw.id === undefined || raw.id === '' ? (link ?? `kabar-${hash(title + summaryText)}`) : String(raw.id);
  const item: FeedItem = {
    id,
    title,
    summary: summaryText.length > SUMMARY_LENGTH * 2 ? summaryText.slice(0, SUMMARY_LENGTH * 2) : summaryText,
    categories: categories(raw.categories),
    authors: raw.authors?.length ? defined(raw.authors.map(author)) : [],
    enclosures: raw.enclosures?.length
      ? defined(
          raw.enclosures.map((e) => {
            const url = resolveWebUrl(e.url, base);
            return url ? { ...e, url } : undefined;
          }),
        )
      : [],
  };
  if (link) item.link = link;
  if (raw.content) item.content = raw.content;
  if (raw.published) item.published = raw.published;
  if (raw.updated) item.updated = raw.updated;
  if (image) item.image = image;
  const itemSource = raw.source ? collapse(raw.source) : source;
  if (itemSource) item.source = itemSource;
  return item;
}

/**
 * `YYYY-MM-DDTHH:MM:SS`, `.mmm` or not, then `Z` or `±HH:MM`: how JSON Feed and Atom write dates,
 * and ECMAScript's own date format, which `Date.parse` reads the same in every browser.
 */
const ISO_COMMON = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * `parseDate` for readers: a date in the shape most feeds use (ISO_COMMON) is read natively, in
 * half the time; any other, or one `Date.parse` refuses (a leap second), by `parseDate`.
 */
export function readDate(value: string | undefined, localOffset?: number): Date | undefined {
  const time = value && ISO_COMMON.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? parseDate(value, localOffset) : new Date(time);
}

/** Reads `Name <email>`, `email (Name)` and `Name (email)` author strings. */
export function parseAuthor(value: string | undefined): FeedAuthor | undefined {
  const text = collapse(value ?? '');
  if (!text) return undefined;
  const paren = /^([^\s()]+@[^\s()]+)\s*\(([^)]+)\)$/.exec(text);
  if (paren) return { name: paren[2]!.trim(), email: paren[1]! };
  const nameFirst = /^([^()]+?)\s*\(([^\s()]+@[^\s()]+)\)$/.exec(text);
  if (nameFirst) return { name: nameFirst[1]!, email: nameFirst[2]! };
  const angle = /^(.*?)\s*<([^>]+@[^>]+)>$/.exec(text);
  if (angle) return { name: angle[1]!.trim() || angle[2]!, email: angle[2]! };
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { name: text, email: text };
  return { name: text };
}

/** Plain text of a feed-level field that may hold markup. */
export function plain(value: string | undefined): string | undefined {
  const text = htmlToText(value);
  return text || undefined;
}
