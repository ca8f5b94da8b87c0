/**
 * The checks of the real-WordPress test that need HTTP and a browser. `run.sh` starts WordPress,
 * installs the plugin and writes the state file (the site and the posts it made); this script
 * fetches the pages and checks their markup, opens them in headless Chromium, and drives the
 * dashboard (the settings page and the block editor). It prints one `ok - …` or `not ok - …`
 * line a check; run.sh counts them.
 *
 * Usage: node check.mjs STATE_FILE
 */
/* global AbortSignal, customElements, document, getComputedStyle, window -- page.evaluate() bodies run in the browser */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome, HOW_TO_GET_CHROMIUM } from '../../../scripts/chrome.mjs';

const state = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('../../../custom-elements.json', import.meta.url), 'utf8'));

/** Longest wait for one page or one widget, in milliseconds. */
const WAIT = 30_000;
const ADMIN = { user: 'admin', password: 'kabar-admin-password' };
const SUBSCRIBER = { user: 'warga', password: 'kabar-warga-password' };

let failures = 0;

/** Runs one check: passes unless `body` throws. */
async function check(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures += 1;
    console.log(`not ok - ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function expectEqual(actual, expected, what) {
  expect(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Each element's attributes, as the manifest lists them (plus the global `lang`). */
const allowed = new Map();
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.tagName) {
      allowed.set(
        declaration.tagName,
        new Set([...(declaration.attributes ?? []).map((a) => a.name), 'lang']),
      );
    }
  }
}

function decode(value) {
  return value
    .replace(/&#0*39;|&#x0*27;/gi, "'")
    .replace(/&#0*38;|&amp;/gi, '&')
    .replace(/&quot;|&#0*34;/gi, '"')
    .replace(/&lt;|&#0*60;/gi, '<')
    .replace(/&gt;|&#0*62;/gi, '>');
}

/**
 * The Kabar elements of a page in order, with their attributes. Throws when an opening tag is
 * not a plain list of `name="value"` pairs: a value that broke out of its quotes shows here.
 */
function kabarElements(html) {
  const elements = [];
  for (const match of html.matchAll(/<(kabar-[a-z-]+)([^>]*)>/g)) {
    const [tag, rest] = [match[1], match[2]];
    expect(/^(\s+[a-z][a-z0-9-]*(="[^"<>]*")?)*\s*$/.test(rest), `<${tag}${rest}> is not plain attributes`);
    const attributes = {};
    for (const pair of rest.matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g))
      attributes[pair[1]] = decode(pair[2] ?? '');
    elements.push({ tag, attributes });
  }
  return elements;
}

async function get(url) {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(WAIT) });
  return { status: response.status, html: await response.text() };
}

function countMatches(text, pattern) {
  return [...text.matchAll(pattern)].length;
}

// What each page's elements must carry, in page order: attribute => value (undefined: absent).
const feed = state.feed;
const expectedShortcodes = [
  [
    'kabar-news-list',
    {
      src: feed,
      limit: '5',
      layout: 'grid',
      heading: 'Berita Terkini',
      loading: 'eager',
      images: 'off',
      lang: 'id',
    },
  ],
  [
    'kabar-news-list',
    {
      src: feed,
      heading: 'Tajuk "kutip" & tebal',
      category: 'Pengumuman',
      limit: undefined,
      layout: undefined,
      onclick: undefined,
      foo: undefined,
    },
  ],
  ['kabar-article-card', { heading: state.shortcodes.title, href: state.shortcodes.url }],
  [
    'kabar-article-card',
    {
      heading: state.plain.title,
      href: state.plain.url,
      layout: 'horizontal',
      'heading-level': '2',
      category: 'Pengumuman',
      loading: undefined,
    },
  ],
  ['kabar-article-card', { heading: state.protected.title, href: state.protected.url, excerpt: undefined }],
  ['kabar-poll', { src: state.pollUrl }],
  [
    'kabar-share-bar',
    {
      url: state.shortcodes.url,
      text: state.shortcodes.title,
      networks: 'whatsapp facebook copy',
      layout: 'icons',
      native: 'never',
      'utm-source': 'situs-kabupaten',
    },
  ],
  [
    'kabar-comments',
    {
      provider: 'disqus',
      shortname: 'kabupaten-sukamulya',
      load: 'click',
      heading: 'Tanggapan Warga',
      url: state.shortcodes.url,
      title: state.shortcodes.title,
    },
  ],
];
const expectedBlocks = [
  [
    'kabar-news-list',
    { src: feed, heading: state.hostile, limit: '3', layout: 'compact', onclick: undefined },
  ],
  ['kabar-news-list', { src: feed, category: 'Pengumuman', limit: undefined, layout: undefined }],
  [
    'kabar-article-card',
    {
      heading: state.second.title,
      href: state.second.url,
      'heading-level': '4',
      excerpt: 'Vaksinasi dibuka setiap Senin dan Kamis.',
    },
  ],
  [
    'kabar-article-card',
    { heading: 'Artikel di situs lain', href: 'https://berita.example/artikel/1', layout: 'compact' },
  ],
  ['kabar-poll', { src: state.pollUrl, loading: 'lazy' }],
  [
    'kabar-share-bar',
    {
      url: state.blocks.url,
      text: state.blocks.title,
      networks: 'whatsapp telegram',
      'utm-source': 'situs',
      'utm-campaign': undefined,
    },
  ],
  ['kabar-comments', { provider: 'disqus', load: 'click', heading: 'Komentar', url: state.blocks.url }],
];

async function checkMarkup(label, page, expected) {
  const { status, html } = await get(page.url);
  await check(`${label}: the page answers 200`, () => expectEqual(status, 200, 'status'));

  await check(`${label}: exactly one kabar.min.js, as a module`, () => {
    const tags = [...html.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => tag.includes('kabar.min.js'));
    expectEqual(tags.length, 1, 'script tags loading kabar.min.js');
    expect(/\btype="module"/.test(tags[0]), `not a module: ${tags[0]}`);
    expect(
      tags[0].includes('/wp-content/plugins/kabar/assets/kabar/kabar.min.js?ver='),
      `not the bundled copy with the plugin's version: ${tags[0]}`,
    );
    expectEqual(countMatches(html, /kabar\.min\.js/g), 1, 'mentions of kabar.min.js');
  });

  let elements = [];
  await check(`${label}: every Kabar tag is plain, escaped attributes`, () => {
    elements = kabarElements(html);
  });
  await check(`${label}: only attributes the elements define (custom-elements.json)`, () => {
    for (const { tag, attributes } of elements) {
      for (const name of Object.keys(attributes)) expect(allowed.get(tag)?.has(name), `<${tag}> has ${name}`);
    }
  });
  await check(`${label}: every shortcode or block gives its element (a draft's card none)`, () => {
    expect(!html.includes('Draf rahasia'), "the draft's title is on the page");
    expect(!html.includes('pegawai saja'), "the protected post's text is on the page");
    expectEqual(elements.map((e) => e.tag).join(' '), expected.map(([tag]) => tag).join(' '), 'elements');
  });
  for (const [index, [tag, attributes]] of expected.entries()) {
    const shown = Object.entries(attributes)
      .map(([name, value]) => (value === undefined ? `no ${name}` : name))
      .join(', ');
    await check(`${label}: <${tag}> #${index + 1} has ${shown}`, () => {
      const element = elements[index];
      expect(element?.tag === tag, `element ${index + 1} is ${element?.tag}`);
      for (const [name, value] of Object.entries(attributes))
        expectEqual(element.attributes[name], value, name);
      expectEqual(element.attributes.lang, 'id', 'lang');
    });
  }

  await check(`${label}: the theme colours are --kabar-* properties, the bad one left out`, () => {
    const style = html.match(/<style[^>]*id=['"]kabar-inline-css['"][^>]*>([^<]*)<\/style>/)?.[1] ?? '';
    expect(style.includes('kabar-news-list'), `no Kabar style: ${style}`);
    expect(style.includes('--kabar-color-accent:#8a1538;'), `no accent: ${style}`);
    expect(style.includes('--kabar-color-text:#1D3557;'), `no text colour: ${style}`);
    expect(
      !style.includes('display:none') && !style.includes('--kabar-color-link'),
      `a refused colour is there: ${style}`,
    );
  });
}

/** Text inside an element's shadow root, or '' while it has none. */
function shadowText(page, selector, index = 0) {
  return page.evaluate(
    ([selector, index]) => document.querySelectorAll(selector)[index]?.shadowRoot?.textContent ?? '',
    [selector, index],
  );
}

async function waitForShadowText(page, selector, index, text) {
  try {
    await page.waitForFunction(
      ([selector, index, text]) =>
        document.querySelectorAll(selector)[index]?.shadowRoot?.textContent?.includes(text),
      [selector, index, text],
      { timeout: WAIT },
    );
  } catch (error) {
    const shown = (await shadowText(page, selector, index)).replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new Error(`"${text}" not in ${selector} #${index + 1}, which shows "${shown}" (${error.message})`);
  }
}

async function checkBrowser(browser, label, post, blockedOut) {
  const context = await browser.newContext();
  await guard(context, blockedOut);
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  try {
    await page.goto(post.url, { waitUntil: 'load', timeout: WAIT });
    await check(`${label} in Chromium: the module defines the elements`, async () => {
      await page.waitForFunction(
        () =>
          ['kabar-news-list', 'kabar-article-card', 'kabar-poll', 'kabar-share-bar', 'kabar-comments'].every(
            (tag) => customElements.get(tag),
          ),
        null,
        { timeout: WAIT },
      );
    });
    await check(`${label} in Chromium: the news list shows the site's posts from its RSS feed`, async () => {
      // Its newest three at least (the blocks' list shows three).
      await waitForShadowText(page, 'kabar-news-list', 0, state.blocks.title);
      await waitForShadowText(page, 'kabar-news-list', 0, state.shortcodes.title);
      await waitForShadowText(page, 'kabar-news-list', 0, state.second.title);
    });
    await check(`${label} in Chromium: the category list shows only that category`, async () => {
      await waitForShadowText(page, 'kabar-news-list', 1, state.plain.title);
      const text = await shadowText(page, 'kabar-news-list', 1);
      expect(!text.includes(state.second.title), `it shows "${state.second.title}"`);
    });
    await check(`${label} in Chromium: the share bar carries the post's permalink`, async () => {
      const shared = await page.evaluate(() => {
        const bar = document.querySelector('kabar-share-bar');
        const links = [...(bar?.shadowRoot?.querySelectorAll('a[href]') ?? [])].map((a) => a.href);
        return { url: bar?.url, shareUrl: bar?.shareUrl, links };
      });
      expectEqual(shared.url, post.url, 'url');
      expect(shared.shareUrl?.startsWith(post.url), `shareUrl ${shared.shareUrl}`);
      expect(shared.links.length > 0, 'no share links');
      const encoded = encodeURIComponent(post.url);
      expect(
        shared.links.every((href) => href.includes(encoded) || href.includes(encodeURIComponent(encoded))),
        `a link without the permalink: ${shared.links.join(' ')}`,
      );
    });
    await check(`${label} in Chromium: the article cards show their articles`, async () => {
      const first = label === 'shortcodes' ? state.shortcodes.title : state.second.title;
      await waitForShadowText(page, 'kabar-article-card', 0, first);
      await waitForShadowText(
        page,
        'kabar-article-card',
        1,
        label === 'shortcodes' ? state.plain.title : 'Artikel di situs lain',
      );
    });
    await check(`${label} in Chromium: the poll shows its question`, async () => {
      await page.locator('kabar-poll').scrollIntoViewIfNeeded({ timeout: WAIT });
      await waitForShadowText(page, 'kabar-poll', 0, 'Layanan mana yang paling perlu diperbaiki?');
    });
    await check(`${label} in Chromium: comments wait for the reader's consent`, async () => {
      await page.waitForFunction(
        () => document.querySelector('kabar-comments')?.shadowRoot?.querySelector('button'),
        null,
        { timeout: WAIT },
      );
    });
    await check(`${label} in Chromium: the theme colour reaches the widgets`, async () => {
      const accent = await page.evaluate(() =>
        getComputedStyle(document.querySelector('kabar-news-list'))
          .getPropertyValue('--kabar-color-accent')
          .trim(),
      );
      expectEqual(accent, '#8a1538', '--kabar-color-accent');
    });
    await check(`${label} in Chromium: no script ran from an attribute, no page error`, async () => {
      expectEqual(await page.evaluate(() => window.kabarXss), undefined, 'window.kabarXss');
      expectEqual(dialogs.join(' | '), '', 'dialogs');
      expectEqual(errors.join(' | '), '', 'page errors');
    });
  } finally {
    await context.close();
  }
}

/** Keeps every request on 127.0.0.1: anything else is refused and remembered. */
async function guard(context, blockedOut) {
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1') return route.continue();
    blockedOut.add(route.request().url());
    return route.abort();
  });
}

