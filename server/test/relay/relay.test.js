/** The relay's answers to a browser: the feed and its headers, 304, preflight, bad requests. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRelay, STALE_HEADER } from '../../src/relay/relay.js';
import { HTML, RSS, startRelay, startUpstream } from './harness.js';

/** @type {import('./harness.js').Upstream} */
let upstream;
/** @type {import('./harness.js').RelayServer} */
let relay;

before(async () => {
  upstream = await startUpstream((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'x-wp-total': '12' });
      res.end(RSS);
    } else if (req.url === '/latin1-as-html.xml') {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(RSS);
    } else if (req.url === '/untyped.json') {
      res.end('{"version": "https://jsonfeed.org/version/1.1", "title": "P", "items": []}');
    } else if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(HTML);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  relay = await startRelay({ allow: [`127.0.0.1:${upstream.port}`], maxAgeSeconds: 60 });
});

after(async () => {
  await relay.close();
  await upstream.close();
});

describe('an allowed feed', () => {
  test('is relayed with its bytes, its type and every header the relay promises', async () => {
    const { status, headers, body } = await relay.feed(`${upstream.origin}/feed.xml`);
    assert.equal(status, 200);
    assert.deepEqual(body, RSS);
    assert.equal(headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.equal(headers['content-length'], String(RSS.length));
    assert.equal(headers['access-control-allow-origin'], '*');
    assert.match(String(headers['access-control-expose-headers']), /\bETag\b/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['content-security-policy'], 'sandbox');
    assert.equal(headers['cache-control'], 'public, max-age=60, stale-while-revalidate=600');
    assert.match(String(headers['etag']), /^"[\w-]{32}"$/);
    assert.equal(headers['x-wp-total'], '12');
    assert.equal(headers[STALE_HEADER.toLowerCase()], undefined);
  });

  test('gets the same ETag on each answer, and 304 when the browser has it', async () => {
    const first = await relay.feed(`${upstream.origin}/feed.xml`);
    const etag = String(first.headers['etag']);
    const again = await relay.feed(`${upstream.origin}/feed.xml`, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['etag'], etag);
    assert.equal(again.headers['access-control-allow-origin'], '*');
    assert.equal(again.headers['cache-control'], first.headers['cache-control']);
    const weakList = await relay.feed(`${upstream.origin}/feed.xml`, {
      'if-none-match': `"other", W/${etag}`,
    });
    assert.equal(weakList.status, 304);
    const other = await relay.feed(`${upstream.origin}/feed.xml`, { 'if-none-match': '"other"' });
    assert.equal(other.status, 200);
  });

  test('answers HEAD with the headers and no body', async () => {
    const { status, headers, body } = await relay.get(
      `/api/feeds?url=${encodeURIComponent(`${upstream.origin}/feed.xml`)}`,
      { method: 'HEAD' },
    );
    assert.equal(status, 200);
    assert.equal(body.length, 0);
    assert.equal(headers['content-length'], String(RSS.length));
  });

  test('sent as text/html by its source goes out as XML, keeping the charset', async () => {
    const { status, headers } = await relay.feed(`${upstream.origin}/latin1-as-html.xml`);
    assert.equal(status, 200);
    assert.equal(headers['content-type'], 'application/xml; charset=iso-8859-1');
  });

  test('sent without a type goes out as JSON when it is a JSON Feed', async () => {
    const { status, headers } = await relay.feed(`${upstream.origin}/untyped.json`);
    assert.equal(status, 200);
    assert.equal(headers['content-type'], 'application/json');
  });

  test('the fragment is not part of the feed: one copy serves both', async () => {
    const before = upstream.requests.length;
    const { status } = await relay.feed(`${upstream.origin}/feed.xml#top`);
    assert.equal(status, 200);
    assert.equal(upstream.requests.length, before);
  });
});

describe('what is not a feed', () => {
  test('an HTML page is refused with 502 not-a-feed', async () => {
    const { status, headers, json } = await relay.feed(`${upstream.origin}/page.html`);
    assert.equal(status, 502);
    assert.deepEqual(json().error.code, 'not-a-feed');
    assert.equal(json().error.status, 502);
    assert.equal(headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal(headers['access-control-allow-origin'], '*');
  });

  test('an error status of the source is 502 upstream-status', async () => {
    const { status, json } = await relay.feed(`${upstream.origin}/missing.xml`);
    assert.equal(status, 502);
    assert.equal(json().error.code, 'upstream-status');
  });
});

describe('bad requests', () => {
  /** @type {[string, string, number, string][]} */
  const cases = [
    ['no url parameter', '/api/feeds', 400, 'missing-url'],
    ['an empty url parameter', '/api/feeds?url=', 400, 'missing-url'],
    ['a relative URL', `/api/feeds?url=${encodeURIComponent('/feed.xml')}`, 400, 'bad-url'],
    [
      'two url parameters',
      '/api/feeds?url=http%3A%2F%2F127.0.0.1%2F&url=http%3A%2F%2F127.0.0.1%2F',
      400,
      'bad-url',
    ],
    ['a file: URL', `/api/feeds?url=${encodeURIComponent('file:///etc/passwd')}`, 400, 'unsupported-scheme'],
    [
      'an ftp: URL',
      `/api/feeds?url=${encodeURIComponent('ftp://127.0.0.1/feed.xml')}`,
      400,
      'unsupported-scheme',
    ],
    [
      'a data: URL',
      `/api/feeds?url=${encodeURIComponent('data:application/rss+xml,<rss></rss>')}`,
      400,
      'unsupported-scheme',
    ],
    [
      'a javascript: URL',
      `/api/feeds?url=${encodeURIComponent('javascript:alert(1)')}`,
      400,
      'unsupported-scheme',
    ],
    [
      'a URL too long to be a feed',
      `/api/feeds?url=http%3A%2F%2F127.0.0.1%2F${'a'.repeat(2100)}`,
      400,
      'bad-url',
    ],
  ];
  for (const [name, path, status, code] of cases) {
    test(`${name}: ${status} ${code}`, async () => {
      const response = await relay.get(path);
      assert.equal(response.status, status);
      assert.deepEqual(response.json(), { error: { status, code, message: response.json().error.message } });
      assert.ok(response.json().error.message.length > 10);
    });
  }

  test('a URL with a user name or password: 400 userinfo-url, and the source is not asked', async () => {
    const before = upstream.requests.length;
    for (const credentials of ['user:secret@', 'user@', ':secret@']) {
      const { status, json } = await relay.feed(`http://${credentials}127.0.0.1:${upstream.port}/feed.xml`);
      assert.equal(status, 400);
      assert.equal(json().error.code, 'userinfo-url');
    }
    assert.equal(upstream.requests.length, before);
  });

  test('a method other than GET, HEAD and OPTIONS: 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { status, headers, json } = await relay.get(
        `/api/feeds?url=${encodeURIComponent(`${upstream.origin}/feed.xml`)}`,
        { method },
      );
      assert.equal(status, 405);
      assert.equal(headers['allow'], 'GET, HEAD, OPTIONS');
      assert.equal(json().error.code, 'method-not-allowed');
    }
  });
});

