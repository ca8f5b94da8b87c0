import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLanguage } from '../i18n/language.js';
import { withOverrides, type KabarStringsOverrides } from '../i18n/overrides.js';
import type { KabarLanguage, KabarStrings } from '../i18n/strings.js';
import { loaded, loadStrings, type StringTables } from '../i18n/tables.js';
import { onRegister, registeredLanguage, translationOf } from '../i18n/translations.js';

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
 * changes to it, and loads its strings when they are not Indonesian (see `ready`). A language
 * the page registered (`registerTranslation`) is laid over the shipped one its tag falls back
 * to, and a new registration renders the host again. Dates and numbers in that language:
 * `formatDate` and `formatNumber` (`i18n/format.ts`).
 */
export class LocaleController<
  K extends keyof KabarStrings = keyof KabarStrings,
> implements ReactiveController {
  readonly #host: Host;
  readonly #tables: StringTables<K>;
  readonly #overrides: () => KabarStringsOverrides | undefined;
  /** The language in force: a shipped one, or one the page registered. */
  #lang = 'id';
  /** The shipped language under it: `#lang` itself, or the one a registered language falls back to. */
  #shipped: KabarLanguage = 'id';
  /** The language resolved, which becomes `#lang` once its strings are loaded. */
  #wanted = 'id';
  #ready = Promise.resolve();
  /** Each shipped language's strings for the host's groups. */
  #strings: Partial<Record<KabarLanguage, Pick<KabarStrings, K>>> = {};
  #stopListening?: () => void;

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

  /**
   * The language in force (a new one once its strings are loaded): a shipped one (`id`, `en`,
   * `su`, `jv`) or one the page registered, as its lower-case tag (`mad`).
   */
  get lang(): string {
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
   * The strings for the language: the shipped ones, then what the page registered for the
   * language, then the host's overrides, each laid over the one before key by key
   * (`withOverrides`): `{ poll: { submit: 'Kirim' } }` keeps every other poll string.
   */
  get strings(): Pick<KabarStrings, K> {
    const lang = this.#shipped;
    const base = (this.#strings[lang] ??= Object.fromEntries(
      Object.entries<Partial<Record<KabarLanguage, unknown>>>(this.#tables).map(([group, table]) => [
        group,
        table[lang] ?? loaded[lang]?.[group as K] ?? table.id,
      ]),
    ) as Pick<KabarStrings, K>);
    // Without a registration or overrides (most pages), `withOverrides` returns `base` as is.
    const registered = withOverrides(base, translationOf(this.#lang), `registerTranslation("${this.#lang}")`);
    return withOverrides(registered, this.#overrides());
  }

  hostConnected(): void {
    watch(this);
    this.#stopListening = onRegister(() => {
      this.resolve(false);
      this.#host.requestUpdate();
    });
    this.resolve();
  }

  hostDisconnected(): void {
    unwatch(this);
    this.#stopListening?.();
  }

  hostUpdate(): void {
    // Cheap, and catches `lang` changes the page-wide observer cannot see (inside other shadow roots).
    this.resolve(false);
  }

  /** Re-reads the language; asks the host to render when it changed (once its strings are loaded). */
  resolve(update = true): void {
    const tag = langOf(this.#host);
    const lang = registeredLanguage(tag) ?? toLanguage(tag);
    if (lang === this.#wanted) return;
    this.#wanted = lang;
    const shipped = toLanguage(lang);
    const use = () => {
      this.#lang = lang;
      this.#shipped = shipped;
    };
    const loading = loadStrings(shipped);
    if (loading) {
      // Rendered once the strings are in, unless the language changed again meanwhile.
      this.#ready = loading.then(() => {
        if (this.#wanted !== lang) return;
        use();
        this.#host.requestUpdate();
      });
    } else {
      use();
      if (update) this.#host.requestUpdate();
    }
  }
}
