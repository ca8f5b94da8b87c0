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
  comments: {
    /** The default heading. */
    heading: string;
    /** The consent button of `load="click"`. */
    show: string;
    /** The note beside it; `provider` is a name ("Disqus") or `thirdParty`. */
    consent: (provider: string) => string;
    /** The link to the provider's privacy policy. */
    privacy: (provider: string) => string;
    /** Stands for a provider without a name (the slot case). */
    thirdParty: string;
    /** Before `load="visible"` loads. */
    waiting: string;
    loading: string;
    /** The provider's script did not load (blocked, network). */
    failed: (provider: string) => string;
    offline: string;
    /** Settings are missing (a Disqus shortname, giscus ids). */
    setup: (provider: string) => string;
    /** The provider shows one thread per page and another element already shows it. */
    busy: (provider: string) => string;
    /** The attribution under a loaded embed. */
    poweredBy: (provider: string) => string;
  };
  shareBar: {
    /** The visible heading of the bar. */
    label: string;
    /** Accessible name of a network's link: `on('WhatsApp')`. */
    on: (network: string) => string;
    /** Visible name of the email link. */
    email: string;
    /** Accessible name of the email link. */
    emailLabel: string;
    /** The copy button. */
    copy: string;
    /** Announced when the link was copied. */
    copied: string;
    /** The button that opens the device's share sheet. */
    native: string;
    /** Accessible name of that button. */
    nativeLabel: string;
    /** Shown above the link when it could not be copied automatically. */
    manual: string;
    /** Accessible name of the field holding the link. */
    link: string;
  };
}

/**
 * The languages Kabar ships; anything else falls back to Indonesian, unless the page adds it
 * with `registerTranslation`.
 */
export const LANGUAGES = ['id', 'en', 'su', 'jv'] as const;
export type KabarLanguage = (typeof LANGUAGES)[number];
