/**
 * What `--demo` serves beyond the demo page: the embed builder at /pasang/ under its own policy,
 * the feed relay turned on for the demo's own address only, and the partner page on a second
 * origin (`--demo-partner-port`) that reads the demo feed through that relay. Every server here
 * listens on 127.0.0.1 and is stopped by the test.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { DEMO_ORIGIN_PLACEHOLDER, partnerPolicy } from '../src/partner.js';
import { BUILDER_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } from '../src/static.js';
import { request, start, tempDir, writePolls } from './helpers.js';

/** @type {{ dir: string, remove: () => void }} */
let temp;
let root = '';
/** @type {import('../src/server.js').KabarServer} */
let kabar;
let base = '';

const FEED =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title><item><title>Satu</title></item></channel></rss>';

/** @param {string} path @param {string} text */
const put = (path, text) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

before(async () => {
  temp = tempDir();
  root = join(temp.dir, 'site');
  put('demo/index.html', '<!doctype html><title>Sukamulya</title>');
  put('demo/feeds/berita.xml', FEED);
  put('demo/pasang/index.html', '<!doctype html><title>Pasang Kabar</title>');
  put('demo/pasang/pasang.js', 'export {};');
  put(
    'demo/mitra/index.html',
    `<!doctype html><title>Mitra</title><kabar-news-list src="${DEMO_ORIGIN_PLACEHOLDER}/demo/feeds/berita.xml" proxy="${DEMO_ORIGIN_PLACEHOLDER}/api/feeds?url={url}"></kabar-news-list>`,
  );
  put('demo/mitra/mitra.css', 'body { color: #123; }');
  put('demo/mitra/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('dist/kabar.min.js', 'export const kabar = 1;');
  kabar = await start([
    '--polls',
    writePolls(temp.dir),
    '--store',
    `sqlite:${join(temp.dir, 'store', 'kabar.db')}`,
    '--demo',
    root,
    '--demo-partner-port',
    '0',
  ]);
  base = kabar.url;
});

after(async () => {
  await kabar?.close();
  temp.remove();
});

describe('the embed builder', () => {
  test('/pasang/ leads to it with a permanent redirect, keeping the query', async () => {
    for (const path of ['/pasang', '/pasang/']) {
      const res = await request(base, `${path}?widget=kabar-poll`);
      assert.equal(res.status, 301, path);
      assert.equal(res.headers.location, '/demo/pasang/?widget=kabar-poll');
    }
    assert.equal((await request(base, '/pasang/x')).status, 404);
  });

  test('its pages may read feeds and show images from any site, and nothing more', async () => {
    const page = await request(base, '/demo/pasang/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-security-policy'], BUILDER_CONTENT_SECURITY_POLICY);
    assert.match(BUILDER_CONTENT_SECURITY_POLICY, /connect-src \*;/);
    assert.match(BUILDER_CONTENT_SECURITY_POLICY, /img-src \* data:;/);
    assert.match(BUILDER_CONTENT_SECURITY_POLICY, /script-src 'self'; style-src 'self'/);
    // The rest of the demo keeps the strict policy.
    assert.equal((await request(base, '/')).headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  });
});

describe('the demo feeds and the relay', () => {
  test('the feeds carry no CORS headers, as most government CMSs send none', async () => {
    const res = await request(base, '/demo/feeds/berita.xml', { headers: { Origin: 'http://127.0.0.1:1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  test('the relay is on for the demo own address, and only for it', async () => {
    const own = await request(
      base,
      `/api/feeds?url=${encodeURIComponent(`${kabar.url}/demo/feeds/berita.xml`)}`,
    );
    assert.equal(own.status, 200);
    assert.equal(own.text, FEED);
    assert.equal(own.headers['access-control-allow-origin'], '*');
    // The same server under another loopback address or another port is not on the list.
    const { port } = new URL(kabar.url);
    for (const other of [
      `http://127.0.0.2:${port}`,
      'http://127.0.0.1:1',
      new URL(String(kabar.partnerUrl)).origin,
    ]) {
      const refused = await request(
        base,
        `/api/feeds?url=${encodeURIComponent(`${other}/demo/feeds/berita.xml`)}`,
      );
      assert.equal(refused.status, 403, other);
    }
  });
});

describe('the partner page', () => {
  test('is served on another origin with the demo origin written in', async () => {
    assert.ok(kabar.partnerUrl);
    const partner = new URL(kabar.partnerUrl);
    assert.notEqual(partner.origin, new URL(kabar.url).origin);
    assert.equal(kabar.demoUrl, `${kabar.url}/`);
    const res = await request(partner.origin, '/');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.ok(!res.text.includes(DEMO_ORIGIN_PLACEHOLDER));
    assert.ok(res.text.includes(`proxy="${kabar.url}/api/feeds?url={url}"`), res.text);
    assert.ok(res.text.includes(`src="${kabar.url}/demo/feeds/berita.xml"`));
  });

  test('its policy allows the relay origin and its images, nothing else from elsewhere', async () => {
    const res = await request(new URL(String(kabar.partnerUrl)).origin, '/');
    assert.equal(res.headers['content-security-policy'], partnerPolicy(kabar.url));
    assert.match(
      String(res.headers['content-security-policy']),
      new RegExp(`connect-src 'self' ${kabar.url};`),
    );
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'; style-src 'self'/);
  });

  test('serves its assets and Kabar, and nothing else of the demo', async () => {
    const partner = new URL(String(kabar.partnerUrl)).origin;
    assert.match(
      String((await request(partner, '/demo/mitra/mitra.css')).headers['content-type']),
      /^text\/css/,
    );
    assert.equal((await request(partner, '/favicon.ico')).headers['content-type'], 'image/svg+xml');
    assert.equal((await request(partner, '/dist/kabar.min.js')).status, 200);
    for (const path of [
      '/demo/index.html',
      '/demo/feeds/berita.xml',
      '/api/feeds?url=x',
      '/demo/mitra/index.html',
      '/../x',
    ]) {
      assert.equal((await request(partner, path)).status, 404, path);
    }
    assert.equal((await request(partner, '/', { method: 'POST', body: 'x' })).status, 405);
  });

  test('the demo leads to it from /mitra/, and does not serve its unfilled template', async () => {
    const res = await request(base, '/mitra/');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, kabar.partnerUrl);
    for (const path of ['/demo/mitra/', '/demo/mitra/index.html']) {
      assert.equal((await request(base, path)).status, 404, path);
    }
    assert.equal((await request(base, '/demo/mitra/mitra.css')).status, 200);
  });

  test('without --demo-partner-port there is no partner page, and /mitra/ is a 404', async () => {
    const plain = await start([
      '--polls',
      writePolls(temp.dir),
      '--store',
      `sqlite:${join(temp.dir, 'store', 'plain.db')}`,
      '--demo',
      root,
    ]);
    try {
      assert.equal(plain.partnerUrl, undefined);
      assert.equal((await request(plain.url, '/mitra/')).status, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('the command line', () => {
  test('reads --demo-partner-port, which needs --demo', () => {
    assert.equal(parseConfig(['--demo', '.', '--demo-partner-port', '8081']).demoPartnerPort, 8081);
    assert.equal(parseConfig(['--demo', '.']).demoPartnerPort, undefined);
    assert.throws(() => parseConfig(['--demo-partner-port', '8081']), ConfigError);
    assert.throws(() => parseConfig(['--demo', '.', '--demo-partner-port', 'x']), ConfigError);
  });

  test('a taken partner port stops the start with the system error', async () => {
    const { port } = new URL(String(kabar.partnerUrl));
    await assert.rejects(
      start([
        '--polls',
        writePolls(temp.dir),
        '--store',
        `sqlite:${join(temp.dir, 'store', 'taken.db')}`,
        '--demo',
        root,
        '--demo-partner-port',
        port,
      ]),
      /EADDRINUSE/,
    );
  });
});
