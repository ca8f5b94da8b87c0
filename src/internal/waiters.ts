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
    const wakes = [...this.#wakes];
    this.#wakes.clear();
    for (const wake of wakes) wake();
  }
}
