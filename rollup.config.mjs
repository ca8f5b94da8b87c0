import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import MagicString from 'magic-string';
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { describeEmbed, renderSnippet } from './bin/embed-snippet.mjs';

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
 * Routes the bundle's on-demand loading through `kabarImport` (`src/internal/kabar-import.ts`),
 * which asks again for a chunk that failed to load once, and hands each chunk the query and
 * hash of the entry's URL (`?entry=`). It does three rewrites:
 *  - each `import()` of a chunk becomes a call of `kabarImport`;
 *  - a chunk's static import of another chunk becomes `await kabarImport(...)` at its top, since
 *    a static import would keep that chunk's URL, failed for good;
 *  - a chunk's static imports of `kabar.min.js` become one `await import(...)` at its top of the
 *    very URL the page loaded (`kabar.min.js?ver=6.1.9`), read from the chunk's own `entry`
 *    parameter: a static import would name the bare URL, a second copy of every module when
 *    the page wrote a query or a hash. The bare URL stays bare. Every chunk shares the entry's
 *    `kabarImport` (`src/bundle.ts` exports it).
 * A chunk so has no static import at all.
 */
export const retryableImports = () => ({
  name: 'kabar-retryable-imports',
  renderDynamicImport: ({ targetChunk }) => (targetChunk ? { left: 'kabarImport(', right: ')' } : null),
  renderChunk(code, chunk, options, { chunks }) {
    if (chunk.isEntry) {
      if (chunk.dynamicImports.length && !/\bfunction kabarImport\(/.test(code)) {
        this.error(
          `${chunk.fileName} loads chunks but does not define kabarImport: is src/bundle.ts its entry?`,
        );
      }
      return null;
    }
    const entry = `./${Object.values(chunks).find((other) => other.isEntry).fileName}`;
    const ast = this.parse(code);
    const out = new MagicString(code);
    let loads = chunk.dynamicImports.length > 0;
    /** What the chunk takes from the entry, as destructuring fields (`exported: local`). */
    const fromEntry = [];
    for (const node of ast.body) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('./')) continue;
      if (node.type !== 'ImportDeclaration') {
        this.error(`${chunk.fileName} re-exports ${source}: a chunk may import another, not re-export it`);
      }
      const name = (n) => (n.type === 'Identifier' ? n.name : JSON.stringify(n.value));
      const namespace = node.specifiers.find((s) => s.type === 'ImportNamespaceSpecifier');
      const fields = node.specifiers
        .filter((s) => s.type !== 'ImportNamespaceSpecifier')
        .map((s) => `${s.type === 'ImportDefaultSpecifier' ? 'default' : name(s.imported)}: ${s.local.name}`);
      if (source === entry) {
        if (namespace) this.error(`${chunk.fileName} imports ${entry} as a namespace`);
        fromEntry.push(...fields);
        out.remove(node.start, node.end);
        continue;
      }
      loads = true;
      const load = `await kabarImport(${JSON.stringify(source)})`;
      const statements = [];
      if (namespace) statements.push(`const ${namespace.local.name} = ${load};`);
      if (fields.length)
        statements.push(`const { ${fields.join(', ')} } = ${namespace ? namespace.local.name : load};`);
      if (!statements.length) statements.push(`${load};`);
      out.overwrite(node.start, node.end, statements.join(' '));
    }
    if (loads && !fromEntry.some((field) => field.endsWith(': kabarImport'))) {
      fromEntry.push('kabarImport: kabarImport');
    }
    if (!fromEntry.length) return null;
    // The entry is loaded (it asked for this chunk): this import only finds it in the page's
    // module map, under the URL the page wrote.
    const entryUrl = `${JSON.stringify(entry)} + (new URL(import.meta.url).searchParams.get('entry') ?? '')`;
    out.prepend(`const { ${fromEntry.join(', ')} } = await import(${entryUrl});\n`);
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

/**
 * The chunk loader itself (`src/internal/kabar-import.ts`), compiled and imported here, so the
 * embed snippet lists exactly the URLs it asks for and its retry bound is written in one place.
 */
async function chunkLoader() {
  const source = await readFile(new URL('./src/internal/kabar-import.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

/**
 * Writes the embed snippet with Subresource Integrity beside the bundle (see
 * `bin/embed-snippet.mjs`): `embed.json`, the files' relative URLs and hashes, and
 * `embed.html`, the snippet for this version on jsDelivr. The hashes are of the files exactly
 * as written, source map comment included.
 */
export const embedSnippet = () => ({
  name: 'kabar-embed-snippet',
  async generateBundle(options, bundle) {
    const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
    const { MAX_CHUNK_RETRIES, chunkRequestUrl } = await chunkLoader();
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const embed = describeEmbed({
      name: pkg.name,
      version: pkg.version,
      entry: chunks.find((chunk) => chunk.isEntry).fileName,
      files: new Map(chunks.map((chunk) => [chunk.fileName, chunk.code])),
      requestUrl: chunkRequestUrl,
      retries: MAX_CHUNK_RETRIES,
    });
    this.emitFile({ type: 'asset', fileName: 'embed.json', source: `${JSON.stringify(embed, null, 2)}\n` });
    this.emitFile({ type: 'asset', fileName: 'embed.html', source: renderSnippet(embed) });
  },
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
    external: (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id === 'dompurify',
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
    input: 'src/bundle.ts',
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
      embedSnippet(),
    ],
  },
];
