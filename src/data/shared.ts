/**
 * What the feed readers use of the code they share (`format.ts` and the text helpers), forwarded
 * from here.
 *
 * In the bundle the readers and their shared code are chunks loaded on demand. A chunk that
 * imported another chunk would name that chunk's URL for good, and browsers keep a module that
 * failed to load for the page's life: a reader whose shared code failed once, on a blip of the
 * connection, could then never load. The readers import these bindings from here (part of
 * `kabar.min.js`) instead, and `useFormat` fills them in when the shared code has loaded, before
 * anything is read. Each chunk then depends on `kabar.min.js` alone and can be asked for again.
 */
import type * as Format from './format.js';

export let toItem: typeof Format.toItem;
export let readDate: typeof Format.readDate;
export let plain: typeof Format.plain;
export let parseAuthor: typeof Format.parseAuthor;
export let defined: typeof Format.defined;
export let escapeHtml: typeof Format.escapeHtml;
export let decodeXml: typeof Format.decodeXml;

/** Points the bindings above at the loaded shared code: `readFeed` and `parseFeed` do it first. */
export function useFormat(format: typeof Format): void {
  ({ toItem, readDate, plain, parseAuthor, defined, escapeHtml, decodeXml } = format);
}
