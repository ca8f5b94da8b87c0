/** The readers of JSON feeds, one chunk that `readFeed` loads when a feed is JSON. */
import type { FeedFormatReader } from './format.js';
import { jabarprov } from './formats/jabarprov.js';
import { jsonFeed } from './formats/json-feed.js';
import { wordpress } from './formats/wordpress.js';

export const readers: FeedFormatReader[] = [jsonFeed, wordpress, jabarprov];
