/** The readers of XML feeds: one chunk of the bundle, loaded when a feed is XML. */
import { atom } from './atom.js';
import type { ReadersOf } from './registry.js';
import { rdf, rss } from './rss.js';

export { isXml } from '../xml.js';

export const readers: ReadersOf<'xml'> = { rss, rdf, atom };
