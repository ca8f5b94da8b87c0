/**
 * What a TypeScript user gets from importing one registration module and nothing else
 * (`import 'kabar/news-list.js'`): the tag in `HTMLElementTagNameMap`, and typed listeners for
 * the events the element fires (`event.detail`), through the package's `exports`.
 *
 * The declarations are emitted from src/ by the TypeScript compiler, as the build does, into
 * `node_modules/kabar/` of a folder outside the repository (inside it, `kabar/…` would name the
 * repository's own dist/), with this package.json and the repository's node_modules as its
 * dependencies. Each user file is then checked in a program of its own, so that one module's
 * declarations cannot lend another its types. `@ts-expect-error` lines make sure the types are
 * not `any`.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One file a user might write, for each registration module. */
const USERS = {
  'news-list': `
    import 'kabar/news-list.js';
    const el = document.createElement('kabar-news-list');
    const limit: number = el.limit;
    // @ts-expect-error limit is a number
    el.limit = 'three';
    el.addEventListener('kabar-load', (event) => {
      const items: number = event.detail.feed.items.length;
      const url: string = event.detail.url;
      void [items, url, limit];
    });
    el.addEventListener('kabar-error', (event) => {
      const kind: string = event.detail.error.kind;
      void kind;
    });
    document.querySelector('kabar-news-list')?.addEventListener('kabar-load', (event) => void event.detail.feed);
  `,
  feed: `
    import 'kabar/feed.js';
    const el = document.createElement('kabar-feed');
    el.addEventListener('kabar-load', (event) => void event.detail.feed.title);
    el.addEventListener('kabar-error', (event) => void event.detail.error.url);
  `,
  'article-card': `
    import 'kabar/article-card.js';
    const el = document.createElement('kabar-article-card');
    el.addEventListener('kabar-error', (event) => void event.detail.error.kind);
  `,
  poll: `
    import 'kabar/poll.js';
    const el = document.createElement('kabar-poll');
    el.addEventListener('kabar-vote', (event) => {
      const option: string = event.detail.optionId;
      if (option === 'jalan') event.preventDefault();
    });
    el.addEventListener('kabar-error', (event) => void event.detail.error.kind);
  `,
  'share-bar': `
    import 'kabar/share-bar.js';
    const el = document.createElement('kabar-share-bar');
    el.addEventListener('kabar-share', (event) => {
      const network: string = event.detail.network;
      void network;
    });
    el.addEventListener('kabar-error', (event) => void event.detail.error.kind);
  `,
  comments: `
    import 'kabar/comments.js';
    const el = document.createElement('kabar-comments');
    el.addEventListener('kabar-comments-load', (event) => {
      const reset: boolean = event.detail.reset;
      void reset;
    });
    el.addEventListener('kabar-error', (event) => void event.detail.error.kind);
  `,
};

/** What every user file is checked with: strict, as a bundler resolves `exports`. */
const USER_OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmit: true,
  types: [],
};

let work;
/** The previous program, whose parsed files (the DOM's types above all) the next one reuses. */
let previous;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'kabar-types-'));
  const pkg = join(work, 'node_modules/kabar');
  mkdirSync(pkg, { recursive: true });
  // Kabar's own dependencies (lit, @lit/context), as an install would provide them.
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) =>
        assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    },
  );
  const program = ts.createProgram(config.fileNames, {
    ...config.options,
    outDir: join(pkg, 'dist'),
    declaration: true,
    emitDeclarationOnly: true,
    sourceMap: false,
    declarationMap: false,
  });
  const emitted = program.emit();
  assert.deepEqual(
    emitted.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
  );
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
});

after(() => rmSync(work, { recursive: true, force: true }));

for (const [name, source] of Object.entries(USERS)) {
  test(`importing only kabar/${name}.js types its tag and its events`, () => {
    const file = join(work, `${name}.ts`);
    writeFileSync(file, source);
    const program = ts.createProgram([file], USER_OPTIONS, undefined, previous);
    previous = program;
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? `${d.file.fileName.slice(work.length + 1)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    assert.deepEqual(errors, []);
  });
}
