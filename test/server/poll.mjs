/**
 * kabar-server's routes mounted in the test server, so `<kabar-poll>` talks to the real poll
 * service, with its SQLite store in a fresh temporary folder for each run.
 *
 *   /api/polls/...                the service (server/src/routes.js)
 *   /__poll/down?mode=503|drop    from now on, the service answers 503 or drops the connection
 *   /__poll/up                    the service answers again
 *   /__poll/reset                 forgets every vote (a new store in a new folder)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../server/src/config.js';
import { createApp } from '../../server/src/server.js';

const pollsFile = fileURLToPath(new URL('../fixtures/polls.json', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'kabar-poll-wtr-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

let generation = 0;
const open = () =>
  createApp(
    parseConfig(['--polls', pollsFile, '--store', `sqlite:${join(root, String(generation), 'kabar.db')}`]),
  );
let app = open();
let down = '';

export async function pollRoutes(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/__poll/')) {
    const what = path.slice('/__poll/'.length);
    if (what === 'down') down = ctx.query.mode === 'drop' ? 'drop' : '503';
    else if (what === 'up') down = '';
    else if (what === 'reset') {
      down = '';
      const old = app;
      generation++;
      app = open();
      await (await old).store.close();
      await app;
    } else return next();
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { down };
    return undefined;
  }
  if (!path.startsWith('/api/polls')) return next();
  if (down === 'drop') {
    ctx.status = 503;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return undefined;
  }
  if (down === '503') {
    ctx.status = 503;
    ctx.set('Retry-After', '1');
    ctx.body = { error: { status: 503, code: 'unavailable', message: 'The poll service is down.' } };
    return undefined;
  }
  // Koa (and the runner's 404 report) would take the untouched status for a 404.
  ctx.status = 200;
  ctx.respond = false;
  await (await app).handle(ctx.req, ctx.res);
  return undefined;
}
