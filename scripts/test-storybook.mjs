/* global document, window, requestAnimationFrame, getComputedStyle -- functions passed to page.evaluate run in the browser */
/**
 * `npm run test:storybook`: a smoke test of the static Storybook (run `npm run build-storybook`
 * first). It serves `storybook-static/` on localhost, opens every story of its `index.json` in
 * Chromium and fails on a render error, a console error, an uncaught exception, a request that
 * leaves localhost, a broken image, an axe violation, or a story still loading 5 s after it
 * rendered (or, tagged `loading`, showing no loading state). Every story is checked in the
 * default theme and language; stories tagged `every-theme` (each element's main states) also in
 * every toolbar theme and language. Every element's docs page must render and list the
 * attributes, events, parts and CSS custom properties of the manifest.
 *
 * What a story hands over is checked too: its code ("Show code") starts with the versioned
 * script tag and holds the element as a site writes it (no story-only wrapper, no fixture or
 * mock URL, no empty attribute); the story fits a 390 px wide screen; and every control of
 * each element, set to another value (as the Controls panel sets it), changes the element's
 * attributes, custom properties or rendered shadow DOM. The embed builder the build carries
 * (`demo/pasang/`) must load without an error, show its example widget and its code, and fit
 * a phone.
 *
 * Options: `--filter <text>` checks only the stories whose id contains it.
 * Ends with one plain line, `N passed, N failed`.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, HOW_TO_GET_CHROMIUM, findChrome } from './chrome.mjs';

const ROOT = resolve('storybook-static');
const { version: VERSION } = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
/** The line every story's code starts with. */
const SCRIPT_TAG = `<script type="module" src="https://cdn.jsdelivr.net/npm/kabar@${VERSION}/dist/kabar.min.js"></script>`;
/** A phone's width: no story may be wider. */
const PHONE_WIDTH = 390;
/** What only works inside Storybook, and must never be in the code a story hands over. */
const STORY_ONLY = ['kabar-story-', 'fixtures/', '/mock/', 'forum-desa', 'forum-rusak'];
/** Empty attributes that mean something (`label=""`: no visible heading); any other is a leftover. */
const MEANINGFUL_EMPTY = ['label=""'];
const THEMES = ['default', 'dark', 'regency'];
const LANGUAGES = ['id', 'en', 'su', 'jv'];
const CONCURRENCY = 2;
/** Stories with this tag (each element's main states) are checked in every theme and language too. */
const EVERY_THEME_TAG = 'every-theme';
/** Stories with this tag show an element still loading, on purpose. */
const LOADING_TAG = 'loading';
/** How long any other story's elements may stay busy after it rendered. */
const SETTLE_MS = 5_000;
/** axe rules about whole pages; a story is a fragment of a page. */
const PAGE_RULES = { region: { enabled: false } };

const filterAt = process.argv.indexOf('--filter');
const filter = filterAt > 0 ? process.argv[filterAt + 1] : '';

if (!existsSync(join(ROOT, 'index.json'))) {
  console.error(
    'storybook-static/index.json is missing: run `npm run build-storybook` first.\n\n0 passed, 1 failed',
  );
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A static file server for the build, on a free port of 127.0.0.1. */
function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const axeSource = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const manifest = JSON.parse(readFileSync(resolve('custom-elements.json'), 'utf8'));
const index = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((entry) => !filter || entry.id.includes(filter));

const chrome = await findChrome();
if (!chrome) {
  console.error(`${HOW_TO_GET_CHROMIUM}\n\n0 passed, 1 failed`);
  process.exit(1);
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chrome, args: CHROME_FLAGS });
const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' });

/** Collects what goes wrong on a page while one check runs. */
function watch(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

// Nothing leaves localhost: a story that fetches from the internet fails.
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  return route.abort('blockedbyclient');
});

