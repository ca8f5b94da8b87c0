/**
 * Routes the test server answers besides static files, for testing the loader against real
 * HTTP: statuses, slow and hanging responses, charsets, conditional requests.
 *
 *   /__kabar/status/:code[?retry-after=s]   answers that status
 *   /__kabar/slow/:ms?file=...              waits, then serves a fixture
 *   /__kabar/hang                           sends headers, then never the body
 *   /__kabar/count/:name?file=...           serves a fixture and counts requests by name
 *   /__kabar/count/:name/total              the count so far (JSON)
 *   /__kabar/flaky/:name?fail=n&file=...    fails n times with 503 (and Retry-After: retry-after), then serves the fixture
 *   /__kabar/module/:name/:fail[/:ms]       an ES module (`export const name, request`) whose first
 *                                           :fail requests answer 503 (after ms milliseconds)
 *   /__kabar/module/:name/total             how many times it was requested (JSON)
 *   /__kabar/fixtures                       the names of every fixture file (JSON)
 *   /__kabar/csp-page                       a page of widgets under the strictest CSP we support
 *   /__kabar/bundle/kabar.min.js[?version=v] the real single-file bundle, built from the rollup
 *                                           config on first request (optionally claiming another version)
 *   /__kabar/bundle/without-:chunk/...      the same files, where the chunk named :chunk (`su` for
 *                                           kabar-su-*.min.js) fails with 404, as on a flaky network
 *   /__kabar/bundle/slow-:chunk/...         the same files, where the chunk named :chunk takes 1.5 s
 *   /__kabar/bundle/once-:chunks/...        the same files, where each chunk named in :chunks (`en+vote-delivery`)
 *                                           fails (503) the first time it is asked for, as on a blip;
 *                                           `name~ms` answers that failure after ms milliseconds
 *   /__kabar/bundle/copy-:name/...          the same files under a folder of their own: a copy of Kabar
 *                                           that is new to a page that already loaded another
 *   /__kabar/embed/:name?kind=disqus|giscus[&fail=1][&delay=ms]
 *                                           a fake comments embed script, counted by name
 *   /__kabar/embed/:name/total              how many times it was requested (JSON)
 *   /__kabar/etag/:name?file=...            serves with ETag and Last-Modified; 304 when they match
 *                                           (counts `etag:name` requests and `304:name` answers)
 *   /__kabar/proxy?url=...                  a feed proxy: serves the fixture named by the URL's last segment
 *   /__kabar/paged?page=n&file=...          a WordPress-style page: X-WP-Total / X-WP-TotalPages headers
 *   /__kabar/cors/:name?file=...            a fixture for any origin (Access-Control-Allow-Origin: *, ETag
 *                                           exposed) from a server that refuses
 *                                           OPTIONS, as plain CMSs and static hosts do: a request that
 *                                           needs a CORS preflight fails. Counts `cors:name` GETs and
 *                                           `options:name` preflights
 *   /__kabar/cors/:name/headers             the request headers of the last GET (JSON)
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, normalize } from 'node:path';
import { bundle } from './bundle.mjs';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
const counts = new Map();
/** The request headers of the last GET to each `/__kabar/cors/:name`. */
const corsHeaders = new Map();

