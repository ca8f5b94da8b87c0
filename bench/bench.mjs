/* global window, document, location, performance, requestAnimationFrame, Blob, MutationObserver, URLSearchParams */
/**
 * The bench page: imports the built bundle and runs named measurements. `scripts/bench.mjs`
 * drives it in Chromium (and loads the other parsers, `window.benchParsers`, before it); open
 * `bench/index.html` on the bench server to run it by hand (`await kabarBench({ runs: 7 })`).
 * To add a measurement, add an entry to `measurements`: `run(context, index)` returns a number
 * in `unit` (milliseconds unless said otherwise), or `{ value, parts }` with the medians of the
 * phases named in its `parts` printed beside it.
 */
import { clearFeedCache, readFeed } from '../dist/kabar.min.js';
import { GENERATORS } from './feed.mjs';
import { median } from './median.mjs';

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
          format,
          count,
          parser: p.name,
          label: `parse ${format.toUpperCase()} ${count.toLocaleString('en')} items: ${p.name}`,
          setup(context) {
            const key = `${format}-${count}`;
            context.texts ??= {};
            context.texts[key] ??= GENERATORS[format](count);
            this.inputs = `${(new Blob([context.texts[key]]).size / 1e6).toFixed(2)} MB text`;
          },
          async run(context) {
            return timeParse(p, context.texts[`${format}-${count}`], format, count);
          },
        })),
    ),
  );

/** One parse, timed. */
async function timeParse(parser, text, format, count) {
  const started = performance.now();
  const items = await parser.parse(text, format);
  const elapsed = performance.now() - started;
  if (items.length !== count) throw new Error(`${parser.name} parsed ${items.length} items`);
  return elapsed;
}

/** Rounds run before the timed ones, so that every parser's code is optimized. */
const PARSE_WARM_UP = 5;

/**
 * The parsers of one group (a format and a size) take turns: each round runs each parser once,
 * each round in another order, so that none always runs first, or after the same one, and all
 * share the cost of collecting each other's garbage.
 */
async function parseGroup(group, context, runs) {
  for (const m of group) await m.setup(context);
  const values = group.map(() => []);
  for (let round = -PARSE_WARM_UP; round < runs; round++) {
    for (let turn = 0; turn < group.length; turn++) {
      const index = (turn + round + PARSE_WARM_UP) % group.length;
      const value = await group[index].run(context, round);
      if (round >= 0) values[index].push(value);
    }
  }
  return group.map((m, index) => ({ m, values: values[index] }));
}

/**
 * The first parse in a page that has parsed no feed that size: what a reader's page pays, whose
 * engine has optimized nothing yet. A one-item feed of the same format is read first, so that
 * Kabar's reader chunk is loaded (the other parsers come with the page) and no time includes a
 * download. `scripts/bench.mjs` opens a fresh page for each call.
 */
async function firstParse(format, count, name) {
  const parser = parsers().find((p) => p.name === name);
  await parser.parse(GENERATORS[format](1), format);
  const text = GENERATORS[format](count);
  // A real page has not just built a feed: collect the garbage of building it (`scripts/bench.mjs`
  // starts Chromium with `--expose-gc`).
  window.gc?.();
  return timeParse(parser, text, format, count);
}

/**
 * Appends a `<kabar-news-list>` for `url` and resolves once it loaded (or rejects on error),
 * with the time of its `kabar-load`. `loader` replaces the built-in one (feeds already parsed).
 */
function mountList(url, limit, loader) {
  performance.clearResourceTimings();
  const list = document.createElement('kabar-news-list');
  list.setAttribute('limit', String(limit));
  if (loader) list.loader = loader;
  const loaded = new Promise((resolve, reject) => {
    list.addEventListener('kabar-load', () => resolve(performance.now()), { once: true });
    list.addEventListener('kabar-error', (e) => reject(e.detail.error), { once: true });
  });
  list.setAttribute('src', url);
  document.getElementById('stage').append(list);
  return { list, loaded };
}

/**
 * The phases between a feed's `kabar-load` and its painted list: the Lit update, then the
 * style, layout and paint of the frame after it (up to the next frame's start).
 */
async function renderPhases(list, loadedAt) {
  await list.updateComplete;
  const rendered = performance.now();
  // Two frames: the one that lays out and paints the items, then the one after it was painted.
  await frame();
  await frame();
  const painted = performance.now();
  return { rendered, painted, render: rendered - loadedAt, paint: painted - rendered };
}

const benchUrl = (path, params) =>
  new URL(`/__bench/${path}?${new URLSearchParams(params)}`, location.href).href;

/** An RSS feed of `count` items, fetched, read and painted by a new list: its time and phases. */
async function paintList(count, run) {
  clearFeedCache();
  const url = benchUrl('feed.xml', { n: count, run: `${run}-${Date.now()}` });
  const { list, loaded } = mountList(url, count);
  const loadedAt = await loaded;
  const { painted, render, paint } = await renderPhases(list, loadedAt);
  const entry = performance.getEntriesByName(url).at(-1);
  const rendered = list.shadowRoot.querySelectorAll('li').length;
  list.remove();
  if (!entry) throw new Error('no resource timing for the feed');
  if (rendered !== count) throw new Error(`the list rendered ${rendered} items`);
  return {
    value: painted - entry.responseEnd,
    parts: { 'read+parse': loadedAt - entry.responseEnd, render, paint },
  };
}

const paintMeasurements = () =>
  [20, 200, 1000].map((count) => ({
    name: 'paint',
    label: `feed response to ${count.toLocaleString('en')} items painted`,
    inputs: `RSS of ${count} items, <kabar-news-list limit="${count}">`,
    parts: ['read+parse', 'render', 'paint'],
    run: (_context, index) => paintList(count, index),
  }));

