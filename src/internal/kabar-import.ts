/**
 * The loader behind every dynamic import of `dist/kabar.min.js` and its chunks.
 *
 * Browsers remember a module that failed to load for the rest of the page's life
 * (whatwg/html#6768): a chunk that failed once on a bad connection would fail at once ever
 * after, so neither a retry button nor the next refresh could load it. `kabarImport` asks again
 * under a new query after a failure (`?retry=1`, `?retry=2`, ...), which the browser treats as
 * another module.
 *
 * A call made while the chunk is still on its way (a preload, another widget) waits for that
 * request, and if it fails, asks once more itself: one new request for all such calls, and only
 * the call that asked first sees the failure.
 *
 * The Rollup build (`retryableImports` in `rollup.config.mjs`) turns each `import('./x.js')` of
 * the bundle into `kabarImport('./kabar-x-<hash>.min.js')`. Relative URLs resolve against this
 * module, which lives in `kabar.min.js` beside its chunks. The npm build keeps plain `import()`.
 */

/** How one URL has fared so far. */
interface ChunkLoad {
  /** Requests for it that failed: the next one asks with `?retry=<failures>`. */
  failures: number;
  /** The request on its way, or the module it loaded. */
  pending?: Promise<unknown>;
  /** The promise shared by every call that joined `pending` (it asks again if `pending` fails). */
  joined?: Promise<unknown>;
}

const loads = new Map<string, ChunkLoad>();

/** `import(url)`, asked again under a new query once a request for it has failed. */
export function kabarImport<T = unknown>(url: string): Promise<T> {
  const load = loads.get(url) ?? { failures: 0 };
  if (load.pending) {
    load.joined ??= load.pending.catch(() => kabarImport(url));
    return load.joined as Promise<T>;
  }
  const request = load.failures ? `${url}?retry=${load.failures}` : url;
  const pending = import(/* @vite-ignore */ request) as Promise<T>;
  loads.set(url, { failures: load.failures, pending });
  pending.catch(() => loads.set(url, { failures: load.failures + 1 }));
  return pending;
}
