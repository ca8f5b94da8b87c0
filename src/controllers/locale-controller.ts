import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLanguage } from '../i18n/language.js';
import type { KabarLanguage, KabarStrings } from '../i18n/strings.js';
import type { StringTables } from '../i18n/tables.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Locales tried for `Intl`, best first: ICU may lack Sundanese data, whose readers read Indonesian. */
const INTL_LOCALES: Record<KabarLanguage, string[]> = {
  id: ['id-ID'],
  en: ['en-GB'],
  su: ['su-ID', 'id-ID'],
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

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
 * changes to it, and formats dates and numbers with cached `Intl` objects.
 */
export class LocaleController<
  K extends keyof KabarStrings = keyof KabarStrings,
> implements ReactiveController {
  readonly #host: Host;
  readonly #tables: StringTables<K>;
  readonly #overrides: () => Partial<KabarStrings> | undefined;
  #lang: KabarLanguage = 'id';
  #strings: Partial<Record<KabarLanguage, Pick<KabarStrings, K>>> = {};

  /**
   * `tables` are the string groups the host uses (from `i18n/tables.js`), so a host bundled
   * alone carries only its own words; `overrides` returns the host's replacements, if any.
   */
  constructor(
    host: Host,
    tables: StringTables<K>,
    overrides: () => Partial<KabarStrings> | undefined = () => undefined,
  ) {
    this.#host = host;
    this.#tables = tables;
    this.#overrides = overrides;
    host.addController(this);
  }

  /** The shipped language in force: `id`, `en` or `su`. */
  get lang(): KabarLanguage {
    return this.#lang;
  }

  /** The strings for the language, with the host's overrides on top. */
  get strings(): Pick<KabarStrings, K> {
    const lang = this.#lang;
    const strings = (this.#strings[lang] ??= Object.fromEntries(
      Object.entries(this.#tables).map(([group, table]) => [
        group,
        (table as Record<KabarLanguage, unknown>)[lang],
      ]),
    ) as Pick<KabarStrings, K>);
    const overrides = this.#overrides();
    return overrides ? { ...strings, ...overrides } : strings;
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

  /** Re-reads the language; asks the host to render when it changed. */
  resolve(update = true): void {
    const lang = toLanguage(langOf(this.#host));
    if (lang !== this.#lang) {
      this.#lang = lang;
      if (update) this.#host.requestUpdate();
    }
  }

  formatDate(date: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const key = `${this.#lang}|${JSON.stringify(options)}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(INTL_LOCALES[this.#lang], options);
      dateFormats.set(key, format);
    }
    return format.format(date);
  }

  formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
    const key = `${this.#lang}|${JSON.stringify(options)}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(INTL_LOCALES[this.#lang], options);
      numberFormats.set(key, format);
    }
    return format.format(value);
  }
}
