/**
 * Every element renders on the server with `@lit-labs/ssr` (declarative shadow DOM), where there
 * is no `document`, `window`, `location` or `navigator`: an element may use them once connected
 * in a browser, never while it is constructed or first rendered.
 *
 * The elements are compiled from source with esbuild into a folder under node_modules/.cache
 * (so that they import the same `lit` as the renderer), then rendered with representative
 * attributes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'node_modules/.cache', `kabar-ssr-${process.pid}`);

/** Names a browser has and Node must not be asked for while rendering. */
const BROWSER_GLOBALS = ['document', 'window', 'location', 'navigator', 'localStorage', 'sessionStorage'];

let render;
let collect;
let html;

before(async () => {
  for (const name of BROWSER_GLOBALS) {
    // Node 21+ has a `navigator` of its own; a browser-only read must fail here as it would in any server.
    if (name in globalThis) Object.defineProperty(globalThis, name, { value: undefined, configurable: true });
  }
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/define.ts')],
    outfile: join(out, 'define.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    // The renderer must see the same Lit as the elements.
    external: ['lit', 'lit/*', '@lit/*', 'dompurify'],
    logLevel: 'silent',
  });
  ({ render } = await import('@lit-labs/ssr'));
  ({ collectResultSync: collect } = await import('@lit-labs/ssr/lib/render-result.js'));
  ({ html } = await import('lit'));
  await import(pathToFileURL(join(out, 'define.js')).href);
});

after(() => rm(out, { recursive: true, force: true }));

/** Server-renders `markup`, HTML with one element and its attributes, and returns the output. */
function ssr(markup) {
  // A template of fixed markup, as a page's own server template would be.
  const strings = Object.assign([markup], { raw: [markup] });
  return collect(render(html(strings)));
}

/** The declarative shadow root of the first `tag` in `output`. */
function shadowOf(output, tag) {
  const start = output.indexOf(`<${tag}`);
  assert.notEqual(start, -1, `no <${tag}> in the output`);
  const match = /<template shadowroot(?:mode)?="open"[^>]*>([\s\S]*?)<\/template>/.exec(output.slice(start));
  assert.ok(match, `<${tag}> has no declarative shadow root`);
  return match[1];
}

const text = (markup) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const cases = [
  {
    tag: 'kabar-news-list',
    markup:
      '<kabar-news-list src="https://pemda.example/feed.xml" limit="5" lang="id" layout="compact"></kabar-news-list>',
    check: (shadow) => {
      assert.match(shadow, /<style>/);
      assert.match(shadow, /aria-busy="true"/);
    },
  },
  {
    tag: 'kabar-article-card',
    markup:
      '<kabar-article-card heading="Jembatan baru dibuka" href="https://pemda.example/berita/1" excerpt="Warga menyambut." date="2026-11-23T08:00:00Z" image="https://pemda.example/a.jpg" lang="id"></kabar-article-card>',
    check: (shadow) => {
      assert.match(text(shadow), /Jembatan baru dibuka/);
      assert.match(shadow, /href="https:\/\/pemda\.example\/berita\/1"/);
    },
  },
  {
    tag: 'kabar-poll',
    markup: '<kabar-poll src="https://pemda.example/api/polls/layanan" lang="en"></kabar-poll>',
    check: (shadow) => assert.match(shadow, /part="poll"/),
  },
  {
    tag: 'kabar-share-bar',
    markup:
      '<kabar-share-bar url="https://pemda.example/berita/1" text="Jembatan baru" networks="whatsapp facebook email copy" native="auto" lang="id"></kabar-share-bar>',
    check: (shadow) => {
      assert.match(
        shadow,
        /https:\/\/wa\.me\/\?text=Jembatan%20baru%20https%3A%2F%2Fpemda\.example%2Fberita%2F1/,
      );
      assert.match(text(shadow), /Bagikan/);
      assert.match(text(shadow), /Salin tautan/);
    },
  },
  {
    tag: 'kabar-comments',
    markup: '<kabar-comments provider="giscus" load="click" lang="id"></kabar-comments>',
    check: (shadow) => {
      assert.match(text(shadow), /^Komentar/);
      // What to show (a consent button, the embed) is decided in the browser.
      assert.match(shadow, /part="placeholder"/);
    },
  },
  {
    tag: 'kabar-feed',
    markup:
      '<kabar-feed src="https://pemda.example/feed.xml"><kabar-news-list></kabar-news-list></kabar-feed>',
    check: (shadow) => assert.match(shadow, /<slot/),
  },
];

for (const { tag, markup, check } of cases) {
  test(`<${tag}> renders on the server`, () => {
    const output = ssr(markup);
    const shadow = shadowOf(output, tag);
    assert.doesNotMatch(text(shadow), /undefined|NaN|\[object /);
    check(shadow);
  });
}

test('a share bar without a url renders on the server, its links made in the browser', () => {
  const output = ssr('<kabar-share-bar networks="whatsapp"></kabar-share-bar>');
  assert.match(shadowOf(output, 'kabar-share-bar'), /part="bar"/);
});
