/* global window, document, location, performance, requestAnimationFrame, Blob, MutationObserver, URLSearchParams */
/**
 * The bench page: imports the built bundle and runs named measurements. `scripts/bench.mjs`
 * drives it in Chromium (and loads the other parsers, `window.benchParsers`, before it); open
 * `bench/index.html` on the bench server to run it by hand (`await kabarBench({ runs: 7 })`).
 * To add a measurement, add an entry to `measurements`: `run(context, index)` returns a number
 * in `unit` (milliseconds unless said otherwise).
 */
import { clearFeedCache, readFeed } from '../dist/kabar.min.js';
import { GENERATORS } from './feed.mjs';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const FORMATS = ['rss', 'atom', 'json'];
const SIZES = [100, 2000];
const FEED_URL = 'https://bench.example.go.id/feed/';

/** The parsers compared, each `(text) => items` (sync or async). Others come from the bench script. */
function parsers() {
  const list = [{ name: 'kabar', parse: async (text) => (await readFeed(text, { url: FEED_URL })).items }];
  const others = window.benchParsers ?? {};
  if (others.feedsmith) {
    list.push({
      name: 'feedsmith',
      parse: (text, format) => {
        const { feed } = others.feedsmith.parseFeed(format === 'json' ? JSON.parse(text) : text);
        return feed.items ?? feed.entries;
      },
    });
  }
  if (window.RSSParser) {
    const parser = new window.RSSParser();
    list.push({
      name: 'rss-parser',
      formats: ['rss', 'atom'], // no JSON Feed support
      parse: async (text) => (await parser.parseString(text)).items,
    });
  }
  return list;
}

const parseMeasurements = () =>
  FORMATS.flatMap((format) =>
    SIZES.flatMap((count) =>
      parsers()
        .filter((p) => !p.formats || p.formats.includes(format))
        .map((p) => ({
          name: 'parse',
          group: `parse ${format} ${count}`,
          parser: p.name,
          label: `parse ${format.toUpperCase()} ${count.toLocaleString('en')} items: ${p.name}`,
          setup(context) {
            const key = `${format}-${count}`;
            context.texts ??= {};
            context.texts[key] ??= GENERATORS[format](count);
            this.inputs = `${(new Blob([context.texts[key]]).size / 1e6).toFixed(2)} MB text`;
          },
          async run(context) {
            const text = context.texts[`${format}-${count}`];
            const started = performance.now();
            const items = await p.parse(text, format);
            const elapsed = performance.now() - started;
            if (items.length !== count) throw new Error(`${p.name} parsed ${items.length} items`);
            return elapsed;
          },
        })),
    ),
  );

/** Appends a `<kabar-news-list>` for `url` and resolves once it loaded (or rejects on error). */
function mountList(url, limit) {
  performance.clearResourceTimings();
  const list = document.createElement('kabar-news-list');
  list.setAttribute('limit', String(limit));
  const loaded = new Promise((resolve, reject) => {
    list.addEventListener('kabar-load', resolve, { once: true });
    list.addEventListener('kabar-error', (e) => reject(e.detail.error), { once: true });
  });
  list.setAttribute('src', url);
  document.getElementById('stage').append(list);
  return { list, loaded };
}

const benchUrl = (path, params) =>
  new URL(`/__bench/${path}?${new URLSearchParams(params)}`, location.href).href;

const paintMeasurements = () =>
  [20, 200, 1000].map((count) => ({
    name: 'paint',
    label: `feed response to ${count.toLocaleString('en')} items painted`,
    inputs: `RSS of ${count} items, <kabar-news-list limit="${count}">`,
    async run(_context, index) {
      clearFeedCache();
      const url = benchUrl('feed.xml', { n: count, run: `${index}-${Date.now()}` });
      const { list, loaded } = mountList(url, count);
      await loaded;
      await list.updateComplete;
      // Two frames: the one that renders the items, then the one after it was painted.
      await frame();
      await frame();
      const painted = performance.now();
      const entry = performance.getEntriesByName(url).at(-1);
      const rendered = list.shadowRoot.querySelectorAll('li').length;
      list.remove();
      if (!entry) throw new Error('no resource timing for the feed');
      if (rendered !== count) throw new Error(`the list rendered ${rendered} items`);
      return painted - entry.responseEnd;
    },
  }));

