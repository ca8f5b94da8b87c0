/**
 * `npm run test:examples`: installs Kabar into each app of examples/ as a partner would, from
 * the tarball `npm pack` makes (its `prepack` builds dist/), then for each app: type-checks it,
 * checks that its file of deliberate mistakes fails to type-check where marked, builds it with
 * Vite, serves the build on 127.0.0.1 and opens it in headless Chromium, where the news list
 * must show every article of the app's local feed and the app's `kabar-load` handler must have
 * written the count on the page. `html-cdn-sri` is `html-cdn` with the tarball's
 * dist/embed.html in place of its script tag. The apps' dependencies come from the npm registry
 * (through npm's cache). Ends with `N passed, N failed`.
 *
 *   npm run test:examples                 # every app
 *   npm run test:examples -- react-19     # some apps
 *   npm run test:examples -- --no-build   # pack the dist/ already built (skips `prepack`)
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, HOW_TO_GET_CHROMIUM, findChrome } from './chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

/** Commands get this long before they are stopped (an install from a cold cache is the slowest). */
const COMMAND_TIMEOUT_MS = 5 * 60_000;
/** How long a page may take to show the list and the count. */
const RENDER_TIMEOUT_MS = 30_000;

/**
 * The apps. `typeErrors`: the script whose type-check must fail, and the file whose lines after
 * an `error:` comment must each have an error. `serve`: the folder to serve (the Vite build, or
 * the app itself for plain HTML). `cdn`: the page loads kabar.min.js from a CDN URL, answered
 * in the browser from the tarball's dist/ (nothing leaves the machine).
 */
const EXAMPLES = [
  { name: 'html-cdn', serve: '.', cdn: true },
  // The same page with the tarball's dist/embed.html in place of its script tag: the hashes the
  // build wrote match the files the package ships, under the CDN's URLs.
  { name: 'html-cdn-sri', source: 'html-cdn', serve: '.', cdn: true, embed: true },
  { name: 'vite-ts', typecheck: 'typecheck', build: 'build', serve: 'dist' },
  {
    name: 'react-19',
    typecheck: 'typecheck',
    typeErrors: { script: 'typecheck:errors', file: 'src/type-errors.tsx' },
    build: 'build',
    serve: 'dist',
  },
  { name: 'react-18', typecheck: 'typecheck', build: 'build', serve: 'dist', highlight: true },
  {
    name: 'vue-3',
    typecheck: 'typecheck',
    typeErrors: { script: 'typecheck:errors', file: 'src/TypeErrors.vue' },
    build: 'build',
    serve: 'dist',
  },
].filter((example) => !only.length || only.includes(example.name));

