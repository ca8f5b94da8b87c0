import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { locales, toLanguage } from '../i18n/index.js';
import type { KabarLanguage, KabarStrings } from '../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Locales tried for `Intl`, best first: ICU may lack Sundanese data, whose readers read Indonesian. */
const INTL_LOCALES: Record<KabarLanguage, string[]> = {
  id: ['id-ID'],
  en: ['en-GB'],
  su: ['su-ID', 'id-ID'],
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** One observer for the page: `lang` changes are rare, and every widget needs to hear of them. */
function watch(controller: LocaleController): void {
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

function unwatch(controller: LocaleController): void {
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
export class LocaleController implements ReactiveController {
  readonly #host: Host;
  readonly #overrides: () => Partial<KabarStrings> | undefined;
  #lang: KabarLanguage = 'id';

  constructor(host: Host, overrides: () => Partial<KabarStrings> | undefined = () => undefined) {
    this.#host = host;
    this.#overrides = overrides;
    host.addController(this);
  }

  /** The shipped language in force: `id`, `en` or `su`. */
  get lang(): KabarLanguage {
    return this.#lang;
  }

  /** The strings for the language, with the host's overrides on top. */
  get strings(): KabarStrings {
    const overrides = this.#overrides();
    return overrides ? { ...locales[this.#lang], ...overrides } : locales[this.#lang];
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
