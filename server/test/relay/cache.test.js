/**
 * The relay's copies: one fetch for many visitors, conditional refreshes, a stale copy while
 * refreshing and while the source is down. The cache ages by a clock the tests move.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import { setTimeout } from 'node:timers';
import { FAILED_SOURCE_PAUSE_MS, MAX_CACHE_ENTRIES, STALE_HEADER } from '../../src/relay/relay.js';
import { lookupFrom, RSS, startRelay, startUpstream } from './harness.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock starting at an arbitrary time, moved by the tests. */
function clock() {
  const state = { time: Date.UTC(2026, 11, 6, 8) };
  return {
    now: () => state.time,
    /** @param {number} ms */
    advance: (ms) => {
      state.time += ms;
    },
  };
}

describe('sharing', () => {
  test('100 concurrent requests for one feed make exactly one upstream request', async () => {
    /** @type {(() => void)[]} */
    const waiting = [];
    const upstream = await startUpstream((_req, res) => {
      // Held until every request has reached the relay, so all of them overlap the fetch.
      waiting.push(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(RSS);
      });
    });
    const relay = await startRelay({ allow: [`127.0.0.1:${upstream.port}`] });
    try {
      relay.onRequest(() => {
        if (relay.handled === 100) setTimeout(() => waiting.forEach((release) => release()), 20);
      });
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => relay.feed(`${upstream.origin}/feed.xml`)),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(100).fill(200),
      );
      assert.ok(answers.every((a) => a.body.equals(RSS)));
      assert.equal(new Set(answers.map((a) => a.headers['etag'])).size, 1);
      assert.equal(upstream.requests.length, 1);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  test('a fresh copy is served without asking the source; an expired one is refreshed', async () => {
    const time = clock();
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    });
    const relay = await startRelay({
      allow: [`127.0.0.1:${upstream.port}`],
      now: time.now,
      maxAgeSeconds: 60,
      staleWhileRevalidateSeconds: 600,
    });
    try {
      const url = `${upstream.origin}/feed.xml`;
      await relay.feed(url);
      time.advance(59_000);
      const cached = await relay.feed(url);
      assert.equal(cached.headers['age'], '59');
      assert.equal(upstream.requests.length, 1);
      // Past max-age and past stale-while-revalidate: the visitor waits for a fresh copy.
      time.advance(700_000);
      const fresh = await relay.feed(url);
      assert.equal(fresh.status, 200);
      assert.equal(fresh.headers['age'], '0');
      assert.equal(upstream.requests.length, 2);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });
});

describe('bounds', () => {
  test(`at most ${MAX_CACHE_ENTRIES} feeds are kept: the least recently used goes first`, async () => {
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    });
    const relay = await startRelay({ allow: [`127.0.0.1:${upstream.port}`] });
    try {
      const url = (/** @type {number} */ i) => `${upstream.origin}/feed.xml?page=${i}`;
      for (let i = 0; i < MAX_CACHE_ENTRIES; i++) assert.equal((await relay.feed(url(i))).status, 200);
      // Page 0 is used again, so page 1 is now the least recently used.
      await relay.feed(url(0));
      assert.equal(upstream.requests.length, MAX_CACHE_ENTRIES);
      await relay.feed(url(MAX_CACHE_ENTRIES));
      await relay.feed(url(0));
      assert.equal(upstream.requests.length, MAX_CACHE_ENTRIES + 1);
      await relay.feed(url(1));
      assert.equal(upstream.requests.length, MAX_CACHE_ENTRIES + 2);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });
});

