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

/** What may follow `&`: a decimal or hexadecimal number, or a name. */
const REF = /#(?:(\d{1,7})|[xX]([\da-fA-F]{1,6}))|([A-Za-z][A-Za-z\d]{1,31})/y;

function codePoint(n: number): string {
  // Surrogates, NUL and out-of-range numbers are what HTML replaces with U+FFFD.
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(n);
}

/**
 * Decodes numeric references and the names in NAMED; `;` may be left out as in HTML, unless
 * `xml`. Unknown names and a bare `&` stay as written. A loop, not a regular expression with
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
            : '';
      if (!char) continue;
      end += +semi;
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
const BLOCK_BREAK = /<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>/gi;
const TAG = /<\/?[A-Za-z!?][^>]*>?/g;

/** The start of a hidden block at one position. */
const HIDDEN_AT = /<(?:script|style|template|noscript|iframe|object|svg|math)\b/iy;

/** Whether `html` has a comment or a hidden block: what only the passes of `stripText` read. */
function hasHidden(html: string): boolean {
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1) | 32;
    if (c === 33) {
      if (html.startsWith('!--', at + 1)) return true;
    } else if (c === 115 || c === 116 || c === 110 || c === 105 || c === 111 || c === 109) {
      // s, t, n, i, o, m: the first letters of the hidden elements.
      HIDDEN_AT.lastIndex = at;
      if (HIDDEN_AT.test(html)) return true;
    }
  }
  return false;
}

/** BLOCK_BREAK at one position. */
const BLOCK_AT = /<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>/iy;

/** Plain text from an HTML fragment: tags dropped, entities decoded, white space folded. */
export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  return (hasHidden(html) ? undefined : scanText(html)) ?? stripText(html);
}

/** `htmlToText` as four passes replacing with a string run natively, then decoding and folding. */
function stripText(html: string): string {
  const text = html.includes('<')
    ? html
        .replace(/<!--[^]*?-->/g, '')
        .replace(HIDDEN_BLOCKS, ' ')
        .replace(BLOCK_BREAK, ' ')
        .replace(TAG, '')
    : html;
  return collapse(decodeEntities(text));
}

/** `\s` or the zero-width space: what `collapse` folds. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
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
 * Where the tag opening at `html[at]` ends (TAG's match, read after BLOCK_BREAK replaced its
 * matches with a space), or -1 when `<` opens no tag.
 */
function tagEnd(html: string, at: number): number {
  let j = at + 1;
  let c = html.charCodeAt(j);
  if (c === 47) c = html.charCodeAt(++j);
  if (!(((c | 32) >= 97 && (c | 32) <= 122) || c === 33 || c === 63)) return -1;
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

/** Where the reference `reference` read last ends. */
let refEnd = 0;

/**
 * The character of the reference at `text[at]` (`&`) as `decodeEntities` reads it, '' for none;
 * undefined when a `<` follows it, where a dropped tag could have made it longer.
 */
function reference(text: string, at: number): string | undefined {
  let p = at + 1;
  let c = text.charCodeAt(p);
  let value = -1;
  let name: string | undefined;
  if (c === 35) {
    c = text.charCodeAt(++p);
    if (c >= 48 && c <= 57) {
      for (value = 0; p <= at + 8 && (c = text.charCodeAt(p)) >= 48 && c <= 57; p++)
        value = value * 10 + c - 48;
    } else if ((c | 32) === 120) {
      const digits = ++p;
      for (value = 0; p < digits + 6; p++) {
        const d = text.charCodeAt(p);
        const h = d >= 48 && d <= 57 ? d - 48 : (d | 32) >= 97 && (d | 32) <= 102 ? (d | 32) - 87 : -1;
        if (h < 0) break;
        value = value * 16 + h;
      }
      if (p === digits) value = -1;
    }
  } else if ((c | 32) >= 97 && (c | 32) <= 122) {
    const first = p;
    for (p++; p < first + 32; p++) {
      const d = text.charCodeAt(p);
      if (!((d >= 48 && d <= 57) || ((d | 32) >= 97 && (d | 32) <= 122))) break;
    }
    if (p - first > 1) name = text.slice(first, p);
  }
  c = text.charCodeAt(p);
  if (c === 60) return undefined;
  const named = name ? NAMED[name]! : 0;
  // `> 0`, not `!== undefined`: `&constructor;` must not find Object's prototype.
  if (value < 0 && !(named > 0)) return '';
  refEnd = c === 59 ? p + 1 : p;
  return value >= 0 ? codePoint(value) : String.fromCharCode(named);
}

/**
 * `stripText` in one pass, writing each character once: the plain text of fragments without
 * comments or hidden blocks (nearly all summaries), from few temporary strings. Undefined when
 * a reference touches a tag, whose dropping could change it: the passes read that.
 */
function scanText(html: string): string | undefined {
  const n = html.length;
  let out = '';
  let start = -1; // the start of the run of plain text being read
  let space = false; // white space or a block boundary waits to be written
  for (let i = 0; i <= n;) {
    const c = html.charCodeAt(i);
    let next = -1; // where reading goes on after what is not plain text
    let blank = i === n;
    let char = '';
    if (c === 60) {
      BLOCK_AT.lastIndex = i;
      if (BLOCK_AT.test(html)) {
        next = BLOCK_AT.lastIndex;
        blank = true;
      } else next = tagEnd(html, i);
    } else if (c === 38) {
      const ref = reference(html, i);
      if (ref === undefined) return undefined;
      if (ref) {
        next = refEnd;
        if (isSpace(ref.charCodeAt(0))) blank = true;
        else char = ref;
      }
    } else if (isSpace(c)) {
      // One space after plain text and before anything but white space stays in the run.
      if (c === 32 && start >= 0 && i + 1 < n && !isSpace(html.charCodeAt(i + 1))) {
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
      const end = html.charCodeAt(i - 1) === 32 ? i - 1 : i;
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
