import { createContext } from '@lit/context';
import type { KabarError } from './data/errors.js';
import type { Feed } from './data/model.js';

/** What `<kabar-feed>` hands to the widgets inside it. */
export interface FeedState {
  /** `idle` before a `src` is set. */
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** The feed on screen: present when ready, and kept through a failed refresh. */
  readonly feed: Feed | undefined;
  /** The last failure; with a `feed`, a refresh failed and the old copy is still shown. */
  readonly error: KabarError | undefined;
  /** Loads the feed again. */
  retry(): void;
  /** Fetches the feed's next page (`feed.next`) and appends it; absent where paging is not offered. */
  loadMore?(): void;
  /** True while the next page loads. */
  readonly loadingMore?: boolean;
  /** A widget is due to show the feed: a `loading="lazy"` `<kabar-feed>` loads at the first call. */
  want?(): void;
}

export const feedContext = createContext<FeedState | undefined>(Symbol('kabar-feed'));
