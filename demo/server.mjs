/**
 * The demo server behind `npm start`: a small static server with no dependencies.
 *
 *   /           demo/index.html
 *   /demo/**    the demo page, its styles, scripts, images and sample feeds
 *   /dist/**    the built library, exactly as a site would load it
 *
 * API handlers (the poll service, later) are tried before the static files:
 *
 *   createServer({ root, handlers: [async (req, res) => handledIt] })
 *
 * A handler returns true when it answered the request, false to pass it on.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzip as gzipCallback } from 'node:zlib';
import { promisify } from 'node:util';

const gzip = promisify(gzipCallback);

/** The repository root: demo/ and dist/ live under it. */
export const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text types worth compressing; images are compressed already (SVG is text). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.map', '.css', '.json', '.xml', '.svg', '.txt']);

/** Folders served as static files, relative to the root. */
const STATIC_DIRS = ['demo', 'dist'];

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

function contentType(file) {
  const ext = extname(file).toLowerCase();
  // A JSON file among the feeds is a JSON Feed, whose registered type says so.
  if (ext === '.json' && file.split(sep).includes('feeds')) return 'application/feed+json; charset=utf-8';
  return TYPES[ext] ?? 'application/octet-stream';
}

/**
 * How long a browser may keep a file: pages and feeds are revalidated (they change while you
 * work on them), the bundle and assets briefly cached. The ETag makes revalidation cheap.
 */
function cacheControl(file, root) {
  const ext = extname(file).toLowerCase();
  const top = relative(root, file).split(sep)[0];
  if (ext === '.html') return 'no-cache';
  if (file.split(sep).includes('feeds')) return 'public, max-age=60';
  if (top === 'dist') return 'public, max-age=3600';
  return 'public, max-age=300';
}

/**
 * Maps a request path to a file under one of the static folders, or returns undefined.
 * Refuses anything that could leave them: `..` (also percent-encoded), backslashes, NUL,
 * dot-files, and paths that resolve outside the folder after all.
 */
export function resolveStaticPath(root, rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path === '/' || path === '') return join(root, 'demo', 'index.html');
  // Browsers ask for it by themselves, even on a page that declares no icon.
  if (path === '/favicon.ico') return join(root, 'demo', 'images', 'logo.svg');
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
  const [top, ...rest] = segments;
  if (!STATIC_DIRS.includes(top)) return undefined;
  // The poll service's stored votes and idempotency keys are not for the public.
  if (top === 'demo' && rest[0] === 'data') return undefined;
  const base = resolve(root, top);
  const file = resolve(base, ...rest.filter(Boolean));
  const inside = relative(base, file);
  if (inside.startsWith('..') || resolve(base, inside) !== file) return undefined;
  return path.endsWith('/') ? join(file, 'index.html') : file;
}

function etagOf(stats, encoding) {
  const tag = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
  return `"${tag}${encoding ? `-${encoding}` : ''}"`;
}

function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
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

function pageHeaders() {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}

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

function sendError(req, res, status, extra = {}) {
  if (status === 404) {
    const body = Buffer.from(NOT_FOUND_PAGE);
    res.writeHead(404, {
      ...pageHeaders(),
      'Content-Type': TYPES['.html'],
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const body = Buffer.from(`${status} ${http.STATUS_CODES[status] ?? ''}\n`);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES['.txt'],
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Gzipped copies of text files, keyed by path and ETag so an edited file is compressed again. */
const gzipCache = new Map();

async function serveStatic(req, res, root) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  // `new URL` already folds `/demo/../x` and `/demo/%2e%2e/x` into `/x`; an encoded slash
  // (`..%2f`) only shows up once decoded, which resolveStaticPath checks.
  const file = resolveStaticPath(root, pathname);
  if (!file) return sendError(req, res, 404);

  let stats;
  try {
    stats = await stat(file);
  } catch {
    return sendError(req, res, 404);
  }
  if (stats.isDirectory()) {
    const { search } = new URL(req.url ?? '/', 'http://localhost');
    res.writeHead(301, { ...SECURITY_HEADERS, Location: `${pathname}/${search}` });
    res.end();
    return;
  }
  if (!stats.isFile()) return sendError(req, res, 404);

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(req, res, 405, { Allow: 'GET, HEAD' });
  }

  const ext = extname(file).toLowerCase();
  const compress = COMPRESSIBLE.has(ext) && acceptsGzip(req.headers['accept-encoding']);
  const etag = etagOf(stats, compress ? 'gzip' : '');
  const headers = {
    ...(ext === '.html' ? pageHeaders() : SECURITY_HEADERS),
    'Content-Type': contentType(file),
    'Cache-Control': cacheControl(file, root),
    'Last-Modified': stats.mtime.toUTCString(),
    ETag: etag,
    ...(COMPRESSIBLE.has(ext) ? { Vary: 'Accept-Encoding' } : {}),
  };

  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }

  if (compress) {
    const key = `${file}\n${etag}`;
    let body = gzipCache.get(key);
    if (!body) {
      body = await gzip(await readFile(file));
      gzipCache.set(key, body);
    }
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }

  res.writeHead(200, { ...headers, 'Content-Length': stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Creates (does not start) the demo server.
 *
 * @param {object} [options]
 * @param {string} [options.root] The folder holding `demo/` and `dist/`.
 * @param {Array<(req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>>} [options.handlers]
 *   Tried in order before the static files; the first to return true has answered.
 * @returns {http.Server}
 */
export function createServer({ root = DEFAULT_ROOT, handlers = [] } = {}) {
  const absoluteRoot = resolve(root);
  return http.createServer(async (req, res) => {
    try {
      for (const handler of handlers) {
        if (await handler(req, res)) return;
      }
      await serveStatic(req, res, absoluteRoot);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendError(req, res, 500);
      else res.destroy();
    }
  });
}

/**
 * Listens on `port`, or on one of the next `attempts - 1` ports when it is taken.
 * Port 0 picks any free port. Resolves with the port in use.
 */
export function listen(server, port, attempts = 10) {
  return new Promise((resolvePort, reject) => {
    let tried = 0;
    const tryPort = (p) => {
      tried++;
      const onError = (error) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' && port !== 0 && tried < attempts) tryPort(p + 1);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolvePort(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p);
    };
    tryPort(port);
  });
}

/**
 * API handlers mounted by `npm start`, tried before the static files: the reference poll
 * service, with polls from demo/polls.json and votes kept in demo/data/ across restarts.
 */
async function apiHandlers() {
  const { createPollService } = await import('./poll-service.mjs');
  return [createPollService()];
}

async function main() {
  const requested =
    process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  const server = createServer({ handlers: await apiHandlers() });
  let port;
  try {
    port = await listen(server, requested);
  } catch (error) {
    console.error(`The demo could not listen on port ${requested} or the next ones: ${error.message}`);
    process.exit(1);
  }
  console.log(`Kabar demo: http://localhost:${port}/`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