describe('hosts', () => {
  test('a host or port not on the allow-list: 403 host-not-allowed, nothing fetched', async () => {
    const before = upstream.requests.length;
    for (const url of [
      // Loopback addresses and names stand in for private ones: not on the list.
      `http://127.0.0.2:${upstream.port}/feed.xml`,
      `http://localhost:${upstream.port}/feed.xml`,
      `http://127.0.0.1:${upstream.port + 1}/feed.xml`,
      `http://127.0.0.1/feed.xml`,
      'http://127.0.0.1:443/feed.xml',
    ]) {
      const { status, json } = await relay.feed(url);
      assert.equal(status, 403, url);
      assert.equal(json().error.code, 'host-not-allowed');
    }
    assert.equal(upstream.requests.length, before);
  });

  test('the URL parser writes numeric hosts as dotted addresses before the allow-list sees them', async () => {
    // 2130706433 and 0x7f.1 are 127.0.0.1: the allowed address, however it is spelled.
    for (const host of ['2130706433', '0x7f.1', '0177.0.0.1', '127.1']) {
      const { status } = await relay.feed(`http://${host}:${upstream.port}/feed.xml`);
      assert.equal(status, 200, host);
    }
    // ... and 127.0.0.2 spelled in any of those ways is still 127.0.0.2, not on the list.
    for (const host of ['2130706434', '0x7f.0.0.2', '0177.0.0.02', '127.2', '[::ffff:127.0.0.1]', '[::1]']) {
      const { status } = await relay.feed(`http://${host}:${upstream.port}/feed.xml`);
      assert.equal(status, 403, host);
    }
  });
});

describe('CORS', () => {
  test('answers the preflight a conditional request causes', async () => {
    const { status, headers, body } = await relay.get('/api/feeds?url=x', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(status, 204);
    assert.equal(body.length, 0);
    assert.equal(headers['access-control-allow-origin'], '*');
    assert.match(String(headers['access-control-allow-methods']), /\bGET\b/);
    assert.match(String(headers['access-control-allow-headers']), /If-None-Match/i);
    assert.equal(headers['access-control-max-age'], '7200');
  });

  test('with a list of origins, echoes an origin on it and varies by Origin', async () => {
    const listed = await startRelay({
      allow: [`127.0.0.1:${upstream.port}`],
      origins: 'https://partner.example, https://sekolah.example',
    });
    try {
      const url = `${upstream.origin}/feed.xml`;
      const on = await listed.feed(url, { origin: 'https://sekolah.example' });
      assert.equal(on.status, 200);
      assert.equal(on.headers['access-control-allow-origin'], 'https://sekolah.example');
      assert.equal(on.headers['vary'], 'Origin');
      const off = await listed.feed(url, { origin: 'https://elsewhere.example' });
      assert.equal(off.headers['access-control-allow-origin'], undefined);
      assert.equal(off.headers['vary'], 'Origin');
      const preflight = await listed.get('/api/feeds', {
        method: 'OPTIONS',
        headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://partner.example');
    } finally {
      await listed.close();
    }
  });
});

describe('options', () => {
  test('an empty allow-list, a bad entry, a bad origin or a bad limit is refused at creation', () => {
    assert.throws(() => createRelay({ allow: [] }), /at least one allowed host/);
    assert.throws(() => createRelay({ allow: ['https://example.go.id/feed'] }), /not a host or host:port/);
    assert.throws(
      () => createRelay({ allow: ['example.go.id'], origins: 'partner.example' }),
      /not an origin/,
    );
    assert.throws(() => createRelay({ allow: ['example.go.id'], maxBytes: -1 }), /maxBytes/);
    assert.throws(
      () => createRelay({ allow: ['example.go.id'], totalTimeoutMs: Number.NaN }),
      /totalTimeoutMs/,
    );
  });
});
