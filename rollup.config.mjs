import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/**
 * Two outputs:
 *  - dist/**: one ES module per source module, `lit` and `@lit/*` external, with `.d.ts`
 *    files, for npm users and their bundlers;
 *  - dist/kabar.min.js: one minified, self-contained ES module for a `<script type="module">`,
 *    plus chunks it loads on demand (the HTML sanitizer, feed readers, comment providers).
 */
const production = { exportConditions: ['production'] };

export const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 2, unsafe_arrows: true },
  mangle: { properties: { regex: /^__/ } },
  format: { comments: false },
};

/**
 * Minifies the markup in `html` and the rules in `css` templates. Whitespace between inline
 * elements is kept as one space (`conservativeCollapse`): it separates words on screen.
 */
export const literals = () =>
  minifyLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      minifyOptions: {
        caseSensitive: true,
        collapseWhitespace: true,
        conservativeCollapse: true,
        minifyCSS: { minify: true },
        removeComments: true,
        removeAttributeQuotes: false,
        decodeEntities: false,
      },
    },
  });

/**
 * Browsers remember a module that failed to load for the rest of the page's life
 * (whatwg/html#6768): a chunk that failed once on a bad connection would fail at once ever after,
 * so neither a retry button nor the next refresh could load it. The bundle's dynamic imports go
 * through `kabarImport`, which asks again under a new query after a failure. A call made while
 * the chunk is still on its way (a preload, another widget) waits for it, and if it fails, asks
 * once more itself, one request for all such calls: only the call that asked first sees that
 * failure. A chunk's static import of another chunk would keep that chunk's URL, so chunks
 * import from `kabar.min.js` only: the feed readers reach their shared code through
 * `src/data/shared.ts`, and the sanitizers are handed their rules by `src/internal/sanitize.ts`.
 */
export const retryableImports = () => ({
  name: 'kabar-retryable-imports',
  renderDynamicImport: ({ targetChunk }) => (targetChunk ? { left: 'kabarImport(', right: ')' } : null),
  intro: (chunk) =>
    chunk.dynamicImports.length
      ? `const kabarImports = new Map();
function kabarImport(url) {
  const load = kabarImports.get(url) || { failures: 0 };
  if (load.pending) return (load.joined ||= load.pending.catch(() => kabarImport(url)));
  const pending = import(load.failures ? url + '?retry=' + load.failures : url);
  kabarImports.set(url, { failures: load.failures, pending });
  pending.catch(() => kabarImports.set(url, { failures: load.failures + 1 }));
  return pending;
}`
      : '',
});

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'components/feed/kabar-feed': 'src/components/feed/kabar-feed.ts',
      'components/news-list/kabar-news-list': 'src/components/news-list/kabar-news-list.ts',
      'components/article-card/kabar-article-card': 'src/components/article-card/kabar-article-card.ts',
      'components/comments/kabar-comments': 'src/components/comments/kabar-comments.ts',
      'components/share-bar/kabar-share-bar': 'src/components/share-bar/kabar-share-bar.ts',
      'components/poll/kabar-poll': 'src/components/poll/kabar-poll.ts',
    },
    external: (id) =>
      id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id === 'dompurify',
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [
      literals(),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true, declarationMap: true }),
    ],
  },
  {
    input: 'src/define.ts',
    // The chunks import what they share with the entry from the entry itself, not from a
    // second chunk that would make kabar.min.js a facade.
    preserveEntrySignatures: 'allow-extension',
    // One file plus chunks loaded on demand (DOMPurify, only when an element renders HTML).
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'kabar.min.js',
      chunkFileNames: 'kabar-[name]-[hash].min.js',
    },
    plugins: [
      resolve(production),
      retryableImports(),
      literals(),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, sourceMap: true }),
      terser(terserOptions),
    ],
  },
];
