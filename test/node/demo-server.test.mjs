import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY, createServer, listen, resolveStaticPath } from '../../demo/server.mjs';

/**
 * The demo server against a small fixture root (demo/ and dist/ of its own), so the tests do
 * not depend on a build. One file outside the served folders stands for package.json.
 */
let root;
let server;
let base;
const calls = [];

/** A raw request: fetch() would normalise `..` away before the server ever saw it. */
function request(path, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}`, { method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'kabar-demo-'));
  await mkdir(join(root, 'demo', 'feeds'), { recursive: true });
  await mkdir(join(root, 'demo', 'images'), { recursive: true });
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(join(root, 'demo', 'index.html'), '<!doctype html><title>Sukamulya</title>');
  await writeFile(join(root, 'demo', 'demo.css'), 'body { color: #123; }');
  await writeFile(join(root, 'demo', 'feeds', 'berita.xml'), '<rss version="2.0"><channel/></rss>');
  await writeFile(
    join(root, 'demo', 'feeds', 'program.json'),
    '{"version":"https://jsonfeed.org/version/1.1"}',
  );
  await writeFile(join(root, 'demo', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(
    join(root, 'dist', 'kabar.min.js'),
    `export const kabar = ${JSON.stringify('x'.repeat(2000))};`,
  );
  await writeFile(join(root, 'dist', 'kabar.min.js.map'), '{"version":3}');
  await writeFile(join(root, 'package.json'), '{"name":"secret-outside"}');
  await writeFile(join(root, 'demo', '.env'), 'SECRET=1');
  await mkdir(join(root, 'demo', 'data'), { recursive: true });
  await writeFile(join(root, 'demo', 'data', 'votes.json'), '{"keys":["secret"]}');

  const handlers = [
    async (req, res) => {
      calls.push(req.url);
      if (!req.url.startsWith('/api/')) return false;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
      return true;
    },
    async (req, res) => {
      // Mounted before the static files: it can take over a path that is also a file.
      if (req.url !== '/demo/demo.css?handled') return false;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('from a handler');
      return true;
    },
    async (req) => {
      if (req.url === '/api-throws') throw new Error('boom');
      return false;
    },
  ];
  server = createServer({ root, handlers });
  const port = await listen(server, 0);
  base = `http://localhost:${port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('demo server', () => {
  test("does not serve the poll service's stored votes and keys", async () => {
    assert.equal((await request('/demo/data/votes.json')).status, 404);
    assert.equal((await request('/demo/data/')).status, 404);
  });

  test('serves / as the demo page with the security headers', async () => {
    const res = await request('/');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(res.headers['content-security-policy'], /script-src 'self'; style-src 'self'/);
    assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.body.toString(), /Sukamulya/);
  });

  test('serves the bundle as JavaScript, cached longer than the page', async () => {
    const res = await request('/dist/kabar.min.js');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/javascript/);
    assert.match(res.headers['cache-control'], /max-age=3600/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], undefined);
    const map = await request('/dist/kabar.min.js.map');
    assert.match(map.headers['content-type'], /^application\/json/);
  });

  test('serves the feeds with their types and a short cache', async () => {
    const rss = await request('/demo/feeds/berita.xml');
    assert.equal(rss.status, 200);
    assert.match(rss.headers['content-type'], /^application\/rss\+xml/);
    assert.equal(rss.headers['cache-control'], 'public, max-age=60');
    const json = await request('/demo/feeds/program.json');
    assert.equal(json.status, 200);
    assert.match(json.headers['content-type'], /^application\/feed\+json/);
    const css = await request('/demo/demo.css');
    assert.match(css.headers['content-type'], /^text\/css/);
    const svg = await request('/demo/images/logo.svg');
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    const icon = await request('/favicon.ico');
    assert.equal(icon.status, 200);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
  });

  test('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await request('/demo/feeds/berita.xml');
    const etag = first.headers.etag;
    assert.ok(etag);
    const second = await request('/demo/feeds/berita.xml', { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(second.body.length, 0);
    assert.equal(second.headers.etag, etag);
    const stale = await request('/demo/feeds/berita.xml', { headers: { 'If-None-Match': '"other"' } });
    assert.equal(stale.status, 200);
  });

  test('gzips text when the client accepts it, with its own ETag', async () => {
    const plain = await request('/dist/kabar.min.js');
    const zipped = await request('/dist/kabar.min.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.body.length < plain.body.length);
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    assert.notEqual(zipped.headers.etag, plain.headers.etag);
    const refused = await request('/dist/kabar.min.js', { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  test('answers HEAD with headers only', async () => {
    const res = await request('/', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.ok(Number(res.headers['content-length']) > 0);
  });

  test('answers an unknown path with the 404 page', async () => {
    const res = await request('/demo/berita/tidak-ada/');
    assert.equal(res.status, 404);
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(res.body.toString(), /tidak ditemukan/);
    assert.equal((await request('/package.json')).status, 404);
    assert.equal((await request('/src/index.ts')).status, 404);
  });

  for (const path of [
    '/demo/../package.json',
    '/dist/../package.json',
    '/demo/%2e%2e/package.json',
    '/demo/%2E%2E/package.json',
    '/demo/..%2fpackage.json',
    '/demo/..%2Fpackage.json',
    '/demo/%2e%2e%2fpackage.json',
    '/demo/..%5cpackage.json',
    '/demo/%252e%252e/package.json',
    '/demo/feeds/..%2f..%2fpackage.json',
    '/demo/.env',
    '/demo/index.html%00.xml',
    '/demo/%E0%A4%A',
  ]) {
    test(`refuses to leave the served folders: ${path}`, async () => {
      const res = await request(path);
      assert.ok(res.status >= 400, `status ${res.status}`);
      assert.doesNotMatch(res.body.toString(), /secret/i);
    });
  }

  test('resolveStaticPath keeps every answer inside demo/ or dist/', () => {
    assert.equal(resolveStaticPath('/srv', '/'), join('/srv', 'demo', 'index.html'));
    assert.equal(resolveStaticPath('/srv', '/dist/kabar.min.js'), join('/srv', 'dist', 'kabar.min.js'));
    assert.equal(resolveStaticPath('/srv', '/demo/..%2f..%2fetc/passwd'), undefined);
    assert.equal(resolveStaticPath('/srv', '/node_modules/lit/index.js'), undefined);
  });

  test('refuses methods other than GET and HEAD on static files with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await request('/demo/feeds/berita.xml', { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD');
    }
  });

  test('tries the handlers before the static files', async () => {
    calls.length = 0;
    const api = await request('/api/polls/1', { method: 'POST' });
    assert.equal(api.status, 200);
    assert.equal(api.body.toString(), '{"ok":true}');
    const css = await request('/demo/demo.css?handled');
    assert.equal(css.body.toString(), 'from a handler');
    const file = await request('/demo/demo.css');
    assert.match(file.body.toString(), /color/);
    assert.deepEqual(calls, ['/api/polls/1', '/demo/demo.css?handled', '/demo/demo.css']);
  });

  test('turns a throwing handler into a 500', async () => {
    const res = await request('/api-throws');
    assert.equal(res.status, 500);
  });

  test('listen() moves on to the next port when one is taken', async () => {
    const blocker = http.createServer();
    const taken = await listen(blocker, 0);
    const next = createServer({ root });
    try {
      const port = await listen(next, taken, 5);
      assert.ok(port > taken && port <= taken + 4, `port ${port}`);
    } finally {
      await new Promise((resolve) => next.close(resolve));
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
