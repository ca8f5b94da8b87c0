/**
 * The files generated from custom-elements.json for editors (VS Code custom data, JetBrains
 * web-types) and frameworks (`kabar/jsx`, `kabar/vue`, `kabar/react`) name every element with
 * everything it documents, and package.json publishes them where the build writes them.
 * Whether the framework types really type-check is shown by the example apps
 * (`npm run test:examples`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  editorData,
  elementsOf,
  integrations,
  jsxTypes,
  reactWrappers,
  valueTypes,
  vueTypes,
} from '../../scripts/integrations.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const declarations = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName));
const data = editorData(manifest);

test('the manifest has the six elements the integrations are made for', () => {
  assert.deepEqual(declarations.map((d) => d.tagName).sort(), [
    'kabar-article-card',
    'kabar-comments',
    'kabar-feed',
    'kabar-news-list',
    'kabar-poll',
    'kabar-share-bar',
  ]);
});

test('VS Code custom data has every tag with each of its attributes', () => {
  const html = JSON.parse(data['vscode.html-custom-data.json']);
  for (const declaration of declarations) {
    const tag = html.tags.find((t) => t.name === declaration.tagName);
    assert.ok(tag, `<${declaration.tagName}> is missing from the VS Code data`);
    const firstLine = declaration.description.split('\n')[0];
    assert.ok(tag.description.includes(firstLine), `<${declaration.tagName}> has its description`);
    const names = tag.attributes.map((a) => a.name);
    for (const attribute of declaration.attributes ?? []) {
      assert.ok(names.includes(attribute.name), `<${declaration.tagName} ${attribute.name}> is missing`);
    }
  }
});

test('editor data offers the allowed values of an attribute typed by a value list', () => {
  const types = valueTypes();
  assert.equal(types.NewsListLayout, "'list' | 'grid' | 'compact'");
  assert.equal(types.LoadingMode, "'eager' | 'lazy'");
  const html = JSON.parse(data['vscode.html-custom-data.json']);
  const values = (tag, attribute) =>
    html.tags
      .find((t) => t.name === tag)
      .attributes.find((a) => a.name === attribute)
      .values?.map((v) => v.name);
  assert.deepEqual(values('kabar-news-list', 'layout'), ['list', 'grid', 'compact']);
  assert.deepEqual(values('kabar-comments', 'load'), ['visible', 'click', 'eager']);
  assert.deepEqual(values('kabar-news-list', 'images'), ['auto', 'off']);
  const webTypes = JSON.parse(data['web-types.json']);
  const card = webTypes.contributions.html.elements.find((e) => e.name === 'kabar-article-card');
  const layout = card.attributes.find((a) => a.name === 'layout');
  assert.match(JSON.stringify(layout), /vertical.*horizontal.*compact/);
});

test('VS Code CSS data has every documented custom property', () => {
  const css = JSON.parse(data['vscode.css-custom-data.json']);
  const names = new Set(css.properties.map((p) => p.name));
  for (const declaration of declarations) {
    for (const property of declaration.cssProperties ?? []) {
      assert.ok(names.has(property.name), `${property.name} (<${declaration.tagName}>) is missing`);
    }
  }
});

test('web-types has every tag with each of its attributes and events', () => {
  const webTypes = JSON.parse(data['web-types.json']);
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  for (const declaration of declarations) {
    const element = webTypes.contributions.html.elements.find((e) => e.name === declaration.tagName);
    assert.ok(element, `<${declaration.tagName}> is missing from web-types`);
    const attributes = element.attributes.map((a) => a.name);
    for (const attribute of declaration.attributes ?? []) {
      assert.ok(attributes.includes(attribute.name), `<${declaration.tagName} ${attribute.name}> is missing`);
    }
    const events = (element.js?.events ?? []).map((e) => e.name);
    for (const event of declaration.events ?? []) {
      assert.ok(events.includes(event.name), `<${declaration.tagName}> event ${event.name} is missing`);
    }
  }
});

test('kabar/jsx types every element’s properties and events for React 19', () => {
  const jsx = jsxTypes(manifest);
  assert.match(jsx, /declare module 'react' \{\s*namespace JSX \{\s*interface IntrinsicElements \{/);
  for (const element of elementsOf(manifest)) {
    const line = jsx
      .split('\n')
      .find((l) => l.includes(`'${element.tag}': KabarProps<${element.className},`));
    assert.ok(line, `<${element.tag}> is missing from kabar/jsx`);
    for (const property of element.properties)
      assert.ok(line.includes(`'${property}'`), `${element.tag}.${property}`);
    for (const event of element.events) {
      assert.ok(
        line.includes(`'on${event.name}'?: (event: ${event.type}) => void`),
        `${element.tag} on${event.name}`,
      );
    }
  }
});

test('kabar/vue declares every element as a global component with its properties and events', () => {
  const vue = vueTypes(manifest);
  assert.match(vue, /declare module 'vue' \{\s*interface GlobalComponents \{/);
  for (const element of elementsOf(manifest)) {
    const line = vue.split('\n').find((l) => l.includes(`'${element.tag}': DefineComponent<`));
    assert.ok(line, `<${element.tag}> is missing from kabar/vue`);
    for (const property of element.properties)
      assert.ok(line.includes(`'${property}'`), `${element.tag}.${property}`);
    for (const event of element.events)
      assert.ok(line.includes(`${event.reactProp}?:`), `${element.tag} ${event.name}`);
  }
  // `title` sets `threadTitle` on the comments: the attribute's own name is typed too.
  assert.match(vue, /'title'\?: KabarCommentsElement\['threadTitle'\]/);
});

test('kabar/react wraps every element, registering it, with an on… prop per event', () => {
  const { 'react.js': js, 'react.d.ts': dts } = reactWrappers(manifest);
  const expected = {
    'kabar-news-list': ['KabarNewsList', { onKabarLoad: 'kabar-load', onKabarError: 'kabar-error' }],
    'kabar-feed': ['KabarFeed', { onKabarLoad: 'kabar-load', onKabarError: 'kabar-error' }],
    'kabar-article-card': ['KabarArticleCard', { onKabarError: 'kabar-error' }],
    'kabar-poll': ['KabarPoll', { onKabarVote: 'kabar-vote', onKabarError: 'kabar-error' }],
    'kabar-share-bar': ['KabarShareBar', { onKabarShare: 'kabar-share', onKabarError: 'kabar-error' }],
    'kabar-comments': [
      'KabarComments',
      { onKabarCommentsLoad: 'kabar-comments-load', onKabarError: 'kabar-error' },
    ],
  };
  for (const element of elementsOf(manifest)) {
    const [name, events] = expected[element.tag];
    assert.equal(element.componentName, name);
    assert.ok(js.includes(`from '${element.registration}'`), `${name} imports ${element.registration}`);
    const block = js.slice(js.indexOf(`export const ${name} =`));
    assert.ok(block.includes(`tagName: '${element.tag}'`), `${name} wraps <${element.tag}>`);
    const eventsText = Object.entries(events)
      .map(([prop, type]) => `${prop}: '${type}'`)
      .join(', ');
    assert.ok(block.includes(`events: { ${eventsText} }`), `${name} events: ${eventsText}`);
    assert.match(dts, new RegExp(`export declare const ${name}: ReactWebComponent<${element.className},`));
  }
});

test('every registration module the React wrappers import is built by Rollup', async () => {
  const rollup = await readFile(join(root, 'rollup.config.mjs'), 'utf8');
  for (const element of elementsOf(manifest)) {
    const entry = element.registration.replace(/^\.\//, '').replace(/\.js$/, '');
    assert.ok(rollup.includes(`'${entry}'`), `rollup.config.mjs builds ${entry}`);
  }
});

test('package.json publishes each generated file where the build writes it', () => {
  assert.match(pkg.scripts.build, /node scripts\/integrations\.mjs/);
  const written = Object.keys(integrations(manifest)).map((name) => `./dist/${name}`);
  const exported = JSON.stringify(pkg.exports);
  for (const file of written) assert.ok(exported.includes(`"${file}"`), `${file} is in exports`);
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.ok(pkg.files.includes('dist'));
  // Types first in each conditional export, so TypeScript finds them.
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `${subpath}: types first`);
  }
});
