/**
 * Text helpers that never hand markup to the DOM: feeds are untrusted, and parsing their HTML
 * with the browser would be a Trusted Types sink and load nothing we need. Tags are dropped,
 * entities decoded, white space folded.
 */

/**
 * HTML named entities that feeds use and XML never declares: Latin-1 and common typography.
 * The full HTML table is 2,000 names and 30 KB; these are the ones seen in real feeds.
 */
const NAMED: Record<string, number> = {
  quot: 34,
  amp: 38,
  apos: 39,
  lt: 60,
  gt: 62,
  nbsp: 160,
  iexcl: 161,
  cent: 162,
  pound: 163,
  curren: 164,
  yen: 165,
  brvbar: 166,
  sect: 167,
  uml: 168,
  copy: 169,
  ordf: 170,
  laquo: 171,
  not: 172,
  shy: 173,
  reg: 174,
  macr: 175,
  deg: 176,
  plusmn: 177,
  sup2: 178,
  sup3: 179,
  acute: 180,
  micro: 181,
  para: 182,
  middot: 183,
  cedil: 184,
  sup1: 185,
  ordm: 186,
  raquo: 187,
  frac14: 188,
  frac12: 189,
  frac34: 190,
  iquest: 191,
  Agrave: 192,
  Aacute: 193,
  Acirc: 194,
  Atilde: 195,
  Auml: 196,
  Aring: 197,
  AElig: 198,
  Ccedil: 199,
  Egrave: 200,
  Eacute: 201,
  Ecirc: 202,
  Euml: 203,
  Igrave: 204,
  Iacute: 205,
  Icirc: 206,
  Iuml: 207,
  ETH: 208,
  Ntilde: 209,
  Ograve: 210,
  Oacute: 211,
  Ocirc: 212,
  Otilde: 213,
  Ouml: 214,
  times: 215,
  Oslash: 216,
  Ugrave: 217,
  Uacute: 218,
  Ucirc: 219,
  Uuml: 220,
  Yacute: 221,
  THORN: 222,
  szlig: 223,
  agrave: 224,
  aacute: 225,
  acirc: 226,
  atilde: 227,
  auml: 228,
  aring: 229,
  aelig: 230,
  ccedil: 231,
  egrave: 232,
  eacute: 233,
  ecirc: 234,
  euml: 235,
  igrave: 236,
  iacute: 237,
  icirc: 238,
  iuml: 239,
  eth: 240,
  ntilde: 241,
  ograve: 242,
  oacute: 243,
  ocirc: 244,
  otilde: 245,
  ouml: 246,
  divide: 247,
  oslash: 248,
  ugrave: 249,
  uacute: 250,
  ucirc: 251,
  uuml: 252,
  yacute: 253,
  thorn: 254,
  yuml: 255,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  rarr: 8594,
  harr: 8596,
  minus: 8722,
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;
/** XML's references end with `;`: `&copy=2` in a URL is text. */
const XML_ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function codePoint(n: number): string {
  // Surrogates, NUL and out-of-range numbers are what HTML replaces with U+FFFD.
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(n);
}

function entity(match: string, dec?: string, hex?: string, name?: string): string {
  if (dec) return codePoint(parseInt(dec, 10));
  if (hex) return codePoint(parseInt(hex, 16));
  // `> 0`, not `!== undefined`: `&constructor;` must not find Object's prototype.
  const n = NAMED[name!]!;
  return n > 0 ? String.fromCharCode(n) : match;
}

/** An entity other than XML's five. */
const OTHER = /&(?!(?:lt|gt|amp|quot|apos);)/;

function decode(text: string, pattern: RegExp): string {
  if (!text.includes('&')) return text;
  if (OTHER.test(text)) return text.replace(pattern, entity);
  // Only XML's five, the common case in escaped HTML: replaced natively, `&amp;` last.
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** Decodes numeric and known named entities, `;` optional as in HTML; unknown names stay as written. */
export const decodeEntities = (text: string): string => decode(text, ENTITY);

/**
 * Decodes the references of XML text: numeric ones, XML's five and the HTML names feeds use
 * without declaring them. Unknown names and a bare `&` stay as written.
 */
export const decodeXml = (text: string): string => decode(text, XML_ENTITY);

/** Escapes text for HTML, in text or in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * What plain text leaves out of HTML, in one pass: comments, elements whose text is never
 * reader-visible content, block boundaries (a space) and every other tag, even an unclosed one.
 */
const MARKUP =
  /<!--[^]*?-->|<(script|style|template|noscript|iframe|object|svg|math)\b[^]*?<\/\1\s*>|<\/?(?:(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>|[A-Za-z!?][^>]*>?)/gi;

/** Plain text from an HTML fragment: tags dropped, entities decoded, white space folded. */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  const text = html.includes('<')
    ? html.replace(MARKUP, (_, hidden?: string, block?: string) => (hidden || block ? ' ' : ''))
    : html;
  return collapse(decodeEntities(text));
}

/** Folds runs of white space (including no-break and zero-width spaces) to one space and trims. */
export function collapse(text: string): string {
  // Single spaces, the common case, are left alone: no match, no new string.
  return text.replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ').trim();
}

/** Shortens plain text at a word boundary, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** The first `<img src>` of an HTML fragment, for feeds that carry their picture only inline. */
export function firstImage(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const match = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  const src = match && (match[1] ?? match[2] ?? match[3]);
  return src ? decodeEntities(src) : undefined;
}
