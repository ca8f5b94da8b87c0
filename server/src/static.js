/**
 * Serving the Kabar demo (`--demo DIR`): `/` and `/demo/**` from DIR/demo, `/dist/**` from
 * DIR/dist, with the demo page's Content-Security-Policy, ETags, 304s and gzip; `/pasang/`
 * leads to the embed builder, whose pages get a policy of their own.
 *
 * Paths arrive already normalized (`paths.js`); a file is still checked to resolve inside its
 * folder after symbolic links, dot-files are never served, and the server refuses to start when
 * the vote store lies inside a served folder (`assertNotServed`).
 */
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { GZIP_CACHE_BYTES, GZIP_MAX_FILE_BYTES } from './config.js';
import { ConfigError } from './errors.js';

const gzip = promisify(gzipCallback);

/** The policy of the demo page: no inline script or style, nothing from another origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The embed builder's policy (`demo/pasang/`): the demo page's, except that it may read feeds
 * and show their images from any site, because checking the editor's own feed address is its
 * job. It still runs no script or style from elsewhere.
 */
export const BUILDER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "img-src 'self' data:",
  'img-src * data:',
).replace("connect-src 'self'", 'connect-src *');

/** Short addresses the demo answers with a permanent redirect. */
const REDIRECTS = new Map([
  // The embed builder, as `npm start` prints it; its files load each other relatively.
  ['pasang', '/demo/pasang/'],
]);

/** @type {Map<string, string>} */
const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.xml', 'application/rss+xml; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

