/**
 * The one shape every feed format is read into. Text fields are plain text; `content` is the
 * feed's HTML exactly as published and must be sanitized before it reaches the DOM.
 */

import type { FeedFormat } from './formats/registry.js';

export { FEED_FORMATS } from './formats/registry.js';
export type { FeedFormat } from './formats/registry.js';

export interface FeedAuthor {
  name: string;
  email?: string;
  url?: string;
}

export interface FeedEnclosure {
  url: string;
  type?: string;
  length?: number;
}

export interface FeedItem {
  /** Stable identity: the feed's id/guid, else the link, else a hash of the title. */
  id: string;
  /** Plain text. */
  title: string;
  /** Absolute http(s) URL of the article, if the feed gave one. */
  link?: string;
  /** Plain text, derived from the summary or the content. */
  summary: string;
  /** The feed's HTML, unsanitized. */
  content?: string;
  published?: Date;
  updated?: Date;
  authors: FeedAuthor[];
  categories: string[];
  /** Absolute http(s) URL of the lead image. */
  image?: string;
  enclosures: FeedEnclosure[];
  /** Who published it: the feed's own title, an RSS `<source>`, a department name. */
  source?: string;
}

export interface Feed {
  format: FeedFormat;
  title: string;
  link?: string;
  description?: string;
  /** BCP 47 language tag, when the feed declares one. */
  language?: string;
  items: FeedItem[];
  /** URL of the next page, for formats that page (JSON Feed `next_url`, WordPress, the portal API). */
  next?: string;
  /** Total item count across all pages, when the source reports it. */
  total?: number;
}
