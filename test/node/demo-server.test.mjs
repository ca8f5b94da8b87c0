/* global document, window -- functions passed to page.evaluate run in the browser */
/**
 * The demo as `npm start` serves it, in a real Chromium against the real `kabar-server --demo`
 * command: the partner page, on an origin of its own, lists the demo's program news through the
 * feed relay, while the same feed read directly fails with Kabar's CORS message (the demo feeds
 * carry no CORS headers). The bundle is built in memory and served from a temporary copy of the
 * demo's folder; the server listens on 127.0.0.1 only and is stopped by the test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/chrome.mjs';
import { bundle, bundleAssets } from '../server/bundle.mjs';

/** Kabar's message for a feed that sends no CORS headers (src/i18n/locales/id.ts). */
const CORS_MESSAGE = 'Sumber berita tidak mengizinkan dibaca dari situs ini.';
/** How long the server may take to say where it listens. */
const START_TIMEOUT_MS = 20_000;

let temp = '';
let server;
/** Two other sites whose feeds send no CORS headers: the relay may fetch from the first only. */
const others = { allowed: '', refused: '' };
const otherServers = [];
let browser;
/** Where the command said the demo, the builder and the partner page are. */
const urls = { demo: '', builder: '', partner: '' };

/** Another site, serving the demo's news feed at /berita.xml without CORS headers. */
async function otherSite() {
  const feed = readFileSync(resolve('demo/feeds/berita.xml'));
  const site = createServer((req, res) => {
    if (req.url === '/berita.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    else res.writeHead(404).end();
  });
  otherServers.push(site);
  await new Promise((done) => site.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${site.address().port}`;
}

/**
 * Starts `kabar-server --demo` on free loopback ports and reads the addresses it prints.
 *
 * @param {string} root the folder holding demo/ and dist/
 */
function startDemo(root) {
  const child = spawn(
    process.execPath,
    [
      resolve('server/bin/kabar-server.js'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--polls',
      resolve('demo/polls.json'),
      '--store',
      `sqlite:${join(temp, 'store', 'kabar.db')}`,
      '--demo',
      root,
      '--demo-partner-port',
      '0',
      '--feeds-allow',
      new URL(others.allowed).host,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`kabar-server did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk) => {
      output += chunk;
      const partner = /Partner page: +(\S+)/.exec(output);
      if (!partner) return;
      clearTimeout(timer);
      urls.demo = /Demo page: +(\S+)/.exec(output)?.[1] ?? '';
      urls.builder = /Embed builder: +(\S+)/.exec(output)?.[1] ?? '';
      urls.partner = partner[1];
      done(child);
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`kabar-server exited with ${code}:\n${output}`));
    });
  });
}

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'kabar-demo-server-'));
  const root = join(temp, 'site');
  mkdirSync(join(root, 'dist'), { recursive: true });
  symlinkSync(resolve('demo'), join(root, 'demo'), 'dir');
  for (const [name, code] of await bundle()) writeFileSync(join(root, 'dist', name), code);
  // embed.html and embed.json too, as `npm run build` writes them: the builder loads embed.html.
  for (const [name, text] of await bundleAssets()) writeFileSync(join(root, 'dist', name), text);
  others.allowed = await otherSite();
  others.refused = await otherSite();
  server = await startDemo(root);
  const executablePath = await findChrome();
  assert.ok(executablePath, 'a Chromium is needed for this test');
  browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  for (const site of otherServers) {
    site.closeAllConnections();
    await new Promise((done) => site.close(done));
  }
  rmSync(temp, { recursive: true, force: true });
});

/** A page with its errors and its requests recorded; nothing may leave 127.0.0.1. */
async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { context, page, errors, requests };
}

/** Waits until the list shows articles or an error, and answers what it shows. */
function listState(page, selector) {
  return page.evaluate(async (selector) => {
    const list = document.querySelector(selector);
    list.scrollIntoView();
    const shown = () =>
      list.shadowRoot?.querySelectorAll('[part="item"]').length ||
      /\S/.test(list.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '');
    for (let tries = 0; tries < 200 && !shown(); tries++) await new Promise((done) => setTimeout(done, 50));
    return {
      items: list.shadowRoot.querySelectorAll('[part="item"]').length,
      text: list.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
    };
  }, selector);
}

test('npm start prints the demo, the builder and the partner page on two origins', () => {
  const demo = new URL(urls.demo);
  const partner = new URL(urls.partner);
  assert.equal(demo.hostname, '127.0.0.1');
  assert.equal(urls.builder, `${demo.origin}/pasang/`);
  assert.equal(partner.hostname, '127.0.0.1');
  assert.notEqual(partner.origin, demo.origin);
});

