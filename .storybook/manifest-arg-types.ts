/**
 * Arg types from `custom-elements.json`, one row per documented thing: attributes (with the
 * property behind them), properties without an attribute, events, slots, parts and CSS custom
 * properties. Storybook's own mapping keys every row by its bare name, so a part called
 * `image` would hide the attribute `image`; here each kind has its own key.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';

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

function controlFor(type: string | undefined): InputType['control'] {
  if (type === 'string') return { type: 'text' };
  if (type === 'number') return { type: 'number' };
  if (type === 'boolean') return { type: 'boolean' };
  return false;
}

function row(item: Item, category: string, name: string, control: InputType['control'] = false): InputType {
  const type = item.type?.text;
  return {
    name,
    description: item.description ?? '',
    control,
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
  for (const attribute of element.attributes ?? []) {
    const property = attribute.fieldName && attribute.fieldName !== attribute.name ? attribute.fieldName : '';
    if (attribute.fieldName) withAttribute.add(attribute.fieldName);
    const described = property
      ? { ...attribute, description: `${attribute.description ?? ''} (property \`${property}\`)`.trim() }
      : attribute;
    argTypes[attribute.name] = row(described, 'attributes', attribute.name, controlFor(attribute.type?.text));
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
  for (const prop of element.cssProperties ?? [])
    argTypes[prop.name] = row(prop, 'css custom properties', prop.name);
  return argTypes;
}
