import { LitElement } from 'lit';
import type { PropertyDeclaration, PropertyDeclarations } from 'lit';
import { LocaleController } from '../controllers/locale-controller.js';
import type { KabarStringsOverrides } from '../i18n/overrides.js';
import type { KabarStrings } from '../i18n/strings.js';
import type { StringTables } from '../i18n/tables.js';
import { unsetMeansDefault } from './attributes.js';
import { nextTask } from './schedule.js';

/**
 * What every Kabar element with words on screen shares, and nothing else: the `strings`
 * property, the locale hookup and the scheduling of the first update. One level only: other
 * shared behaviour is a controller or a function.
 *
 * Reactive properties are declared in `static properties` rather than with `@property()`, here
 * and in every element: the bundle then needs neither the decorator module nor TypeScript's
 * decorator helper, and the declarations read the same in the source and in the output.
 */
export abstract class KabarElement<K extends keyof KabarStrings> extends LitElement {
  static override properties: PropertyDeclarations = {
    strings: { attribute: false },
  };

  /** A removed attribute, or a property set to `null` or `undefined`, means its default. */
  protected static override getPropertyDescriptor(
    name: PropertyKey,
    key: string | symbol,
    options: PropertyDeclaration,
  ): PropertyDescriptor | undefined {
    return unsetMeansDefault(super.getPropertyDescriptor(name, key, options), name, options);
  }

  /**
   * Replaces some of the built-in strings, at any depth: `{ poll: { submit: 'Kirim' } }` keeps
   * every other poll string. A value of the wrong kind keeps the built-in one, with a warning.
   */
  strings: KabarStringsOverrides | undefined;

  readonly #locale: LocaleController<K>;

  /** `tables`: the groups of strings the element shows, each with its Indonesian table. */
  constructor(tables: StringTables<K>) {
    super();
    this.#locale = new LocaleController(this, tables, () => this.strings);
  }

  /** The element's language and its strings (`this.locale.strings.<group>`). */
  protected get locale(): LocaleController<K> {
    return this.#locale;
  }

  /**
   * Starts what the element fetches, at its first update and before it waits for its
   * strings: a request does not wait for a language loaded on demand.
   */
  protected startLoading(): void {}

  /**
   * The first update is a task of its own (see `nextTask`), rendered in the reader's language:
   * it waits for the strings when they load on demand.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await nextTask();
      this.startLoading();
      await this.#locale.ready;
    }
    super.scheduleUpdate();
  }
}