test('the partner page lists the demo program news through the relay', async () => {
  const { context, page, errors, requests } = await openPage(urls.partner);
  const state = await listState(page, '#program kabar-news-list');
  assert.equal(state.items, 6, state.text);
  assert.match(state.text, /Sekolah Perempuan Capai Impian/);
  const demo = new URL(urls.demo).origin;
  const feed = `${demo}/demo/feeds/program.json`;
  assert.ok(requests.includes(`${demo}/api/feeds?url=${encodeURIComponent(feed)}`), requests.join('\n'));
  assert.ok(!requests.includes(feed), 'the page read the feed directly');
  // The feed's images come from the demo's origin, which the page's policy allows.
  const image = await page.evaluate(async () => {
    const img = document.querySelector('#program kabar-news-list').shadowRoot.querySelector('img');
    img.loading = 'eager';
    await img.decode().catch(() => {});
    return { src: img.currentSrc, width: img.naturalWidth };
  });
  assert.ok(image.src.startsWith(`${demo}/demo/images/`), image.src);
  assert.ok(image.width > 0, 'the image did not load');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same page without the relay fails with Kabar CORS message', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const kinds = [];
  await page.exposeFunction('recordError', (kind) => kinds.push(kind));
  await page.addInitScript(() => {
    document.addEventListener('kabar-error', (event) => window.recordError(event.detail.error.kind));
    // The page as served, its policy included, but the list without its proxy attribute: taken
    // out once the page is parsed, before Kabar's module script runs.
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        for (const list of document.querySelectorAll('kabar-news-list[proxy]')) list.removeAttribute('proxy');
      }
    });
  });
  await page.goto(urls.partner);
  const state = await listState(page, '#program kabar-news-list');
  assert.equal(state.items, 0);
  assert.ok(state.text.includes(CORS_MESSAGE), state.text);
  assert.deepEqual(kinds, ['cors']);
  await context.close();
});

test('the demo home page leads to the partner page and to the builder', async () => {
  const { context, page, errors } = await openPage(urls.demo);
  await page.click('a[href="/mitra/"]');
  await page.waitForURL(urls.partner);
  await page.goto(urls.demo);
  await page.click('a[href="/pasang/"]');
  await page.waitForURL(`${new URL(urls.demo).origin}/demo/pasang/`);
  await page.locator('#snippet').filter({ hasText: 'kabar.min.js' }).waitFor();
  // The build's integrity snippet is served beside the bundle, and the builder offers it.
  await page.locator('#sri:enabled').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Types `address` into the builder's feed field and waits for its verdict. */
async function checkFeed(page, address) {
  await page.fill('#feed', address);
  const status = page.locator('#feed-status');
  await status
    .and(page.locator(':not([data-kind="busy"])'))
    .filter({ hasText: /\S/ })
    .waitFor({ timeout: 20_000 });
  return { kind: await status.getAttribute('data-kind'), text: (await status.textContent()).trim() };
}

test('the builder, served with its own policy, offers the relay for a feed without CORS', async () => {
  const { context, page, errors } = await openPage(urls.builder);
  const demo = new URL(urls.demo).origin;
  const relay = `${demo}/api/feeds?url={url}`;
  await page.locator('#snippet').filter({ hasText: 'kabar.min.js' }).waitFor();
  // A feed of another site that sends no CORS headers, on the relay's allow-list.
  const feed = `${others.allowed}/berita.xml`;
  const found = await checkFeed(page, feed);
  assert.equal(found.kind, 'warning');
  assert.match(found.text, /CORS.*relay feed server ini dapat membacanya\. Ditemukan 12 berita/);
  assert.equal(await page.locator('#relay-offer code').textContent(), relay);
  assert.ok(await page.locator('#relay-offer').isVisible());
  // Taking the offer puts the relay into the code and the preview, and checks through it.
  await page.click('#use-relay');
  assert.equal(await page.inputValue('#proxy'), relay);
  await page
    .locator('#feed-status[data-kind="ok"]')
    .filter({ hasText: /^Ditemukan 12 berita/ })
    .waitFor({ timeout: 20_000 });
  assert.match(
    await page.locator('#snippet').textContent(),
    new RegExp(`proxy="${relay.replace(/[?{}.]/g, '\\$&')}"`),
  );
  const state = await listState(page, '#preview > kabar-news-list');
  assert.equal(state.items, 5, state.text);
  // A feed on a host the relay does not fetch from: the builder says who must allow it.
  await page.fill('#proxy', '');
  const refused = await checkFeed(page, `${others.refused}/berita.xml`);
  assert.equal(refused.kind, 'error');
  assert.match(refused.text, /CORS.*Relay ini tidak mengambil feed dari 127\.0\.0\.1:\d+: .*--feeds-allow/);
  assert.ok(await page.locator('#relay-offer').isHidden());
  // Only the browser's own reports of the refused reads, no script error.
  assert.deepEqual(
    errors.filter((e) => !/CORS policy|Failed to load resource/.test(e)),
    [],
  );
  await context.close();
});
