/* global window */
/**
 * `npm run bench`: builds if `dist/` is missing, serves the repository on a local port, and
 * runs `bench/index.html` in the system Chromium (driven by playwright-core, which never
 * downloads a browser). Prints each measurement's median over several runs.
 *
 *   npm run bench -- --runs=9 --only=parse
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateRss } from '../bench/feed.mjs';
import { CHROME_FLAGS, HOW_TO_GET_CHROMIUM, findChrome } from './chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(option('runs') ?? 7);
const only = option('only')?.split(',');

if (!existsSync(join(root, 'dist/kabar.min.js'))) {
  console.log('dist/ is missing: building first…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};
const feed = Buffer.from(generateRss(2000));

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (pathname === '/__bench/feed.xml') {
    response.writeHead(200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(feed);
    return;
  }
  const path = join(root, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const executablePath = await findChrome();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  server.close();
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS, headless: true });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
  await page.waitForFunction(() => typeof window.kabarBench === 'function');
  const report = await page.evaluate((options) => window.kabarBench(options), {
    runs,
    ...(only ? { only } : {}),
  });
  console.log(
    `\nKabar bench: ${report.items.toLocaleString('en')}-item RSS feed (${(feed.length / 1e6).toFixed(2)} MB), ${runs} runs each, Chromium ${browser.version()}\n`,
  );
  const width = Math.max(...report.results.map((r) => r.label.length));
  for (const r of report.results) {
    console.log(
      `  ${r.label.padEnd(width)}  median ${r.median.toFixed(1).padStart(7)} ms   (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`,
    );
  }
  console.log('');
} finally {
  await browser.close();
  server.close();
}
