/**
 * Routes the test server answers besides static files, for testing the loader against real
 * HTTP: statuses, slow and hanging responses, charsets, conditional requests.
 *
 *   /__kabar/status/:code[?retry-after=s]   answers that status
 *   /__kabar/slow/:ms?file=...              waits, then serves a fixture
 *   /__kabar/hang                           sends headers, then never the body
 *   /__kabar/count/:name?file=...           serves a fixture and counts requests by name
 *   /__kabar/count/:name/total              the count so far (JSON)
 *   /__kabar/flaky/:name?fail=n&file=...    fails n times with 503, then serves the fixture
 *   /__kabar/etag/:name?file=...            serves with ETag and Last-Modified; 304 when they match
 *                                           (counts `etag:name` requests and `304:name` answers)
 *   /__kabar/proxy?url=...                  a feed proxy: serves the fixture named by the URL's last segment
 *   /__kabar/paged?page=n&file=...          a WordPress-style page: X-WP-Total / X-WP-TotalPages headers
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, normalize } from 'node:path';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
const counts = new Map();

const TYPES = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

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
      if (seen <= fail) return send(ctx, 503, 'unavailable', 'text/plain');
      return send(ctx, 200, await fixture(file), type);
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
    case 'bytes': {
      // A fixture served with an explicit Content-Type (charset tests).
      return send(ctx, 200, await fixture(file), type ?? 'application/octet-stream');
    }
    default:
      return send(ctx, 404, 'unknown test route', 'text/plain');
  }
}
