/**
 * Writes what editors need into dist/, all read from custom-elements.json:
 *   - vscode.html-custom-data.json, vscode.css-custom-data.json: VS Code's custom data;
 *   - web-types.json: JetBrains' web-types.
 * Run by `npm run build` after Rollup: `node scripts/integrations.mjs [outdir]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import { format, resolveConfig } from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));

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

/** Every generated file, by name. */
export function integrations(manifest) {
  return {
    ...editorData(manifest),
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
