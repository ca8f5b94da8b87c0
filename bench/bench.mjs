/* global window, document, location, performance, requestAnimationFrame, Blob */
/**
 * The bench page: imports the built bundle and runs named measurements. `scripts/bench.mjs`
 * drives it in Chromium; open `bench/index.html` on any static server to run it by hand
 * (`await kabarBench({ runs: 7 })` in the console). To add a measurement, add an entry to
 * `measurements`: `run(context, index)` returns milliseconds.
 */
import { clearFeedCache, parseFeed } from '../dist/kabar.min.js';
import { generateRss } from './feed.mjs';

const ITEMS = 2000;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export const measurements = [
  {
    name: 'parse',
    label: `parseFeed, ${ITEMS.toLocaleString('en')}-item RSS`,
    setup(context) {
      context.text ??= generateRss(ITEMS);
      context.megabytes = (new Blob([context.text]).size / 1e6).toFixed(2);
    },
    run(context) {
      const started = performance.now();
      const feed = parseFeed(context.text, { url: 'https://bench.example.go.id/feed/' });
      const elapsed = performance.now() - started;
      if (feed.items.length !== ITEMS) throw new Error(`parsed ${feed.items.length} items`);
      return elapsed;
    },
  },
  {
    name: 'response-to-paint',
    label: 'feed response to <kabar-news-list> painted',
    async run(_context, index) {
      clearFeedCache();
      const url = new URL(`/__bench/feed.xml?run=${index}-${Date.now()}`, location.href).href;
      const list = document.createElement('kabar-news-list');
      list.setAttribute('limit', '20');
      const loaded = new Promise((resolve, reject) => {
        list.addEventListener('kabar-load', resolve, { once: true });
        list.addEventListener('kabar-error', (e) => reject(e.detail.error), { once: true });
      });
      list.setAttribute('src', url);
      document.getElementById('stage').append(list);
      await loaded;
      await list.updateComplete;
      // Two frames: the one that renders the items, then the one after it was painted.
      await frame();
      await frame();
      const painted = performance.now();
      const entry = performance.getEntriesByName(url).at(-1);
      list.remove();
      if (!entry) throw new Error('no resource timing for the feed');
      if (list.shadowRoot.querySelectorAll('li').length !== 20) throw new Error('the list did not render');
      return painted - entry.responseEnd;
    },
  },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs each measurement once to warm up, then `runs` times; returns medians. */
async function kabarBench({ runs = 7, only } = {}) {
  const context = {};
  const results = [];
  for (const m of measurements) {
    if (only && !only.includes(m.name)) continue;
    await m.setup?.(context);
    await m.run(context, -1);
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await m.run(context, i));
    results.push({
      name: m.name,
      label: m.label,
      runs,
      median: median(times),
      min: Math.min(...times),
      max: Math.max(...times),
    });
  }
  return { results, feedMegabytes: context.megabytes, items: ITEMS };
}

window.kabarBench = kabarBench;
