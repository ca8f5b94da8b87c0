/**
 * The embed snippet with Subresource Integrity: the `<script>` tag of `kabar.min.js` with its
 * `integrity`, after an import map whose `integrity` entries cover every URL under which
 * `kabar.min.js` can ask for one of its chunks (the chunk, and its `?retry=1…N` forms: an
 * import map matches exact URLs).
 *
 * The build describes the files once, in `dist/embed.json` (relative URLs and hashes, no host),
 * and writes `dist/embed.html` for the CDN; `kabar-embed --base <url>` renders the same snippet
 * for a folder of your own site. Both go through `renderSnippet`.
 */
import { createHash } from 'node:crypto';

/** The `integrity` value of a file's bytes. SHA-384, as the SRI examples and CDNs use. */
export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * What `dist/embed.json` holds, from the build's files:
 *  - `entry`: the file the script tag loads (`kabar.min.js`);
 *  - `files`: each file's integrity, by file name;
 *  - `imports`: each URL the import map covers, relative to the folder, with the file it serves.
 *
 * @param {object} options
 * @param {string} options.name the package name
 * @param {string} options.version the package version
 * @param {string} options.entry the entry's file name
 * @param {Map<string, string | Uint8Array>} options.files every file of the bundle (entry and chunks), by name
 * @param {(url: string, attempt: number) => string} options.requestUrl the loader's URL of request `attempt` for a chunk
 * @param {number} options.retries how many times the loader asks again for a chunk
 */
export function describeEmbed({ name, version, entry, files, requestUrl, retries }) {
  const integrity = Object.fromEntries([...files].map(([file, bytes]) => [file, integrityOf(bytes)]));
  const imports = { [entry]: entry };
  for (const file of [...files.keys()].filter((file) => file !== entry).sort()) {
    for (let attempt = 0; attempt <= retries; attempt++) imports[requestUrl(file, attempt)] = file;
  }
  return {
    name,
    version,
    cdn: `https://cdn.jsdelivr.net/npm/${name}@${version}/dist/`,
    retries,
    entry,
    files: integrity,
    imports,
  };
}

/**
 * A folder address for the snippet: an absolute http(s) URL or a path from the site's root,
 * ending in `/`. Throws an Error whose message says what is wrong.
 */
export function checkBase(base) {
  const text = String(base ?? '').trim();
  if (!text) throw new Error('The base address is missing: give the folder that holds kabar.min.js.');
  let url;
  try {
    url = new URL(text, 'https://site.invalid/');
  } catch {
    throw new Error(`"${text}" is not an address.`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) {
    throw new Error(`"${text}" is not an http or https address.`);
  }
  if (!/^https?:\/\//i.test(text) && !text.startsWith('/')) {
    throw new Error(
      `"${text}" is relative to the page: give a full address (https://situs.go.id/kabar/) or a path from the site's root (/kabar/).`,
    );
  }
  if (url.search || url.hash) throw new Error(`"${text}" has a query or a fragment: give the folder alone.`);
  return text.endsWith('/') ? text : `${text}/`;
}

/**
 * The HTML to put in a page's `<head>`, for the files of `embed` served from the folder `base`.
 * The import map comes first: a browser applies it only before the first module loads. Its
 * comment names the source hash that a Content-Security-Policy without `'unsafe-inline'` needs
 * to allow the import map (an inline script to the policy).
 */
export function renderSnippet(embed, base = embed.cdn) {
  const folder = checkBase(base);
  const integrity = Object.fromEntries(
    Object.entries(embed.imports).map(([url, file]) => [`${folder}${url}`, embed.files[file]]),
  );
  const map = `\n  ${JSON.stringify({ integrity }, null, 2).replace(/\n/g, '\n  ')}\n`;
  return [
    `<!-- ${embed.name} ${embed.version}: the import map lets the browser run only the files of this release; keep it before any other module script. Under a Content-Security-Policy, allow it with '${cspHashOf(map)}' in script-src. -->`,
    `<script type="importmap">${map}</script>`,
    `<script type="module" src="${folder}${embed.entry}" integrity="${embed.files[embed.entry]}" crossorigin="anonymous"></script>`,
    '',
  ].join('\n');
}

/** The CSP source that allows an inline script whose text is `text`. */
export function cspHashOf(text) {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
