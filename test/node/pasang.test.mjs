/* global document, getComputedStyle -- functions passed to page.evaluate run in the browser */
/**
 * The embed builder (`demo/pasang/`): it checks a feed address with Kabar's data layer and says
 * what it found or why it failed, and the snippet it hands over, pasted into a blank page, shows
 * the same widget as its preview. The builder is served as static files under the demo page's
 * Content Security Policy, with the real bundle; every server here listens on 127.0.0.1 and is
 * stopped by the test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/chrome.mjs';
import { CONTENT_SECURITY_POLICY } from '../../server/src/static.js';
import { bundle, bundleAssets } from '../server/bundle.mjs';

const DEMO = resolve('demo');
const { version } = JSON.parse(await readFile(resolve('package.json'), 'utf8'));
const CDN_SCRIPT = `https://cdn.jsdelivr.net/npm/kabar@${version}/dist/kabar.min.js`;

/** The demo page's policy, as kabar-server sends it: no inline script or style, nothing from elsewhere. */
const STRICT_POLICY = CONTENT_SECURITY_POLICY;
/** The same, but the builder may check feeds of other sites (the policy it needs to do so). */
const CHECKING_POLICY = STRICT_POLICY.replace("connect-src 'self'", 'connect-src *').replace(
  "img-src 'self' data:",
  'img-src * data:',
);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

const POLL = {
  poll: {
    id: 'prioritas',
    question: 'Layanan publik mana yang paling perlu diperbaiki lebih dulu?',
    status: 'open',
    options: [
      { id: 'kesehatan', label: 'Puskesmas', votes: 3 },
      { id: 'jalan', label: 'Jalan desa', votes: 2 },
    ],
    vote: '/api/polls/prioritas/votes',
  },
};

let files;
/** The integrity snippet the build writes beside the bundle (`dist/embed.html`). */
let embedHtml;
/** The page a site editor pastes the snippet into. */
let pasted = '';
const servers = [];
let browser;

/**
 * The demo folder, the bundle, a poll and the blank page, with `policy` on the builder's pages;
 * `dist/embed.html` too, the build's own unless `embed` gives other content (a stale file), or
 * none when `embed` is null (a build older than the snippet).
 */
