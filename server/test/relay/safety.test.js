/**
 * What the relay refuses on the way to the source and back: redirects elsewhere, names that
 * resolve to refused addresses, DNS rebinding, large and slow sources, and credentials either
 * way. Every server is on a loopback address; 127.0.0.2 and names resolving to it stand in for a
 * private network, being on no allow-list.
 */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createSecureContext } from 'node:tls';
import { URL } from 'node:url';
import { lookupFrom, RSS, startRelay, startUpstream } from './harness.js';

/** @type {import('./harness.js').Upstream} */
let upstream;
/** @type {import('./harness.js').Upstream} */
let trap;
/** Responses held open by the slow routes, ended by `after`. */
/** @type {import('node:http').ServerResponse[]} */
const held = [];

before(async () => {
  upstream = await startUpstream((req, res) => {
    const port = upstream.port;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const redirect = (/** @type {string} */ location) => {
      res.writeHead(302, { location });
      res.end();
    };
    switch (path) {
      case '/feed.xml':
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          'set-cookie': 'session=upstream; Path=/',
        });
        res.end(RSS);
        return;
      case '/to-disallowed':
        return redirect(`http://127.0.0.2:${port}/feed.xml`);
      case '/to-private-name':
        return redirect(`http://private.test:${port}/feed.xml`);
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/to-userinfo':
        return redirect(`http://user:secret@127.0.0.1:${port}/feed.xml`);
      case '/relative':
        return redirect('/feed.xml');
      case '/hop3':
        return redirect('/hop2');
      case '/hop2':
        return redirect(`http://allowed.test:${port}/hop1`);
      case '/hop1':
        return redirect('/feed.xml');
      case '/loop':
        return redirect('/loop');
      case '/declared-large':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': 5000 });
        res.end(Buffer.alloc(5000, 0x20));
        return;
      case '/streamed-large':
        // Chunked, with no Content-Length to refuse it early.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(RSS.subarray(0, 60));
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(200, 0x20));
        res.end();
        return;
      case '/gzip-bomb':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.concat([RSS, Buffer.alloc(100_000, 0x20)])));
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(gzipSync(RSS));
        return;
      case '/damaged-gzip':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(Buffer.concat([gzipSync(RSS).subarray(0, 20), Buffer.from('not gzip at all')]));
        return;
      case '/unknown-encoding':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'zstd-custom' });
        res.end(RSS);
        return;
      case '/slow-headers':
        held.push(res);
        return;
      case '/slow-body':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(RSS.subarray(0, 40));
        held.push(res);
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  // Where a relay that looked the name up a second time, or followed a redirect unchecked,
  // would land: the same port on the address that stands in for a private network.
  trap = await startUpstream(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(RSS);
    },
    { host: '127.0.0.2', port: upstream.port },
  );
});

after(async () => {
  for (const res of held) res.destroy();
  await upstream.close();
  await trap.close();
});

/**
 * A relay allowing the upstream's address and the test names on its port.
 * @param {Record<string, string[] | ((call: number) => string[])>} names
 * @param {Partial<import('../../src/relay/relay.js').RelayOptions>} [options]
 */
async function relayFor(names, options = {}) {
  const lookup = lookupFrom(names);
  const allow = [
    `127.0.0.1:${upstream.port}`,
    ...Object.keys(names).map((name) => `${name}:${upstream.port}`),
  ];
  const relay = await startRelay({ allow, lookup, ...options });
  return { relay, lookup };
}

describe('redirects', () => {
  test('are followed up to three times, each hop checked like the first', async () => {
    const { relay, lookup } = await relayFor({ 'allowed.test': ['127.0.0.1'] });
    try {
      const relative = await relay.feed(`${upstream.origin}/relative`);
      assert.equal(relative.status, 200);
      const three = await relay.feed(`${upstream.origin}/hop3`);
      assert.equal(three.status, 200);
      assert.deepEqual(three.body, RSS);
      // hop2 leads to allowed.test, whose redirect to /feed.xml stays there: both hops resolve it.
      assert.deepEqual(lookup.calls, ['allowed.test', 'allowed.test']);
    } finally {
      await relay.close();
    }
  });

  test('a fourth redirect, or a loop, is 502 too-many-redirects', async () => {
    const { relay } = await relayFor({});
    try {
      const before = upstream.requests.length;
      const { status, json } = await relay.feed(`${upstream.origin}/loop`);
      assert.equal(status, 502);
      assert.equal(json().error.code, 'too-many-redirects');
      assert.equal(upstream.requests.length - before, 4);
    } finally {
      await relay.close();
    }
  });

  test('to a host not on the allow-list is 403, and nothing reaches it', async () => {
    const { relay } = await relayFor({});
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/to-disallowed`);
      assert.equal(status, 403);
      assert.equal(json().error.code, 'host-not-allowed');
      assert.equal(trap.requests.length, 0);
    } finally {
      await relay.close();
    }
  });

  test('to an allowed name that resolves to a refused address is 403 address-refused', async () => {
    const { relay } = await relayFor({ 'private.test': ['127.0.0.2'] });
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/to-private-name`);
      assert.equal(status, 403);
      assert.equal(json().error.code, 'address-refused');
      assert.match(json().error.message, /loopback/);
      assert.equal(trap.requests.length, 0);
    } finally {
      await relay.close();
    }
  });

  test('to a file: URL or a URL with credentials is 502 bad-redirect', async () => {
    const { relay } = await relayFor({});
    try {
      for (const path of ['/to-file', '/to-userinfo']) {
        const { status, json } = await relay.feed(`${upstream.origin}${path}`);
        assert.equal(status, 502, path);
        assert.equal(json().error.code, 'bad-redirect');
      }
    } finally {
      await relay.close();
    }
  });
});

