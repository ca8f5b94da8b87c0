import { expect } from '@open-wc/testing';
import { readFeed } from '../../src/data/read.js';
import { KabarParseError } from '../../src/data/errors.js';
import { fixtureText } from '../helpers.js';

/**
 * `parseFeed`, imported when first needed: it holds every reader, so importing it up front would
 * load the groups `readFeed` must be seen to leave alone.
 */
const parseFeed = async (...args: Parameters<typeof import('../../src/data/parse.js').parseFeed>) =>
  (await import('../../src/data/parse.js')).parseFeed(...args);

/** Whether the page has fetched a module whose URL contains `name`. */
const fetched = (name: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(name));

describe('readFeed: readers on demand', () => {
  it('reads an RSS feed without loading the JSON readers', async () => {
    const text = await fixtureText('rss2-wordpress.xml');
    const feed = await readFeed(text, { url: 'https://contoh.go.id/feed/' });
    expect(feed.format).to.equal('rss');
    expect(feed.items).to.have.length(7);
    expect(fetched('xml-readers')).to.equal(true);
    expect(fetched('json-readers')).to.equal(false);
  });

  const fixtures: Array<[string, string, string?]> = [
    ['rss2-wordpress.xml', 'rss'],
    ['atom-blogger.xml', 'atom'],
    ['atom03.xml', 'atom'],
    ['json-feed.json', 'json-feed', 'application/feed+json'],
    ['wp-posts.json', 'wordpress', 'application/json'],
    ['jabarprov-news.json', 'jabarprov', 'application/json'],
    ['bom-relative.xml', 'rss'],
  ];
  for (const [file, format, contentType] of fixtures) {
    it(`reads ${file} exactly as parseFeed does`, async () => {
      const text = await fixtureText(file);
      const options = { url: 'https://contoh.go.id/feed/', ...(contentType ? { contentType } : {}) };
      const feed = await readFeed(text, options);
      expect(feed.format).to.equal(format);
      expect(JSON.stringify(feed)).to.equal(JSON.stringify(await parseFeed(text, options)));
    });
  }

  it('loads the group of a forced format', async () => {
    const text = await fixtureText('wp-posts.json');
    const feed = await readFeed(text, { format: 'wordpress' });
    expect(feed.format).to.equal('wordpress');
    expect(fetched('json-readers')).to.equal(true);
  });

  it('asks both groups when the text starts with neither "<" nor "{"', async () => {
    const text = `)]}',\n${await fixtureText('json-feed.json')}`;
    const error = await readFeed(text).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(KabarParseError);
    expect((error as KabarParseError).kind).to.equal(
      await parseFeed(text).then(
        () => 'read',
        (e: unknown) => (e as KabarParseError).kind,
      ),
    );
  });

  const failures: Array<[string, string]> = [
    ['', 'empty'],
    ['<!DOCTYPE html><html><body>Halaman</body></html>', 'html'],
    ['<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'format'],
    ['{"data": {"kind": "something else"}}', 'format'],
    ['Bukan feed sama sekali', 'parse'],
  ];
  for (const [text, kind] of failures) {
    it(`rejects ${JSON.stringify(text.slice(0, 30))} with kind ${kind}`, async () => {
      const error = await readFeed(text).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(KabarParseError);
      expect((error as KabarParseError).kind).to.equal(kind);
    });
  }
});
