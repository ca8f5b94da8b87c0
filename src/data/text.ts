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

// Latin-1, U+00A0 to U+00FF, in order.
'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
  .split(' ')
  .forEach((name, i) => (NAMED[name] = 160 + i));

/**
 * Every HTML named reference (`entity-table.ts`: 2,125 names), once `loadEntityTable` has
 * loaded it. Few feeds use a name beyond NAMED, so the table is a chunk of its own; until it is
 * here, such names stay as written.
 */
let wholeTable: { entities: Readonly<Record<string, string>>; legacy: ReadonlySet<string> } | undefined;

/**
 * A name with its `;` was left as written because the whole table was not loaded, since
 * `takeMissedNames` last answered. Set by the decoding itself, so reading a feed costs nothing
 * more when every name is a common one.
 */
let missedNames = false;

/**
 * Loads every HTML named reference: from then on `decodeXml`, `decodeEntities` and `htmlToText`
 * decode them all (`&alpha;`, `&rarr;`, `&hearts;`…), not only the common ones. `readFeed` calls
 * it when a feed used another name (see `takeMissedNames`); call it once before `parseFeed` to
 * get the same.
 */
export async function loadEntityTable(): Promise<void> {
  wholeTable ??= await import('./entity-table.js');
}

/**
 * Whether a name was left as written for want of the whole table since the last call (and
 * forgets it): `readFeed` asks after reading a feed, and reads it again with the table.
 */
export function takeMissedNames(): boolean {
  const missed = missedNames;
  missedNames = false;
  return missed;
}

/**
 * The characters of `name`, which NAMED lacks, from the whole table once it is loaded: with its
 * `;`, or without it for the few names HTML reads that way (never in XML). '' when unknown.
 */
function uncommonName(name: string, semi: boolean, xml: boolean | undefined): string {
  if (!wholeTable) {
    missedNames ||= semi;
    return '';
  }
  if (!(semi || (!xml && wholeTable.legacy.has(name)))) return '';
  return wholeTable.entities[name] ?? '';
}

/** What may follow `&`: a decimal or hexadecimal number, or a name. */
const REF = /#(?:(\d{1,7})|[xX]([\da-fA-F]{1,6}))|([A-Za-z][A-Za-z\d]{1,31})/y;

function codePoint(n: number): string {
  // Surrogates, NUL and out-of-range numbers are what HTML replaces with U+FFFD.
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(n);
}

/**
 * Decodes numeric references and the names in NAMED (every HTML name once `loadEntityTable`
 * has run); `;` may be left out as in HTML, unless `xml`. Unknown names and a bare `&` stay as
 * written. A loop, not a regular expression with
 * a callback per reference: four times as fast on escaped HTML.
 */
function decode(text: string, xml?: boolean): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    let char: string;
    let end = at + 4;
    // XML's &lt; &gt; and &amp;, most of escaped HTML, need no regular expression.
    if (text.startsWith('lt;', at + 1)) char = '<';
    else if (text.startsWith('gt;', at + 1)) char = '>';
    else if (text.startsWith('amp;', at + 1)) {
      char = '&';
      end++;
    } else {
      REF.lastIndex = at + 1;
      const ref = REF.exec(text);
      end = REF.lastIndex;
      const semi = text[end] === ';';
      if (!ref || (xml && !semi)) continue;
      const [, dec, hex, name] = ref;
      // `> 0`, not `!== undefined`: `&constructor;` must not find Object's prototype.
      const named = NAMED[name!]!;
      char = dec
        ? codePoint(parseInt(dec, 10))
        : hex
          ? codePoint(parseInt(hex, 16))
          : named > 0
            ? String.fromCharCode(named)
            : uncommonName(name!, semi, xml);
      if (!char) continue;
      if (semi) end++;
    }
    out += text.slice(last, at) + char;
    last = end;
  }
  return last ? out + text.slice(last) : text;
}

/** Decodes numeric and known named entities, `;` optional as in HTML; unknown names stay as written. */
export const decodeEntities = (text: string): string => decode(text);

/**
 * Decodes the references of XML text: numeric ones, XML's five and the HTML names feeds use
 * without declaring them. Unknown names and a bare `&` stay as written.
 */
export const decodeXml = (text: string): string => decode(text, true);

