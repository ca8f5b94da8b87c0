/**
 * `--vote-rate N`: at most N votes a minute from one address, counted in fixed one-minute
 * windows. Addresses are kept in a `Map` (client input never meets an object's prototype) for as
 * long as their window lasts, and at most `RATE_LIMIT_MAX_ADDRESSES` of them: the oldest are
 * forgotten first.
 */
import { RATE_LIMIT_MAX_ADDRESSES } from './config.js';

const WINDOW_MS = 60_000;

export class VoteRateLimit {
  #perMinute;
  #maxAddresses;
  #now;
  /** @type {Map<string, { start: number, count: number }>} */
  #windows = new Map();

  /**
   * @param {number} perMinute 0 turns the limit off
   * @param {{ maxAddresses?: number, now?: () => number }} [options]
   */
  constructor(perMinute, { maxAddresses = RATE_LIMIT_MAX_ADDRESSES, now = Date.now } = {}) {
    this.#perMinute = perMinute;
    this.#maxAddresses = maxAddresses;
    this.#now = now;
  }

  /** Addresses currently tracked. */
  get size() {
    return this.#windows.size;
  }

  /**
   * Counts one vote from `address`.
   *
   * @param {string} address
   * @returns {number} 0 when allowed, otherwise the seconds until the address may vote again
   */
  take(address) {
    if (this.#perMinute === 0) return 0;
    const now = this.#now();
    // Windows are kept in the order they started: forget the ones that have ended.
    for (const [oldAddress, oldWindow] of this.#windows) {
      if (now - oldWindow.start < WINDOW_MS) break;
      this.#windows.delete(oldAddress);
    }
    let window = this.#windows.get(address);
    if (!window) {
      window = { start: now, count: 0 };
      this.#windows.set(address, window);
      if (this.#windows.size > this.#maxAddresses) {
        const oldest = this.#windows.keys().next().value;
        if (oldest !== undefined) this.#windows.delete(oldest);
      }
    }
    if (window.count >= this.#perMinute)
      return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    window.count++;
    return 0;
  }
}