/** Waits for Storybook to render the story (or its error), then for every Kabar element to settle. */
async function settle(page) {
  await page.waitForFunction(
    () =>
      ['sb-show-main', 'sb-show-errordisplay', 'sb-show-nopreview'].some((c) =>
        document.body.classList.contains(c),
      ),
    undefined,
    { timeout: 15_000 },
  );
  const error = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay') ||
    document.body.classList.contains('sb-show-nopreview')
      ? (document.querySelector('#error-message')?.textContent ?? 'render error').trim()
      : '',
  );
  if (error) return `render error: ${error}`;
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
    const kabar = () => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName.startsWith('kabar-')) found.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    };
    // Twice: a loader answers, then the task completes and the element renders again.
    for (let round = 0; round < 3; round++) {
      await Promise.all(kabar().map((el) => el.updateComplete));
      await frame();
    }
    // Images inside shadow roots: wait until each loads or fails.
    const images = kabar().flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])]);
    await Promise.all(images.map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
  });
  const broken = await page.evaluate(() => {
    const bad = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'img' && el.complete && el.naturalWidth === 0) bad.push(el.src);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return bad;
  });
  return broken.length ? `broken images: ${broken.join(', ')}` : '';
}

/** The Kabar elements that say they are loading (`aria-busy="true"` in their shadow root). */
function busyElements(page) {
  return page.evaluate(() => {
    const busy = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        if (el.localName.startsWith('kabar-') && el.shadowRoot.querySelector('[aria-busy="true"]')) {
          busy.push(`<${el.localName}>`);
        }
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return busy;
  });
}

/**
 * A story shows the state it is named for: a `loading` one an element loading, any other its
 * elements done loading within `SETTLE_MS` (a widget waiting for ever, such as for a stand-in
 * that never arrived, would otherwise pass every other check).
 */
async function checkSettled(page, entry) {
  if (entry.tags?.includes(LOADING_TAG)) {
    return (await busyElements(page)).length ? '' : `tagged "${LOADING_TAG}", but no element is loading`;
  }
  const start = Date.now();
  let busy;
  while ((busy = await busyElements(page)).length && Date.now() - start < SETTLE_MS) {
    await page.waitForTimeout(100);
  }
  return busy.length ? `still loading ${SETTLE_MS / 1000} s after rendering: ${busy.join(', ')}` : '';
}

async function axe(page, root = '#storybook-root') {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ rules, root }) => {
      const result = await window.axe.run(document.querySelector(root), { rules });
      return result.violations.map(
        (v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
      );
    },
    { rules: PAGE_RULES, root },
  );
}

/**
 * Shows a story in a page that already runs the Storybook preview, through its channel (as
 * the Storybook UI does): much faster than loading the preview again for every story.
 */