const rerender = {
  name: 'rerender',
  label: 'refreshed feed, one item changed: response to painted',
  inputs: 'RSS of 200 items, <kabar-news-list limit="200">, reload() after the first title changed',
  async run(_context, index) {
    clearFeedCache();
    const url = benchUrl('changing.xml', { n: 200, run: `${index}-${Date.now()}` });
    const { list, loaded } = mountList(url, 200);
    await loaded;
    await list.updateComplete;
    await frame();
    const ul = list.shadowRoot.querySelector('ul');
    let replaced = 0;
    const observer = new MutationObserver((records) => {
      for (const r of records) replaced += r.removedNodes.length;
    });
    observer.observe(ul, { childList: true });
    const reloaded = new Promise((resolve) => list.addEventListener('kabar-load', resolve, { once: true }));
    clearFeedCache();
    list.reload();
    await reloaded;
    await list.updateComplete;
    await frame();
    await frame();
    const painted = performance.now();
    observer.disconnect();
    const entry = performance.getEntriesByName(url).at(-1);
    const title = list.shadowRoot.querySelector('li')?.textContent ?? '';
    const sameList = list.shadowRoot.querySelector('ul') === ul;
    list.remove();
    if (!title.includes('revisi')) throw new Error('the changed item was not rendered');
    rerender.keyed = sameList && replaced === 0;
    rerender.note = `list kept: ${sameList}, <li> removed: ${replaced}`;
    return painted - entry.responseEnd;
  },
};

const requests = {
  name: 'requests',
  label: 'requests by five lists sharing one feed',
  inputs: 'five <kabar-news-list> with the same src, appended together',
  unit: 'requests',
  async run(_context, index) {
    clearFeedCache();
    const url = benchUrl('feed.xml', { n: 20, shared: `${index}-${Date.now()}` });
    const mounted = Array.from({ length: 5 }, () => mountList(url, 5));
    await Promise.all(mounted.map((m) => m.loaded));
    const count = performance.getEntriesByName(url).length;
    for (const m of mounted) m.list.remove();
    return count;
  },
};

/** Built when the bench runs, after the other parsers were loaded. */
export const measurements = () => [...parseMeasurements(), ...paintMeasurements(), rerender, requests];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs each measurement once to warm up, then `runs` times; returns medians. */
async function kabarBench({ runs = 7, only } = {}) {
  // Lists load their (failing) images too: keep every feed's entry in the resource timing buffer.
  performance.setResourceTimingBufferSize(100_000);
  const context = {};
  const results = [];
  for (const m of measurements()) {
    if (only && !only.includes(m.name)) continue;
    await m.setup?.(context);
    await m.run(context, -1);
    const values = [];
    for (let i = 0; i < runs; i++) values.push(await m.run(context, i));
    results.push({
      name: m.name,
      group: m.group,
      parser: m.parser,
      label: m.label,
      inputs: m.inputs,
      note: m.note,
      unit: m.unit ?? 'ms',
      runs,
      median: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
    });
  }
  return { results };
}

/** Renders 1,000 items and leaves them on the page (the bench script reads the heap after it). */
async function renderThousand() {
  clearFeedCache();
  const { list, loaded } = mountList(benchUrl('feed.xml', { n: 1000, memory: Date.now() }), 1000);
  await loaded;
  await list.updateComplete;
  await frame();
  return list.shadowRoot.querySelectorAll('li').length;
}

window.kabarBench = kabarBench;
window.kabarRenderThousand = renderThousand;
