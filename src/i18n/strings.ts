import type { KabarErrorKind } from '../data/errors.js';

/** Every string a Kabar widget shows or announces, grouped by element. */
export interface KabarStrings {
  /** Message for each kind of failure; `status` is the HTTP status where there is one. */
  error: Record<KabarErrorKind, (status: number) => string>;
  retry: string;
  newsList: {
    /** Accessible name of the list when it has no visible heading. */
    label: string;
    loading: string;
    empty: string;
    emptyCategory: (category: string) => string;
    /** The button that shows the next page. */
    more: string;
    /** Announced while the next page loads. */
    loadingMore: string;
    /** The quiet notice over a saved copy shown because the source could not be reached. */
    stale: string;
  };
  article: {
    /** Prefix before an author's name. */
    by: (name: string) => string;
    /** Announces where an article came from. */
    source: (name: string) => string;
    /** Shown in place of a missing title. */
    untitled: string;
  };
}

/** The languages Kabar ships; anything else falls back to Indonesian. */
export const LANGUAGES = ['id', 'en', 'su'] as const;
export type KabarLanguage = (typeof LANGUAGES)[number];
