import { expect } from '@open-wc/testing';
import { isoInstant, parseDate } from '../../src/data/date.js';
import { readDate } from '../../src/data/normalize.js';
import { parseFeed } from '../../src/data/parse.js';
import { collapse, decodeEntities, htmlToText } from '../../src/data/text.js';

/**
 * `htmlToText` as passes of regular expressions, then decoding and folding: its definition.
 * The text between two dropped tags is decoded on its own: a tag ends a reference
 * (`&am<b></b>p;` stays `&amp;`, as in a browser).
 */
function passes(html: string): string {
  const text = html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<(script|style|template|noscript|iframe|object|svg|math)\b[^]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>/gi, ' ');
  return collapse(
    text
      .split(/<\/?[A-Za-z!?][^>]*>?/)
      .map(decodeEntities)
      .join(''),
  );
}

describe('htmlToText: the one-pass reader', () => {
  it('gives a summary the same text with and without markup and entities', () => {
    const plain = 'Pemkab dan warga membangun jalan desa baru';
    expect(htmlToText(plain)).to.equal(plain);
    expect(htmlToText(`<p>${plain}</p>`)).to.equal(plain);
    expect(htmlToText(`<p>Pemkab &amp; warga <b>membangun</b> jalan&nbsp;desa&hellip;</p>`)).to.equal(
      'Pemkab & warga membangun jalan desa…',
    );
    expect(htmlToText('  Pemkab\n\t dan \u00a0warga  ')).to.equal('Pemkab dan warga');
  });

  it('reads tags, references and spaces where the passes would', () => {
    const cases: [string, string][] = [
      ['<a title="x<p>y">z', 'z'], // a block boundary inside a tag ends nothing
      ['a <b> c', 'a c'],
      ['a<b>c</b>d', 'acd'],
      ['a<br>b<li>c', 'a b c'],
      ['<<p>', '<'],
      ['a < b & c', 'a < b & c'],
      ['&am<b></b>p;', '&amp;'], // a tag ends a reference: no reference is joined by dropping it
      ['&amp<b>x', '&x'],
      ['&lt;b&gt;', '<b>'], // decoded after the tags were dropped: text
      ['x&#32;&#x20; y', 'x y'],
      ['&nbsp;a&nbsp;', 'a'],
      ['&constructor; &#0;', '&constructor; \uFFFD'],
      ['<img src=x onerror=alert(1)//', ''],
      ['a<!-- <p>b</p> -->c<script>d</script>e', 'ac e'],
    ];
    for (const [html, text] of cases) {
      expect(htmlToText(html), html).to.equal(text);
      expect(passes(html), html).to.equal(text);
    }
  });

  it('agrees with the passes on generated fragments of tags, references and white space', () => {
    const parts = [
      '<',
      '>',
      '/',
      'p',
      'b',
      'br',
      'Div',
      '&',
      'amp',
      ';',
      '#',
      'x',
      '1',
      '6',
      '0',
      'nbsp',
      'hellip',
      ' ',
      '  ',
      '\n',
      '\u00a0',
      '\u200b',
      'a',
      'lt',
      '"',
      '!',
      '?',
      '-',
      'h1',
      'li',
      'Z',
      '&#32;',
      '&#x20;',
      '<p>',
      '</p>',
      '<b>',
      '</b>',
      '<br/>',
      '<a href="x">',
      '&#1234567',
      '&#xD800;',
      'é',
      '😀',
      '<!--',
      '-->',
      '<script>',
      '</script>',
      '<STYLE x>',
      '</style >',
      '<s',
      '<i',
      '<!',
    ];
    let seed = 1;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      let html = '';
      for (let length = 1 + next(k % 10 ? 12 : 60); length > 0; length--) html += parts[next(parts.length)];
      expect(htmlToText(html), JSON.stringify(html)).to.equal(passes(html));
    }
  });

  it('folds every white-space character as the passes do, and nothing else', () => {
    // The one-pass reader spells out `\s` (and U+200B) in its own character class.
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (char === '<' || char === '&') continue;
      for (const html of [`a${char}b`, `a ${char}b`, `a${char} b`, `<p>a b${char}</p>`]) {
        const text = htmlToText(html);
        if (text !== passes(html))
          expect(text, `U+${code.toString(16)} in ${JSON.stringify(html)}`).to.equal(passes(html));
      }
    }
  });
});