/** The policy a careful site serves (issue: strict policies), Trusted Types included. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'";

const TYPES = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
async function fixture(name) {
  const safe = normalize(name).replace(/^(\.\.[/\\])+/, '');
  return readFile(root + safe);
}

function send(ctx, status, body, type) {
  ctx.status = status;
  if (type) ctx.set('Content-Type', type);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

export async function testRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== '__kabar') return next();
  const file = url.searchParams.get('file');
  const type = url.searchParams.get('type') ?? (file ? TYPES[extname(file)] : undefined);
  switch (parts[1]) {
    case 'status': {
      const retryAfter = url.searchParams.get('retry-after');
      if (retryAfter) ctx.set('Retry-After', retryAfter);
      return send(ctx, Number(parts[2]), url.searchParams.get('body') ?? '', 'text/plain');
    }
    case 'slow': {
      await new Promise((resolve) => setTimeout(resolve, Number(parts[2])));
      return send(ctx, 200, await fixture(file), type);
    }
    case 'hang': {
      ctx.status = 200;
      ctx.set('Content-Type', 'application/rss+xml');
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      stream.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      ctx.body = stream;
      setTimeout(() => stream.end(), 30_000);
      return;
    }
    case 'count': {
      const name = parts[2];
      if (parts[3] === 'total')
        return send(ctx, 200, JSON.stringify({ count: counts.get(name) ?? 0 }), 'application/json');
      if (parts[3] === 'reset') {
        counts.delete(name);
        return send(ctx, 200, '{}', 'application/json');
      }
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      return send(ctx, 200, await fixture(file), type);
    }
    case 'flaky': {
      const name = parts[2];
      const fail = Number(url.searchParams.get('fail') ?? 1);
      const seen = (counts.get(`flaky:${name}`) ?? 0) + 1;
      counts.set(`flaky:${name}`, seen);
      if (seen <= fail) {
        const retryAfter = url.searchParams.get('retry-after');
        if (retryAfter) ctx.set('Retry-After', retryAfter);
        return send(ctx, 503, 'unavailable', 'text/plain');
      }
      return send(ctx, 200, await fixture(file), type);
    }
    case 'module': {
      const key = `module:${parts[2]}`;
      if (parts[3] === 'total')
        return send(ctx, 200, JSON.stringify({ count: counts.get(key) ?? 0 }), 'application/json');
      const seen = (counts.get(key) ?? 0) + 1;
      counts.set(key, seen);
      if (seen <= Number(parts[3] ?? 0)) {
        await new Promise((resolve) => setTimeout(resolve, Number(parts[4] ?? 0)));
        return send(ctx, 503, 'module failed', 'text/plain');
      }
      const body = `export const name = ${JSON.stringify(parts[2])};\nexport const request = ${seen};\n`;
      return send(ctx, 200, body, 'text/javascript; charset=utf-8');
    }
    case 'etag': {
      const name = parts[2];
      counts.set(`etag:${name}`, (counts.get(`etag:${name}`) ?? 0) + 1);
      const etag = `"${url.searchParams.get('version') ?? 'v1'}"`;
      const modified = 'Mon, 23 Nov 2026 08:00:00 GMT';
      ctx.set('ETag', etag);
      ctx.set('Last-Modified', modified);
      ctx.set('Cache-Control', 'no-cache');
      if (ctx.get('If-None-Match') === etag || ctx.get('If-Modified-Since') === modified) {
        counts.set(`304:${name}`, (counts.get(`304:${name}`) ?? 0) + 1);
        ctx.status = 304;
        return;
      }
      ctx.status = 200;
      ctx.set('Content-Type', type ?? 'application/rss+xml');
      ctx.body = await fixture(file);
      return;
    }
    case 'proxy': {
      const target = new URL(url.searchParams.get('url') ?? '');
      counts.set('proxy', (counts.get('proxy') ?? 0) + 1);
      const name = target.pathname.split('/').pop();
      return send(ctx, 200, await fixture(name), TYPES[extname(name)]);
    }
    case 'paged': {
      ctx.set('X-WP-Total', '5');
      ctx.set('X-WP-TotalPages', '3');
      return send(ctx, 200, await fixture(file), 'application/json; charset=UTF-8');
    }
    case 'cors': {
      const name = parts[2];
      if (parts[3] === 'headers')
        return send(ctx, 200, JSON.stringify(corsHeaders.get(name) ?? {}), 'application/json');
      if (ctx.method === 'OPTIONS') {
        counts.set(`options:${name}`, (counts.get(`options:${name}`) ?? 0) + 1);
        return send(ctx, 405, 'OPTIONS not supported', 'text/plain');
      }
      counts.set(`cors:${name}`, (counts.get(`cors:${name}`) ?? 0) + 1);
      corsHeaders.set(name, ctx.headers);
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.set('Access-Control-Expose-Headers', 'ETag');
      ctx.set('ETag', '"cors-v1"');
      // Not kept by the browser: a validator in the next request can only be the page's own.
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 200;
      ctx.set('Content-Type', type ?? 'application/rss+xml');
      ctx.body = await fixture(file);
      return;
    }
    case 'bytes': {
      // A fixture served with an explicit Content-Type (charset tests).
      return send(ctx, 200, await fixture(file), type ?? 'application/octet-stream');
    }
    case 'bundle': {
      const files = await bundle();
      const [, mode, chunk] = /^(without|slow|once|copy)-(.+)$/.exec(parts[2] ?? '') ?? [];
      const name = parts.slice(mode ? 3 : 2).join('/');
      // `name~ms`: that chunk's failure comes after ms milliseconds, as on a request that hangs first.
      const named = (mode === 'copy' ? undefined : chunk)
        ?.split('+')
        .map((one) => one.split('~'))
        .find(([one]) => name.startsWith(`kabar-${one}-`));
      if (named) {
        if (mode === 'without') return send(ctx, 404, 'chunk withheld', 'text/plain');
        if (mode === 'once') {
          const key = `once:${parts[2]}:${name}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          if (counts.get(key) === 1) {
            await new Promise((resolve) => setTimeout(resolve, Number(named[1] ?? 0)));
            return send(ctx, 503, 'chunk failed once', 'text/plain');
          }
        } else await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      let code = files.get(name);
      if (code === undefined) return send(ctx, 404, 'no such bundle file', 'text/plain');
      const version = url.searchParams.get('version');
      if (version) code = code.replaceAll(JSON.stringify(pkg.version), JSON.stringify(version));
      return send(ctx, 200, code, 'text/javascript; charset=utf-8');
    }
    case 'fixtures': {
      const { readdir } = await import('node:fs/promises');
      const names = (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) =>
          `${entry.parentPath ?? entry.path}/${entry.name}`.slice(root.length).replace(/^\//, ''),
        )
        .sort();
      return send(ctx, 200, JSON.stringify(names), 'application/json');
    }
    case 'csp-page': {
      ctx.set('Content-Security-Policy', STRICT_CSP);
      return send(
        ctx,
        200,
        await readFile(new URL('../hardening/csp-page.html', import.meta.url)),
        'text/html; charset=utf-8',
      );
    }
    case 'embed': {
      const name = `embed:${parts[2]}`;
      if (parts[3] === 'total')
        return send(ctx, 200, JSON.stringify({ count: counts.get(name) ?? 0 }), 'application/json');
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (url.searchParams.has('fail')) return send(ctx, 503, 'unavailable', 'text/plain');
      return send(ctx, 200, fakeEmbed(parts[2], url.searchParams.get('kind')), 'text/javascript');
    }
    default:
      return send(ctx, 404, 'unknown test route', 'text/plain');
  }
}

/**
 * A stand-in for a provider's embed script. It records what it was given into
 * `window.__kabarEmbeds` and writes a marker where the real one would put its iframe:
 *  - disqus: reads `window.disqus_config`, fills `#disqus_thread`, defines `window.DISQUS`
 *    whose `reset()` records its config in `DISQUS.resets`;
 *  - giscus: reads its own `data-*` attributes, fills the first `.giscus` (or the place after
 *    the script).
 */
