/* global window, document, Element, PerformanceObserver */
/**
 * `npm run bench`: builds if `dist/` is missing, serves the repository on a local port, and
 * runs `bench/index.html` in the system Chromium (driven by playwright-core, which never
 * downloads a browser). Prints each measurement's median over several runs with its inputs:
 *  - parse time for RSS, Atom and JSON feeds of 100 and 2,000 items, Kabar's `parseFeed` side
 *    by side with feedsmith (bundled here for the browser with Rollup) and rss-parser (its own
 *    browser build: it is CommonJS on xml2js and Node's http, url and events, which Rollup
 *    cannot bundle without Node polyfills), as ratios to Kabar. The parsers take turns once
 *    warmed up, and a ratio is the median of the rounds' ratios; then the first parse of each in fresh pages, what a reader's page pays;
 *  - feed response to painted list for 20, 200 and 1,000 items, with its phases (read and
 *    parse, Lit render, style/layout/paint); a refresh that changed one item, end to end
 *    (refetch, reparse, render) and its rendering alone; requests by five lists sharing a feed;
 *    then the first list of a fresh page (20 and 200 items), which pays every first-use cost;
 *  - JS heap after rendering 1,000 items (CDP `Performance.getMetrics`, after a GC);
 *  - cumulative layout shift of the demo page while it loads, on a phone and on desktop screens;
 *  - Lighthouse 12 (mobile defaults) on the demo page: performance, accessibility, best
 *    practices and SEO scores, median of the runs (at most 3 unless --lighthouse-runs=N; about
 *    15 s each), and each run's metrics;
 *  - the size table of `npm run size`.
 *
 *  - the poll service (bench/server.mjs): votes/s and latency on SQLite and PostgreSQL, cost per
 *    vote with 10k and 1M votes stored, reads/s with and without If-None-Match;
 *  - the feed relay (server/bench/relay.js): requests/s and p50/p99 for a cached feed and a 304.
 *
 *   npm run bench -- --runs=9 --only=server,relay,parse,paint,rerender,requests,memory,cls,lighthouse,size
 *   npm run bench -- --only=lighthouse --lighthouse-runs=10
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { GENERATORS } from '../bench/feed.mjs';
import { median } from '../bench/median.mjs';
import { tmpdir } from 'node:os';
import { parseConfig } from '../server/src/config.js';
import { startServer } from '../server/src/server.js';
import { CHROME_FLAGS, HOW_TO_GET_CHROMIUM, findChrome } from './chrome.mjs';
import { formatSizes, measureSizes } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(option('runs') ?? 7);
const only = option('only')?.split(',');
const wanted = (name) => !only || only.includes(name);

// The poll service needs neither the build nor a browser: it runs first, and alone when asked alone.
if (wanted('server')) {
  const { benchServer } = await import('../bench/server.mjs');
  await benchServer((label, value, detail = '') =>
    console.log(`  ${label.padEnd(58)} ${value.padStart(12)}  ${detail}`),
  );
}
if (wanted('relay')) {
  const { benchRelay } = await import('../server/bench/relay.js');
  const result = await benchRelay({ requests: 5000, concurrency: 20 });
  console.log('\nFeed relay (5,000 requests over 20 connections, loopback)\n');
  for (const [label, row] of [
    ['cached feed (200)', result.cached],
    ['not modified (304)', result.notModified],
  ])
    console.log(
      `  ${label.padEnd(24)} ${Math.round(row.rps)} req/s  p50 ${row.p50.toFixed(2)} ms  p99 ${row.p99.toFixed(2)} ms`,
    );
}
if (only?.every((name) => name === 'server' || name === 'relay')) process.exit(0);

if (!existsSync(join(root, 'dist/kabar.min.js'))) {
  console.log('dist/ is missing: building first…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/**
 * The demo as `npm start` serves it: kabar-server with the demo's polls, the page and dist/,
 * votes in a throwaway SQLite store. `close()` stops it and removes the store.
 */
async function startDemo() {
  const data = mkdtempSync(join(tmpdir(), 'kabar-bench-demo-'));
  const kabar = await startServer(
    parseConfig([
      '--port',
      '0',
      '--polls',
      join(root, 'demo/polls.json'),
      '--store',
      `sqlite:${join(data, 'kabar.db')}`,
      '--demo',
      root,
    ]),
  );
  return {
    port: Number(new URL(kabar.url).port),
    close: () => kabar.close().finally(() => rmSync(data, { recursive: true, force: true })),
  };
}

