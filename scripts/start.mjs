/**
 * `npm start` (after the build): serves the demo through kabar-server, as a site would run it:
 * polls from demo/polls.json, votes in kabar-data/kabar.db (SQLite) under the working folder,
 * the demo page and dist/ as static files, the embed builder at /pasang/, and the partner page
 * (another site reading the demo feed through the feed relay) on a second port.
 *
 * PORT picks the port (default 8080); when it is taken, the next free one of the following nine.
 * The partner page takes the next free port after it.
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

/**
 * The first free port from `from` on, trying ten; undefined when all are taken.
 *
 * @param {number} from
 */
async function freePortFrom(from) {
  for (let candidate = from; candidate < from + 10 && candidate <= 65535; candidate++) {
    if (await isFree(candidate)) return candidate;
  }
  return undefined;
}

// Port 0 lets the system pick both ports; kabar-server prints them.
const port = requested === 0 ? 0 : await freePortFrom(requested);
const partnerPort = requested === 0 ? 0 : port === undefined ? undefined : await freePortFrom(port + 1);
if (port === undefined || partnerPort === undefined) {
  console.error(`The demo could not listen on port ${requested} or the next ones.`);
  process.exit(1);
}

const bin = fileURLToPath(new URL('../server/bin/kabar-server.js', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const server = spawn(
  process.execPath,
  [
    bin,
    '--port',
    String(port),
    '--polls',
    `${root}demo/polls.json`,
    '--demo',
    root,
    '--demo-partner-port',
    String(partnerPort),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
