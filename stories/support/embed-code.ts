/**
 * The code a story hands over ("Show code"): what a site pastes to get the same widget. The
 * script tag comes first, with this version of Kabar on a CDN; then the theme as a `<style>`
 * block of `--kabar-*` properties; then the element with only the attributes the story sets,
 * where URLs that work only inside Storybook (fixtures, the mock poll service, stand-in
 * comments providers) are replaced by placeholders the site fills in.
 */
import { version } from '../../package.json';
import { attributeValue, attributesOf, customPropertiesOf } from './element.js';
import type { Args } from './element.js';

/** The one line every page needs, pinned to the version these stories were built from. */
export const SCRIPT_TAG = `<script type="module" src="https://cdn.jsdelivr.net/npm/kabar@${version}/dist/kabar.min.js"></script>`;

/** Where a site's own feed would be: the code shows it instead of the stories' fixture. */
export const FEED_PLACEHOLDER = 'https://situs-anda.go.id/berita/feed/';
/** Where a site's poll service would answer. */
export const POLL_PLACEHOLDER = 'https://situs-anda.go.id/api/polls/current';

/** `parameters.embed` of a story or a meta: how its element is written on a real page. */
export interface EmbedParameters {
  /** Attribute values a site writes instead of the story's, for attributes the story sets. */
  replace?: Record<string, string>;
  /** Attributes only the code has (a real provider where the story uses a stand-in). */
  add?: Record<string, string>;
  /** Attributes the story sets that a site would not write. */
  omit?: string[];
  /** What goes inside the element (light DOM), as HTML. */
  content?: string;
  /** An HTML comment above the element: where the state shown comes from. */
  note?: string;
}

/** A theme as the code writes it. */
export interface EmbedTheme {
  properties: Record<string, string>;
  /** `dark` for a dark theme: native controls (radio buttons, scroll bars) follow it. */
  scheme?: string;
}

/** Attributes that are on or off: written bare (`content`), not `content=""`. */
const BOOLEAN_ATTRIBUTES = new Set(['content']);

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

/** `<tag a="1" b="2">content</tag>`, one attribute a line when they do not fit on one. */
export function elementCode(tag: string, attributes: [string, string][], content = ''): string {
  const written = attributes.map(([name, value]) =>
    value === '' && BOOLEAN_ATTRIBUTES.has(name) ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const oneLine = `<${[tag, ...written].join(' ')}>`;
  const open = oneLine.length <= 100 ? oneLine : `<${tag}\n${written.map((a) => `  ${a}`).join('\n')}\n>`;
  const inner = content.trim() ? `\n${indent(content.trim(), '  ')}\n` : '';
  return `${open}${inner}</${tag}>`;
}

/** The `<style>` block: `color-scheme` and the `--kabar-*` properties, on `selector`. */
export function styleCode(selector: string, theme: EmbedTheme): string {
  const declarations = [
    ...(theme.scheme ? [`color-scheme: ${theme.scheme};`] : []),
    ...Object.entries(theme.properties).map(([name, value]) => `${name}: ${value};`),
  ];
  if (!declarations.length) return '';
  return `<style>\n  ${selector} {\n${declarations.map((d) => `    ${d}`).join('\n')}\n  }\n</style>`;
}

/** The whole snippet of a story: script tag, theme, note, element. */
export function embedCode(tag: string, args: Args, theme: EmbedTheme, embed: EmbedParameters = {}): string {
  const omitted = new Set(embed.omit ?? []);
  const attributes = attributesOf(tag, args)
    .filter(([name]) => !omitted.has(name))
    .map(([name, value]): [string, string] => [name, embed.replace?.[name] ?? value]);
  for (const [name, value] of Object.entries(embed.add ?? {})) {
    if (attributeValue(value) !== undefined && !attributes.some(([n]) => n === name))
      attributes.push([name, value]);
  }
  const style = styleCode(tag, {
    scheme: theme.scheme,
    properties: { ...theme.properties, ...Object.fromEntries(customPropertiesOf(args)) },
  });
  return [
    SCRIPT_TAG,
    style,
    embed.note ? `<!-- ${embed.note.replaceAll('--', '—')} -->` : '',
    elementCode(tag, attributes, embed.content),
  ]
    .filter(Boolean)
    .join('\n');
}
