import { expect } from '@open-wc/testing';
import { formatDate, formatNumber } from '../../src/i18n/format.js';

describe('formatDate and formatNumber', () => {
  // Midday UTC: the same calendar day in every time zone a test machine may have.
  const date = new Date(Date.UTC(2026, 11, 1, 12));

  it('write a long date in each language, Sundanese with its own month names', () => {
    expect(formatDate('id', date)).to.equal('1 Desember 2026');
    expect(formatDate('en', date)).to.equal('1 December 2026');
    expect(formatDate('su', date)).to.equal('1 Désémber 2026');
    expect(formatDate('su', new Date(2026, 1, 28))).to.equal('28 Pébruari 2026');
    expect(formatDate('jv', date)).to.equal('1 Desember 2026');
    expect(formatDate('jv', new Date(2026, 1, 28))).to.equal('28 Februari 2026');
  });

  it('write the long date as Intl does, in the page’s time zone, for every month', () => {
    for (let month = 0; month < 12; month++) {
      // Late in the evening: a date written in UTC instead would often be the next day.
      const day = new Date(2025 + (month % 3), month, 1 + month * 2, 23, 30);
      for (const [lang, locale] of [
        ['id', 'id-ID'],
        ['en', 'en-GB'],
      ] as const) {
        expect(formatDate(lang, day), `${lang} ${day.toString()}`).to.equal(
          new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(day),
        );
      }
    }
  });

  it('write whole numbers as Intl does, with each language’s group separator', () => {
    for (const value of [0, 7, 42, 999, 1000, 1234, 65536, 1234567, -1234, Number.MAX_SAFE_INTEGER]) {
      expect(formatNumber('id', value)).to.equal(new Intl.NumberFormat('id-ID').format(value));
      expect(formatNumber('en', value)).to.equal(new Intl.NumberFormat('en-GB').format(value));
      expect(formatNumber('su', value)).to.equal(formatNumber('id', value));
      expect(formatNumber('jv', value)).to.equal(formatNumber('id', value));
    }
    expect(formatNumber('id', 1234567)).to.equal('1.234.567');
    expect(formatNumber('en', 1234567)).to.equal('1,234,567');
  });

  it('ask Intl nothing for a long date or a whole number', () => {
    // `format` is a getter on both prototypes: it sees formatters made earlier too.
    const used: string[] = [];
    const restore = [Intl.DateTimeFormat, Intl.NumberFormat].map((Kind) => {
      const proto = Kind.prototype;
      const descriptor = Object.getOwnPropertyDescriptor(proto, 'format')!;
      Object.defineProperty(proto, 'format', {
        ...descriptor,
        get() {
          used.push(Kind.name);
          return descriptor.get!.call(this) as unknown;
        },
      });
      return () => Object.defineProperty(proto, 'format', descriptor);
    });
    try {
      formatDate('id', new Date(2031, 4, 6));
      formatDate('su', new Date(2031, 4, 6));
      formatDate('jv', new Date(2031, 4, 6));
      formatNumber('en', 31056);
      formatNumber('jv', 31056);
      expect(used).to.deep.equal([]);
      // The spies do see Intl at work.
      formatDate('id', new Date(2031, 4, 6), { dateStyle: 'long' });
      formatNumber('en', 0.5, { style: 'percent' });
      expect(used).to.deep.equal(['DateTimeFormat', 'NumberFormat']);
    } finally {
      restore.forEach((undo) => undo());
    }
  });

  it('follow the options, never reusing a formatter of another kind or options', () => {
    expect(formatDate('en', date, {})).to.equal('01/12/2026');
    expect(formatNumber('en', 5, {})).to.equal('5');
    expect(formatDate('en', date, { month: 'short', year: 'numeric' })).to.equal('Dec 2026');
    expect(formatDate('en', date)).to.equal('1 December 2026');
    expect(formatNumber('en', 0.42, { style: 'percent' })).to.equal('42%');
    expect(formatNumber('en', 1234.5)).to.equal('1,234.5');
  });

  it('write numbers with the language’s separators', () => {
    expect(formatNumber('id', 1234.5)).to.equal('1.234,5');
    expect(formatNumber('en', 1234.5)).to.equal('1,234.5');
    expect(formatNumber('id', 0.425, { style: 'percent', maximumFractionDigits: 0 })).to.equal('43%');
  });

  it('write Javanese with Intl options in this browser, Indonesian where ICU has no Javanese', () => {
    const long = formatDate('jv', date, { dateStyle: 'long' });
    expect([
      '1 Desember 2026',
      new Intl.DateTimeFormat('id-ID', { dateStyle: 'long' }).format(date),
    ]).to.include(long);
    expect(formatDate('jv', date, { month: 'long' })).to.equal('Desember');
    expect(formatNumber('jv', 0.425, { style: 'percent', maximumFractionDigits: 0 })).to.equal('43%');
    expect(formatNumber('jv', 1234.5)).to.equal('1.234,5');
  });

  it('write another language tag as the shipped language it falls back to', () => {
    // Madurese, as a page may register it: Indonesian.
    expect(formatDate('mad', date)).to.equal('1 Desember 2026');
    expect(formatNumber('mad', 1234567)).to.equal('1.234.567');
    expect(formatDate('mad', date, { month: 'long' })).to.equal('Desember');
    expect(formatDate('en-au', date)).to.equal('1 December 2026');
    expect(formatNumber('en-AU', 1234567)).to.equal('1,234,567');
    expect(formatDate('jv-ID', date)).to.equal('1 Desember 2026');
    // Not a language tag: Indonesian, never a RangeError.
    expect(formatDate('not a tag!', date)).to.equal('1 Desember 2026');
  });

  it('refuse an invalid date as Intl does', () => {
    expect(() => formatDate('id', new Date(NaN))).to.throw(RangeError);
  });
});
