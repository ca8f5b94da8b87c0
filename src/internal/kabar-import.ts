/**
 * The loader behind every dynamic import of `dist/kabar.min.js` and its chunks.
 *
 * Browsers remember a module that failed to load for the rest of the page's life
 * (whatwg/html#6768): a chunk that failed once on a bad connection would fail at once ever
 * after, so neither a retry button nor the next refresh could load it. `kabarImport` asks again
 * under a new query after a failure (`?retry=1`, `?retry=2`, ...), which the browser treats as
 * another module. It asks again at most `MAX_CHUNK_RETRIES` times, then fails at once with an
 * error that says to reload the page.
 *
 * A call made while the chunk is still on its way (a preload, another widget) waits for that
 * request, and if it fails, asks once more itself: one new request for all such calls, and only
 * the call that asked first sees the failure.
 *
 * The chunks must use the very `kabar.min.js` the page loaded. Browsers keep one module per
 * URL, query and hash included, and CMSs add a version to script URLs (WordPress writes
 * `kabar.min.js?ver=6.1.9`): a chunk importing the bare `./kabar.min.js` would load a second
 * copy of every module. So each chunk is asked for with the entry's query and hash in an
 * `entry` parameter (`kabar-en-<hash>.min.js?entry=%3Fver%3D6.1.9`), and the build makes the
 * chunk import the entry from that URL (`retryableImports` in `rollup.config.mjs`). A page that
 * loads the bare `kabar.min.js` asks for the bare chunk URLs.
 *
 * The Rollup build turns each `import('./x.js')` of the bundle into
 * `kabarImport('./kabar-x-<hash>.min.js')`. Relative URLs resolve against this module, which
 * lives in `kabar.min.js` beside its chunks, so `import.meta.url` here is the URL the page
 * loaded. The npm build keeps plain `import()`.
 */

/**
 * How many times a chunk is asked for again after its first request failed. Each retry needs a
 * new reason to load (the widget's "Coba lagi", its next refresh, the browser coming back
 * online), so three cover a blip on a mobile connection and a couple of tries by hand; past
 * them the connection is down or the file is refused (a Subresource Integrity mismatch), and
 * only a reload helps. The bound also keeps the embed snippet finite: its import map gives an
 * `integrity` for every URL a chunk can be asked under (`chunkRequestUrl(url, 0…MAX)`), since
 * an import map matches exact URLs. The build reads both from this module (`embedSnippet` in
 * `rollup.config.mjs`).
 */
export const MAX_CHUNK_RETRIES = 3;

/**
 * The URL of request number `attempt` (0 for the first) for the chunk at `url`, for a page that
 * loaded `kabar.min.js` with the query and hash `entry` (`''` for the bare URL, the only case
 * the embed snippet covers): `kabar-en-<hash>.min.js`, `…?retry=1`, or with a query
 * `…?entry=%3Fver%3D6.1.9&retry=1`.
 */
export function chunkRequestUrl(url: string, attempt: number, entry = ''): string {
  const params = new URLSearchParams();
  if (entry) params.set('entry', entry);
  if (attempt) params.set('retry', String(attempt));
  const query = params.toString();
  return query ? `${url}?${query}` : url;
}

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

/** The query and hash of the URL this module was loaded from (`?ver=6.1.9`), or `''`. */
const entrySuffix = ((url: URL) => url.search + url.hash)(new URL(import.meta.url));

/** `import(url)`, asked again under a new query once a request for it has failed. */
export function kabarImport<T = unknown>(url: string): Promise<T> {
  const load = loads.get(url) ?? { failures: 0 };
  if (load.pending) {
    load.joined ??= load.pending.catch(() => kabarImport(url));
    return load.joined as Promise<T>;
  }
  if (load.failures > MAX_CHUNK_RETRIES) {
    return Promise.reject(
      new Error(
        `Kabar could not load ${url} in ${load.failures} tries and stopped asking: reload the page to try again.`,
      ),
    );
  }
  const request = chunkRequestUrl(url, load.failures, entrySuffix);
  const pending = import(/* @vite-ignore */ request) as Promise<T>;
  loads.set(url, { failures: load.failures, pending });
  pending.catch(() => loads.set(url, { failures: load.failures + 1 }));
  return pending;
}
