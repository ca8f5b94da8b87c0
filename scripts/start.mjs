/**
 * `npm start` (after the build): serves the demo through kabar-server, as a site would run it:
 * polls from demo/polls.json, votes in kabar-data/kabar.db (SQLite) under the working folder,
 * the demo page and dist/ as static files.
 *
 * PORT picks the port (default 8080); when it is taken, the next free one of the following nine.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const requested = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

/** True when nothing listens on `port` on the loopback address. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

let port = requested;
if (requested !== 0) {
  const candidates = Array.from({ length: 10 }, (_, i) => requested + i).filter((p) => p <= 65535);
  port = undefined;
  for (const candidate of candidates) {
    if (await isFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (port === undefined) {
    console.error(`The demo could not listen on port ${requested} or the next ones.`);
    process.exit(1);
  }
}

const bin = fileURLToPath(new URL('../server/bin/kabar-server.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const server = spawn(
  process.execPath,
  [bin, '--port', String(port), '--polls', `${root}demo/polls.json`, '--demo', root],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
