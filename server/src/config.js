/**
 * The command line and every limit of the service, each a named constant with its reason.
 * `parseConfig` turns `process.argv` into a checked `Config`, or throws a `ConfigError` whose
 * message the command prints before exiting with status 2.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './errors.js';

/** Largest vote body accepted. A vote is about 80 bytes; 2 KB leaves room and caps memory. */
export const MAX_BODY_BYTES = 2048;

/**
 * A client must send its headers within this time. Node's default (60 s) lets a few thousand
 * trickling clients hold every socket; 20 s is still generous on a slow mobile link.
 */
export const HEADERS_TIMEOUT_MS = 20_000;

/** A whole request (headers and body) must arrive within this time: slow bodies are cut at 30 s. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * How often Node checks the two timeouts above. Its default (30 s) would let a slow client live
 * up to twice the limit.
 */
export const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;

/** An idle keep-alive connection is closed after this time, freeing sockets for new readers. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * Open connections allowed at once unless `--max-connections` says otherwise: well under the
 * usual 1024-4096 file descriptor limits once the store's files and sockets are counted.
 */
export const DEFAULT_MAX_CONNECTIONS = 1_000;

/** Seconds a CDN or browser may serve a poll read without asking again. */
export const READ_MAX_AGE_SECONDS = 10;

/** A CDN may serve a stale read this long while it revalidates. */
export const READ_STALE_WHILE_REVALIDATE_SECONDS = 30;

/**
 * Counts read from the store are reused this long. Reads are cached for 10 s by clients anyway;
 * one store query a second per poll and instance keeps a read storm off the database. A vote
 * answered by this instance always gets counts read after its own commit.
 */
export const COUNTS_CACHE_MS = 1_000;

/** On SIGTERM, requests in flight get this long to finish before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** How often the polls file is checked for changes (fs.watchFile also catches a replaced file). */
export const POLLS_WATCH_INTERVAL_MS = 1_000;

/** Compressed static files kept in memory, in bytes: the demo needs well under 1 MB. */
export const GZIP_CACHE_BYTES = 8 * 1024 * 1024;

/** Files larger than this are sent uncompressed rather than held in memory to gzip. */
export const GZIP_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Addresses tracked by `--vote-rate` at once. Beyond it the oldest are forgotten, so a flood of
 * addresses cannot grow memory without bound (at worst a forgotten address gets a fresh window).
 */
export const RATE_LIMIT_MAX_ADDRESSES = 100_000;

/**
 * PostgreSQL connections per instance. Votes are single short statements, so a few connections
 * keep the database busy; several instances times this must stay under `max_connections` (100).
 */
export const POSTGRES_POOL_SIZE = 16;

/**
 * Counter rows per poll option in PostgreSQL. Each vote adds 1 to a random one of them, so
 * concurrent votes for the same option rarely wait on the same row lock; a read sums them.
 */
export const POSTGRES_COUNT_SHARDS = 16;

/** The store used when `--store` is not given, relative to the working directory. */
export const DEFAULT_STORE = 'sqlite:kabar-data/kabar.db';

export const HELP = `Usage: kabar-server [options]

Serves Kabar polls (docs/poll-protocol.md) from a polls file, with votes in SQLite or PostgreSQL.

Options:
  --port N              Port to listen on (default 8080; 0 picks a free port).
  --host H              Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).
  --polls FILE          The polls, as JSON (default polls.json). Re-read when it changes; a bad
                        file keeps the last good polls and logs why.
  --store URL           Where votes are kept (default ${DEFAULT_STORE}):
                          sqlite:PATH           an SQLite file (created with its folder)
                          postgres://USER@HOST:PORT/DB   a PostgreSQL database shared by any
                                                number of kabar-server processes
  --demo DIR            Also serve the Kabar demo page: DIR/demo at /demo/ and /, DIR/dist at
                        /dist/, the embed builder at /pasang/. The store may not be inside a
                        served folder. The feed relay is then on for the demo's own address.
  --demo-partner-port N With --demo: also serve the demo's partner page, another site that reads
                        the demo feed through the relay, on this port (0 picks a free one).
  --max-connections N   Open connections allowed at once (default ${DEFAULT_MAX_CONNECTIONS}); more are
                        answered 503 and closed.
  --vote-rate N         Votes per minute accepted from one address (default 0: no limit); more
                        are answered 429 with Retry-After.
  --feeds-allow LIST    Feed relay: comma-separated hosts it may fetch (default empty: the relay
                        at /api/feeds is off and answers 404).
  --feeds-origins LIST  Feed relay: comma-separated origins allowed to read it (default *).
  --help                Show this help and exit.
  --version             Show the version and exit.

Limits: vote bodies up to ${MAX_BODY_BYTES} bytes (413 beyond), headers within ${HEADERS_TIMEOUT_MS / 1000} s and
whole requests within ${REQUEST_TIMEOUT_MS / 1000} s (408, then the connection is closed).
`;