describe('addresses', () => {
  test('an allowed name resolving to a refused address is 403 before any connection', async () => {
    const { relay } = await relayFor({ 'private.test': ['127.0.0.2'] });
    try {
      const { status, json } = await relay.feed(`http://private.test:${upstream.port}/feed.xml`);
      assert.equal(status, 403);
      assert.equal(json().error.code, 'address-refused');
      assert.equal(trap.requests.length, 0);
    } finally {
      await relay.close();
    }
  });

  test('every address of a name is checked, not only the first', async () => {
    const { relay } = await relayFor({ 'mixed.test': ['127.0.0.1', '127.0.0.2'] });
    try {
      const { status, json } = await relay.feed(`http://mixed.test:${upstream.port}/feed.xml`);
      assert.equal(status, 403);
      assert.equal(json().error.code, 'address-refused');
    } finally {
      await relay.close();
    }
  });

  test('a name whose addresses are on the allow-list is fetched, with its own Host header', async () => {
    const { relay } = await relayFor({ 'feeds.test': ['127.0.0.1'] });
    try {
      const { status } = await relay.feed(`http://feeds.test:${upstream.port}/feed.xml`);
      assert.equal(status, 200);
      assert.equal(upstream.requests.at(-1)?.headers.host, `feeds.test:${upstream.port}`);
    } finally {
      await relay.close();
    }
  });

  test('a name that does not resolve is 502 upstream-error', async () => {
    const relay = await startRelay({ allow: [`nowhere.test:${upstream.port}`], lookup: lookupFrom({}) });
    try {
      const { status, json } = await relay.feed(`http://nowhere.test:${upstream.port}/feed.xml`);
      assert.equal(status, 502);
      assert.equal(json().error.code, 'upstream-error');
    } finally {
      await relay.close();
    }
  });

  test('DNS rebinding: the connection goes to the address that was checked', async () => {
    // The first answer is allowed; every later one is the refused address.
    const { relay, lookup } = await relayFor({
      'rebind.test': (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2']),
    });
    try {
      const before = upstream.requests.length;
      const { status } = await relay.feed(`http://rebind.test:${upstream.port}/feed.xml`);
      assert.equal(status, 200);
      assert.equal(upstream.requests.length - before, 1);
      assert.equal(trap.requests.length, 0);
      assert.deepEqual(lookup.calls, ['rebind.test']);
      // A later fetch asks again, sees the refused address, and refuses.
      const later = await relay.feed(`http://rebind.test:${upstream.port}/feed.xml?page=2`);
      assert.equal(later.status, 403);
      assert.equal(trap.requests.length, 0);
    } finally {
      await relay.close();
    }
  });
});

describe('size and time', () => {
  test('a feed declared larger than the limit is 413', async () => {
    const { relay } = await relayFor({}, { maxBytes: 1000 });
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/declared-large`);
      assert.equal(status, 413);
      assert.equal(json().error.code, 'too-large');
    } finally {
      await relay.close();
    }
  });

  test('a feed streamed past the limit without Content-Length is 413', async () => {
    const { relay } = await relayFor({}, { maxBytes: 1000 });
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/streamed-large`);
      assert.equal(status, 413);
      assert.equal(json().error.code, 'too-large');
    } finally {
      await relay.close();
    }
  });

  test('the limit counts decompressed bytes: a small gzip that expands past it is 413', async () => {
    const { relay } = await relayFor({}, { maxBytes: 1000 });
    try {
      const bomb = await relay.feed(`${upstream.origin}/gzip-bomb`);
      assert.equal(bomb.status, 413);
      const small = await relay.feed(`${upstream.origin}/gzip`);
      assert.equal(small.status, 200);
      assert.deepEqual(small.body, RSS);
      assert.equal(small.headers['content-encoding'], undefined);
    } finally {
      await relay.close();
    }
  });

  test('a damaged or unknown encoding is 502 upstream-error', async () => {
    const { relay } = await relayFor({});
    try {
      for (const path of ['/damaged-gzip', '/unknown-encoding']) {
        const { status, json } = await relay.feed(`${upstream.origin}${path}`);
        assert.equal(status, 502, path);
        assert.equal(json().error.code, 'upstream-error');
      }
    } finally {
      await relay.close();
    }
  });

  test('a source that refuses the connection is 502, and the message names no address', async () => {
    // A port that was just free: nothing listens on it any more.
    const closed = await startUpstream(() => {});
    await closed.close();
    const lookup = lookupFrom({ 'gone.test': ['127.0.0.1'] });
    const relay = await startRelay({
      allow: [`gone.test:${closed.port}`, `127.0.0.1:${closed.port}`],
      lookup,
    });
    try {
      const { status, json } = await relay.feed(`http://gone.test:${closed.port}/feed.xml`);
      assert.equal(status, 502);
      assert.equal(json().error.code, 'upstream-error');
      assert.match(json().error.message, /gone\.test.*refused/);
      assert.doesNotMatch(json().error.message, /127\.0\.0\.1/);
    } finally {
      await relay.close();
    }
  });

  test('a source that sends no headers in time is 504', async () => {
    const { relay } = await relayFor({}, { headersTimeoutMs: 150, totalTimeoutMs: 1000 });
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/slow-headers`);
      assert.equal(status, 504);
      assert.equal(json().error.code, 'upstream-timeout');
      assert.match(json().error.message, /did not answer within 150 ms/);
    } finally {
      await relay.close();
    }
  });

  test('a source that does not finish the body in time is 504', async () => {
    const { relay } = await relayFor({}, { headersTimeoutMs: 1000, totalTimeoutMs: 300 });
    try {
      const { status, json } = await relay.feed(`${upstream.origin}/slow-body`);
      assert.equal(status, 504);
      assert.equal(json().error.code, 'upstream-timeout');
      assert.match(json().error.message, /300 ms/);
    } finally {
      await relay.close();
    }
  });
});

describe('credentials', () => {
  test("the visitor's cookies and authorization never reach the source; its cookies never come back", async () => {
    const { relay } = await relayFor({});
    try {
      const { status, headers } = await relay.feed(`${upstream.origin}/feed.xml?who=visitor`, {
        cookie: 'session=visitor',
        authorization: 'Bearer visitor-token',
        'x-forwarded-for': '203.0.113.9',
        referer: 'https://partner.example/secret-page',
      });
      assert.equal(status, 200);
      assert.equal(headers['set-cookie'], undefined);
      const seen = upstream.requests.at(-1);
      assert.equal(seen?.url, '/feed.xml?who=visitor');
      const names = Object.keys(seen?.headers ?? {}).sort();
      assert.deepEqual(names, ['accept', 'accept-encoding', 'connection', 'host', 'user-agent']);
    } finally {
      await relay.close();
    }
  });
});

describe('https', () => {
  // A self-signed certificate for feeds.test and 127.0.0.1, made for these tests with
  // `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=feeds.test
  //  -addext subjectAltName=DNS:feeds.test,IP:127.0.0.1`. No system trusts it.
  const tls = {
    key: readFileSync(new URL('tls/feeds-test.key', import.meta.url)),
    cert: readFileSync(new URL('tls/feeds-test.crt', import.meta.url)),
  };

  test('connects to the checked address, sends the name as SNI, and checks the certificate', async () => {
    /** @type {string[]} */
    const names = [];
    const context = createSecureContext(tls);
    const server = https.createServer({
      ...tls,
      SNICallback: (servername, done) => {
        names.push(servername);
        done(null, context);
      },
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const lookup = lookupFrom({ 'feeds.test': ['127.0.0.1'] });
    const relay = await startRelay({ allow: [`feeds.test:${port}`, `127.0.0.1:${port}`], lookup });
    try {
      const { status, json } = await relay.feed(`https://feeds.test:${port}/feed.xml`);
      // The certificate is not trusted: the relay refuses it rather than reading the feed.
      assert.equal(status, 502);
      assert.equal(json().error.code, 'upstream-error');
      assert.deepEqual(names, ['feeds.test']);
      assert.deepEqual(lookup.calls, ['feeds.test']);
    } finally {
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  });
});
