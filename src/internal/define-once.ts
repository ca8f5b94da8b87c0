import { VERSION } from './version.js';

/**
 * Where every copy of Kabar on the page records which version defined which tag: one map on
 * the page, made by the first copy that loads, under a key every copy finds.
 */
const versions = ((globalThis as unknown as Record<symbol, Map<string, string> | undefined>)[
  Symbol.for('kabar.versions')
] ??= new Map());

let warned = false;

/**
 * Registers `tag` unless it is already defined. Kabar is pasted into pages we do not control,
 * sometimes twice or in two versions; the first definition wins and a version mismatch is
 * reported once rather than thrown.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    const other = versions.get(tag);
    if (existing !== ctor && other !== VERSION && !warned) {
      warned = true;
      console.warn(
        `[kabar] <${tag}> is already defined by Kabar ${other ?? '(unknown version)'}; ` +
          `this copy (${VERSION}) uses that definition.`,
      );
    }
    return;
  }
  customElements.define(tag, ctor);
  versions.set(tag, VERSION);
}
