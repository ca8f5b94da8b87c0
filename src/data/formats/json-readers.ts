/** The readers of JSON feeds: one chunk of the bundle, loaded when a feed is JSON. */
import { jabarprov } from './jabarprov.js';
import { jsonFeed } from './json-feed.js';
import type { ReadersOf } from './registry.js';
import { wordpress } from './wordpress.js';

export const readers: ReadersOf<'json'> = { 'json-feed': jsonFeed, wordpress, jabarprov };
