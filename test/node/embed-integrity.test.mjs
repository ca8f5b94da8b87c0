/* global document, window -- functions passed to page.evaluate run in the browser */
/**
 * The embed snippet with Subresource Integrity, end to end: the bundle is built as
 * `npm run build` builds dist/ and laid out as the published package (`bin/`, `dist/`);
 * `kabar-embed --base … --dir …` prints the snippet for a second origin (another port on
 * 127.0.0.1) that serves those files, and a page of the first origin uses it, in Chromium.
 * The second origin can change one byte of a chunk, put code of its own in front of it, or
 * fail its first request (503), to show that the browser runs only the files of the release,
 * under every URL the chunk loader asks for them. Every server here listens on 127.0.0.1 and is
 * stopped by the test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/chrome.mjs';
import { writeBundle } from '../server/bundle.mjs';

const { version } = JSON.parse(await readFile(resolve('package.json'), 'utf8'));
const FEED = await readFile(resolve('test/fixtures/csp/feed.xml'));
/** The chunk a news list needs for an RSS feed, and the one tampered with here. */
const READERS = /^kabar-xml-readers-[\w-]+\.min\.js$/;
/** What the code put in front of a chunk does when it runs: a mark the page can be asked for. */
const PAYLOAD = 'globalThis.kabarTampered = (globalThis.kabarTampered ?? 0) + 1;\n';

let work;
let dist;
let embed;
let browser;
const servers = [];
/** Pages of the site, by path: their HTML. */
const pages = new Map();
/** Requests the second origin received, by the test's name for the files it serves ("plain", ...). */
const requests = new Map();
/** How many times the second origin served each chunk, by set and file (a set's first request fails). */
const served = new Map();

/**
 * The second origin: `/<set>/<file>` serves dist/ as it is, where `<set>` names what it does to
 * the XML readers' chunk, joined by `+`:
 *   byte     one byte of the file changed (the last, a newline of the source map comment)
 *   payload  a line of other code in front of the file
 *   once     the first request for the chunk (under any URL) answers 503
 * plus a name of the test's own, so that each test starts with a fresh count.
 */
function cdn() {
  return createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const [set = '', file = ''] = url.pathname.slice(1).split('/');
    requests.set(set, [...(requests.get(set) ?? []), `${file}${url.search}`]);
    const headers = {
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
      'content-type': 'text/javascript; charset=utf-8',
    };
    let code;
    try {
      code = await readFile(join(dist, file));
    } catch {
      res.writeHead(404, headers).end();
      return;
    }
    if (READERS.test(file)) {
      const modes = set.split('+');
      const count = (served.get(`${set}/${file}`) ?? 0) + 1;
      served.set(`${set}/${file}`, count);
      if (modes.includes('once') && count === 1) {
        res.writeHead(503, headers).end('unavailable');
        return;
      }
      if (modes.includes('byte')) {
        assert.equal(code.at(-1), 0x0a, 'the chunk ends with a newline');
        code = Buffer.concat([code.subarray(0, -1), Buffer.from(' ')]);
      }
      if (modes.includes('payload')) code = Buffer.concat([Buffer.from(PAYLOAD), code]);
    }
    res.writeHead(200, headers).end(code);
  });
}

/** The first origin: the pages (with their policy, if they have one), and the feed they show. */
function site() {
  return createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(FEED);
    } else if (pages.has(path)) {
      const { html, policy } = pages.get(path);
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      if (policy) headers['content-security-policy'] = policy;
      res.writeHead(200, headers).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
}