describe('parseDate: ISO 8601 forms', () => {
  const cases: [string, string | undefined][] = [
    ['2026-11-23T15:15:00.000+07:00', '2026-11-23T08:15:00Z'],
    ['2026-11-23T08:15:00.123456789Z', '2026-11-23T08:15:00.123Z'],
    ['2026-11-23T08:15:00.5-03:30', '2026-11-23T11:45:00.500Z'],
    ['2026-11-23T08:15:60Z', '2026-11-23T08:16:00Z'],
    ['2026-11-23T08:15:00z', '2026-11-23T08:15:00Z'],
    ['2026-11-23T08:15:00.Z', undefined],
    ['2026-11-23T25:15:00Z', undefined],
    ['2026-11-23T08:15:00+0700', '2026-11-23T01:15:00Z'],
    ['2026-1x-23T08:15:00Z', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads "${input}"`, () => {
      const date = parseDate(input);
      expect(date && isoInstant(date)).to.equal(expected);
    });
  }
});

describe('parseFeed: JSON Feed lists', () => {
  it('reads tags, authors and attachments of every shape', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        feed_url: 'https://j.example/feed.json',
        authors: [{ name: 'Feed &amp; Co', url: 'https://j.example/' }],
        items: [
          {
            id: 1,
            title: 'A &amp; B',
            url: 'https://j.example/1',
            tags: ['x', 'x', ' ', 5, null, '<b>x</b>', 'y'],
            author: { name: 'Solo' },
            attachments: [
              { url: 'a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 10 },
              { url: '' },
              'bad',
              { url: 'javascript:alert(1)' },
              { url: 'b.pdf', size_in_bytes: '0' },
            ],
          },
          'not an item',
          { id: '2', title: 'T', content_text: 'a < b', authors: [] },
          { id: '3', title: 'U', authors: [7, { url: 'https://p.example/' }] },
        ],
      }),
    );
    const [a, b, c] = feed.items;
    expect(feed.items).to.have.length(3);
    expect(a!.title).to.equal('A & B');
    expect(a!.categories).to.deep.equal(['x', '5', 'y']);
    expect(a!.authors).to.deep.equal([{ name: 'Solo' }]);
    expect(a!.enclosures).to.deep.equal([
      { url: 'https://j.example/a.mp3', type: 'audio/mpeg', length: 10 },
      { url: 'https://j.example/b.pdf' },
    ]);
    expect(b!.summary).to.equal('a < b');
    expect(b!.authors).to.deep.equal([{ name: 'Feed & Co', url: 'https://j.example/' }]);
    expect(c!.authors).to.deep.equal([{ name: 'https://p.example/', url: 'https://p.example/' }]);
  });
});

describe("readDate: the readers' fast path for ISO dates", () => {
  it('reads the shape JSON Feed and Atom use, zone and milliseconds included', () => {
    expect(readDate('2026-11-23T08:00:00Z')?.getTime()).to.equal(Date.UTC(2026, 10, 23, 8));
    expect(readDate('2026-11-23T08:00:00.125Z')?.getTime()).to.equal(Date.UTC(2026, 10, 23, 8, 0, 0, 125));
    expect(readDate('2026-11-23T15:30:00+07:00')?.getTime()).to.equal(Date.UTC(2026, 10, 23, 8, 30));
    expect(readDate('2026-11-23T03:00:00-05:30')?.getTime()).to.equal(Date.UTC(2026, 10, 23, 8, 30));
    expect(readDate('2026-13-01T00:00:00Z')).to.equal(undefined);
    expect(readDate('2026-11-23T08:61:00Z')).to.equal(undefined);
    expect(readDate(undefined)).to.equal(undefined);
  });

  it('gives what parseDate gives, on dates it reads and on those it leaves to parseDate', () => {
    const pick = <T>(list: T[], i: number): T => list[i % list.length]!;
    // From year 100: `parseDate` reads 0000-0099 as 1900-1999, as `Date.UTC` does.
    const years = ['2026', '1999', '0100', '9999'];
    const months = ['01', '02', '12', '13', '00'];
    const days = ['01', '29', '30', '31', '00'];
    const times = ['00:00:00', '23:59:60', '24:00:00', '12:60:00', '08:15:42'];
    const fractions = ['', '.000', '.999', '.5', '.123456', ',250'];
    const zones = ['Z', 'z', '', '+07:00', '-09:30', '+0700', '+07', ' Z', '+14:59'];
    for (let i = 0; i < 5 * 5 * 5 * 6 * 9 * 2; i++) {
      const date = `${pick(years, i)}-${pick(months, i >> 1)}-${pick(days, i >> 2)}${i % 7 ? 'T' : ' '}${pick(times, i >> 3)}${pick(fractions, i >> 4)}${pick(zones, i >> 5)}`;
      expect(readDate(date)?.getTime(), date).to.equal(parseDate(date)?.getTime());
      expect(readDate(date, 420)?.getTime(), date).to.equal(parseDate(date, 420)?.getTime());
    }
  });
});
