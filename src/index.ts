/**
 * Kabar without side effects: element classes, events, contexts and the data layer. Import
 * `kabar/define.js` (or a component's registration module) to register the tags.
 */
export * from './api.js';
/** Reads a feed synchronously with every reader (`readFeed` loads only the one it needs). */
export { parseFeed } from './data/parse.js';
/** Loads every HTML named reference, so that `parseFeed` decodes them all (`readFeed` does it itself). */
export { loadEntityTable } from './data/text.js';
export { toItem } from './data/normalize.js';
/** Every language's strings at once (the one-file bundle loads English and Sundanese on demand). */
export { locales } from './i18n/all-locales.js';