async function listen(server) {
  servers.push(server);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${server.address().port}`;
}

let cdnOrigin;
let siteOrigin;

/** Runs the package's `kabar-embed` command as a site would, from the laid-out package. */
function kabarEmbed(...args) {
  const result = spawnSync(process.execPath, [join(work, 'package/bin/kabar-embed.mjs'), ...args], {
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'kabar-embed-'));
  dist = join(work, 'package/dist');
  await writeBundle(dist);
  await cp(resolve('bin'), join(work, 'package/bin'), { recursive: true });
  embed = JSON.parse(await readFile(join(dist, 'embed.json'), 'utf8'));
  cdnOrigin = await listen(cdn());
  siteOrigin = await listen(site());
  const executablePath = await findChrome();
  assert.ok(executablePath, 'a Chromium is needed for this test');
  browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
});

after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Opens a page of the site with the snippet `kabar-embed` prints for the files of `set` on the
 * second origin (without its import map when `importMap` is false), a news list of the local
 * feed, and a record of the list's `kabar-load` and `kabar-error` events. With `policy`, the page
 * has that Content-Security-Policy (`policy(snippet)`) and no inline script of its own.
 */
async function open(set, { importMap = true, policy } = {}) {
  const printed = kabarEmbed('--base', `${cdnOrigin}/${set}/`, '--dir', dist);
  assert.equal(printed.status, 0, printed.err);
  const snippet = importMap
    ? printed.out
    : printed.out.replace(/<script type="importmap">[\s\S]*?<\/script>/, '');
  const path = `/page/${set}`;
  const listener = `<script>
      window.kabarEvents = [];
      for (const type of ['kabar-load', 'kabar-error']) {
        document.addEventListener(type, (event) => {
          kabarEvents.push({ type, message: event.detail.error?.message ?? '' });
        });
      }
    </script>`;
  pages.set(path, {
    policy: policy?.(snippet),
    html: `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    ${snippet}
  </head>
  <body>
    <kabar-news-list src="/feed.xml" limit="2"></kabar-news-list>
    ${policy ? '' : listener}
  </body>
</html>`,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Nothing leaves the machine.
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.goto(`${siteOrigin}${path}`);
  return { context, page, errors };
}

/** Waits for the list's event number `count` and returns all so far. */
async function events(page, count = 1) {
  await page.waitForFunction((count) => window.kabarEvents?.length >= count, count, { timeout: 15_000 });
  return page.evaluate(() => window.kabarEvents);
}

/** What the list shows: its article titles, or the text of its error message. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector('kabar-news-list').shadowRoot;
    return {
      titles: [...root.querySelectorAll('.title')].map((title) => title.textContent.trim()),
      error: root.querySelector('[part="message"].error')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    };
  });
}

/** The mark of the code put in front of a chunk: set only if that code ran. */
const tampered = (page) => page.evaluate(() => window.kabarTampered ?? 0);

/** The requests the second origin had for the XML readers' chunk from set `set`. */
const readerRequests = (set) => (requests.get(set) ?? []).filter((url) => READERS.test(url.split('?')[0]));

test('dist/embed.html is the snippet for this version on jsDelivr, and covers every chunk under every URL', async () => {
  const html = await readFile(join(dist, 'embed.html'), 'utf8');
  const cdnBase = `https://cdn.jsdelivr.net/npm/kabar@${version}/dist/`;
  assert.equal(embed.cdn, cdnBase);
  assert.equal(html, kabarEmbed('--base', cdnBase).out);
  assert.ok(
    html.includes(
      `<script type="module" src="${cdnBase}kabar.min.js" integrity="${embed.files['kabar.min.js']}" crossorigin="anonymous"></script>`,
    ),
  );
  const { integrity } = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1]);
  const chunks = (await readdir(dist)).filter((file) => /^kabar-.+\.min\.js$/.test(file));
  assert.ok(chunks.length >= 10, `chunks: ${chunks.join(', ')}`);
  assert.ok(embed.retries >= 1);
  for (const chunk of chunks) {
    const bytes = await readFile(join(dist, chunk));
    const hash = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    for (let attempt = 0; attempt <= embed.retries; attempt++) {
      const url = `${cdnBase}${chunk}${attempt ? `?retry=${attempt}` : ''}`;
      assert.equal(integrity[url], hash, url);
    }
    assert.equal(integrity[`${cdnBase}${chunk}?retry=${embed.retries + 1}`], undefined);
  }
  // The entry, and nothing else: no source map, no file of another build.
  assert.equal(Object.keys(integrity).length, 1 + chunks.length * (embed.retries + 1));
});