async function showStory(page, storyId, globals) {
  return page.evaluate(
    ({ storyId, globals }) =>
      new Promise((done) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        // The code the docs show for the story, for the check that follows.
        window.__kabarSnippet = undefined;
        if (!window.__kabarListening) {
          window.__kabarListening = true;
          channel.on('storybook/docs/snippet-rendered', (snippet) => {
            if (snippet.id === window.__kabarStory) window.__kabarSnippet = snippet.source;
          });
        }
        window.__kabarStory = storyId;
        const handlers = {
          storyRendered: (id) => id === storyId && finish(''),
          storyErrored: (error) => finish(`render error: ${error.title} ${error.description}`),
          storyThrewException: (error) => finish(`render exception: ${error.message}`),
          storyMissing: (id) => finish(`story missing: ${id}`),
        };
        const timer = setTimeout(() => finish('the story did not render within 15 s'), 15_000);
        function finish(result) {
          clearTimeout(timer);
          for (const [event, handler] of Object.entries(handlers)) channel.off(event, handler);
          done(result);
        }
        for (const [event, handler] of Object.entries(handlers)) channel.on(event, handler);
        channel.emit('updateGlobals', { globals });
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    { storyId, globals },
  );
}

async function checkStory(page, problems, entry, variant) {
  const [name, value] = variant ? variant.split(':') : [];
  const theme = name === 'theme' ? value : 'default';
  const lang = name === 'lang' ? value : 'id';
  // The a11y addon's own run is off (`a11y.manual`): this script runs axe itself.
  const globals = { theme, lang, a11y: { manual: true } };
  const shown = await showStory(page, entry.id, globals);
  if (shown) {
    problems.push(shown);
    return;
  }
  // The toolbar's globals are in force: the decorators' wrappers say so.
  await page.waitForFunction(
    ({ theme, lang }) =>
      document.querySelector(
        `#storybook-root .kabar-story-theme[data-theme="${theme}"] .kabar-story-lang[lang="${lang}"]`,
      ),
    { theme, lang },
    { timeout: 5_000 },
  );
  const rendered = (await settle(page)) || (await checkSettled(page, entry));
  if (rendered) problems.push(rendered);
  else problems.push(...(await axe(page)));
  if (!variant) {
    problems.push(...(await checkCode(page, entry)));
    problems.push(...(await checkPhoneWidth(page)));
  }
}

/** The story's code: the embed code a site can paste (see stories/support/embed-code.ts). */
async function checkCode(page, entry) {
  const source = await page
    .waitForFunction(() => window.__kabarSnippet, undefined, { timeout: 5_000 })
    .then((handle) => handle.jsonValue())
    .catch(() => '');
  if (!source) return ['code: the story showed no code'];
  const problems = [];
  if (!source.startsWith(SCRIPT_TAG)) problems.push(`code: does not start with ${SCRIPT_TAG}`);
  const tag = entry.title.split('/').pop();
  if (!source.includes(`<${tag}`)) problems.push(`code: no <${tag}> element`);
  for (const text of STORY_ONLY) {
    if (source.includes(text)) problems.push(`code: holds "${text}", which works only in Storybook`);
  }
  const empty = (source.match(/[\w-]+=""/g) ?? []).filter((a) => !MEANINGFUL_EMPTY.includes(a));
  if (empty.length) problems.push(`code: empty attributes ${empty.join(', ')}`);
  return problems;
}

/** The story at a phone's width: nothing wider than the screen. */
async function checkPhoneWidth(page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: viewport.height });
  try {
    const width = await page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return document.documentElement.scrollWidth;
    });
    return width > PHONE_WIDTH
      ? [`${width} px wide at ${PHONE_WIDTH} px: it overflows a phone's screen`]
      : [];
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Another value for a control: what a designer might set instead of `current`. */
function otherValue(argType, current) {
  const type = argType.control?.type;
  const options = argType.options ?? [];
  if (type === 'check' || type === 'inline-check' || type === 'multi-select') {
    const same = (a) => JSON.stringify(a) === JSON.stringify(current ?? []);
    return [[options[0]], [options[1]], options.slice(0, 2)].find((value) => !same(value));
  }
  // Not '' (for `format`, "detect"): it means the same as no value.
  if (options.length) return options.find((option) => option !== current && option !== '');
  if (type === 'boolean') return !current;
  if (type === 'number' || type === 'range') return (Number(current) || 0) + 1;
  if (type === 'color') return current === '#c0ffee' ? '#123456' : '#c0ffee';
  return current ? `${current} uji` : 'uji';
}

/** What a control may change: the element's attributes, custom properties and rendered shadow DOM. */
function snapshot(page, tag, customProperties) {
  return page.evaluate(
    ({ tag, customProperties }) => {
      const element = document.querySelector(`#storybook-root ${tag}`);
      if (!element) return '';
      const shadow = (root) =>
        [...root.querySelectorAll('*')]
          .map((el) => `${el.outerHTML.length}:${el.shadowRoot ? shadow(el.shadowRoot) : ''}`)
          .join('|') + (root.innerHTML ?? '');
      const style = getComputedStyle(element);
      return JSON.stringify([
        [...element.attributes].map((a) => `${a.name}=${a.value}`).sort(),
        customProperties.map((name) => style.getPropertyValue(name)),
        element.shadowRoot ? shadow(element.shadowRoot) : '',
      ]);
    },
    { tag, customProperties },
  );
}

/** Sets `args` through the channel, as the Controls panel does (and `{}` resets them). */
function updateArgs(page, storyId, args) {
  return page.evaluate(
    ({ storyId, args }) => {
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      if (args) channel.emit('updateStoryArgs', { storyId, updatedArgs: args });
      else channel.emit('resetStoryArgs', { storyId });
    },
    { storyId, args },
  );
}

