/**
 * Every feed format Kabar reads, by the group of readers that is loaded with it. The groups are
 * where on-demand loading is cut: a page whose feeds are all RSS never downloads the JSON
 * readers, and the other way round.
 *
 * To add a format: write its reader in `formats/<name>.ts`, add its name to its group here, and
 * add the reader to that group's module (`xml-readers.ts` or `json-readers.ts`), which
 * TypeScript then asks for. `parseFeed`, `readFeed`, `FEED_FORMATS` and the `format` option all
 * follow from this list.
 */
import type { Feed } from '../model.js';

export const READER_GROUPS = {
  xml: ['rss', 'rdf', 'atom'],
  json: ['json-feed', 'wordpress', 'jabarprov'],
} as const;

export type ReaderGroupName = keyof typeof READER_GROUPS;

/** The formats Kabar reads. */
export type FeedFormat = (typeof READER_GROUPS)[ReaderGroupName][number];

/** The formats Kabar reads, in the order they are asked whether they can read a text. */
export const FEED_FORMATS: readonly FeedFormat[] = [...READER_GROUPS.xml, ...READER_GROUPS.json];

/** What a parser is told besides the text. */
export interface ParseContext {
  /** The feed's URL: the base for relative links. */
  url?: string;
  contentType?: string;
  /** The response headers, for formats that page through them (WordPress's `X-WP-TotalPages`). */
  headers?: HeaderReader;
}

/** What a reader needs of `Headers`: a `Headers` object is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** One feed format's reader. */
export interface FeedFormatReader {
  readonly name: FeedFormat;
  /** How sure this reader is that it can read `text` (0 = not at all, 1 = certain). */
  detect(text: string, contentType: string): number;
  /** Reads the text; throws KabarParseError when it cannot. */
  parse(text: string, context: ParseContext): Feed;
}

/** A group's readers by format name: exactly the formats listed for it in `READER_GROUPS`. */
export type ReadersOf<Group extends ReaderGroupName> = {
  readonly [Format in (typeof READER_GROUPS)[Group][number]]: FeedFormatReader;
};

/** What a group module exports. */
export interface ReaderGroup {
  readers: Readonly<Record<string, FeedFormatReader>>;
  /** Whether a text no reader knows is well-formed in the group's syntax (XML only). */
  isXml?: (text: string) => boolean;
}

/**
 * Loads a group's module. In the one-file bundle each group is a chunk loaded on demand;
 * `import()` keeps each module once, so a group is fetched once per page.
 */
export const loadReaderGroup: Record<ReaderGroupName, () => Promise<ReaderGroup>> = {
  xml: () => import('./xml-readers.js'),
  json: () => import('./json-readers.js'),
};

/** The group whose readers read `format`; XML's for a name no group lists, which its readers refuse. */
export function groupOf(format: FeedFormat): ReaderGroupName {
  const groups = Object.keys(READER_GROUPS) as ReaderGroupName[];
  return groups.find((group) => (READER_GROUPS[group] as readonly string[]).includes(format)) ?? 'xml';
}