/** feedsmith as a classic script for the browser: `window.benchParsers.feedsmith`. */
async function bundleFeedsmith() {
  const entry = '\0bench-feedsmith';
  const build = await rollup({
    input: entry,
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) =>
          id === entry
            ? "import { parseFeed } from 'feedsmith'; (window.benchParsers ??= {}).feedsmith = { parseFeed };"
            : null,
      },
      resolve({ browser: true }),
      terser(),
    ],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'iife' });
  await build.close();
  return output[0].code;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};
const feeds = new Map();
const feedText = (count, change = 0) => {
  const key = `${count}-${change}`;
  if (!feeds.has(key)) {
    let text = GENERATORS.rss(count);
    // A refreshed feed: the first item's title changed, everything else identical.
    if (change)
      text = text.replace('<title>', '<title>').replace(/(<item>\n<title>)/, `$1revisi ${change}: `);
    feeds.set(key, Buffer.from(text));
  }
  return feeds.get(key);
};
const feedsmithScript = await bundleFeedsmith();
let changes = 0;

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { pathname } = url;
  const count = Math.min(Number(url.searchParams.get('n') ?? 2000), 5000);
  if (pathname === '/__bench/feed.xml' || pathname === '/__bench/changing.xml') {
    const change = pathname === '/__bench/changing.xml' ? changes++ : 0;
    response.writeHead(200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(feedText(count, change));
    return;
  }
  if (pathname === '/__bench/feedsmith.js') {
    response.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(feedsmithScript);
    return;
  }
  const path =
    pathname === '/__bench/rss-parser.js'
      ? join(root, 'node_modules/rss-parser/dist/rss-parser.min.js')
      : join(root, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address();

const executablePath = await findChrome();
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  server.close();
  process.exit(1);
}

const ms = (value) => `${value.toFixed(1)} ms`;
const print = (label, value, detail = '') =>
  console.log(`  ${label.padEnd(58)} ${value.padStart(12)}  ${detail}`);

// `--expose-gc`: the bench page collects its own garbage before a first parse.
const browser = await chromium.launch({
  executablePath,
  args: [...CHROME_FLAGS, '--js-flags=--expose-gc'],
  headless: true,
});
/** Runs `work(arg)` in a new bench page, one that has run nothing else, and closes it. */
async function inFreshPage(work, arg) {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`http://127.0.0.1:${port}/bench/index.html`);
    await fresh.waitForFunction(() => typeof window.kabarBench === 'function');
    return await fresh.evaluate(work, arg);
  } finally {
    await fresh.close();
  }
}
try {
  console.log(
    `\nKabar bench: medians of ${runs} runs each, Chromium ${browser.version()}, Node ${process.version}`,
  );
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${port}/bench/index.html`);
  await page.waitForFunction(() => typeof window.kabarBench === 'function');
  const names = ['parse', 'paint', 'rerender', 'requests'].filter(wanted);
  const report = names.length
    ? await page.evaluate((options) => window.kabarBench(options), { runs, only: names })
    : { results: [] };

  const parse = report.results.filter((r) => r.name === 'parse');
  if (parse.length) {
    console.log(
      '\nParse time (text to items; ratio = median over the rounds of that parser / Kabar in the same round,' +
        '\nabove 1 means Kabar is faster)\n',
    );
    for (const group of [...new Set(parse.map((r) => r.group))]) {
      const rows = parse.filter((r) => r.group === group);
      const kabar = rows.find((r) => r.parser === 'kabar');
      for (const r of rows) {
        // Paired by round: a slow spell of the machine slows both parsers of a round, so the
        // ratio of each round varies far less than either parser's times.
        const ratio = r === kabar ? '' : `×${median(r.values.map((v, i) => v / kabar.values[i])).toFixed(2)}`;
        print(
          r.label,
          ms(r.median),
          `${ratio.padEnd(7)} (${r.inputs}; min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)})`,
        );
      }
    }
    if (!parse.some((r) => r.parser === 'rss-parser' && r.group.startsWith('parse json'))) {
      console.log('  (rss-parser reads RSS and Atom only: no JSON Feed row)');
    }

    // What a reader's page pays: one parse, before the engine has optimized anything.
    const pages = Math.min(runs, 5);
    console.log(
      `\nFirst parse in a fresh page (median of ${pages} pages each, after a one-item feed of the same format)\n`,
    );
    for (const group of [...new Set(parse.map((r) => r.group))]) {
      const rows = parse.filter((r) => r.group === group);
      const times = new Map(rows.map((r) => [r, []]));
      for (let i = 0; i < pages; i++) {
        for (const r of rows) {
          const time = await inFreshPage(
            ({ format, count, parser }) => window.kabarFirstParse(format, count, parser),
            r,
          );
          times.get(r).push(time);
        }
      }
      const kabar = median(times.get(rows.find((r) => r.parser === 'kabar')));
      for (const [r, list] of times) {
        const value = median(list);
        const ratio = r.parser === 'kabar' ? '' : `×${(value / kabar).toFixed(2)}`;
        print(
          r.label.replace(/^parse/, 'first parse'),
          ms(value),
          `${ratio.padEnd(7)} (min ${Math.min(...list).toFixed(1)}, max ${Math.max(...list).toFixed(1)})`,
        );
      }
    }
  }
  const rest = report.results.filter((r) => r.name !== 'parse');
  if (rest.length) {
    console.log(
      '\nRendering (parts: medians of each phase; read+parse = response end to kabar-load, render = the',
    );
    console.log('Lit update, paint = style, layout and paint up to the frame after)\n');
    for (const r of rest) {
      const value = r.unit === 'ms' ? ms(r.median) : `${r.median} ${r.unit}`;
      const parts = r.parts.length
        ? `; ${r.parts.map((p) => `${p.part} ${p.median.toFixed(1)}`).join(', ')}`
        : '';
      print(
        r.label,
        value,
        `(${r.inputs}${r.note ? `; ${r.note}` : ''}; min ${r.min}, max ${r.max}${parts})`.replace(
          /(\d+\.\d)\d+/g,
          '$1',
        ),
      );
    }
  }

  if (wanted('paint')) {
    // What a reader's page pays for its first list, where nothing was read or rendered before.
    const pages = Math.min(runs, 5);
    console.log(`\nFirst list in a fresh page (median of ${pages} pages each; parts as above)\n`);
    for (const count of [20, 200]) {
      const results = [];
      for (let i = 0; i < pages; i++) results.push(await inFreshPage((n) => window.kabarFirstList(n), count));
      const values = results.map((r) => r.value);
      const parts = Object.keys(results[0].parts)
        .map((part) => `${part} ${median(results.map((r) => r.parts[part])).toFixed(1)}`)
        .join(', ');
      print(
        `first list: feed response to ${count} items painted`,
        ms(median(values)),
        `(RSS of ${count} items; min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}; ${parts})`,
      );
    }
  }

  if (wanted('memory')) {
    const fresh = await browser.newPage();
    await fresh.goto(`http://127.0.0.1:${port}/bench/index.html`);
    await fresh.waitForFunction(() => typeof window.kabarRenderThousand === 'function');
    const cdp = await fresh.context().newCDPSession(fresh);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    };
    const before = await heap();
    const rendered = await fresh.evaluate(() => window.kabarRenderThousand());
    const after = await heap();
    const nodes = await fresh.evaluate(() => {
      let count = 0;
      const walk = (node) => {
        count++;
        for (const child of node.shadowRoot
          ? [...node.shadowRoot.childNodes, ...node.childNodes]
          : node.childNodes)
          walk(child);
      };
      walk(document.documentElement);
      return count;
    });
    console.log('\nMemory (CDP Performance.getMetrics after a forced GC)\n');
    print(
      `JS heap after rendering ${rendered.toLocaleString('en')} items`,
      `${(after / 1e6).toFixed(1)} MB`,
      `(bench page with the bundle loaded: ${(before / 1e6).toFixed(1)} MB; +${((after - before) / 1e6).toFixed(1)} MB for the feed and list; ${nodes.toLocaleString('en')} DOM nodes)`,
    );
    await fresh.close();
  }

  if (wanted('cls')) {
    const demo = await startDemo(); // as `npm start` serves it
    const demoPort = demo.port;
    console.log('\nLayout shift (PerformanceObserver "layout-shift" while the demo page loads)\n');
    // A phone (what Lighthouse emulates), then desktop screens, where the sidebar is on the first screen.
    for (const [width, height] of [
      [412, 915],
      [1280, 900],
      [1440, 1200],
      [1920, 1080],
    ]) {
      const shifts = [];
      const moved = new Set();
      for (let i = 0; i < Math.min(runs, 3); i++) {
        const context = await browser.newContext({ viewport: { width, height } });
        const view = await context.newPage();
        await view.addInitScript(() => {
          window.benchShifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (entry.hadRecentInput) continue;
              const nodes = entry.sources.map(({ node }) =>
                node instanceof Element
                  ? `${node.localName}${node.className ? `.${node.className}` : ''}`
                  : '',
              );
              window.benchShifts.push({ value: entry.value, nodes: nodes.filter(Boolean) });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await view.goto(`http://127.0.0.1:${demoPort}/`, { waitUntil: 'networkidle' });
        await view.waitForTimeout(1500);
        const entries = await view.evaluate(() => window.benchShifts);
        shifts.push(entries.reduce((sum, e) => sum + e.value, 0));
        entries.forEach((e) => e.nodes.forEach((node) => moved.add(node)));
        await context.close();
      }
      print(
        `cumulative layout shift of the demo page, ${width}×${height}`,
        shifts.map((s) => s.toFixed(3)).join(' / '),
        `(${shifts.length} loads, until network idle + 1.5 s; target 0${moved.size ? `; moved: ${[...moved].join(', ')}` : ''})`,
      );
    }
    await demo.close();
  }

  if (wanted('lighthouse')) {
    const { default: lighthouse } = await import('lighthouse');
    const { launch } = await import('chrome-launcher');
    const demo = await startDemo(); // as `npm start` serves it
    const demoPort = demo.port;
    const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
    const METRICS = {
      'first-contentful-paint': 'FCP',
      'largest-contentful-paint': 'LCP',
      'total-blocking-time': 'TBT',
      'cumulative-layout-shift': 'CLS',
      'speed-index': 'SI',
    };
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const metrics = [];
    const failing = new Set();
    let version = '';
    for (let i = 0; i < Number(option('lighthouse-runs') ?? Math.min(runs, 3)); i++) {
      const chrome = await launch({
        chromePath: executablePath,
        chromeFlags: ['--headless=new', ...CHROME_FLAGS],
      });
      try {
        const result = await lighthouse(`http://127.0.0.1:${demoPort}/`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        version = result.lhr.lighthouseVersion;
        metrics.push(
          Object.entries(METRICS)
            .map(([id, name]) => `${name} ${result.lhr.audits[id].displayValue}`)
            .join(', '),
        );
        for (const c of CATEGORIES) {
          scores[c].push(Math.round((result.lhr.categories[c].score ?? 0) * 100));
          for (const ref of result.lhr.categories[c].auditRefs) {
            const audit = result.lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              const items = (audit.details?.items ?? [])
                .slice(0, 3)
                .map((item) => item.description ?? item.source ?? item.url)
                .filter(Boolean);
              failing.add(
                `${c}: ${ref.id}${c === 'performance' ? '' : items.length ? ` (${items.join('; ')})` : ''}`,
              );
            }
          }
        }
      } finally {
        await chrome.kill();
      }
    }
    await demo.close();
    // The middle run's score (the upper of the two middle ones): a score some run really had.
    const middleScore = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const targets = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 };
    console.log(
      `\nLighthouse ${version} on the demo page (npm start), mobile defaults, median of ${scores.performance.length} runs\n`,
    );
    for (const c of CATEGORIES) {
      print(c, String(middleScore(scores[c])), `(runs: ${scores[c].join(', ')}; target ${targets[c]})`);
    }
    metrics.forEach((line, i) =>
      console.log(`  run ${i + 1}: performance ${scores.performance[i]}: ${line}`),
    );
    if (failing.size) console.log(`  audits below full marks: ${[...failing].join(', ')}`);
  }

  if (wanted('size')) {
    console.log('\nSizes (npm run size)\n');
    for (const line of formatSizes(await measureSizes())) console.log(line);
  }
  console.log('');
} finally {
  await browser.close();
  server.close();
}