async function logIn(browser, who, blockedOut) {
  const context = await browser.newContext();
  await guard(context, blockedOut);
  const page = await context.newPage();
  await page.goto(`${state.site}/wp-login.php`, { timeout: WAIT });
  await page.fill('#user_login', who.user);
  await page.fill('#user_pass', who.password);
  await Promise.all([page.waitForURL(/wp-admin/, { timeout: WAIT }), page.click('#wp-submit')]);
  return { context, page };
}

async function checkSettings(browser, blockedOut) {
  const settingsUrl = `${state.site}/wp-admin/options-general.php?page=kabar`;
  const { context, page } = await logIn(browser, ADMIN, blockedOut);
  try {
    await page.goto(settingsUrl, { timeout: WAIT });
    await check('settings page: an administrator sees the form with its nonce', async () => {
      expectEqual(await page.inputValue('input[name="option_page"]'), 'kabar', 'option_page');
      expect((await page.inputValue('input[name="_wpnonce"]')).length > 0, 'no nonce');
      expectEqual(
        await page.inputValue('#kabar-disqus-shortname'),
        'kabupaten-sukamulya',
        'the saved shortname',
      );
    });
    await check('settings page: saving checks every value', async () => {
      await page.fill('#kabar-colours-accent', '#0b6e4f');
      await page.fill('#kabar-poll-url', 'ftp://files.example/poll.json');
      await page.evaluate(() => document.querySelector('#kabar-poll-url').setAttribute('type', 'text'));
      await Promise.all([page.waitForURL(/settings-updated=true/, { timeout: WAIT }), page.click('#submit')]);
      const notices = await page.locator('.notice, .error, .updated').allTextContents();
      expect(
        notices.some((text) => text.includes('poll_url')),
        `no notice about poll_url: ${notices.join(' | ')}`,
      );
      expectEqual(await page.inputValue('#kabar-poll-url'), state.pollUrl, 'the kept poll URL');
      const { html } = await get(state.blocks.url);
      expect(html.includes('--kabar-color-accent:#0b6e4f;'), 'the new accent is not on the page');
    });
    await check('settings page: a post without a valid nonce changes nothing', async () => {
      const response = await context.request.post(`${state.site}/wp-admin/options.php`, {
        form: {
          option_page: 'kabar',
          action: 'update',
          _wpnonce: 'forged',
          'kabar_settings[colours][accent]': '#000000',
        },
        maxRedirects: 0,
        timeout: WAIT,
      });
      expectEqual(response.status(), 403, 'status');
      const { html } = await get(state.blocks.url);
      expect(html.includes('--kabar-color-accent:#0b6e4f;'), 'the accent changed');
    });
    await checkEditor(page);
  } finally {
    await context.close();
  }

  const subscriber = await logIn(browser, SUBSCRIBER, blockedOut);
  try {
    await check('settings page: a subscriber is refused', async () => {
      const response = await subscriber.page.goto(settingsUrl, { timeout: WAIT });
      expectEqual(response.status(), 403, 'status');
      expectEqual(await subscriber.page.locator('input[name="option_page"]').count(), 0, 'forms');
    });
  } finally {
    await subscriber.context.close();
  }
}

