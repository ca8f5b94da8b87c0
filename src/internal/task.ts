import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a {@link Task} stands; ordered, so `status < COMPLETE` means "no result yet". */
export const INITIAL = 0;
export const PENDING = 1;
export const COMPLETE = 2;
export const ERROR = 3;
export type TaskStatus = typeof INITIAL | typeof PENDING | typeof COMPLETE | typeof ERROR;

/** Whether `error` only says that a run (or a fetch) was aborted. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Returned by a task function to go back to `INITIAL` (nothing to load). */
export const initialState: unique symbol = Symbol();

export interface TaskOptions<A extends readonly unknown[], R> {
  /** The inputs, read before each host update; the task runs again when one of them changes. */
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => Promise<R | typeof initialState>;
  /** Called with a run's result, before `status` becomes `COMPLETE`. */
  onComplete?: (value: R) => void;
  /** Called with a run's error, before `status` becomes `ERROR`. */
  onError?: (error: unknown) => void;
}

/**
 * The part of `@lit/task` Kabar uses, in a fraction of its bytes: runs an async function when its
 * arguments change, aborts the run it replaces, keeps only the latest run's outcome, and asks the
 * host to render when it starts and when it ends.
 */
export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = INITIAL;
  value: R | undefined;
  error: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #options: TaskOptions<A, R>;
  #args: A | undefined;
  #abort: AbortController | undefined;
  #run = 0;

  constructor(host: ReactiveControllerHost, options: TaskOptions<A, R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#options.args();
    const last = this.#args;
    if (!last || args.some((arg, i) => arg !== last[i])) void this.run(args);
  }

  /** Runs now (with the current arguments unless given), replacing a run still pending. */
  async run(args: A = this.#options.args()): Promise<void> {
    this.#args = args;
    this.abort();
    const abort = (this.#abort = new AbortController());
    const run = ++this.#run;
    this.status = PENDING;
    this.#host.requestUpdate();
    let failed = false;
    let result: R | typeof initialState | undefined;
    let error: unknown;
    try {
      result = await this.#options.task(args, { signal: abort.signal });
    } catch (thrown) {
      failed = true;
      error = thrown;
    }
    if (run !== this.#run) return;
    this.#abort = undefined;
    if (result === initialState) {
      this.status = INITIAL;
    } else if (failed) {
      this.#options.onError?.(error);
      this.status = ERROR;
      this.value = undefined;
      this.error = error;
    } else {
      this.#options.onComplete?.(result as R);
      this.status = COMPLETE;
      this.value = result as R;
      this.error = undefined;
    }
    this.#host.requestUpdate();
  }

  /** Aborts the pending run, if any: its signal fires and it ends in `ERROR` with the reason. */
  abort(): void {
    this.#abort?.abort();
  }
}
