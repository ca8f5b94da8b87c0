/**
 * Writes what editors and frameworks need into dist/, all read from custom-elements.json:
 *   - vscode.html-custom-data.json, vscode.css-custom-data.json: VS Code's custom data;
 *   - web-types.json: JetBrains' web-types;
 *   - jsx.d.ts (`kabar/jsx`): React 19 JSX types for every element;
 *   - vue.d.ts (`kabar/vue`): Vue 3 `GlobalComponents` types for every element;
 *   - react.js, react.d.ts (`kabar/react`): React 18 wrapper components made with @lit/react.
 * Run by `npm run build` after Rollup: `node scripts/integrations.mjs [outdir]`.
 *
 * The types name each element's properties from the manifest and take their types from the
 * element classes themselves (`Pick<KabarNewsListElement, 'limit'>`), so they are exactly the
 * types the code declares, documentation included.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import { format, resolveConfig } from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEADER = '// Generated from custom-elements.json by scripts/integrations.mjs: do not edit.';

/** The elements of a manifest, with what the generated files need of each. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => {
        const properties = (declaration.members ?? []).filter(
          (member) => member.kind === 'field' && !member.static && !member.readonly && !member.privacy,
        );
        const names = new Set(properties.map((p) => p.name));
        return {
          tag: declaration.tagName,
          className: declaration.name,
          summary: declaration.summary ?? '',
          // `kabar-news-list` → `KabarNewsList`, the React wrapper's name.
          componentName: declaration.tagName.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase()),
          // dist/components/news-list/news-list-element.js → ./components/news-list/kabar-news-list.js
          registration: `./${relative('dist', dirname(mod.path))}/${declaration.tagName}.js`,
          properties: properties.map((p) => p.name),
          // Attributes whose name is not their property's (`title` sets `threadTitle`).
          otherAttributes: (declaration.attributes ?? [])
            .filter((a) => a.fieldName && !names.has(camelCase(a.name)) && names.has(a.fieldName))
            .map((a) => ({ name: a.name, fieldName: a.fieldName })),
          events: (declaration.events ?? []).map((event) => ({
            name: event.name,
            type: event.type?.text ?? 'Event',
            // `kabar-comments-load` → `onKabarCommentsLoad`
            reactProp: 'on' + event.name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase()),
          })),
        };
      }),
  );
}

const camelCase = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const quoted = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');
const eventTypes = (elements) =>
  [...new Set(elements.flatMap((e) => e.events.map((event) => event.type)))].sort();
const docComment = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '');

/**
 * The value lists of src/types.ts (`export const NEWS_LIST_LAYOUTS = ['list', …] as const;` and
 * `export type NewsListLayout = (typeof NEWS_LIST_LAYOUTS)[number];`) as `{ NewsListLayout:
 * "'list' | 'grid' | 'compact'" }`: the manifest names the type, editors need its values.
 */
export function valueTypes(source = readFileSync(join(root, 'src/types.ts'), 'utf8')) {
  const lists = new Map();
  for (const [, name, items] of source.matchAll(/export const (\w+) = \[([^\]]*)\] as const;/g)) {
    lists.set(name, [...items.matchAll(/'([^']*)'/g)].map(([quoted]) => quoted).join(' | '));
  }
  const types = {};
  for (const [, type, list] of source.matchAll(/export type (\w+) = \(typeof (\w+)\)\[number\];/g)) {
    if (lists.has(list)) types[type] = lists.get(list);
  }
  return types;
}

/** VS Code's HTML and CSS custom data and JetBrains' web-types, as formatted JSON text. */
export function editorData(manifest, types = valueTypes()) {
  // The same manifest with `NewsListLayout` written out as `'list' | 'grid' | 'compact'`.
  const expanded = JSON.parse(JSON.stringify(manifest), (key, value) =>
    key === 'text' && typeof value === 'string' && types[value] ? types[value] : value,
  );
  const json = (text) => JSON.stringify(JSON.parse(text), null, 2) + '\n';
  const options = { hideLogs: true, descriptionSrc: 'description' };
  return {
    'vscode.html-custom-data.json': json(getVsCodeHtmlCustomData(expanded, options)),
    'vscode.css-custom-data.json': json(getVsCodeCssCustomData(expanded, options)),
    'web-types.json': json(getWebTypesData(expanded, { ...options, packageJson: false })),
  };
}

