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
  };
  poll: {
    /** Accessible name of the poll box. */
    label: string;
    loading: string;
    /** Shown when the service has no poll open. */
    empty: string;
    submit: string;
    submitting: string;
    /** `count` is the raw number (for plurals), `formatted` the same number in the reader's language. */
    votes: (count: number, formatted: string) => string;
    total: (count: number, formatted: string) => string;
    /** Marks the option the reader chose. */
    yourChoice: string;
    thanks: string;
    closed: (date: string) => string;
    /** Closed, with no closing date known. */
    closedUndated: string;
    /** The vote is kept on the device and will be sent later. */
    pending: (option: string) => string;
    /** Votes cannot be kept on this device (private mode, full storage). */
    notStored: string;
    sendNow: string;
    /** The poll could not be loaded. */
    failed: string;
    /** The service refused the vote for good. */
    rejected: string;
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