/**
 * The first list of a page: `paintList` in a page where Kabar has read and rendered nothing yet
 * (`scripts/bench.mjs` opens a fresh page for each call). It pays what the warmed runs above do
 * not: loading the reader chunks, preparing the templates, and any first use of a browser API.
 */
const firstList = (count) => paintList(count, 'first');

/** Counts the `<li>` a list removes while `work` runs, and whether its `<ul>` stays. */
async function keyedCheck(list, work) {
  const ul = list.shadowRoot.querySelector('ul');
  let removed = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) removed += r.removedNodes.length;
  });
  observer.observe(ul, { childList: true });
  const result = await work();
  observer.disconnect();
  const title = list.shadowRoot.querySelector('li')?.textContent ?? '';
  if (!title.includes('revisi')) throw new Error('the changed item was not rendered');
  return { ...result, kept: list.shadowRoot.querySelector('ul') === ul && removed === 0, removed };
}

/** A refresh as the page sees it: fetch again, parse again, render; the feed changed one title. */
const refresh = {
  name: 'rerender',
  label: 'refresh, one item changed: response to painted',
  inputs: 'RSS of 200 items, <kabar-news-list limit="200">, reload() after the first title changed',
  parts: ['read+parse', 'render', 'paint'],
  async run(_context, index) {
    clearFeedCache();
    const url = benchUrl('changing.xml', { n: 200, run: `${index}-${Date.now()}` });
    const { list, loaded } = mountList(url, 200);
    await renderPhases(list, await loaded);
    const result = await keyedCheck(list, async () => {
      const reloaded = new Promise((resolve) =>
        list.addEventListener('kabar-load', () => resolve(performance.now()), { once: true }),
      );
      clearFeedCache();
      list.reload();
      const loadedAt = await reloaded;
      return { loadedAt, ...(await renderPhases(list, loadedAt)) };
    });
    const entry = performance.getEntriesByName(url).at(-1);
    list.remove();
    refresh.note = `<li> removed: ${result.removed}`;
    return {
      value: result.painted - entry.responseEnd,
      parts: {
        'read+parse': result.loadedAt - entry.responseEnd,
        render: result.render,
        paint: result.paint,
      },
    };
  },
};

/**
 * The rendering part of that refresh alone: the list gets the refreshed feed already parsed
 * (new item objects, as a new parse makes them) from a loader, so no fetch or parse is timed.
 */
const rerender = {
  name: 'rerender',
  label: 're-render, one item changed: kabar-load to painted',
  inputs: '200 parsed items, <kabar-news-list limit="200">, reload() with the first title changed',
  parts: ['render', 'paint'],
  setup(context) {
    const text = GENERATORS.rss(200);
    context.rerenderTexts = [text, text.replace(/(<item>\n<title>)/, '$1revisi: ')];
  },
  async run(context) {
    // Parsed here, outside the timing: each load hands the list a feed of new objects.
    const [base, changed] = context.rerenderTexts.map((text) => () => readFeed(text, { url: FEED_URL }));
    let next = base;
    const loader = () => next();
    const { list, loaded } = mountList(FEED_URL, 200, loader);
    await renderPhases(list, await loaded);
    next = changed;
    const result = await keyedCheck(list, async () => {
      const reloaded = new Promise((resolve) =>
        list.addEventListener('kabar-load', () => resolve(performance.now()), { once: true }),
      );
      list.reload();
      const loadedAt = await reloaded;
      return { loadedAt, ...(await renderPhases(list, loadedAt)) };
    });
    list.remove();
    rerender.note = `<li> removed: ${result.removed}`;
    if (!result.kept) throw new Error(`the re-render replaced ${result.removed} <li>`);
    return { value: result.painted - result.loadedAt, parts: { render: result.render, paint: result.paint } };
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
export const measurements = () => [
  ...parseMeasurements(),
  ...paintMeasurements(),
  refresh,
  rerender,
  requests,
];

/**
 * Runs each measurement once to warm up, then `runs` times (the parsers of a parse group take
 * turns, see `parseGroup`); returns medians.
 */
async function kabarBench({ runs = 7, only } = {}) {
  // Lists load their (failing) images too: keep every feed's entry in the resource timing buffer.
  performance.setResourceTimingBufferSize(100_000);
  const context = {};
  const results = [];
  const all = measurements().filter((m) => !only || only.includes(m.name));
  const timed = [];
  for (const group of new Set(all.filter((m) => m.group).map((m) => m.group))) {
    timed.push(
      ...(await parseGroup(
        all.filter((m) => m.group === group),
        context,
        runs,
      )),
    );
  }
  for (const m of all.filter((m) => !m.group)) {
    await m.setup?.(context);
    await m.run(context, -1);
    const values = [];
    for (let i = 0; i < runs; i++) values.push(await m.run(context, i));
    timed.push({ m, values });
  }
  for (const { m, values: raw } of timed) {
    const values = raw.map((result) => (typeof result === 'number' ? result : result.value));
    const parts = (m.parts ?? []).map((part) => ({ part, median: median(raw.map((r) => r.parts[part])) }));
    results.push({
      name: m.name,
      group: m.group,
      parser: m.parser,
      format: m.format,
      count: m.count,
      label: m.label,
      inputs: m.inputs,
      note: m.note,
      unit: m.unit ?? 'ms',
      runs,
      median: median(values),
      // In run order: the parsers of a group took turns, so their n-th values are one round.
      values,
      min: Math.min(...values),
      max: Math.max(...values),
      parts,
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
window.kabarFirstParse = firstParse;
window.kabarFirstList = firstList;