/** `kabar/jsx`: React 19's `JSX.IntrinsicElements` for every element (React 19 sets properties). */
export function jsxTypes(manifest) {
  const elements = elementsOf(manifest);
  const classes = elements.map((e) => e.className);
  const lines = [
    HEADER,
    "// React 19 sets a custom element's properties and listens to its events (`onkabar-load`).",
    "// Enable with `import type {} from 'kabar/jsx';` in one file of the project.",
    "import type { ClassAttributes, HTMLAttributes } from 'react';",
    `import type { ${[...classes, ...eventTypes(elements)].join(', ')} } from './index.js';`,
    '',
    "/** The element's own properties, React's common attributes, and listeners of its events. */",
    'type KabarProps<E extends HTMLElement, P extends keyof E, Events> = ClassAttributes<E> &',
    '  Omit<HTMLAttributes<E>, P | keyof Events> &',
    '  Partial<Pick<E, P>> &',
    '  Events;',
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
  ];
  for (const element of elements) {
    const events = element.events.map((e) => `'on${e.name}'?: (event: ${e.type}) => void`).join('; ');
    lines.push(
      docComment(element.summary, '      ') +
        `      '${element.tag}': KabarProps<${element.className}, ${quoted(element.properties)}, { ${events} }>;`,
    );
  }
  lines.push('    }', '  }', '}', '');
  return lines.join('\n');
}

/** `kabar/vue`: `GlobalComponents` for every element, so `vue-tsc --strictTemplates` checks them. */
export function vueTypes(manifest) {
  const elements = elementsOf(manifest);
  const classes = elements.map((e) => e.className);
  const lines = [
    HEADER,
    "// Vue sets a custom element's properties and listens to its events (`@kabar-load`). Tell Vue",
    "// the tags are custom elements: `isCustomElement: (tag) => tag.startsWith('kabar-')`.",
    "import type { DefineComponent } from 'vue';",
    `import type { ${[...classes, ...eventTypes(elements)].join(', ')} } from './index.js';`,
    '',
    "/** The element's own properties, and listeners of its events. */",
    'type KabarProps<E, P extends keyof E, Events> = Partial<Pick<E, P>> & Events;',
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
  ];
  for (const element of elements) {
    const members = [
      ...element.otherAttributes.map((a) => `'${a.name}'?: ${element.className}['${a.fieldName}']`),
      ...element.events.map((e) => `${e.reactProp}?: (event: ${e.type}) => void`),
    ].join('; ');
    lines.push(
      docComment(element.summary, '    ') +
        `    '${element.tag}': DefineComponent<KabarProps<${element.className}, ${quoted(element.properties)}, { ${members} }>>;`,
    );
  }
  lines.push('  }', '}', '', 'export {};', '');
  return lines.join('\n');
}

/** `kabar/react`: wrappers for React 18, which sets only attributes and knows no custom events. */
export function reactWrappers(manifest) {
  const elements = elementsOf(manifest);
  const js = [
    HEADER,
    "import * as React from 'react';",
    "import { createComponent } from '@lit/react';",
    ...elements.map((e) => `import { ${e.className} } from '${e.registration}';`),
  ];
  const dts = [
    HEADER,
    "import type { EventName, ReactWebComponent } from '@lit/react';",
    `import type { ${[...elements.map((e) => e.className), ...eventTypes(elements)].join(', ')} } from './index.js';`,
  ];
  for (const element of elements) {
    const events = element.events.map((e) => `${e.reactProp}: '${e.name}'`).join(', ');
    js.push(
      '',
      docComment(element.summary, '') +
        `export const ${element.componentName} = /* @__PURE__ */ createComponent({\n` +
        `  react: React,\n  tagName: '${element.tag}',\n  elementClass: ${element.className},\n` +
        `  events: { ${events} },\n  displayName: '${element.componentName}',\n});`,
    );
    const eventMap = element.events.map((e) => `${e.reactProp}: EventName<${e.type}>`).join('; ');
    dts.push(
      '',
      docComment(element.summary, '') +
        `export declare const ${element.componentName}: ReactWebComponent<${element.className}, { ${eventMap} }>;`,
    );
  }
  return { 'react.js': js.join('\n') + '\n', 'react.d.ts': dts.join('\n') + '\n' };
}

/** Every generated file, by name. */
export function integrations(manifest) {
  return {
    ...editorData(manifest),
    'jsx.d.ts': jsxTypes(manifest),
    'vue.d.ts': vueTypes(manifest),
    ...reactWrappers(manifest),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2] ?? join(root, 'dist');
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const files = integrations(manifest);
  mkdirSync(outdir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    // Formatted like the sources, so the published declarations read well.
    const config = await resolveConfig(join(root, 'package.json'));
    const formatted = name.endsWith('.json') ? text : await format(text, { ...config, filepath: name });
    writeFileSync(join(outdir, name), formatted);
  }
  console.log(`Wrote ${Object.keys(files).join(', ')} to ${relative(root, outdir) || '.'}`);
}