const totals = { passed: 0, failed: 0 };
function report(ok, name, detail = '') {
  totals[ok ? 'passed' : 'failed']++;
  // The detail explains a failure; a pass needs none.
  const why = !ok && detail.trim() ? `\n    ${detail.trim().replace(/\n/g, '\n    ')}` : '';
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${why}`);
  return ok;
}

/** Runs a command to its end (or the timeout) and returns its exit code and output. */
function run(command, commandArgs, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => {
      out += `\n(stopped after ${COMMAND_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, COMMAND_TIMEOUT_MS);
    child.on('error', (error) => (out += `\n${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out });
    });
  });
}
const npm = (npmArgs, cwd) => run(process.platform === 'win32' ? 'npm.cmd' : 'npm', npmArgs, cwd);
const tail = (text, lines = 25) => text.trim().split('\n').slice(-lines).join('\n');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server for `dir` on 127.0.0.1 (a random port). */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) return res.writeHead(403).end();
    if (existsSync(file) && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Each line that follows an `error:` comment in a file of deliberate mistakes (1-based). */
function markedLines(text) {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => (/(\/\*|<!--|\/\/)\s*error:/.test(line) ? [i + 2] : []));
}

/** The bare module names `import`ed by the JavaScript files under `dir`. */
async function bareImports(dir) {
  const names = new Set();
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.js')) continue;
    const text = await readFile(join(dir, entry), 'utf8');
    for (const [, spec] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g)) {
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return names;
}

/** Checks the tarball itself: what package.json names is in it, and it imports only its dependencies. */
async function checkTarball(unpacked) {
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'web-types', 'customElements']) {
    collect(pkg[field]);
  }
  for (const command of Object.values(pkg.bin ?? {})) targets.add(command);
  const missing = [
    ...targets,
    'LICENSE',
    'CHANGELOG.md',
    'README.md',
    'dist/embed.html',
    'dist/embed.json',
  ].filter((t) => !existsSync(join(unpacked, t)));
  report(missing.length === 0, 'the tarball holds every file package.json points at', missing.join(', '));

  const allowed = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]);
  const undeclared = [...(await bareImports(join(unpacked, 'dist')))].filter((name) => !allowed.has(name));
  report(
    undeclared.length === 0,
    'dist/ imports only declared dependencies',
    `undeclared: ${undeclared.join(', ')}`,
  );

  // A self-hosting site runs the packed kabar-embed on its copy of dist/.
  const embed = await run(
    process.execPath,
    [join(unpacked, 'bin/kabar-embed.mjs'), '--base', '/js/kabar/', '--dir', join(unpacked, 'dist')],
    unpacked,
  );
  report(
    embed.code === 0 &&
      embed.out.includes('<script type="module" src="/js/kabar/kabar.min.js" integrity="sha384-'),
    'the packed kabar-embed prints the snippet for the packed dist/',
    tail(embed.out),
  );

  const minified = await readFile(join(unpacked, 'dist/kabar.min.js'), 'utf8');
  const bare = /(?:\bfrom|\bimport)\s*\(?\s*['"][^'"./]/.test(minified);
  report(!bare, 'dist/kabar.min.js imports no bare module (it runs from a CDN as is)');
}

/** Opens the app and checks the list and the count the app's `kabar-load` handler writes. */
async function checkPage(browser, example, origin, feedItems, titles, unpacked) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const cdnPrefixes = [
    `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/`,
    `https://unpkg.com/${pkg.name}@${pkg.version}/`,
  ];
  // Only loopback traffic: the CDN is answered from the tarball, anything else is refused.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    const prefix = example.cdn && cdnPrefixes.find((p) => url.startsWith(p));
    if (prefix) {
      const file = normalize(join(unpacked, new URL(url).pathname.slice(new URL(prefix).pathname.length)));
      if (file.startsWith(join(unpacked, 'dist') + sep) && existsSync(file)) {
        return route.fulfill({
          body: await readFile(file),
          headers: {
            'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
            'Access-Control-Allow-Origin': '*',
          },
        });
      }
    }
    problems.push(`refused a request to ${url}`);
    return route.abort();
  });
  try {
    await page.goto(`${origin}/`, { timeout: RENDER_TIMEOUT_MS });
    const status = page.locator('#status');
    const expected = `${feedItems} berita dimuat`;
    // A wait that times out is reported by the check after it, with what the page showed.
    const waitFor = (locator) => locator.waitFor({ timeout: RENDER_TIMEOUT_MS }).catch(() => {});
    await waitFor(status.filter({ hasText: expected }));
    const statusText = (await status.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    report(
      statusText.trim() === expected,
      `${example.name}: the kabar-load handler wrote "${expected}"`,
      statusText,
    );

    // The list renders into its shadow root; Playwright's locators pierce it.
    const items = page.locator('kabar-news-list li[part="item"]');
    await waitFor(items.nth(feedItems - 1));
    const shown = await items.allTextContents();
    const allTitles = titles.every((title) => shown.some((text) => text.includes(title)));
    report(
      shown.length === feedItems && allTitles,
      `${example.name}: the news list shows the feed's ${feedItems} articles`,
      `${shown.length} items: ${shown.map((t) => t.trim().slice(0, 40)).join(' | ')}`,
    );

    if (example.highlight) {
      // React 18 passes the article object through the wrapper as a property.
      const card = page.locator('#highlight [part~="title"]');
      await waitFor(card.first());
      const title =
        (await card
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => '')) ?? '';
      report(title.includes(titles[0]), `${example.name}: the article card shows the first article`, title);
    }
  } catch (error) {
    report(false, `${example.name}: the page renders`, error.message);
  } finally {
    report(
      problems.length === 0,
      `${example.name}: no errors and no request off the machine`,
      problems.join('\n'),
    );
    await context.close();
  }
}

