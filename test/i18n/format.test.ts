import { expect } from '@open-wc/testing';
import { formatDate, formatNumber } from '../../src/i18n/format.js';

describe('formatDate and formatNumber', () => {
  // Midday UTC: the same calendar day in every time zone a test machine may have.
  const date = new Date(Date.UTC(2026, 11, 1, 12));

  it('write a long date in each language, Sundanese with its own or Indonesian month names', () => {
    expect(formatDate('id', date)).to.equal('1 Desember 2026');
    expect(formatDate('en', date)).to.equal('1 December 2026');
    expect(['1 Désémber 2026', '1 Desember 2026']).to.include(formatDate('su', date));
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
});