/** Waits (bounded) until `test` holds for the element's snapshot; returns the last snapshot. */
async function waitForSnapshot(page, tag, customProperties, test) {
  let last = '';
  for (let tries = 0; tries < 30; tries++) {
    last = await snapshot(page, tag, customProperties);
    if (test(last)) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

/** Every control listed for the story's element changes the element. */
async function checkControls(page, problems, entry) {
  const shown = await showStory(page, entry.id, { theme: 'default', lang: 'id', a11y: { manual: true } });
  if (shown) {
    problems.push(shown);
    return;
  }
  await settle(page);
  const prepared = await page.evaluate(async (storyId) => {
    const store = window.__STORYBOOK_PREVIEW__.storyStoreValue;
    const story = await store.loadStory({ storyId });
    // Functions (loaders, storage) do not cross into the test; only values a control sets matter.
    const args = Object.fromEntries(
      Object.entries(store.args.get(storyId)).filter(([, value]) => typeof value !== 'function'),
    );
    return JSON.parse(JSON.stringify({ argTypes: story.argTypes, args }));
  }, entry.id);
  if (!prepared) {
    problems.push('controls: the story sent no arg types');
    return;
  }
  const tag = entry.title.split('/').pop();
  const controls = Object.entries(prepared.argTypes).filter(
    ([, argType]) => argType.control && argType.control.type && !argType.table?.disable,
  );
  if (controls.length === 0) problems.push('controls: none listed');
  const customProperties = controls.map(([name]) => name).filter((name) => name.startsWith('--'));
  for (const [name, argType] of controls) {
    const before = await waitForSnapshot(page, tag, customProperties, Boolean);
    const value = otherValue(argType, prepared.args[name]);
    await updateArgs(page, entry.id, { [name]: value });
    const after = await waitForSnapshot(page, tag, customProperties, (now) => now && now !== before);
    if (!after || after === before) {
      problems.push(`control "${name}" set to ${JSON.stringify(value)} changed nothing on <${tag}>`);
    }
    await updateArgs(page, entry.id, undefined);
    await waitForSnapshot(page, tag, customProperties, (now) => now === before);
  }
  // A control set in the story's link (`args=`), as a designer shares it, reaches the element too.
  const linked = controls.find(([, argType]) => argType.options?.length);
  if (linked) {
    const [name, argType] = linked;
    const value = otherValue(argType, prepared.args[name]);
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=story&args=${name}:${value}`);
    await settle(page);
    const shown = await page.evaluate(
      ({ tag, name }) => document.querySelector(`#storybook-root ${tag}`)?.getAttribute(name),
      { tag, name },
    );
    if (shown !== value) problems.push(`the link's args=${name}:${value} showed ${name}="${shown}"`);
  }
}

/**
 * Every docs page fits a phone and links only to pages that exist; an element's docs page must
 * show every attribute, event, slot, part and custom property of the element.
 */
async function checkDocs(page, problems, entry) {
  await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-main') ||
      document.body.classList.contains('sb-show-errordisplay'),
    undefined,
    { timeout: 15_000 },
  );
  // An element's page is measured once its table of attributes is there (the widest part).
  if (entry.tags?.includes('autodocs')) {
    await page.waitForSelector('.docblock-argstable', { timeout: 15_000 }).catch(() => undefined);
  }
  problems.push(...(await checkPhoneWidth(page)));
  // Links between pages (the Introduction's gallery) lead to pages that exist.
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href*="?path=/docs/"]')].map((a) => a.getAttribute('href')),
  );
  for (const href of links) {
    const id = /\?path=\/docs\/([^&#]+)/.exec(href)?.[1];
    if (!index.entries[id]) problems.push(`docs: link to a page that does not exist: ${href}`);
  }
  if (entry.type !== 'docs' || !entry.tags?.includes('autodocs')) return;
  const tagName = entry.title.split('/').pop();
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  if (!element) return;
  await page.waitForSelector('.docblock-argstable', { timeout: 15_000 }).catch(() => undefined);
  const text = await page.evaluate(() => document.querySelector('.docblock-argstable')?.textContent ?? '');
  if (!text) {
    problems.push('docs: no argument table');
    return;
  }
  const expected = [
    ...(element.attributes ?? []).map((a) => a.name),
    ...(element.events ?? []).map((e) => e.name),
    ...(element.cssParts ?? []).map((p) => p.name),
    ...(element.cssProperties ?? []).map((p) => p.name),
    ...(element.slots ?? []).map((s) => s.name),
    // Descriptions too (their Markdown backticks become code elements).
    ...(element.cssProperties ?? []).map((p) => p.description?.replaceAll('`', '')),
  ].filter(Boolean);
  const missing = expected.filter((name) => !text.includes(name));
  if (missing.length) problems.push(`docs table is missing: ${missing.join(', ')}`);
}

const docsJobs = [];
const storyJobs = [];
const controlJobs = [];
/** The controls are an element's: checked on the first story of each element. */
const controlsChecked = new Set();
for (const entry of entries) {
  if (entry.type === 'story' && entry.title.startsWith('Elements/') && !controlsChecked.has(entry.title)) {
    controlsChecked.add(entry.title);
    controlJobs.push({ name: `${entry.id} (controls)`, run: (page, p) => checkControls(page, p, entry) });
  }
  if (entry.type === 'docs') {
    docsJobs.push({ name: `${entry.id} (docs)`, run: (page, problems) => checkDocs(page, problems, entry) });
    continue;
  }
  storyJobs.push({ name: entry.id, run: (page, p) => checkStory(page, p, entry, '') });
  if (entry.tags?.includes(EVERY_THEME_TAG)) {
    const variants = [
      ...THEMES.filter((t) => t !== 'default').map((t) => `theme:${t}`),
      ...LANGUAGES.filter((l) => l !== 'id').map((l) => `lang:${l}`),
    ];
    for (const variant of variants) {
      storyJobs.push({
        name: `${entry.id} [${variant}]`,
        run: (page, p) => checkStory(page, p, entry, variant),
      });
    }
  }
}
const firstStory = entries.find((entry) => entry.type === 'story');
if (!filter || 'pasang'.includes(filter)) {
  docsJobs.push({
    name: 'demo/pasang (embed builder)',
    run: (page, problems) => checkBuilder(page, problems),
  });
}

/** The embed builder in the static build: loads, shows a widget and its code, fits a phone. */
async function checkBuilder(page, problems) {
  if (!existsSync(join(ROOT, 'demo', 'pasang', 'index.html'))) {
    problems.push('demo/pasang/ is not in the build: `npm run build` must run before `storybook build`');
    return;
  }
  await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
  await page.goto(`${origin}/demo/pasang/`, { waitUntil: 'load' });
  await page.waitForFunction(
    (script) => document.querySelector('#snippet')?.textContent.startsWith(script),
    SCRIPT_TAG,
    { timeout: 15_000 },
  );
  await page.waitForFunction(
    () => document.querySelector('#preview kabar-news-list')?.shadowRoot?.querySelector('[part="item"]'),
    undefined,
    { timeout: 15_000 },
  );
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE_WIDTH)
    problems.push(`${width} px wide at ${PHONE_WIDTH} px: it overflows a phone's screen`);
  problems.push(...(await axe(page, 'body')));
}

