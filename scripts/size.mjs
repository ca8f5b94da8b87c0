/**
 * `npm run size`: gzip (level 9) sizes of what a page downloads, against the size budgets.
 * Builds first if `dist/` is missing, then measures:
 *  - `dist/kabar.min.js`, the one-script-tag bundle (all elements, Lit, the data layer);
 *  - each chunk it loads on demand (`dist/kabar-*.min.js`: the sanitizer, comment providers);
 *  - the news list with article cards and the data layer alone, and the share bar alone, each
 *    bundled in memory from the per-module output (`dist/components/**`) with Lit, minified with
 *    the same terser options as the build.
 *
 * The budgets are settled: each is the size the line had when they were decided (`SETTLED`),
 * plus 5% of headroom (`HEADROOM`) so that clearer code may cost a few hundred bytes. Clarity
 * beats bytes: a change saving under 1% of a line is not worth any loss of clarity. Kabar's six
 * widgets in 27 KB already weigh less than the share, comments and poll scripts a site would
 * paste instead. Speed is measured by `npm run bench`, not by these figures.
 *
 *   npm run size               prints the table
 *   npm run size -- --check    exits 1 when a line is over its budget
 *   npm run size -- --json     prints the figures as JSON (used by `npm run bench`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { terserOptions } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;

/** Room left above each settled size for clearer code. */
const HEADROOM = 1.05;

/**
 * The sizes, in KB, from which the budgets were settled, by line name (chunks without their
 * hash). A chunk not named here is held to `'a chunk loaded on demand'`.
 */
const SETTLED = {
  // 27.4 when settled, + 0.6 for features asked for since: strings merged key by key and
  // `registerTranslation` (in every element's locale hookup), and chunks that follow the
  // entry's own URL (`kabar.min.js?ver=6.1.9`).
  'dist/kabar.min.js': 28.0,
  'a chunk loaded on demand': 10.0,
  'dist/kabar-purify.min.js': 11.6,
  // Every HTML named reference, loaded only for a feed that uses a name beyond the common ones.
  'dist/kabar-entity-table.min.js': 11.3,
  'on demand, most a page loads': 12.8,
  'the same without the Sanitizer API': 23.6,
  // 51.0 when settled, + 0.6: the growth of `kabar.min.js` above.
  'a page using everything, in all': 51.6,
  // 19.0 when settled, + 0.4 for the same features and the forgiving feed reading.
  'news list + article card + data layer': 19.4,
  'share bar': 10.0,
};

/** The budget of a line, in bytes. */
const budget = (name) => Math.round((SETTLED[name] ?? SETTLED['a chunk loaded on demand']) * HEADROOM * KB);

/** A chunk's name without its content hash: `kabar-purify-D6XHEs54.min.js` → `kabar-purify.min.js`. */
const stable = (file) => file.replace(/-[\w-]{8}\.min\.js$/, '.min.js');

/** Gzip level 9 size of a string or buffer, in bytes. */
export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles entry modules of the per-module output with Lit into one minified module in memory.
 * Returns the gzip size of the entry chunk (what the page loads up front) and of any chunk it
 * loads on demand.
 */