async function checkEditor(page) {
  await page.goto(`${state.site}/wp-admin/post-new.php`, { timeout: WAIT });
  await check('block editor: the five Kabar blocks are registered', async () => {
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('kabar/komentar'), null, {
      timeout: WAIT,
    });
    const names = await page.evaluate(() =>
      window.wp.blocks
        .getBlockTypes()
        .map((block) => block.name)
        .filter((name) => name.startsWith('kabar/'))
        .sort(),
    );
    expectEqual(
      names.join(' '),
      'kabar/artikel kabar/bagikan kabar/berita kabar/komentar kabar/polling',
      'blocks',
    );
  });
  await check('block editor: a news list block shows a live preview with its options', async () => {
    await page.evaluate(() => {
      const block = window.wp.blocks.createBlock('kabar/berita', {
        heading: 'Pratinjau',
        category: 'Pengumuman',
      });
      window.wp.data.dispatch('core/block-editor').insertBlocks(block);
      window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    });
    await page.waitForFunction(
      () =>
        document
          .querySelector('kabar-news-list[heading="Pratinjau"]')
          ?.shadowRoot?.textContent?.includes('Pasar rakyat'),
      null,
      { timeout: WAIT },
    );
    const labels = await page.locator('.block-editor-block-inspector label').allTextContents();
    for (const label of ['Layout', 'Heading', 'Loading'])
      expect(labels.includes(label), `no "${label}" option in ${labels.join(', ')}`);
  });
}

