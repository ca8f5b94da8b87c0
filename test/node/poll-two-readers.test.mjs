/**
 * Two readers, each in their own browser context (own storage, own cookies), vote on the same
 * poll at the same moment through the real bundle and kabar-server: both votes count.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/chrome.mjs';
import { parseConfig } from '../../server/src/config.js';
import { startServer } from '../../server/src/server.js';
import { bundle } from '../server/bundle.mjs';

const PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Polling</title>
<script type="module" src="/dist/kabar.min.js"></script></head>
<body><kabar-poll src="/api/polls/layanan"></kabar-poll></body></html>`;

let root;
let server;
let base;
let browser;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'kabar-two-readers-'));
  await mkdir(join(root, 'demo'), { recursive: true });
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(join(root, 'demo', 'index.html'), PAGE);
  for (const [name, code] of await bundle()) await writeFile(join(root, 'dist', name), code);
  const polls = fileURLToPath(new URL('../fixtures/polls.json', import.meta.url));
  server = await startServer(
    parseConfig([
      '--port',
      '0',
      '--polls',
      polls,
      '--store',
      `sqlite:${join(root, 'data', 'kabar.db')}`,
      '--demo',
      root,
    ]),
  );
  base = server.url;
  const executablePath = await findChrome();
  assert.ok(executablePath, 'a Chromium is needed for this test');
  browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

async function total() {
  const { poll } = await (
    await fetch(`${base}/api/polls/layanan`, { headers: { 'Cache-Control': 'no-cache' } })
  ).json();
  return poll.options.reduce((sum, o) => sum + o.votes, 0);
}

async function reader(option) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  const poll = page.locator('kabar-poll');
  await poll.locator(`input[value="${option}"]`).check();
  return { context, page, poll };
}

test('two readers in two browser contexts voting at once both count', async () => {
  const before = await total();
  const readers = await Promise.all([reader('kesehatan'), reader('jalan')]);
  await Promise.all(readers.map(({ poll }) => poll.locator('button[type="submit"]').click()));
  await Promise.all(readers.map(({ poll }) => poll.locator('.results').waitFor({ timeout: 10_000 })));
  assert.equal(await total(), before + 2);
  // Each reader's browser remembers its own vote: a reload shows results, not the form.
  for (const { page, poll } of readers) {
    await page.reload();
    await poll.locator('.results').waitFor({ timeout: 10_000 });
    assert.equal(await poll.locator('input[type="radio"]').count(), 0);
  }
  await Promise.all(readers.map(({ context }) => context.close()));
});
