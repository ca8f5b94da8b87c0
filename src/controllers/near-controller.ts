import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far outside the viewport a lazy widget starts loading. */
const NEAR_VIEWPORT = '400px 0px';

/**
 * Holds back a widget's loading until it nears the viewport, for `loading="lazy"`. The host
 * awaits `ready(signal)` before it fetches; the widget's placeholder holds the place meanwhile.
 */
export class NearController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #lazy: () => boolean;
  #near = false;
  #waiters: Array<() => void> = [];
  #observer: IntersectionObserver | undefined;

  /** `lazy` tells whether the host waits (its `loading` attribute says `lazy`). */
  constructor(host: ReactiveControllerHost & Element, lazy: () => boolean) {
    this.#host = host;
    this.#lazy = lazy;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#waiters.length > 0) this.#observe();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdate(): void {
    // No longer lazy (the attribute changed): whoever waits goes now.
    if (!this.#lazy()) this.#wake();
  }

  /**
   * `undefined` when the host may load now; otherwise a promise that resolves once the host
   * nears the viewport, or rejects when `signal` aborts first.
   */
  ready(signal: AbortSignal): Promise<void> | undefined {
    if (this.#near || !this.#lazy()) return undefined;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      this.#observe();
    });
  }

  #wake(): void {
    this.#near = true;
    this.hostDisconnected();
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #observe(): void {
    if (this.#observer || !this.#host.isConnected) return;
    if (typeof IntersectionObserver === 'undefined') return this.#wake();
    this.#observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && this.#wake(),
      {
        rootMargin: NEAR_VIEWPORT,
      },
    );
    this.#observer.observe(this.#host);
  }
}