function site(policy, options = {}) {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (path === '/blank/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(pasted);
      return;
    }
    if (path === '/api/polls/current') {
      res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify(POLL));
      return;
    }
    const embed = 'embed' in options ? options.embed : embedHtml;
    if (path === '/dist/embed.html' && embed !== null) {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(embed);
      return;
    }
    if (path.startsWith('/dist/') && files.has(path.slice('/dist/'.length))) {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(files.get(path.slice('/dist/'.length)));
      return;
    }
    const file = normalize(join(DEMO, path.replace(/^\/demo\//, '/').replace(/\/$/, '/index.html')));
    if (!path.startsWith('/demo/') || !file.startsWith(DEMO)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (extname(file) === '.html') headers['content-security-policy'] = policy;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

/** Another site's feeds: one readable from other sites (CORS), one not. */
function otherSite(feed) {
  return createServer((req, res) => {
    if (req.url === '/with-cors.xml') {
      res.writeHead(200, { 'content-type': TYPES['.xml'], 'access-control-allow-origin': '*' }).end(feed);
    } else if (req.url === '/without-cors.xml') {
      res.writeHead(200, { 'content-type': TYPES['.xml'] }).end(feed);
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

let strict;
let checking;
let other;
let noEmbed;
let staleEmbed;

before(async () => {
  files = await bundle();
  embedHtml = (await bundleAssets()).get('embed.html');
  strict = await listen(site(STRICT_POLICY));
  noEmbed = await listen(site(STRICT_POLICY, { embed: null }));
  // Left by the build of another version: its script tag is not the one of the running bundle.
  staleEmbed = await listen(
    site(STRICT_POLICY, { embed: embedHtml.replaceAll(`kabar@${version}/`, 'kabar@0.0.1/') }),
  );
  checking = await listen(site(CHECKING_POLICY));
  other = await listen(otherSite(await readFile(join(DEMO, 'feeds', 'berita.xml'))));
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
});

/** The builder at `base`, with the page's errors collected (CSP violations are console errors). */
async function openBuilder(base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  // Nothing leaves the machine, whatever an address says.
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.goto(`${base}/demo/pasang/`);
  await page.locator('#snippet').filter({ hasText: CDN_SCRIPT }).waitFor({ timeout: 15_000 });
  return { context, page, errors };
}

/** Types `address` into the feed field and waits for the builder's verdict. */
async function check(page, field, address) {
  await page.fill(field, address);
  const status = page.locator(`${field}-status`);
  await status
    .and(page.locator(':not([data-kind="busy"])'))
    .filter({ hasText: /\S/ })
    .waitFor({ timeout: 15_000 });
  return (await status.textContent()).trim();
}

/** What a widget shows: its tag, attributes, accent colour, and the text of its shadow root. */
function widgetOf(page, selector) {
  return page.evaluate(async (selector) => {
    const element = document.querySelector(selector);
    for (let tries = 0; tries < 100 && !element.shadowRoot?.querySelector('[part="item"], form'); tries++) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await element.updateComplete;
    return {
      tag: element.localName,
      attributes: element
        .getAttributeNames()
        .map((name) => `${name}=${element.getAttribute(name)}`)
        .sort(),
      accent: getComputedStyle(element).getPropertyValue('--kabar-color-accent').trim(),
      items: element.shadowRoot.querySelectorAll('[part="item"]').length,
      text: element.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
    };
  }, selector);
}

test('the builder checks a feed as it is typed and says what it found', async () => {
  const { context, page, errors } = await openBuilder(strict);
  assert.match(await check(page, '#feed', `${strict}/demo/feeds/berita.xml`), /^Ditemukan 12 berita/);
  assert.match(await check(page, '#feed', `${strict}/demo/index.html`), /bukan feed/);
  assert.match(await check(page, '#feed', `${strict}/demo/feeds/tidak-ada.xml`), /tidak ditemukan.*404/);
  assert.match(await check(page, '#feed', 'situs-anda.go.id/feed'), /belum lengkap/);
  // Under the demo page's policy, another site's feed is refused by the page itself: it says so.
  assert.match(await check(page, '#feed', `${other}/with-cors.xml`), /kebijakan keamanan/);
  await context.setOffline(true);
  assert.match(await check(page, '#feed', `${strict}/demo/feeds/berita.xml?offline`), /tidak tersambung/);
  await context.setOffline(false);
  assert.deepEqual(
    errors.filter((e) => !/Content Security Policy|Failed to load resource|Fetch API cannot load/.test(e)),
    [],
  );
  // Nothing the builder itself needs is refused by the policy: no inline script or style.
  assert.ok(!errors.some((e) => /script-src|style-src/.test(e)), errors.join('\n'));
  await context.close();
});

test('where the page may connect to other sites, the builder tells CORS from a readable feed', async () => {
  const { context, page } = await openBuilder(checking);
  assert.match(await check(page, '#feed', `${other}/with-cors.xml`), /^Ditemukan 12 berita/);
  assert.match(await check(page, '#feed', `${other}/without-cors.xml`), /CORS/);
  await context.close();
});

test('the snippet, pasted into a blank page, renders the same widget as the preview', async () => {
  const { context, page, errors } = await openBuilder(strict);
  await check(page, '#feed', `${strict}/demo/feeds/berita.xml`);
  await page.selectOption('#layout', 'grid');
  await page.fill('#limit', '3');
  await page.fill('#heading', 'Kabar desa');
  await page.selectOption('#lang', 'en');
  await page.fill('input[name="--kabar-color-accent"]', '#8a1c2b');
  const snippet = await page.locator('#snippet').textContent();
  assert.ok(snippet.startsWith(`<script type="module" src="${CDN_SCRIPT}"></script>`), snippet);
  assert.match(snippet, /--kabar-color-accent: #8a1c2b;/);
  assert.match(snippet, /layout="grid"/);
  assert.doesNotMatch(snippet, /=""/);
  const preview = await widgetOf(page, '#preview > kabar-news-list');
  assert.equal(preview.items, 3);

  pasted = `<!doctype html><html><head><meta charset="utf-8"><title>Halaman kosong</title></head><body>\n${snippet.replace(CDN_SCRIPT, '/dist/kabar.min.js')}\n</body></html>`;
  const blank = await context.newPage();
  await blank.goto(`${strict}/blank/`);
  const shown = await widgetOf(blank, 'kabar-news-list');
  // The preview sets its colour on the element, the snippet in a style block: the same value.
  assert.deepEqual(shown, {
    ...preview,
    attributes: preview.attributes.filter((a) => !a.startsWith('style=')),
  });
  assert.match(shown.text, /Kabar desa/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the integrity option puts the build's embed.html in place of the script tag", async () => {
  assert.match(embedHtml, /<script type="importmap">/);
  const { context, page, errors } = await openBuilder(strict);
  const sri = page.locator('#sri');
  await page.locator('#sri:enabled').waitFor({ timeout: 15_000 });
  const plain = await page.locator('#snippet').textContent();
  assert.ok(plain.startsWith(`<script type="module" src="${CDN_SCRIPT}"></script>\n<kabar-news-list`), plain);

  await sri.check();
  const locked = await page.locator('#snippet').textContent();
  assert.equal(locked, `${embedHtml.trimEnd()}\n${plain.slice(plain.indexOf('\n') + 1)}`);
  assert.match(locked, /<script type="importmap">\n {2}\{\n {4}"integrity": \{/);
  assert.ok(locked.includes(`<script type="module" src="${CDN_SCRIPT}" integrity="sha384-`), locked);
  assert.doesNotMatch(locked, /<script type="module" src="[^"]+"><\/script>/);
  // The preview keeps running the local bundle: still the same widget, no second copy of Kabar.
  assert.equal(await page.locator('#preview > kabar-news-list').count(), 1);

  await sri.uncheck();
  assert.equal(await page.locator('#snippet').textContent(), plain);
  assert.equal(await page.locator('#sri-status').textContent(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [server, what] of [
  [() => noEmbed, 'without embed.html on the server'],
  [() => staleEmbed, 'with the embed.html of another version'],
]) {
  test(`${what}, the integrity option is off and says why`, async () => {
    const { context, page } = await openBuilder(server());
    await page
      .locator('#sri-status')
      .filter({ hasText: /embed\.html/ })
      .waitFor({ timeout: 15_000 });
    assert.match(
      await page.locator('#sri-status').textContent(),
      new RegExp(
        `^Tidak tersedia di sini: .*embed\\.html untuk Kabar ${version.replaceAll('.', '\\.')}.*Kode biasa`,
      ),
    );
    assert.ok(await page.locator('#sri').isDisabled());
    assert.equal(await page.locator('#sri').isChecked(), false);
    const snippet = await page.locator('#snippet').textContent();
    assert.ok(snippet.startsWith(`<script type="module" src="${CDN_SCRIPT}"></script>\n`), snippet);
    assert.doesNotMatch(snippet, /importmap|integrity/);
    await context.close();
  });
}

test('the builder checks a poll address and hands over its snippet', async () => {
  const { context, page } = await openBuilder(strict);
  await page.check('input[name="widget"][value="kabar-poll"]');
  assert.match(await check(page, '#poll', `${strict}/api/polls/current`), /Ditemukan polling.*2 pilihan/);
  const snippet = await page.locator('#snippet').textContent();
  assert.match(snippet, new RegExp(`<kabar-poll src="${strict}/api/polls/current"></kabar-poll>`));
  const preview = await widgetOf(page, '#preview > kabar-poll');
  pasted = `<!doctype html><html><head><meta charset="utf-8"><title>Polling</title></head><body>\n${snippet.replace(CDN_SCRIPT, '/dist/kabar.min.js')}\n</body></html>`;
  const blank = await context.newPage();
  await blank.goto(`${strict}/blank/`);
  assert.deepEqual(await widgetOf(blank, 'kabar-poll'), preview);
  await context.close();
});

/**
 * What a widget shows, with the Kabar elements inside it: tags, attributes (the preview's
 * inline colours left out), accent colour and shadow text, once its text has settled.
 */
function renderedOf(page, selector) {
  return page.evaluate(async (selector) => {
    const root = document.querySelector(selector);
    const elements = () =>
      [root, ...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('kabar-'));
    const text = () =>
      elements()
        .map((e) => e.shadowRoot?.textContent ?? '')
        .join(' | ')
        .replace(/\s+/g, ' ')
        .trim();
    // Settled: the same text twice in a row, after any skeleton has gone.
    let last = '';
    for (let tries = 0; tries < 100; tries++) {
      await Promise.all(elements().map((e) => e.updateComplete));
      await new Promise((done) => setTimeout(done, 100));
      const now = text();
      if (now && now === last && !elements().some((e) => e.shadowRoot?.querySelector('[part~="skeleton"]')))
        break;
      last = now;
    }
    return elements().map((element) => ({
      tag: element.localName,
      attributes: element
        .getAttributeNames()
        .filter((name) => name !== 'style' && name !== 'hidden')
        .map((name) => `${name}=${element.getAttribute(name)}`)
        .sort(),
      accent: getComputedStyle(element).getPropertyValue('--kabar-color-accent').trim(),
      text: (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
  }, selector);
}

/** Each of the other widgets: what an editor sets in the builder, and what its code must hold. */
const WIDGETS = [
  {
    tag: 'kabar-feed',
    async fill(page) {
      await check(page, '#feed', `${strict}/demo/feeds/berita.xml`);
      await page.selectOption('#layout', 'grid');
      await page.fill('#limit', '3');
      await page.fill('#heading', 'Berita utama');
    },
    code: [
      /<kabar-feed src="http:\/\/127\.0\.0\.1:\d+\/demo\/feeds\/berita\.xml">/,
      /\n {2}<kabar-news-list layout="grid" limit="3" heading="Berita utama"><\/kabar-news-list>/,
      /\n {2}<kabar-news-list layout="compact" limit="6" heading="Indeks berita"><\/kabar-news-list>\n<\/kabar-feed>/,
    ],
    shows: /Berita utama.*Indeks berita/,
  },
  {
    tag: 'kabar-article-card',
    async fill(page) {
      await page.fill('#card-heading', 'Posyandu keliling hadir di lima kecamatan');
      await page.fill('#card-href', 'https://sukamulya.example.go.id/berita/posyandu/');
      await page.fill('#card-image', `${strict}/demo/images/posyandu.svg`);
      await page.fill('#card-excerpt', 'Imunisasi dan pemeriksaan ibu hamil dibawa ke desa.');
      await page.selectOption('#layout', 'horizontal');
      await page.selectOption('#heading-level', '2');
    },
    code: [/heading="Posyandu keliling hadir di lima kecamatan"/, /layout="horizontal"/, /heading-level="2"/],
    shows: /Posyandu keliling hadir di lima kecamatan.*26 November 2026/,
  },
  {
    tag: 'kabar-comments',
    async fill(page) {
      await page.selectOption('#provider', 'disqus');
      await page.fill('#shortname', 'pemkab-sukamulya');
      await page.fill('#comments-heading', 'Tanggapan warga');
      await page.selectOption('#load', 'click');
    },
    code: [
      /<kabar-comments\s+provider="disqus"\s+shortname="pemkab-sukamulya"\s+load="click"\s+heading="Tanggapan warga"\s*><\/kabar-comments>/,
    ],
    shows: /Tanggapan warga.*Disqus/,
  },
  {
    tag: 'kabar-comments',
    name: 'kabar-comments (giscus)',
    async fill(page) {
      await page.selectOption('#provider', 'giscus');
      await page.fill('#repo', 'pemkab-sukamulya/berita');
      await page.fill('#repo-id', 'R_kgDOabc');
      await page.fill('#giscus-category', 'Komentar');
      await page.fill('#category-id', 'DIC_kwDOabc');
    },
    code: [/provider="giscus"\s+repo="pemkab-sukamulya\/berita"\s+repo-id="R_kgDOabc"\s+category="Komentar"/],
    shows: /giscus/,
  },
  {
    tag: 'kabar-comments',
    name: "kabar-comments (the site's own)",
    async fill(page) {
      // From Disqus, the default, to the site's own comments: the preview starts afresh.
      await page.selectOption('#provider', '');
    },
    code: [
      /<kabar-comments load="click">\n {2}<!-- Formulir atau daftar komentar situs Anda di sini -->\n<\/kabar-comments>/,
    ],
    shows: /Tampilkan komentar/,
  },
  {
    tag: 'kabar-share-bar',
    async fill(page) {
      await page.fill('#share-url', 'https://sukamulya.example.go.id/berita/posyandu/');
      await page.fill('#utm-source', 'sukamulya-go-id');
      await page.selectOption('#layout', 'column');
      await page.uncheck('input[name="networks"][value="x"]');
    },
    code: [
      /url="https:\/\/sukamulya\.example\.go\.id\/berita\/posyandu\/"/,
      /layout="column"/,
      /networks="[a-z ]+"/,
    ],
    shows: /WhatsApp/,
  },
];

for (const widget of WIDGETS) {
  test(`the ${widget.name ?? widget.tag} snippet, pasted into a blank page, renders the same widget`, async () => {
    const { context, page, errors } = await openBuilder(strict);
    await page.check(`input[name="widget"][value="${widget.tag}"]`);
    await widget.fill(page);
    await page.fill('input[name="--kabar-color-accent"]', '#8a1c2b');
    // The code follows the form once typing pauses.
    await page.waitForTimeout(700);
    const snippet = await page.locator('#snippet').textContent();
    assert.ok(snippet.startsWith(`<script type="module" src="${CDN_SCRIPT}"></script>\n<style>`), snippet);
    assert.match(snippet, new RegExp(`  ${widget.tag} \\{\\n    --kabar-color-accent: #8a1c2b;`));
    for (const pattern of widget.code) assert.match(snippet, pattern);
    assert.doesNotMatch(snippet, /=""/);
    const preview = await renderedOf(page, `#preview > ${widget.tag}`);
    assert.match(preview.map((e) => e.text).join(' '), widget.shows);

    pasted = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Halaman kosong</title></head><body>\n${snippet.replace(CDN_SCRIPT, '/dist/kabar.min.js')}\n</body></html>`;
    const blank = await context.newPage();
    await blank.goto(`${strict}/blank/`);
    const shown = await renderedOf(blank, widget.tag);
    // The preview of comments stops at the consent button, as the code asks here.
    assert.deepEqual(shown, preview);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