let passed = 0;
let failed = 0;
const started = Date.now();

/** A page running the Storybook preview, with its problems collected from now on. */
async function previewPage() {
  const page = await context.newPage();
  const problems = watch(page);
  if (firstStory) {
    await page.goto(`${origin}/iframe.html?id=${firstStory.id}&viewMode=story&globals=a11y.manual:!true`);
    await settle(page);
  }
  problems.length = 0;
  return { page, problems };
}

function report(name, problems, since) {
  const took = process.env.KABAR_SB_TIMES ? ` (${Date.now() - since} ms)` : '';
  if (problems.length) {
    failed++;
    console.log(`✗ ${name}${took}\n${problems.map((p) => `    ${p}`).join('\n')}`);
  } else {
    passed++;
    console.log(`✓ ${name}${took}`);
  }
}

async function worker() {
  let current = await previewPage();
  for (let job = storyJobs.shift(); job; job = storyJobs.shift()) {
    const since = Date.now();
    try {
      await job.run(current.page, current.problems);
    } catch (error) {
      current.problems.push(`check failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
    const problems = [...current.problems];
    report(job.name, problems, since);
    if (problems.length) {
      // Start the next story from a clean preview.
      await current.page.close();
      current = await previewPage();
    } else {
      current.problems.length = 0;
    }
  }
  await current.page.close();
  // Controls set values a story was not made for (a poll address that answers 404, say): the
  // page's own complaints about them are not the check's concern, only whether they show.
  for (let job = controlJobs.shift(); job; job = controlJobs.shift()) {
    const since = Date.now();
    const page = (await previewPage()).page;
    const problems = [];
    try {
      await job.run(page, problems);
    } catch (error) {
      problems.push(`check failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
    await page.close();
    report(job.name, problems, since);
  }
  for (let job = docsJobs.shift(); job; job = docsJobs.shift()) {
    const since = Date.now();
    const page = await context.newPage();
    const problems = watch(page);
    try {
      await job.run(page, problems);
    } catch (error) {
      problems.push(`check failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    }
    await page.close();
    report(job.name, problems, since);
  }
}

try {
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
} finally {
  await browser.close();
  server.close();
}
console.log(`\nStorybook smoke test in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
