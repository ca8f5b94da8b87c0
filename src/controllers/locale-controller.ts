import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLanguage } from '../i18n/language.js';
import { withOverrides, type KabarStringsOverrides } from '../i18n/overrides.js';
import type { KabarLanguage, KabarStrings } from '../i18n/strings.js';
import { loaded, loadStrings, type StringTables } from '../i18n/tables.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What the page-wide observer tells of a `lang` change. */
interface Resolver {
  resolve(): void;
}

const controllers = new Set<Resolver>();
let observer: MutationObserver | undefined;

/** One observer for the page: `lang` changes are rare, and every widget needs to hear of them. */
function watch(controller: Resolver): void {
  controllers.add(controller);
  if (!observer) {
    observer = new MutationObserver(() => controllers.forEach((c) => c.resolve()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
}

function unwatch(controller: Resolver): void {
  controllers.delete(controller);
  if (controllers.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** The `lang` in force for `el`: its own, the nearest ancestor's (across shadow roots), the document's. */
export function langOf(el: Element): string {
  for (let node: Element | null = el; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return document.documentElement.lang;
}

/**
 * Resolves the host's language (its `lang`, the nearest `[lang]`, then `<html lang>`), follows
 * changes to it, and loads its strings when they are not Indonesian (see `ready`). Dates and
 * numbers in that language: `formatDate` and `formatNumber` (`i18n/format.ts`).
 */
export class LocaleController<
  K extends keyof KabarStrings = keyof KabarStrings,
> implements ReactiveController {
  readonly #host: Host;
  readonly #tables: StringTables<K>;
  readonly #overrides: () => KabarStringsOverrides | undefined;
  #lang: KabarLanguage = 'id';
  /** The language resolved, which becomes `#lang` once its strings are loaded. */
  #wanted: KabarLanguage = 'id';
  #ready = Promise.resolve();
  #strings: Partial<Record<KabarLanguage, Pick<KabarStrings, K>>> = {};
  /** The last strings handed out with the host's overrides, and what they were made from. */
  #merged?: { base: object; overrides: unknown; strings: Pick<KabarStrings, K> };

  /**
   * `tables` are the string groups the host uses (from `i18n/tables.js`), so a host bundled
   * alone carries only its own words: Indonesian, and any other language the caller has (the
   * rest load on demand); `overrides` returns the host's replacements, if any.
   */
  constructor(
    host: Host,
    tables: StringTables<K>,
    overrides: () => KabarStringsOverrides | undefined = () => undefined,
  ) {
    this.#host = host;
    this.#tables = tables;
    this.#overrides = overrides;
    host.addController(this);
  }

  /** The shipped language in force: `id`, `en` or `su` (a new one once its strings are loaded). */
  get lang(): KabarLanguage {
    return this.#lang;
  }

  /**
   * Settles once the strings of the host's language are loaded, or could not be (the host
   * then shows Indonesian). Never rejects. A host awaits it before its first render, so that
   * it never paints Indonesian first; later changes of language render when loaded.
   */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /**
   * The strings for the language, with the host's overrides laid over them key by key
   * (`withOverrides`): `{ poll: { submit: 'Kirim' } }` keeps every other poll string.
   */
  get strings(): Pick<KabarStrings, K> {
    const lang = this.#lang;
    const base = (this.#strings[lang] ??= Object.fromEntries(
      Object.entries<Partial<Record<KabarLanguage, unknown>>>(this.#tables).map(([group, table]) => [
        group,
        table[lang] ?? loaded[lang]?.[group as K] ?? table.id,
      ]),
    ) as Pick<KabarStrings, K>);
    const overrides = this.#overrides();
    // A render reads the strings many times: merge once for each new language or overrides object.
    const merged = this.#merged;
    if (merged?.base === base && merged.overrides === overrides) return merged.strings;
    const strings = withOverrides(base, overrides);
    this.#merged = { base, overrides, strings };
    return strings;
  }

  hostConnected(): void {
    watch(this);
    this.resolve();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  hostUpdate(): void {
    // Cheap, and catches `lang` changes the page-wide observer cannot see (inside other shadow roots).
    this.resolve(false);
  }

  /** Re-reads the language; asks the host to render when it changed (once its strings are loaded). */
  resolve(update = true): void {
    const lang = toLanguage(langOf(this.#host));
    if (lang === this.#wanted) return;
    this.#wanted = lang;
    const loading = loadStrings(lang);
    if (loading) {
      // Rendered once the strings are in, unless the language changed again meanwhile.
      this.#ready = loading.then(() => {
        if (this.#wanted !== lang) return;
        this.#lang = lang;
        this.#host.requestUpdate();
      });
    } else {
      this.#lang = lang;
      if (update) this.#host.requestUpdate();
    }
  }
}