/**
 * @typedef {object} StoreConfig
 * @property {'sqlite' | 'postgres'} kind
 * @property {string} location the SQLite file (absolute), or the PostgreSQL connection URL
 */

/**
 * @typedef {object} Config
 * @property {number} port
 * @property {string} host
 * @property {string} pollsFile absolute path
 * @property {StoreConfig} store
 * @property {string | undefined} demoRoot absolute path of the folder holding demo/ and dist/
 * @property {number | undefined} demoPartnerPort where the demo's partner page listens, if anywhere
 * @property {number} maxConnections
 * @property {number} voteRate votes per minute per address; 0 for no limit
 * @property {string[]} feedsAllow hosts the feed relay may fetch; empty turns the relay off
 * @property {string[]} feedsOrigins origins allowed to read the relay
 * @property {boolean} help
 * @property {boolean} version
 */

const OPTIONS = /** @type {const} */ ({
  port: { type: 'string' },
  host: { type: 'string' },
  polls: { type: 'string' },
  store: { type: 'string' },
  demo: { type: 'string' },
  'demo-partner-port': { type: 'string' },
  'max-connections': { type: 'string' },
  'vote-rate': { type: 'string' },
  'feeds-allow': { type: 'string' },
  'feeds-origins': { type: 'string' },
  help: { type: 'boolean' },
  version: { type: 'boolean' },
});

/**
 * @param {string} text
 * @param {string} flag
 * @param {number} min
 * @param {number} max
 */
function integer(text, flag, min, max) {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new ConfigError(`${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  return Number(text);
}

/** @param {string} text */
const list = (text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads a `--store` URL.
 *
 * @param {string} url
 * @param {string} cwd relative SQLite paths are resolved against it
 * @returns {StoreConfig}
 */
export function parseStoreUrl(url, cwd) {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path)
      throw new ConfigError('--store sqlite:PATH needs a file path, such as sqlite:kabar-data/kabar.db.');
    return { kind: 'sqlite', location: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError(`--store "${url}" is not a valid PostgreSQL URL.`);
    }
    return { kind: 'postgres', location: url };
  }
  throw new ConfigError(`--store must start with sqlite: or postgres://, not "${url}".`);
}

/**
 * Parses the command line.
 *
 * @param {string[]} args the arguments after the command (`process.argv.slice(2)`)
 * @param {string} [cwd] where relative paths start
 * @returns {Config}
 */
export function parseConfig(args, cwd = process.cwd()) {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(
      `${/** @type {Error} */ (error).message.replace(/\.?$/, '.')} See kabar-server --help.`,
    );
  }
  const host = values.host ?? '127.0.0.1';
  if (values['demo-partner-port'] !== undefined && values.demo === undefined)
    throw new ConfigError('--demo-partner-port serves a page of the demo: it needs --demo too.');
  if (!host.trim()) throw new ConfigError('--host needs an address, such as 127.0.0.1 or 0.0.0.0.');
  return {
    port: integer(values.port ?? '8080', '--port', 0, 65535),
    host,
    pollsFile: resolve(cwd, values.polls ?? 'polls.json'),
    store: parseStoreUrl(values.store ?? DEFAULT_STORE, cwd),
    demoRoot: values.demo === undefined ? undefined : resolve(cwd, values.demo),
    demoPartnerPort:
      values['demo-partner-port'] === undefined
        ? undefined
        : integer(values['demo-partner-port'], '--demo-partner-port', 0, 65535),
    maxConnections: integer(
      values['max-connections'] ?? String(DEFAULT_MAX_CONNECTIONS),
      '--max-connections',
      1,
      1_000_000,
    ),
    voteRate: integer(values['vote-rate'] ?? '0', '--vote-rate', 0, 1_000_000),
    feedsAllow: list(values['feeds-allow'] ?? ''),
    feedsOrigins: list(values['feeds-origins'] ?? '*'),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