/** Escapes text for HTML, in text or in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Elements whose text is never reader-visible content. */
const HIDDEN_BLOCKS = /<(script|style|template|noscript|iframe|object|svg|math)\b[^]*?<\/\1\s*>/gi;
const COMMENT = /<!--[^]*?-->/g;

/** A comment or the start of a hidden block: what `htmlToText` drops before it reads. */
const COMMENT_OR_HIDDEN = /<!--|<(?:script|style|template|noscript|iframe|object|svg|math)\b/i;

/**
 * A block boundary (`<p>`, `</div>`, `<br>` …) at one position: it reads as a space. Any other
 * tag (`/<\/?[A-Za-z!?][^>]*>?/`) is dropped.
 */
const BLOCK_AT = /<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>/iy;

/**
 * Plain text from an HTML fragment: comments dropped, script, style and other hidden blocks
 * read as a space, then one pass over the rest (`scanText`): block boundaries read as a space,
 * other tags dropped, character references decoded where they stand, white space folded to one
 * space and trimmed. `test/data/fast-paths.test.ts` holds the same definition as regular
 * expressions and checks the two agree on generated fragments.
 */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  const visible = COMMENT_OR_HIDDEN.test(html) ? html.replace(COMMENT, '').replace(HIDDEN_BLOCKS, ' ') : html;
  return scanText(visible);
}

/** The UTF-16 code of a one-character string: the scanner below reads the text by code. */
const code = (char: string): number => char.charCodeAt(0);
const LESS_THAN = code('<');
const AMPERSAND = code('&');
const SEMICOLON = code(';');
const NUMBER_SIGN = code('#');
const SLASH = code('/');
const EXCLAMATION = code('!');
const QUESTION = code('?');
const SPACE = code(' ');

const ZERO = code('0');
const NINE = code('9');
const LOWER_A = code('a');
const LOWER_F = code('f');
const LOWER_Z = code('z');
const UPPER_A = code('A');
const UPPER_F = code('F');
const UPPER_Z = code('Z');
const LOWER_X = code('x');
const UPPER_X = code('X');

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;
const isLetter = (c: number): boolean => (c >= LOWER_A && c <= LOWER_Z) || (c >= UPPER_A && c <= UPPER_Z);

/** The value of a hexadecimal digit, or -1. */
function hexDigit(c: number): number {
  if (isDigit(c)) return c - ZERO;
  if (c >= LOWER_A && c <= LOWER_F) return c - LOWER_A + 10;
  if (c >= UPPER_A && c <= UPPER_F) return c - UPPER_A + 10;
  return -1;
}

