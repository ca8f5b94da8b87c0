/**
 * Serving the demo (`--demo`): types, caching, gzip, the page's security headers, and no way
 * out of the served folders or into the vote store, whatever the spelling of the path.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { GzipCache, CONTENT_SECURITY_POLICY, DemoFiles } from '../src/static.js';
import { parseRequestPath } from '../src/paths.js';
import { ConfigError } from '../src/errors.js';
import { request, start, tempDir, writePolls } from './helpers.js';

/** @type {{ dir: string, remove: () => void }} */
let temp;
let root = '';
/** @type {import('../src/server.js').KabarServer} */
let kabar;
let base = '';

/** @param {string} path @param {string} text */
const put = (path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

before(async () => {
  temp = tempDir();
  root = join(temp.dir, 'site');
  put('demo/index.html', '<!doctype html><title>Sukamulya</title>');
  put('demo/demo.css', 'body { color: #123; }');
  put('demo/feeds/berita.xml', '<rss version="2.0"><channel/></rss>');
  put('demo/feeds/program.json', '{"version":"https://jsonfeed.org/version/1.1"}');
  put('demo/images/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('dist/kabar.min.js', `export const kabar = ${JSON.stringify('x'.repeat(2000))};`);
  put('dist/kabar.min.js.map', '{"version":3}');
  put('package.json', '{"name":"secret-outside"}');
  put('demo/.env', 'SECRET=1');
  put('demo/data/votes.json', '{"keys":["secret"]}');
  const polls = writePolls(temp.dir);
  kabar = await start([
    '--polls',
    polls,
    '--store',
    `sqlite:${join(temp.dir, 'store', 'kabar.db')}`,
    '--demo',
    root,
  ]);
  base = kabar.url;
});

after(async () => {
  await kabar?.close();
  temp.remove();
});

describe('the demo files', () => {
  test('serves / as the demo page with the security headers', async () => {
    const res = await request(base, '/');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'; style-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.text, /Sukamulya/);
  });

  test('serves the bundle as JavaScript, cached longer than the page', async () => {
    const res = await request(base, '/dist/kabar.min.js');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.match(String(res.headers['cache-control']), /max-age=3600/);
    assert.equal(res.headers['content-security-policy'], undefined);
    const map = await request(base, '/dist/kabar.min.js.map');
    assert.match(String(map.headers['content-type']), /^application\/json/);
  });

  test('serves the feeds with their types and a short cache, and the icon', async () => {
    const rss = await request(base, '/demo/feeds/berita.xml');
    assert.equal(rss.status, 200);
    assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
    assert.equal(rss.headers['cache-control'], 'public, max-age=60');
    const json = await request(base, '/demo/feeds/program.json');
    assert.match(String(json.headers['content-type']), /^application\/feed\+json/);
    assert.match(String((await request(base, '/demo/demo.css')).headers['content-type']), /^text\/css/);
    assert.equal((await request(base, '/demo/images/logo.svg')).headers['content-type'], 'image/svg+xml');
    const icon = await request(base, '/favicon.ico');
    assert.equal(icon.status, 200);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
  });

  test('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await request(base, '/demo/feeds/berita.xml');
    const etag = String(first.headers.etag);
    const second = await request(base, '/demo/feeds/berita.xml', { headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
    assert.equal(second.headers.etag, etag);
    const stale = await request(base, '/demo/feeds/berita.xml', { headers: { 'If-None-Match': '"other"' } });
    assert.equal(stale.status, 200);
  });

  test('gzips text when the client accepts it, with its own ETag', async () => {
    const { hostname, port } = new URL(base);
    const raw = await new Promise((resolve, reject) => {
      import('node:http').then(({ default: http }) =>
        http
          .get(
            {
              host: hostname,
              port,
              path: '/dist/kabar.min.js',
              headers: { 'Accept-Encoding': 'gzip, deflate' },
            },
            (res) => {
              /** @type {Buffer[]} */
              const chunks = [];
              res.on('data', (c) => chunks.push(c));
              res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          )
          .on('error', reject),
      );
    });
    const plain = await request(base, '/dist/kabar.min.js');
    const zipped = /** @type {{ headers: Record<string, string>, body: Buffer }} */ (raw);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.ok(zipped.body.length < plain.text.length);
    assert.equal(gunzipSync(zipped.body).toString(), plain.text);
    assert.notEqual(zipped.headers.etag, plain.headers.etag);
    const refused = await request(base, '/dist/kabar.min.js', { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  test('answers HEAD with headers only', async () => {
    const res = await request(base, '/', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assert.ok(Number(res.headers['content-length']) > 0);
  });

  test('answers an unknown path with the 404 page', async () => {
    const res = await request(base, '/demo/berita/tidak-ada/');
    assert.equal(res.status, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(res.text, /tidak ditemukan/);
    assert.equal((await request(base, '/package.json')).status, 404);
    assert.equal((await request(base, '/src/index.ts')).status, 404);
  });

  test('redirects a folder to its slash form', async () => {
    const res = await request(base, '/demo/feeds?x=1');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/demo/feeds/?x=1');
  });

  test('refuses methods other than GET and HEAD on files with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await request(base, '/demo/feeds/berita.xml', { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD');
    }
  });

  for (const path of [
    '/demo/data/votes.json',
    '/demo//data/votes.json',
    '/demo///data/votes.json',
    '/demo/%2fdata/votes.json',
    '/demo/%2Fdata/votes.json',
    '/demo/./data/votes.json',
    '/demo/%2e/data/votes.json',
    '/demo/feeds/../data/votes.json',
    '/demo/data%2fvotes.json',
    '/demo%2fdata%2fvotes.json',
    '/demo/data/',
    '/demo/../package.json',
    '/dist/../package.json',
    '/demo/%2e%2e/package.json',
    '/demo/%2E%2E/package.json',
    '/demo/..%2fpackage.json',
    '/demo/..%2Fpackage.json',
    '/demo/%2e%2e%2fpackage.json',
    '/demo/..%5cpackage.json',
    '/demo/..\\package.json',
    '/demo\\..\\package.json',
    '/demo/%252e%252e/package.json',
    '/demo/feeds/..%2f..%2fpackage.json',
    '/demo/.env',
    '/demo/%2eenv',
    '/demo/index.html%00.xml',
    '/demo/index.html\0.xml',
    '/demo/%E0%A4%A',
    '//store/kabar.db',
    '/../store/kabar.db',
    '/demo/../../store/kabar.db',
  ]) {
    test(`serves nothing private: ${JSON.stringify(path)}`, async () => {
      /** @type {{ status: number, text: string } | undefined} */
      let res;
      try {
        res = await request(base, path);
      } catch {
        return; // Node's HTTP parser refused the request line: nothing was served.
      }
      assert.ok(res.status >= 400, `status ${res.status}`);
      assert.doesNotMatch(res.text, /secret|SQLite format/i);
    });
  }
});

describe('paths', () => {
  test('parseRequestPath decodes once, drops empty and . segments, refuses .. and NUL', () => {
    assert.deepEqual(parseRequestPath('/demo//data/x?y=1'), {
      segments: ['demo', 'data', 'x'],
      trailingSlash: false,
      search: '?y=1',
    });
    assert.deepEqual(parseRequestPath('/demo/%2fdata/')?.segments, ['demo', 'data']);
    assert.deepEqual(parseRequestPath('/a/./b')?.segments, ['a', 'b']);
    assert.equal(parseRequestPath('/a/../b'), undefined);
    assert.equal(parseRequestPath('/a/%2e%2e/b'), undefined);
    assert.equal(parseRequestPath('/a/..%2fb'), undefined);
    assert.equal(parseRequestPath('/a/%00'), undefined);
    assert.equal(parseRequestPath('/a\\b'), undefined);
    assert.equal(parseRequestPath('http://evil.example/x'), undefined);
    assert.equal(parseRequestPath('/%E0%A4%A'), undefined);
  });

  test('DemoFiles.resolve keeps every answer inside demo/ or dist/', () => {
    const files = new DemoFiles('/srv');
    assert.equal(files.resolve([], false)?.file, join('/srv', 'demo', 'index.html'));
    assert.equal(files.resolve(['dist', 'kabar.min.js'], false)?.file, join('/srv', 'dist', 'kabar.min.js'));
    assert.equal(files.resolve(['node_modules', 'lit', 'index.js'], false), undefined);
    assert.equal(files.resolve(['demo', '.git', 'config'], false), undefined);
  });

  test('refuses to start when the SQLite store would be served', async () => {
    const polls = writePolls(temp.dir);
    for (const store of [
      join(root, 'demo', 'kabar.db'),
      join(root, 'dist', 'data', 'kabar.db'),
      join(root, 'demo'),
    ]) {
      await assert.rejects(
        start(['--polls', polls, '--store', `sqlite:${store}`, '--demo', root]),
        (error) => error instanceof ConfigError && /inside/.test(error.message),
      );
    }
  });

  test('the gzip cache stays within its byte budget, dropping the least recently used', () => {
    const cache = new GzipCache(100);
    cache.set('a', Buffer.alloc(40));
    cache.set('b', Buffer.alloc(40));
    cache.get('a');
    cache.set('c', Buffer.alloc(40));
    assert.ok(cache.bytes <= 100);
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined);
    cache.set('huge', Buffer.alloc(500));
    assert.equal(cache.get('huge'), undefined);
  });
});
