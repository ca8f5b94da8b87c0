/**
 * The Custom Elements Manifest (custom-elements.json) is generated from the elements' JSDoc and
 * committed. These tests fail when it is stale, and when an element leaves something undocumented.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const committed = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
const elements = committed.modules.flatMap((mod) =>
  (mod.declarations ?? []).filter((d) => d.tagName).map((d) => ({ ...d, path: mod.path })),
);

test('custom-elements.json is up to date with the JSDoc (run `npm run analyze`)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'kabar-cem-'));
  // The analyzer joins --outdir to the working directory: give it a relative path.
  try {
    await run(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--outdir',
        relative(root, out),
      ],
      {
        cwd: root,
      },
    );
    const fresh = JSON.parse(await readFile(join(out, 'custom-elements.json'), 'utf8'));
    assert.deepEqual(committed, fresh, 'custom-elements.json is stale: run `npm run analyze` and commit it');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

/** The manifest names the published module (`dist/….js`); its source is the matching `src/….ts`. */
function sourceOf(path) {
  return path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
}

test('the manifest points at the published JavaScript, built from an existing source', () => {
  for (const mod of committed.modules) {
    assert.match(mod.path, /^dist\/.+\.js$/, `${mod.path}: a module path is the shipped dist/….js`);
    assert.ok(
      existsSync(join(root, sourceOf(mod.path))),
      `${mod.path}: no ${sourceOf(mod.path)} to build it from`,
    );
    for (const exported of mod.exports ?? []) {
      assert.equal(
        exported.declaration?.module,
        mod.path,
        `${mod.path}: export ${exported.name} points elsewhere`,
      );
    }
  }
});

test('package.json points tools at the manifest', async () => {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'), 'the manifest is published');
  assert.equal(
    pkg.exports['./custom-elements.json'],
    './custom-elements.json',
    'the manifest can be imported',
  );
});

test('every element directory has an element in the manifest', async () => {
  const dirs = await readdir(join(root, 'src/components'));
  for (const dir of dirs) {
    const tag = `kabar-${dir}`;
    assert.ok(
      elements.some((e) => e.tagName === tag),
      `<${tag}> is missing from the manifest: give its class a JSDoc block with @tagname ${tag}`,
    );
  }
});

for (const element of elements) {
  const tag = element.tagName;
  const dir = dirname(join(root, sourceOf(element.path)));

  test(`<${tag}> has a summary and a description`, () => {
    assert.ok(element.summary?.trim(), `<${tag}> needs @summary`);
    assert.ok(element.description?.trim(), `<${tag}> needs a description`);
  });

  test(`<${tag}> describes every attribute, property, method, event, slot, part and custom property`, () => {
    const groups = {
      attributes: element.attributes,
      members: (element.members ?? []).filter((m) => !m.privacy && !m.static),
      events: element.events,
      slots: element.slots,
      cssParts: element.cssParts,
      cssProperties: element.cssProperties,
    };
    for (const [group, items] of Object.entries(groups)) {
      for (const item of items ?? []) {
        assert.ok(item.description?.trim(), `<${tag}> ${group}: "${item.name}" has no description`);
      }
    }
    for (const event of element.events ?? []) {
      assert.ok(
        event.type?.text,
        `<${tag}> event ${event.name}: @fires needs its event class, {KabarXEvent}`,
      );
    }
    for (const prop of element.cssProperties ?? []) {
      assert.ok(
        prop.default !== undefined,
        `<${tag}> ${prop.name}: @cssprop needs its default, [--name=value]`,
      );
    }
  });

  test(`<${tag}> documents the parts, custom properties and events its code uses`, async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
    const sources = await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')]));
    const parts = new Set((element.cssParts ?? []).map((p) => p.name));
    const props = new Set((element.cssProperties ?? []).map((p) => p.name));
    const events = new Set((element.events ?? []).map((e) => e.name));
    for (const [file, text] of sources) {
      for (const [, names] of text.matchAll(/\bpart="([^"$]+)"/g)) {
        for (const name of names.split(/\s+/)) {
          assert.ok(parts.has(name), `<${tag}>: part "${name}" (${file}) needs a @csspart`);
        }
      }
      if (file.endsWith('.styles.ts')) {
        for (const [, name] of text.matchAll(/var\((--kabar-[\w-]+)/g)) {
          assert.ok(props.has(name), `<${tag}>: ${name} (${file}) needs a @cssprop`);
        }
      }
      // Events the element fires itself: `new KabarXEvent(` → that class's `type`.
      for (const [, cls] of text.matchAll(/dispatchEvent\(\s*new (Kabar\w+Event)\(/g)) {
        const file = cls
          .replace(/Event$/, '')
          .replace(/([a-z])([A-Z])/g, '$1-$2')
          .toLowerCase();
        const source = await readFile(join(root, 'src/events', `${file}.ts`), 'utf8').catch(() => '');
        const type = /static readonly type = '([^']+)'/.exec(source)?.[1];
        if (type) assert.ok(events.has(type), `<${tag}>: it fires ${type} (${cls}); add a @fires`);
      }
    }
  });
}

test('the shared base styles’ custom properties are documented by some element', async () => {
  const documented = new Set(elements.flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));
  for (const file of ['src/internal/reset.styles.ts', 'src/internal/message.styles.ts']) {
    const base = await readFile(join(root, file), 'utf8');
    for (const [, name] of base.matchAll(/var\((--kabar-[\w-]+)/g)) {
      assert.ok(documented.has(name), `${name} (${file}) needs a @cssprop on an element that uses it`);
    }
  }
});

/** The theme tokens and their one default, from `src/internal/tokens.ts`. */
async function tokenDefaults() {
  const source = await readFile(join(root, 'src/internal/tokens.ts'), 'utf8');
  const defaults = new Map(
    [...source.matchAll(/'(--kabar-[\w-]+)': '([^']*)'/g)].map(([, name, value]) => [name, value]),
  );
  assert.ok(defaults.size > 10, 'tokens.ts lists the theme tokens');
  return defaults;
}

test('every stylesheet falls back to the one default tokens.ts gives a theme token', async () => {
  const defaults = await tokenDefaults();
  const files = (await readdir(join(root, 'src'), { recursive: true })).filter((f) =>
    f.endsWith('.styles.ts'),
  );
  assert.ok(files.length >= 8, 'finds the stylesheets');
  for (const file of files) {
    const text = await readFile(join(root, 'src', file), 'utf8');
    for (const [, name, fallback] of text.matchAll(
      /var\((--kabar-(?:color|font|space|radius)-[\w-]+), ([^()]*?)\)/g,
    )) {
      assert.ok(defaults.has(name), `${name} (${file}) is not in tokens.ts`);
      assert.equal(fallback, defaults.get(name), `${file}: the default of ${name}`);
    }
  }
});

test('every element documents a theme token with the one default tokens.ts gives it', async () => {
  const defaults = await tokenDefaults();
  for (const element of elements) {
    for (const prop of element.cssProperties ?? []) {
      if (!defaults.has(prop.name)) continue;
      assert.equal(prop.default, defaults.get(prop.name), `<${element.tagName}>: default of ${prop.name}`);
    }
  }
});