/** `\s` or the zero-width space: what `collapse` folds. */
function isSpace(c: number): boolean {
  return (
    c === SPACE ||
    (c >= 9 && c <= 13) ||
    (c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200b) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/**
 * Where the tag opening at `html[at]` ends (as `/<\/?[A-Za-z!?][^>]*>?/` reads it after the
 * block boundaries were read as spaces), or -1 when `<` opens no tag.
 */
function tagEnd(html: string, at: number): number {
  let j = at + 1;
  let c = html.charCodeAt(j);
  if (c === SLASH) c = html.charCodeAt(++j);
  if (!(isLetter(c) || c === EXCLAMATION || c === QUESTION)) return -1;
  for (let from = j + 1; ;) {
    const close = html.indexOf('>', from);
    // Without a `>`, no block boundary either: the tag runs to the end.
    if (close < 0) return html.length;
    let open = html.indexOf('<', from);
    // A block boundary inside the tag became a space, and its `>` ends nothing.
    while (open >= 0 && open < close) {
      BLOCK_AT.lastIndex = open;
      if (BLOCK_AT.test(html)) break;
      open = html.indexOf('<', open + 1);
    }
    if (open < 0 || open > close) return close + 1;
    from = BLOCK_AT.lastIndex;
  }
}

/**
 * Plain text, one space at a time: what `scanText` copies as it is. The class is `[^<&\s\u200b]`
 * with `\s` spelled out: Chromium runs the spelled-out class in about half the time.
 */
const PLAIN =
  /[^<&\t-\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*(?: [^<&\t-\r \u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+)*/y;

/** A character reference read by `reference`: the character and where the reference ends. */
interface Reference {
  char: string;
  end: number;
}

/**
 * The reference at `text[at]` (`&`) as `decodeEntities` reads it, or null when it is none. A
 * tag ends it, as in a browser: `&am<b></b>p;` is the text `&amp;`.
 */
function reference(text: string, at: number): Reference | null {
  let p = at + 1;
  let c = text.charCodeAt(p);
  let value = -1;
  let name: string | undefined;
  if (c === NUMBER_SIGN) {
    c = text.charCodeAt(++p);
    if (isDigit(c)) {
      // Up to 7 decimal digits, as REF reads them.
      for (value = 0; p <= at + 8 && isDigit((c = text.charCodeAt(p))); p++) value = value * 10 + (c - ZERO);
    } else if (c === LOWER_X || c === UPPER_X) {
      // Up to 6 hexadecimal digits.
      const digits = ++p;
      for (value = 0; p < digits + 6 && hexDigit(text.charCodeAt(p)) >= 0; p++) {
        value = value * 16 + hexDigit(text.charCodeAt(p));
      }
      if (p === digits) value = -1;
    }
  } else if (isLetter(c)) {
    // A letter, then up to 31 letters or digits.
    const first = p;
    for (p++; p < first + 32; p++) {
      const d = text.charCodeAt(p);
      if (!(isDigit(d) || isLetter(d))) break;
    }
    if (p - first > 1) name = text.slice(first, p);
  }
  c = text.charCodeAt(p);
  const named = name ? NAMED[name]! : 0;
  const end = c === SEMICOLON ? p + 1 : p;
  if (value >= 0) return { char: codePoint(value), end };
  // `> 0`, not `!== undefined`: `&constructor;` must not find Object's prototype.
  if (named > 0) return { char: String.fromCharCode(named), end };
  const char = name ? uncommonName(name, c === SEMICOLON, false) : '';
  return char ? { char, end } : null;
}

/**
 * The plain text of a fragment without comments or hidden blocks (see `htmlToText`), in one
 * pass writing each character once, from few temporary strings.
 */
function scanText(html: string): string {
  const n = html.length;
  let out = '';
  let start = -1; // the start of the run of plain text being read
  let space = false; // white space or a block boundary waits to be written
  for (let i = 0; i <= n;) {
    const c = html.charCodeAt(i);
    let next = -1; // where reading goes on after what is not plain text
    let blank = i === n;
    let char = '';
    if (c === LESS_THAN) {
      BLOCK_AT.lastIndex = i;
      if (BLOCK_AT.test(html)) {
        next = BLOCK_AT.lastIndex;
        blank = true;
      } else next = tagEnd(html, i);
    } else if (c === AMPERSAND) {
      const ref = reference(html, i);
      if (ref) {
        next = ref.end;
        if (isSpace(ref.char.charCodeAt(0))) blank = true;
        else char = ref.char;
      }
    } else if (isSpace(c)) {
      // One space after plain text and before anything but white space stays in the run.
      if (c === SPACE && start >= 0 && i + 1 < n && !isSpace(html.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      next = i + 1;
      blank = true;
    } else if (i === n) next = n + 1;
    if (next < 0) {
      if (start < 0) start = i;
      // The rest of the run, natively.
      PLAIN.lastIndex = i + 1;
      PLAIN.test(html);
      i = PLAIN.lastIndex;
      continue;
    }
    if (start >= 0) {
      // The run may end in that one space, before a tag or a reference: it waits like others.
      const end = html.charCodeAt(i - 1) === SPACE ? i - 1 : i;
      if (space && out) out += ' ';
      out += html.slice(start, end);
      space = end < i;
      start = -1;
    }
    if (blank) space = true;
    else if (char) {
      if (space && out) out += ' ';
      out += char;
      space = false;
    }
    i = next;
  }
  return out;
}

/** Folds runs of white space (including no-break and zero-width spaces) to one space and trims. */
export function collapse(text: string): string {
  // Single spaces, the common case, are left alone: no match, no new string. The class is
  // `\s` but the space, and the zero-width space.
  return text
    .replace(
      /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff][\s\u200b]*| [\s\u200b]+/g,
      ' ',
    )
    .trim();
}

/** The first `<img src>` of an HTML fragment, for feeds that carry their picture only inline. */
export function firstImage(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const match = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  const src = match && (match[1] ?? match[2] ?? match[3]);
  return src ? decodeEntities(src) : undefined;
}
