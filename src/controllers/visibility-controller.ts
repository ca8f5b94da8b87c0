import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Waiters } from '../internal/waiters.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/** How close to the viewport a lazy widget starts its work. */
export const NEAR_VIEWPORT = '400px 0px';

/** The parent in the rendered (flat) tree: the slot it is assigned to, else its parent or shadow host. */
function parentOf(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/**
 * True unless `el` is off the page or inside `display: none` (a closed tab panel, `hidden`).
 * With `computed` false, only `hidden` attributes count: before a widget's first render the
 * page's styles are being recalculated anyway, and asking for a computed style then would force
 * that work, and the layout of every size container on the page, into the middle of it.
 */
export function isShown(el: Element, computed = true): boolean {
  if (!el.isConnected) return false;
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (computed ? getComputedStyle(node).display === 'none' : node.hasAttribute('hidden')) return false;
  }
  return true;
}

/**
 * Tells a widget whether it is shown and whether it has come near the viewport, and wakes what
 * waits for either: no fetch or rendering is due for a widget nobody can see. Observers run
 * only while something waits, and stop when the host leaves the page.
 */
export class VisibilityController implements ReactiveController {
  readonly #host: Host;
  #near = false;
  /** The host renders differently once near: update it then. */
  #watching = false;
  readonly #nearWaiters = new Waiters();
  readonly #shownWaiters = new Waiters();
  #intersection: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** True once the host came within `NEAR_VIEWPORT` of the viewport; it stays true. */
  get near(): boolean {
    return this.#near;
  }

  /** Watches for the viewport and updates the host when it comes near. */
  watchNear(): void {
    this.#watching = true;
    this.#observe();
  }

  /** Stops waiting for the viewport: the host counts as near from now on. */
  release(): void {
    if (this.#near) return;
    this.#near = true;
    this.#stopNear();
    this.#nearWaiters.wake();
  }

  /** Resolves when the host comes near the viewport; undefined when it is. Rejects on abort. */
  whenNear(signal?: AbortSignal): Promise<void> | undefined {
    if (this.#near) return undefined;
    const waiting = this.#nearWaiters.wait(signal);
    this.#observe();
    return waiting;
  }

  /**
   * Resolves when the host wants to load: a `lazy` host once it nears the viewport, any other
   * once it is shown; undefined when it may load now. Rejects on abort.
   */
  whenWanted(lazy: boolean, signal?: AbortSignal): Promise<void> | undefined {
    return (lazy ? this.whenNear(signal) : undefined) ?? this.whenShown(signal);
  }

  /**
   * Resolves when the host is shown; undefined when it is. Rejects on abort. Before the host's
   * first render only `hidden` attributes are looked at (see `isShown`).
   */
  whenShown(signal?: AbortSignal): Promise<void> | undefined {
    if (isShown(this.#host, this.#host.hasUpdated)) return undefined;
    const waiting = this.#shownWaiters.wait(signal);
    this.#observe();
    return waiting;
  }

  hostConnected(): void {
    this.#observe();
  }

  hostDisconnected(): void {
    this.#stopNear();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  #observe(): void {
    if (!this.#host.isConnected) return;
    const wantsNear = !this.#near && (this.#watching || this.#nearWaiters.size > 0);
    if (wantsNear && !this.#intersection) {
      this.#intersection = new IntersectionObserver(this.#onIntersection, { rootMargin: NEAR_VIEWPORT });
      this.#intersection.observe(this.#host);
    }
    if (this.#shownWaiters.size > 0 && !this.#resize) {
      // A box that appears (display: none lifted) changes size from nothing: that wakes us. The
      // parent too, for a host without a box of its own (`display: contents`).
      this.#resize = new ResizeObserver(this.#onResize);
      this.#resize.observe(this.#host);
      const parent = parentOf(this.#host);
      if (parent) this.#resize.observe(parent);
    }
  }

  #stopNear(): void {
    this.#intersection?.disconnect();
    this.#intersection = undefined;
  }

  readonly #onIntersection = (entries: IntersectionObserverEntry[]): void => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    this.release();
    if (this.#watching) this.#host.requestUpdate();
  };

  readonly #onResize = (): void => {
    if (!isShown(this.#host)) return;
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#shownWaiters.wake();
  };
}
