/**
 * `readFeed` decodes every HTML named reference, loading the whole table only for a feed that
 * uses a name beyond the common ones. (This file imports `read.ts` alone: `parse.ts` holds the
 * table from the start.)
 */
import { expect } from '@open-wc/testing';
import { readFeed } from '../../src/data/read.js';
import { fixtureUrl } from '../helpers.js';

const tableRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/entity-table.')).length;

const rss = (title: string) =>
  `<rss version="2.0"><channel><title>T</title><item><title>${title}</title><link>https://a.example/1</link></item></channel></rss>`;

describe('readFeed: the whole table of HTML names, on demand', () => {
  it('reads the common names without loading the table', async () => {
    const feed = await readFeed(rss('A &amp; B &ndash; &copy; &eacute; &#8230;'));
    expect(feed.items[0]!.title).to.equal('A & B – © é …');
    expect(tableRequests()).to.equal(0);
  });

  it('loads the table for a feed with other names, and reads them', async () => {
    const feed = await readFeed(await (await fetch(fixtureUrl('feeds/entities-html.xml'))).text());
    expect(tableRequests()).to.equal(1);
    expect(feed.title).to.equal('Matematika & Simbol ♥');
    expect(feed.items[0]!.title).to.equal('Sudut α dan β → ∴ segitiga');
    expect(feed.items[0]!.summary).to.contain('♠ sekop, Ω ohm, &NotANamedReference; tetap.');
  });

  it('uses the loaded table for the next feeds', async () => {
    const feed = await readFeed(rss('&clubs; &diams; &CounterClockwiseContourIntegral;'));
    expect(feed.items[0]!.title).to.equal('♣ ♦ ∳');
    expect(tableRequests()).to.equal(1);
  });
});