async function testExample(browser, example, tarball, unpacked, work) {
  const source = join(root, 'examples', example.source ?? example.name);
  const dir = join(work, example.name);
  await cp(source, dir, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|dist)([/\\]|$)/.test(relative(source, path)),
  });
  if (example.embed) {
    const page = join(dir, 'index.html');
    const tag = `<script type="module" src="https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/kabar.min.js"></script>`;
    const html = await readFile(page, 'utf8');
    if (!report(html.includes(tag), `${example.name}: the page has the CDN script tag to replace`)) return;
    await writeFile(page, html.replace(tag, await readFile(join(unpacked, 'dist/embed.html'), 'utf8')));
  }

  const install = await npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
  if (
    !report(
      install.code === 0,
      `${example.name}: npm install of the tarball`,
      install.code ? tail(install.out) : '',
    )
  ) {
    return;
  }
  if (example.typecheck) {
    const result = await npm(['run', '--silent', example.typecheck], dir);
    report(result.code === 0, `${example.name}: type-checks`, result.code ? tail(result.out) : '');
  }
  if (example.typeErrors) {
    const { script, file } = example.typeErrors;
    const result = await npm(['run', '--silent', script, '--', '--pretty', 'false'], dir);
    const lines = markedLines(await readFile(join(dir, file), 'utf8'));
    const reported = new Set(
      [...result.out.matchAll(/([^\s(]+)\((\d+),\d+\): error/g)].map(([, f, l]) => `${f}:${l}`),
    );
    const name = file.replace(/\\/g, '/');
    const missed = lines.filter((line) => !reported.has(`${name}:${line}`));
    const elsewhere = [...reported].filter((where) => !where.startsWith(`${name}:`));
    report(
      result.code !== 0 && lines.length > 0 && missed.length === 0 && elsewhere.length === 0,
      `${example.name}: ${file} fails to type-check on each of its ${lines.length} marked lines`,
      `exit ${result.code}; no error on line(s) ${missed.join(', ') || '-'}; errors elsewhere: ${elsewhere.join(', ') || '-'}\n${tail(result.out, 10)}`,
    );
  }
  if (example.build) {
    const result = await npm(['run', '--silent', example.build], dir);
    if (!report(result.code === 0, `${example.name}: vite build`, result.code ? tail(result.out) : ''))
      return;
  }

  const feedFile = existsSync(join(dir, 'public/berita.xml'))
    ? join(dir, 'public/berita.xml')
    : join(dir, 'berita.xml');
  const feed = await readFile(feedFile, 'utf8');
  const titles = [...feed.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map(([, title]) => title);
  const { server, origin } = await serve(join(dir, example.serve));
  try {
    await checkPage(browser, example, origin, titles.length, titles, unpacked);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const started = Date.now();
const work = await mkdtemp(join(tmpdir(), 'kabar-examples-'));
let browser;
try {
  console.log(
    `Packing ${pkg.name}@${pkg.version}${args.includes('--no-build') ? ' (dist/ as built)' : ' (prepack builds dist/)'}`,
  );
  const packArgs = [
    'pack',
    '--pack-destination',
    work,
    ...(args.includes('--no-build') ? ['--ignore-scripts'] : []),
  ];
  const packed = await npm(packArgs, root);
  const tarball = join(work, `${pkg.name}-${pkg.version}.tgz`);
  if (!report(packed.code === 0 && existsSync(tarball), 'npm pack', tail(packed.out)))
    throw new Error('no tarball');

  const unpacked = join(work, 'unpacked');
  await mkdir(unpacked);
  const untar = await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], work);
  if (!report(untar.code === 0, 'the tarball unpacks', untar.out)) throw new Error('bad tarball');
  await checkTarball(unpacked);

  const executablePath = await findChrome();
  if (!executablePath) {
    report(false, 'a Chromium for the pages', HOW_TO_GET_CHROMIUM);
    throw new Error('no Chromium');
  }
  browser = await chromium.launch({ executablePath, args: CHROME_FLAGS, headless: true });
  for (const example of EXAMPLES) {
    const exampleStarted = Date.now();
    await testExample(browser, example, tarball, unpacked, join(work, 'apps'));
    console.log(`# ${example.name}: ${((Date.now() - exampleStarted) / 1000).toFixed(0)} s`);
  }
} catch (error) {
  if (totals.failed === 0) report(false, 'the example tests ran', error.stack);
} finally {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
}
console.log(`# ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
