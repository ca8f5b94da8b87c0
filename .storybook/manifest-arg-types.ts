/**
 * Arg types from `custom-elements.json`, one row per documented thing: attributes (with the
 * property behind them), properties without an attribute, events, slots, parts and CSS custom
 * properties. Storybook's own mapping keys every row by its bare name, so a part called
 * `image` would hide the attribute `image`; here each kind has its own key.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';
import { FEED_FORMATS } from '../src/data/model.js';
import {
  ARTICLE_CARD_LAYOUTS,
  COMMENTS_LOAD_MODES,
  LOADING_MODES,
  NEWS_LIST_LAYOUTS,
  SHARE_BAR_LAYOUTS,
  SHARE_NATIVE_MODES,
  SHARE_NETWORKS,
} from '../src/types.js';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text?: string };
  kind?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  fieldName?: string;
}

export interface ElementDeclaration {
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

export interface Manifest {
  modules: { path: string; declarations?: ElementDeclaration[] }[];
}

/** Every element the manifest describes, in manifest order. */
export function elementsOf(manifest: Manifest): ElementDeclaration[] {
  return manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName));
}

/** Attribute types with a closed set of values: a radio (or a select) instead of free text. */
const CHOICES: Record<string, readonly string[]> = {
  NewsListLayout: NEWS_LIST_LAYOUTS,
  ArticleCardLayout: ARTICLE_CARD_LAYOUTS,
  LoadingMode: LOADING_MODES,
  CommentsLoadMode: COMMENTS_LOAD_MODES,
  ShareBarLayout: SHARE_BAR_LAYOUTS,
  ShareNativeMode: SHARE_NATIVE_MODES,
  "'auto' | 'off'": ['auto', 'off'],
};

/** Attributes whose type the manifest gives as `string`, but which take one of a few values. */
const CHOICES_BY_NAME: Record<string, readonly string[]> = {
  // Empty: detect the format (the documented default).
  format: ['', ...FEED_FORMATS],
};

/**
 * The order of the Controls panel: what a site sets first (where the data comes from, how it
 * looks, how much of it) before the fine tuning; attributes not named here follow in manifest
 * order, and the request tuning (`format`, `proxy`, `refresh`, `timeout`) comes last.
 */
const IMPORTANCE = [
  'src',
  'url',
  'provider',
  'load',
  'heading',
  'href',
  'image',
  'text',
  'date',
  'excerpt',
  'category',
  'author',
  'layout',
  'limit',
  'page-size',
  'networks',
  'label',
  'native',
  'images',
  'heading-level',
  'content',
  'loading',
];
const LAST = ['format', 'proxy', 'refresh', 'timeout'];

function rank(name: string): number {
  const first = IMPORTANCE.indexOf(name);
  if (first >= 0) return first;
  const last = LAST.indexOf(name);
  return last >= 0 ? 1000 + last : 500;
}

/** The global colour tokens get a colour control; the other custom properties are documented only. */
function isColorToken(name: string): boolean {
  return name.startsWith('--kabar-color-');
}

function controlFor(name: string, declared: string | undefined): InputType['control'] {
  // `label`'s `undefined` means "the built-in label": unset, as an empty control leaves it.
  const type = declared?.replace(/ \| undefined$/, '');
  if (name === 'networks') return { type: 'inline-check' };
  const choices = CHOICES_BY_NAME[name] ?? (type ? CHOICES[type] : undefined);
  if (choices) return { type: choices.length > 4 ? 'select' : 'inline-radio' };
  if (type === 'string') return { type: 'text' };
  if (type === 'number') return { type: 'number' };
  if (type === 'boolean') return { type: 'boolean' };
  return false;
}

function optionsFor(name: string, type: string | undefined): readonly string[] | undefined {
  if (name === 'networks') return SHARE_NETWORKS;
  return CHOICES_BY_NAME[name] ?? (type ? CHOICES[type] : undefined);
}

function row(item: Item, category: string, name: string, control: InputType['control'] = false): InputType {
  const type = item.type?.text;
  const options = category === 'attributes' ? optionsFor(name, type) : undefined;
  return {
    name,
    description: item.description ?? '',
    control,
    ...(options ? { options: [...options] } : {}),
    table: {
      category,
      ...(type ? { type: { summary: type } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
  };
}

export function argTypesFor(manifest: Manifest, tagName: string): ArgTypes {
  const element = elementsOf(manifest).find((d) => d.tagName === tagName);
  if (!element) return {};
  const argTypes: ArgTypes = {};
  const withAttribute = new Set<string>();
  const attributes = [...(element.attributes ?? [])].sort((a, b) => rank(a.name) - rank(b.name));
  for (const attribute of attributes) {
    const property = attribute.fieldName && attribute.fieldName !== attribute.name ? attribute.fieldName : '';
    if (attribute.fieldName) withAttribute.add(attribute.fieldName);
    const described = property
      ? { ...attribute, description: `${attribute.description ?? ''} (property \`${property}\`)`.trim() }
      : attribute;
    argTypes[attribute.name] = row(
      described,
      'attributes',
      attribute.name,
      controlFor(attribute.name, attribute.type?.text),
    );
  }
  // Colour tokens first (they have controls), then the rest, each group in manifest order.
  const cssProperties = [...(element.cssProperties ?? [])].sort(
    (a, b) => Number(isColorToken(b.name)) - Number(isColorToken(a.name)),
  );
  for (const prop of cssProperties) {
    argTypes[prop.name] = row(
      prop,
      'css custom properties',
      prop.name,
      isColorToken(prop.name) ? { type: 'color' } : false,
    );
  }
  for (const member of element.members ?? []) {
    if (member.privacy || member.static || withAttribute.has(member.name)) continue;
    if (member.kind === 'method') {
      argTypes[`method:${member.name}`] = row(member, 'methods', `${member.name}()`);
    } else {
      argTypes[member.name] = row(member, 'properties', member.name);
    }
  }
  for (const event of element.events ?? [])
    argTypes[`event:${event.name}`] = row(event, 'events', event.name);
  for (const slot of element.slots ?? []) {
    argTypes[`slot:${slot.name}`] = row(slot, 'slots', slot.name || '(default)');
  }
  for (const part of element.cssParts ?? [])
    argTypes[`part:${part.name}`] = row(part, 'css shadow parts', part.name);
  return argTypes;
}