test('the untampered files render the news list from another origin', async () => {
  const { context, page, errors } = await open('plain');
  const [event] = await events(page);
  assert.deepEqual(event, { type: 'kabar-load', message: '' });
  assert.equal((await shown(page)).titles.length, 2);
  assert.deepEqual(
    readerRequests('plain').map((url) => url.replace(/^.*\.js/, '')),
    [''],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chunk with one byte changed is refused, and loads where the page has no import map', async () => {
  const refused = await open('byte');
  const [event] = await events(refused.page);
  assert.equal(event.type, 'kabar-error');
  const view = await shown(refused.page);
  assert.deepEqual(view.titles, []);
  assert.notEqual(view.error, '');
  await refused.context.close();

  // The same file without the import map's integrity: the change alone does not break it.
  const unchecked = await open('byte+unchecked', { importMap: false });
  assert.equal((await events(unchecked.page))[0].type, 'kabar-load');
  assert.equal((await shown(unchecked.page)).titles.length, 2);
  await unchecked.context.close();
});

test('code put in front of a chunk never runs under the snippet, and runs without it', async () => {
  const refused = await open('payload');
  assert.equal((await events(refused.page))[0].type, 'kabar-error');
  assert.deepEqual((await shown(refused.page)).titles, []);
  assert.equal(await tampered(refused.page), 0);
  await refused.context.close();

  // The proof that the mark would show: the same file, the page without the import map.
  const unchecked = await open('payload+unchecked', { importMap: false });
  await events(unchecked.page);
  assert.equal(await tampered(unchecked.page), 1);
  await unchecked.context.close();
});

test('when the first request for a chunk fails, the retry URL loads, checked by the snippet too', async () => {
  const { context, page, errors } = await open('once');
  const [event] = await events(page);
  assert.deepEqual(event, { type: 'kabar-load', message: '' });
  assert.equal((await shown(page)).titles.length, 2);
  assert.deepEqual(
    readerRequests('once').map((url) => url.replace(/^.*\.js/, '')),
    ['', '?retry=1'],
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tampered retry is refused under every retry URL, and the loader stops after the last', async () => {
  const { context, page } = await open('once+payload');
  const retry = () =>
    page.evaluate(() =>
      document.querySelector('kabar-news-list').shadowRoot.querySelector('[part="retry"]').click(),
    );
  // Each read asks twice: ahead of need as the feed's response starts, then when it reads it.
  assert.equal((await events(page, 1))[0].type, 'kabar-error');
  await retry();
  assert.equal((await events(page, 2))[1].type, 'kabar-error');
  await retry();
  const last = (await events(page, 3))[2];
  assert.equal(last.type, 'kabar-error');
  assert.match(last.message, /stopped asking: reload the page/);
  assert.deepEqual((await shown(page)).titles, []);
  assert.equal(await tampered(page), 0);
  const retries = Array.from({ length: embed.retries }, (_, i) => `?retry=${i + 1}`);
  assert.deepEqual(
    readerRequests('once+payload').map((url) => url.replace(/^.*\.js/, '')),
    ['', ...retries],
  );
  await context.close();

  // Without the import map, the same tampered retry runs.
  const unchecked = await open('once+payload+unchecked', { importMap: false });
  await events(unchecked.page);
  assert.equal(await tampered(unchecked.page), 1);
  await unchecked.context.close();
});

test('under a Content-Security-Policy, the hash the snippet names allows its import map', async () => {
  /** The strict policy of docs/security.md, plus the files' origin and the import map's hash. */
  const policy = (snippet) => {
    const [, hash] = /allow it with '(sha256-[\w+/=]+)' in script-src/.exec(snippet);
    return `default-src 'self'; script-src 'self' ${cdnOrigin} '${hash}'; style-src 'self'; connect-src 'self'`;
  };
  const shows = async (page, what) => {
    await page.waitForFunction(
      (what) => document.querySelector('kabar-news-list').shadowRoot?.querySelector(what),
      what,
      { timeout: 15_000 },
    );
    return shown(page);
  };
  const plain = await open('csp', { policy });
  assert.equal((await shows(plain.page, '.title')).titles.length, 2);
  await plain.context.close();

  // Were the import map blocked, the browser would run the chunk unchecked.
  const tamperedSet = await open('csp+payload', { policy });
  assert.notEqual((await shows(tamperedSet.page, '[part="message"].error')).error, '');
  assert.equal(await tampered(tamperedSet.page), 0);
  await tamperedSet.context.close();
});

test('kabar-embed checks the copied folder and the address before printing', async () => {
  const copy = join(work, 'copy');
  await cp(dist, copy, { recursive: true });
  const chunk = (await readdir(copy)).find((file) => READERS.test(file));

  assert.equal(kabarEmbed('--base', 'https://situs.go.id/kabar/', '--dir', copy).status, 0);
  const path = kabarEmbed('--base', '/kabar', '--dir', copy);
  assert.equal(path.status, 0);
  assert.match(path.out, /src="\/kabar\/kabar\.min\.js"/);

  await writeFile(join(copy, 'kabar-old-AAAA.min.js'), 'export {};\n');
  const extra = kabarEmbed('--base', '/kabar/', '--dir', copy);
  assert.equal(extra.status, 0);
  assert.match(extra.err, /not needed: kabar-old-AAAA\.min\.js/);

  await writeFile(join(copy, chunk), `${PAYLOAD}${await readFile(join(copy, chunk), 'utf8')}`);
  await rm(join(copy, 'kabar.min.js'));
  const broken = kabarEmbed('--base', '/kabar/', '--dir', copy);
  assert.equal(broken.status, 1);
  assert.equal(broken.out, '');
  assert.match(broken.err, /kabar\.min\.js is missing/);
  assert.match(broken.err, new RegExp(`${chunk.replace(/\./g, '\\.')} differs from kabar ${version}`));

  for (const [args, message] of [
    [[], /base address is missing/],
    [['--base', 'kabar/'], /relative to the page/],
    [['--base', 'ftp://situs.go.id/kabar/'], /not an http or https address/],
    [['--base', 'https://situs.go.id/kabar/?v=1'], /query or a fragment/],
    [['--bogus'], /Unknown option/],
  ]) {
    const result = kabarEmbed(...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.err, message);
    assert.match(result.err, /Usage: kabar-embed/);
  }
  assert.match(kabarEmbed('--help').out, /--dir/);
});
