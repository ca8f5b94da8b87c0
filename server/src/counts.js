/**
 * Poll counts read from the store, kept for a moment so that a storm of reads costs one store
 * query per poll at a time, not one per reader.
 *
 * Freshness: a vote's answer asks for counts read after its commit (`notBefore`, the store's
 * `settledAt`), so a voter always sees their own vote; votes committed together share one read.
 * Other readers may get counts up to `COUNTS_CACHE_MS` old (reads are cached for 10 s by
 * browsers and CDNs anyway). Entries live in a `Map` keyed by poll id.
 */
import { performance } from 'node:perf_hooks';
import { COUNTS_CACHE_MS } from './config.js';

/**
 * @typedef {object} Entry
 * @property {number} startedAt when the store read started (`performance.now()`)
 * @property {Promise<Map<string, number>>} counts
 */

export class CountsCache {
  #store;
  #maxAgeMs;
  /** @type {Map<string, Entry>} */
  #entries = new Map();

  /**
   * @param {Pick<import('./store/store.js').Store, 'counts'>} store
   * @param {{ maxAgeMs?: number }} [options]
   */
  constructor(store, { maxAgeMs = COUNTS_CACHE_MS } = {}) {
    this.#store = store;
    this.#maxAgeMs = maxAgeMs;
  }

  /**
   * Counts of a poll, read no earlier than `notBefore` and at most `maxAgeMs` ago.
   *
   * @param {string} poll
   * @param {number} [notBefore] a `performance.now()` time
   * @returns {Promise<Map<string, number>>}
   */
  get(poll, notBefore = -Infinity) {
    const entry = this.#entries.get(poll);
    const now = performance.now();
    if (entry && entry.startedAt >= notBefore && now - entry.startedAt <= this.#maxAgeMs) return entry.counts;
    const counts = this.#store.counts(poll);
    const fresh = { startedAt: now, counts };
    this.#entries.set(poll, fresh);
    // A failed read is not kept: the next reader asks the store again.
    counts.catch(() => {
      if (this.#entries.get(poll) === fresh) this.#entries.delete(poll);
    });
    return counts;
  }
}