const executablePath = await findChrome();
if (!executablePath) {
  console.log(`not ok - a Chromium for the browser checks\n${HOW_TO_GET_CHROMIUM}`);
  process.exit(1);
}

await check('the RSS feed lists the posts', async () => {
  const { status, html } = await get(feed);
  expectEqual(status, 200, 'status');
  expect(html.includes(state.plain.title) && html.includes(state.second.title), 'a post is missing');
});
await check('a page without Kabar gets no script, style or element', async () => {
  const { status, html } = await get(state.plain.url);
  expectEqual(status, 200, 'status');
  expect(!html.includes('kabar.min.js'), 'kabar.min.js is there');
  expect(!html.includes('<kabar-'), 'a Kabar element is there');
  expect(!html.includes('--kabar-'), 'the Kabar style is there');
});
await checkMarkup('shortcodes', state.shortcodes, expectedShortcodes);
await checkMarkup('blocks', state.blocks, expectedBlocks);

const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS, timeout: WAIT });
// Requests to other hosts are refused everywhere; the Kabar pages must not even try. (The
// dashboard does: WordPress's block editor shows a welcome picture from its own site.)
const fromPages = new Set();
const fromDashboard = new Set();
try {
  await checkBrowser(browser, 'shortcodes', state.shortcodes, fromPages);
  await checkBrowser(browser, 'blocks', state.blocks, fromPages);
  await check('the Kabar pages ask nothing of any host but 127.0.0.1', () => {
    expectEqual([...fromPages].join(' '), '', 'requests refused');
  });
  await checkSettings(browser, fromDashboard);
} finally {
  await browser.close();
}

process.exitCode = failures > 0 ? 1 : 0;
