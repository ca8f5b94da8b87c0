/**
 * A story's element, set from its args the way a site writes it: every arg named like one of
 * the element's attributes becomes that attribute (left out when empty or false, so no
 * `category=""`), and every `--kabar-*` arg a custom property on the element. The same args
 * become the story's embed code (`embed-code.ts`), so what the Controls panel sets, the
 * element shows and the code hands over are one thing.
 */
import { nothing } from 'lit';
import { Directive, PartType, directive } from 'lit/directive.js';
import type { ElementPart, PartInfo } from 'lit/directive.js';
import manifest from '../../custom-elements.json';
import { elementsOf } from '../../.storybook/manifest-arg-types.js';

/** A story's args: any object whose keys are attribute names, `--kabar-*` names or property names. */
export type Args = object;

/** The attribute names of `tag`, in manifest order. */
export function attributeNames(tag: string): string[] {
  const element = elementsOf(manifest).find((d) => d.tagName === tag);
  return (element?.attributes ?? []).map((a) => a.name);
}

/** Attributes whose empty value means something (`label=""`: no visible heading). */
const EMPTY_MEANS_SOMETHING = new Set(['kabar-share-bar label']);

/** An arg's value as an attribute value, or undefined to leave the attribute out. */
export function attributeValue(value: unknown, emptyCounts = false): string | undefined {
  if (value === '' && emptyCounts) return '';
  if (value === undefined || value === null || value === false || value === '') return undefined;
  if (value === true) return '';
  if (Array.isArray(value)) return value.length ? value.join(' ') : undefined;
  return String(value);
}

/** The attributes `args` set on `tag`, in the element's manifest order. */
export function attributesOf(tag: string, args: Args): [string, string][] {
  const set: [string, string][] = [];
  for (const name of attributeNames(tag)) {
    const value = attributeValue(
      (args as Record<string, unknown>)[name],
      EMPTY_MEANS_SOMETHING.has(`${tag} ${name}`),
    );
    if (value !== undefined) set.push([name, value]);
  }
  return set;
}

/** The `--kabar-*` custom properties `args` set (colour controls). */
export function customPropertiesOf(args: Args): [string, string][] {
  return Object.entries(args as Record<string, unknown>).flatMap(([name, value]) =>
    name.startsWith('--kabar-') && typeof value === 'string' && value.trim() ? [[name, value.trim()]] : [],
  ) as [string, string][];
}

class ElementArgs extends Directive {
  #attributes = new Set<string>();
  #properties = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementArgs() goes on an element.');
  }

  render(_args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Args]) {
    const element = part.element as HTMLElement;
    const tag = element.localName;
    const attributes = new Map(attributesOf(tag, args));
    for (const name of this.#attributes) if (!attributes.has(name)) element.removeAttribute(name);
    for (const [name, value] of attributes) {
      if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    }
    this.#attributes = new Set(attributes.keys());
    const properties = new Map(customPropertiesOf(args));
    for (const name of this.#properties) if (!properties.has(name)) element.style.removeProperty(name);
    for (const [name, value] of properties) element.style.setProperty(name, value);
    this.#properties = new Set(properties.keys());
    return nothing;
  }
}

/** `<kabar-x ${elementArgs(args)}>`: the attributes and custom properties of `args`, as above. */
export const elementArgs = directive(ElementArgs);