function fakeEmbed(name, kind) {
  return `(() => {
  const name = ${JSON.stringify(name)};
  const kind = ${JSON.stringify(kind ?? 'giscus')};
  const script = document.currentScript;
  const log = (window.__kabarEmbeds ??= []);
  const marker = (text) => {
    const p = document.createElement('p');
    p.className = 'fake-embed';
    p.textContent = text;
    return p;
  };
  if (kind === 'disqus') {
    const read = (fn) => {
      const c = { page: {} };
      if (typeof fn === 'function') fn.call(c);
      return { ...c.page, language: c.language };
    };
    const render = (config) => {
      const thread = document.getElementById('disqus_thread');
      if (thread) thread.replaceChildren(marker('Fake Disqus: ' + (config.identifier ?? config.url)));
    };
    const config = read(window.disqus_config);
    log.push({ name, kind, config, data: { ...script?.dataset } });
    render(config);
    window.DISQUS = {
      resets: [],
      reset(options) {
        const c = read(options?.config);
        this.resets.push({ reload: options?.reload, config: c });
        render(c);
      },
    };
  } else {
    const data = { ...script?.dataset };
    log.push({ name, kind, data, crossorigin: script?.getAttribute('crossorigin') });
    const box = document.querySelector('.giscus');
    const m = marker('Fake giscus: ' + (data.term ?? data.mapping ?? name));
    if (box) box.append(m);
    else script?.after(m);
  }
})();
`;
}
