import { expect } from '@open-wc/testing';
import { decodeEntities, decodeXml, htmlToText, takeMissedNames } from '../../src/data/text.js';
import { truncate } from '../../src/components/article-card/truncate.js';
import { isoInstant, parseDate } from '../../src/data/date.js';

describe('text', () => {
  it('tells which texts used a name beyond the common ones, while the whole table is not loaded', () => {
    // This page never loads the whole table: the answers are those `readFeed` gets first.
    takeMissedNames();
    expect(htmlToText('A &amp; B &nbsp;&hellip; &#8230; &eacute; &ndash; & &amp')).to.equal(
      'A & B … … é – & &',
    );
    expect(takeMissedNames()).to.equal(false);
    expect(decodeXml('Cinta &hearts;')).to.equal('Cinta &hearts;');
    expect(takeMissedNames()).to.equal(true);
    expect(takeMissedNames()).to.equal(false);
    expect(htmlToText('<p>&spades; sekop</p>')).to.equal('&spades; sekop');
    expect(takeMissedNames()).to.equal(true);
    // Without its `;`, an unknown name is text in HTML too: nothing to load for it.
    expect(decodeEntities('&hearts &spades')).to.equal('&hearts &spades');
    expect(takeMissedNames()).to.equal(false);
  });

  it('decodes numeric, hex and named entities and leaves unknown ones', () => {
    expect(decodeEntities('&#65;&#x42;&amp;&eacute;&unknown;&#0;')).to.equal('AB&é&unknown;\uFFFD');
  });

  it('drops tags, scripts and styles, folding white space', () => {
    expect(
      htmlToText('<p>Satu</p><script>alert(1)</script><style>p{}</style><p>dua&nbsp; <b>tiga</b></p>'),
    ).to.equal('Satu dua tiga');
  });

  it('never returns markup, even from broken tags', () => {
    expect(htmlToText('<img src=x onerror=alert(1)//')).to.equal('');
    expect(htmlToText('a &lt;script&gt;b')).to.equal('a <script>b');
  });

  it('truncates at a word boundary', () => {
    expect(truncate('satu dua tiga empat lima', 15)).to.equal('satu dua tiga…');
  });
});

describe('dates', () => {
  const cases: [string, string | undefined][] = [
    ['Mon, 23 Nov 2026 15:15:00 +0700', '2026-11-23T08:15:00Z'],
    ['23 Nov 2026 15:15:00 +0700', '2026-11-23T08:15:00Z'],
    ['Mon, 23 Nov 2026 15:15:00 WIB', '2026-11-23T08:15:00Z'],
    ['Mon, 23 Nov 2026 16:15:00 WITA', '2026-11-23T08:15:00Z'],
    ['Mon, 23 Nov 2026 17:15 WIT', '2026-11-23T08:15:00Z'],
    ['Mon, 23 Nov 2026 08:15:00 GMT', '2026-11-23T08:15:00Z'],
    ['Mon, 23 Nov 26 03:15:00 EST', '2026-11-23T08:15:00Z'],
    ['23 Mei 2026 08:15:00 +0000', '2026-05-23T08:15:00Z'],
    ['2026-11-23T08:15:00Z', '2026-11-23T08:15:00Z'],
    ['2026-11-23T15:15:00+07:00', '2026-11-23T08:15:00Z'],
    ['2026-11-23T08:15:00.250Z', '2026-11-23T08:15:00.250Z'],
    ['2026-11-23T08:15:00', '2026-11-23T08:15:00Z'],
    ['2026-11-23', '2026-11-23T00:00:00Z'],
    ['kemarin', undefined],
    ['', undefined],
    ['2026-13-45', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads "${input}"`, () => {
      const date = parseDate(input);
      expect(date && isoInstant(date)).to.equal(expected);
    });
  }

  it('reads a zone-less date in the zone it is told', () => {
    expect(isoInstant(parseDate('2026-11-23T15:15:00', 7 * 60)!)).to.equal('2026-11-23T08:15:00Z');
  });
});