/** Text types worth compressing; images are compressed already (SVG is text). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.map', '.css', '.json', '.xml', '.svg', '.txt']);

/** The folders served, by the first segment of the path. */
const FOLDERS = ['demo', 'dist'];

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const PAGE_HEADERS = { ...SECURITY_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
const BUILDER_PAGE_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': BUILDER_CONTENT_SECURITY_POLICY,
};

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Halaman tidak ditemukan · Kabupaten Sukamulya</title>
<link rel="icon" href="/demo/images/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body class="not-found">
<main id="konten">
<h1>Halaman tidak ditemukan (404)</h1>
<p>Halaman ini tidak ada di situs contoh. Tautan berita di demo mengarah ke alamat contoh
yang memang tidak tersedia.</p>
<p><a href="/">Kembali ke beranda</a></p>
</main>
</body>
</html>
`;

/** @param {string} file */
function contentType(file) {
  const ext = extname(file).toLowerCase();
  // A JSON file among the feeds is a JSON Feed, whose registered type says so.
  if (ext === '.json' && file.split(sep).includes('feeds')) return 'application/feed+json; charset=utf-8';
  return TYPES.get(ext) ?? 'application/octet-stream';
}

/**
 * How long a browser may keep a file: pages and feeds are revalidated (they change while you
 * work on them), the bundle and assets briefly cached. The ETag makes revalidation cheap.
 *
 * @param {string} file
 * @param {string} folder the served folder's name
 */
function cacheControl(file, folder) {
  if (extname(file).toLowerCase() === '.html') return 'no-cache';
  if (file.split(sep).includes('feeds')) return 'public, max-age=60';
  if (folder === 'dist') return 'public, max-age=3600';
  return 'public, max-age=300';
}

/**
 * Whether a page is the embed builder's.
 *
 * @param {import('./paths.js').RequestPath} path
 */
const isBuilderPage = (path) => path.segments[0] === 'demo' && path.segments[1] === 'pasang';

/**
 * @param {import('node:fs').Stats} stats
 * @param {string} encoding
 */
function etagOf(stats, encoding) {
  const tag = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
  return `"${tag}${encoding ? `-${encoding}` : ''}"`;
}

/**
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** True when the client takes gzip (and did not refuse it with `q=0`). */
function acceptsGzip(header = '') {
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Gzipped files, least recently used dropped first once they add up to more than `maxBytes`.
 */
export class GzipCache {
  #maxBytes;
  #bytes = 0;
  /** @type {Map<string, Buffer>} */
  #entries = new Map();

  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.#maxBytes = maxBytes;
  }

  get bytes() {
    return this.#bytes;
  }

  /** @param {string} key */
  get(key) {
    const body = this.#entries.get(key);
    if (body) {
      this.#entries.delete(key);
      this.#entries.set(key, body);
    }
    return body;
  }

  /**
   * @param {string} key
   * @param {Buffer} body
   */
  set(key, body) {
    if (body.length > this.#maxBytes) return;
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.length;
    this.#entries.delete(key);
    this.#entries.set(key, body);
    this.#bytes += body.length;
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= value.length;
    }
  }
}

/**
 * @param {string} parent
 * @param {string} child
 */
function isInside(parent, child) {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

/**
 * The real path of `path`, or of its nearest existing ancestor joined with the rest (a store
 * file that does not exist yet still has a real folder).
 *
 * @param {string} path
 * @returns {string}
 */
function realPathOf(path) {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), relative(parent, path));
  }
}

/**
 * The demo's static files.
 */
export class DemoFiles {
  #root;
  #gzipCache = new GzipCache(GZIP_CACHE_BYTES);

  /** @param {string} root the folder holding demo/ and dist/ */
  constructor(root) {
    this.#root = resolve(root);
  }

  /** The folder holding demo/ and dist/. */
  get root() {
    return this.#root;
  }

  /** The folders served, as absolute paths. */
  get folders() {
    return FOLDERS.map((folder) => join(this.#root, folder));
  }

  /**
   * Refuses (throws a `ConfigError`) when `path` is inside a served folder.
   *
   * @param {string} path
   * @param {string} what what it is, for the message
   */
  assertNotServed(path, what) {
    const real = realPathOf(resolve(path));
    for (const folder of this.folders) {
      if (isInside(realPathOf(folder), real))
        throw new ConfigError(
          `${what} ${path} is inside ${folder}, which --demo serves to everyone. Keep it elsewhere.`,
        );
    }
  }

  /**
   * The file a normalized path names, or undefined.
   *
   * @param {string[]} segments
   * @param {boolean} trailingSlash
   * @returns {{ file: string, folder: string } | undefined}
   */
  resolve(segments, trailingSlash) {
    if (segments.length === 0) return { file: join(this.#root, 'demo', 'index.html'), folder: 'demo' };
    // Browsers ask for it by themselves, even on a page that declares no icon.
    if (segments.length === 1 && segments[0] === 'favicon.ico')
      return { file: join(this.#root, 'demo', 'images', 'logo.svg'), folder: 'demo' };
    const [folder, ...rest] = segments;
    if (!FOLDERS.includes(folder)) return undefined;
    if (rest.some((segment) => segment.startsWith('.') || segment.includes('/'))) return undefined;
    // Where the old reference service kept its votes; a checkout may still hold that folder.
    if (folder === 'demo' && rest[0] === 'data') return undefined;
    // The partner page is a template that the partner origin fills in (partner.js).
    if (folder === 'demo' && rest[0] === 'mitra' && (trailingSlash || rest.at(-1)?.endsWith('.html')))
      return undefined;
    const file = join(this.#root, folder, ...rest, ...(trailingSlash ? ['index.html'] : []));
    return isInside(join(this.#root, folder), file) ? { file, folder } : undefined;
  }

  /**
   * Serves a file; answers false when there is none (the caller answers 404).
   *
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {import('./paths.js').RequestPath} path
   * @returns {Promise<boolean>}
   */
  async serve(req, res, path) {
    const redirect = path.segments.length === 1 ? REDIRECTS.get(path.segments[0]) : undefined;
    if (redirect) {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: `${redirect}${path.search}`, 'Content-Length': 0 });
      res.end();
      return true;
    }
    const found = this.resolve(path.segments, path.trailingSlash);
    if (!found) return false;
    const { file, folder } = found;
    let stats;
    try {
      // After symbolic links, the file must still be inside its folder.
      if (!isInside(await realpath(join(this.#root, folder)), await realpath(file))) return false;
      stats = await stat(file);
    } catch {
      return false;
    }
    if (stats.isDirectory()) {
      const location = `/${path.segments.map(encodeURIComponent).join('/')}/${path.search}`;
      res.writeHead(301, { ...SECURITY_HEADERS, Location: location, 'Content-Length': 0 });
      res.end();
      return true;
    }
    if (!stats.isFile()) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPlain(req, res, 405, { Allow: 'GET, HEAD' });
      return true;
    }

    const ext = extname(file).toLowerCase();
    const compress =
      COMPRESSIBLE.has(ext) &&
      stats.size <= GZIP_MAX_FILE_BYTES &&
      acceptsGzip(req.headers['accept-encoding']);
    const etag = etagOf(stats, compress ? 'gzip' : '');
    const headers = {
      ...(ext !== '.html' ? SECURITY_HEADERS : isBuilderPage(path) ? BUILDER_PAGE_HEADERS : PAGE_HEADERS),
      'Content-Type': contentType(file),
      'Cache-Control': cacheControl(file, folder),
      'Last-Modified': stats.mtime.toUTCString(),
      ETag: etag,
      ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
    };
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    if (compress) {
      const key = `${file}\n${etag}`;
      let body = this.#gzipCache.get(key);
      if (!body) {
        body = await gzip(await readFile(file));
        this.#gzipCache.set(key, body);
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Length': stats.size });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
    return true;
  }

  /**
   * The demo's 404 page.
   *
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  notFound(req, res) {
    const body = Buffer.from(NOT_FOUND_PAGE);
    res.writeHead(404, {
      ...PAGE_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

/**
 * A short plain-text answer such as `405 Method Not Allowed`.
 *
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {Record<string, string>} [extra]
 */
export function sendPlain(req, res, status, extra = {}) {
  const body = Buffer.from(`${status} ${http.STATUS_CODES[status] ?? ''}\n`);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