async function bundle(entries) {
  const build = await rollup({
    input: entries.map((entry) => join(root, entry)),
    plugins: [resolve({ exportConditions: ['production'] }), terser(terserOptions)],
    onwarn: () => {},
  });
  // One entry module that imports every requested entry: the page's up-front download.
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: false });
  await build.close();
  const entryChunks = output.filter((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  const shared = output.filter((chunk) => chunk.type === 'chunk' && !chunk.isEntry && !chunk.isDynamicEntry);
  const lazy = output.filter((chunk) => chunk.type === 'chunk' && chunk.isDynamicEntry);
  const upFront = [...entryChunks, ...shared].map((chunk) => chunk.code).join('\n');
  return {
    bytes: gzipSize(upFront),
    lazy: lazy.map((chunk) => ({ name: chunk.name, bytes: gzipSize(chunk.code) })),
  };
}

/** Measures every budget line. Returns `[{ name, budget, bytes, note }]` (sizes in bytes). */
export async function measureSizes() {
  if (!existsSync(join(root, 'dist/kabar.min.js'))) {
    console.log('dist/ is missing: building first…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const lines = [];
  const main = await readFile(join(root, 'dist/kabar.min.js'));
  const mainBytes = gzipSize(main);
  lines.push({
    name: 'dist/kabar.min.js',
    bytes: mainBytes,
    note: 'all elements, Lit, data layer',
  });
  const chunks = (await readdir(join(root, 'dist')))
    .filter((file) => /^kabar-.+\.min\.js$/.test(file))
    .sort();
  for (const file of chunks) {
    const bytes = gzipSize(await readFile(join(root, 'dist', file)));
    lines.push({ name: `dist/${stable(file)}`, bytes, note: 'loaded on demand' });
  }
  // The most one page loads on demand: the larger reader group with the normalization both
  // use, a sanitizer with its rules, a comments provider with the embedding code, the strings of
  // a language other than Indonesian, and the poll's vote sending. Browsers with the HTML
  // Sanitizer API use it; the others download DOMPurify.
  const chunk = (name) => lines.find((l) => l.name === `dist/kabar-${name}.min.js`)?.bytes ?? 0;
  const largest = (...names) => Math.max(...names.map(chunk));
  const common =
    largest('xml-readers', 'json-readers') +
    chunk('normalize') +
    chunk('html-rules') +
    largest('disqus', 'giscus') +
    chunk('embed') +
    largest('en', 'su', 'jv') +
    chunk('vote-delivery');
  const native = common + chunk('sanitize-native');
  const purified = common + chunk('purify');
  lines.push({
    name: 'on demand, most a page loads',
    bytes: native,
    note: 'feed readers, Sanitizer API rules, comments, en/su/jv strings, vote sending',
  });
  lines.push({
    name: 'the same without the Sanitizer API',
    bytes: purified,
    note: 'DOMPurify instead (browsers without the API)',
  });
  lines.push({
    name: 'a page using everything, in all',
    bytes: mainBytes + purified,
    note: 'kabar.min.js + the line above: the most any page downloads',
  });
  const list = await bundle([
    'dist/components/news-list/kabar-news-list.js',
    'dist/components/article-card/kabar-article-card.js',
  ]);
  lines.push({
    name: 'news list + article card + data layer',
    bytes: list.bytes,
    note: `per-module output + Lit${list.lazy.length ? `; on demand: ${list.lazy.map((l) => `${l.name} ${fmt(l.bytes)}`).join(', ')}` : ''}`,
  });
  const share = await bundle(['dist/components/share-bar/kabar-share-bar.js']);
  lines.push({ name: 'share bar', bytes: share.bytes, note: 'per-module output + Lit' });
  for (const line of lines) line.budget = budget(line.name);
  return lines;
}

const fmt = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** The table as lines of text. */
export function formatSizes(lines) {
  const width = Math.max(...lines.map((l) => l.name.length));
  const out = [`  ${'gzip -9'.padEnd(width)}  ${'size'.padStart(9)}  ${'budget'.padStart(8)}  status`];
  for (const l of lines) {
    const status = l.bytes <= l.budget ? 'ok' : `OVER by ${fmt(l.bytes - l.budget)}`;
    out.push(
      `  ${l.name.padEnd(width)}  ${fmt(l.bytes).padStart(9)}  ${fmt(l.budget).padStart(8)}  ${status}${l.note ? `  (${l.note})` : ''}`,
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = await measureSizes();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(lines, null, 2));
  } else {
    console.log('\nKabar size budgets (gzip -9)\n');
    for (const line of formatSizes(lines)) console.log(line);
    console.log('');
  }
  const failed = lines.filter((l) => l.bytes > l.budget);
  if (process.argv.includes('--check') && failed.length) {
    console.error(
      `${failed.length} grew past its budget: ${failed.map((l) => `${l.name} (${fmt(l.bytes)} > ${fmt(l.budget)})`).join(', ')}`,
    );
    process.exit(1);
  }
}