describe('revalidation', () => {
  test('asks the source with its own ETag and Last-Modified, and keeps the copy on 304', async () => {
    const time = clock();
    const upstream = await startUpstream((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Sun, 06 Dec 2026 07:00:00 GMT',
      });
      res.end(RSS);
    });
    const relay = await startRelay({ allow: [`127.0.0.1:${upstream.port}`], now: time.now });
    try {
      const url = `${upstream.origin}/feed.xml`;
      const first = await relay.feed(url);
      time.advance(DAY_MS / 2);
      const second = await relay.feed(url);
      assert.equal(second.status, 200);
      assert.deepEqual(second.body, RSS);
      assert.equal(second.headers['etag'], first.headers['etag']);
      assert.equal(second.headers['age'], '0');
      assert.equal(upstream.requests.length, 2);
      const asked = upstream.requests[1]?.headers;
      assert.equal(asked?.['if-none-match'], '"v1"');
      assert.equal(asked?.['if-modified-since'], 'Sun, 06 Dec 2026 07:00:00 GMT');
      // The first request had no copy, so it sent no validators.
      assert.equal(upstream.requests[0]?.headers['if-none-match'], undefined);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });

  test('within stale-while-revalidate, the copy is served at once and refreshed behind it', async () => {
    const time = clock();
    let version = 1;
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(Buffer.from(String(RSS).replace('Program', `Program ${version}`)));
    });
    const relay = await startRelay({
      allow: [`127.0.0.1:${upstream.port}`],
      now: time.now,
      maxAgeSeconds: 60,
      staleWhileRevalidateSeconds: 600,
    });
    try {
      const url = `${upstream.origin}/feed.xml`;
      await relay.feed(url);
      version = 2;
      time.advance(120_000);
      const stale = await relay.feed(url);
      assert.match(String(stale.body), /Program 1/);
      assert.equal(stale.headers['age'], '120');
      assert.equal(stale.headers[STALE_HEADER.toLowerCase()], undefined);
      // Requests while the refresh runs get the same copy and start no other fetch.
      let latest = stale;
      for (let tries = 0; tries < 400 && /Program 1/.test(String(latest.body)); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        latest = await relay.feed(url);
      }
      assert.match(String(latest.body), /Program 2/);
      assert.equal(upstream.requests.length, 2);
    } finally {
      await relay.close();
      await upstream.close();
    }
  });
});

describe('a failing source', () => {
  test('is stood in for by the last good copy for a day, marked with its age', async () => {
    const time = clock();
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    });
    const lookup = lookupFrom({ 'feeds.test': ['127.0.0.1'] });
    const relay = await startRelay({
      allow: [`127.0.0.1:${upstream.port}`, `feeds.test:${upstream.port}`],
      lookup,
      now: time.now,
      maxAgeSeconds: 60,
      staleWhileRevalidateSeconds: 600,
    });
    try {
      const url = `http://feeds.test:${upstream.port}/feed.xml`;
      const good = await relay.feed(url);
      assert.equal(good.status, 200);
      await upstream.close();

      time.advance(2 * 60 * 60 * 1000);
      const stale = await relay.feed(url);
      assert.equal(stale.status, 200);
      assert.deepEqual(stale.body, RSS);
      assert.equal(stale.headers[STALE_HEADER.toLowerCase()], String(2 * 60 * 60));
      assert.equal(stale.headers['etag'], good.headers['etag']);
      assert.match(String(stale.headers['access-control-expose-headers']), new RegExp(STALE_HEADER));
      assert.equal(lookup.calls.length, 2);

      // Right after a failure the source is not asked again: the copy goes out at once.
      time.advance(FAILED_SOURCE_PAUSE_MS - 1000);
      const paused = await relay.feed(url);
      assert.equal(
        paused.headers[STALE_HEADER.toLowerCase()],
        String(2 * 60 * 60 + FAILED_SOURCE_PAUSE_MS / 1000 - 1),
      );
      assert.equal(lookup.calls.length, 2);

      // Later it is asked again; past a day the copy is too old to stand in.
      time.advance(DAY_MS);
      const gone = await relay.feed(url);
      assert.equal(gone.status, 502);
      assert.equal(gone.json().error.code, 'upstream-error');
      assert.equal(lookup.calls.length, 3);
    } finally {
      await relay.close();
      await upstream.close().catch(() => {});
    }
  });

  test('a refusal is not stood in for: a copy is never served for a host now refused', async () => {
    const time = clock();
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    });
    // The name moves to the address that stands in for a private network.
    const lookup = lookupFrom({ 'feeds.test': (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const relay = await startRelay({
      allow: [`127.0.0.1:${upstream.port}`, `feeds.test:${upstream.port}`],
      lookup,
      now: time.now,
    });
    try {
      const url = `http://feeds.test:${upstream.port}/feed.xml`;
      assert.equal((await relay.feed(url)).status, 200);
      time.advance(60 * 60 * 1000);
      const refused = await relay.feed(url);
      assert.equal(refused.status, 403);
      assert.equal(refused.json().error.code, 'address-refused');
    } finally {
      await relay.close();
      await upstream.close();
    }
  });
});
