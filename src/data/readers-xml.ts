/** The readers of XML feeds, one chunk that `readFeed` loads when a feed is XML. */
import type { FeedFormatReader } from './format.js';
import { atom } from './formats/atom.js';
import { rdf, rss } from './formats/rss.js';

export { isXml } from './xml.js';
export const readers: FeedFormatReader[] = [rss, rdf, atom];
