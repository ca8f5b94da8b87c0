/** Callers waiting for one thing to happen: `wait()` resolves at the next `wake()`. */
export class Waiters {
  readonly #wakes = new Set<() => void>();

  /** How many are waiting. */
  get size(): number {
    return this.#wakes.size;
  }

  /** Resolves at the next `wake()`; an abort of `signal` first rejects with its reason. */
  wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.#wakes.delete(wake);
        reject(signal!.reason);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#wakes.add(wake);
    });
  }

  /** Lets everyone waiting go on. */
  wake(): void {
    // Each is taken out before it runs. A wake only resolves a promise, so whoever waits again
    // does so later, into the emptied set, and waits for the next wake.
    for (const wake of this.#wakes) {
      this.#wakes.delete(wake);
      wake();
    }
  }
}
