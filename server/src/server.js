/**
 * Creating, starting and stopping kabar-server: the store, the polls file, the routes and an
 * HTTP server with the limits of config.js. `bin/kabar-server.js` is the command around it;
 * tests and other programs can start one in process:
 *
 *   const kabar = await startServer({ ...config, port: 0 });
 *   kabar.url;            // http://127.0.0.1:PORT
 *   await kabar.close();  // finishes requests in flight, then closes the store
 */
import http from 'node:http';
import {
  CONNECTIONS_CHECK_INTERVAL_MS,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  SHUTDOWN_GRACE_MS,
} from './config.js';
import { CountsCache } from './counts.js';
import { ConfigError, RETRY_AFTER_SECONDS } from './errors.js';
import { PollsFile } from './polls.js';
import { createRelay } from './relay/relay.js';
import { VoteRateLimit } from './rate-limit.js';
import { createRouter } from './routes.js';
import { DemoFiles } from './static.js';
import { openStore } from './store/store.js';

export { parseConfig } from './config.js';

/** What an extra connection gets once `--max-connections` are open: an answer, then a close. */
const BUSY_BODY = JSON.stringify({
  error: { status: 503, code: 'busy', message: 'Too many open connections; try again soon.' },
});
const BUSY_RESPONSE =
  'HTTP/1.1 503 Service Unavailable\r\n' +
  'Content-Type: application/json; charset=utf-8\r\n' +
  `Retry-After: ${RETRY_AFTER_SECONDS}\r\n` +
  'Access-Control-Allow-Origin: *\r\n' +
  'Cache-Control: no-store\r\n' +
  'Connection: close\r\n' +
  `Content-Length: ${Buffer.byteLength(BUSY_BODY)}\r\n\r\n${BUSY_BODY}`;

/**
 * @typedef {object} ServerOptions
 * @property {import('./store/store.js').Store} [store] an open store to use instead of `config.store`
 * @property {(message: string, error?: unknown) => void} [log]
 * @property {number} [headersTimeoutMs] for tests; defaults to HEADERS_TIMEOUT_MS
 * @property {number} [requestTimeoutMs] for tests; defaults to REQUEST_TIMEOUT_MS
 * @property {import('./routes.js').Relay} [relay] the feed relay, when it is not loaded from `./relay/`
 */

/**
 * @typedef {object} KabarServer
 * @property {http.Server} server
 * @property {import('./store/store.js').Store} store
 * @property {string} url where it listens, such as http://127.0.0.1:8080
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} handle
 * @property {() => Promise<void>} close stops accepting, finishes requests in flight, closes the store
 */

/**
 * The feed relay, when `--feeds-allow` names hosts (docs/relay.md); without it /api/feeds is a 404.
 *
 * @param {import('./config.js').Config} config
 * @param {(message: string, error?: unknown) => void} log
 * @returns {import('./routes.js').Relay | undefined}
 */
function relayFor(config, log) {
  if (config.feedsAllow.length === 0) return undefined;
  try {
    return createRelay({
      allow: config.feedsAllow,
      origins: config.feedsOrigins.join(','),
      log: { warn: (message, error) => log(String(message), error) },
    });
  } catch (error) {
    // A bad allow-list entry or origin: the relay names it.
    throw new ConfigError(/** @type {Error} */ (error).message);
  }
}

/**
 * Builds the request handler and its parts without listening: the polls file is read (a bad one
 * throws a `PollsFileError`), the store opened and migrated.
 *
 * @param {import('./config.js').Config} config
 * @param {ServerOptions} [options]
 */
export async function createApp(config, options = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const demo = config.demoRoot === undefined ? undefined : new DemoFiles(config.demoRoot);
  if (demo && config.store.kind === 'sqlite') demo.assertNotServed(config.store.location, 'The SQLite store');
  const polls = new PollsFile(config.pollsFile, { log });
  const relay = options.relay ?? relayFor(config, log);
  const store = options.store ?? (await openStore(config.store));
  const handle = createRouter({
    polls,
    store,
    counts: new CountsCache(store),
    voteRate: new VoteRateLimit(config.voteRate),
    demo,
    relay,
    log,
  });
  return { polls, store, handle, relay };
}

/**
 * Starts kabar-server and resolves once it listens.
 *
 * @param {import('./config.js').Config} config
 * @param {ServerOptions} [options]
 * @returns {Promise<KabarServer>}
 */
export async function startServer(config, options = {}) {
  const { polls, store, handle, relay } = await createApp(config, options);
  /**
   * Responses in progress: told to close their connection when the server stops.
   * @type {Set<http.ServerResponse>}
   */
  const active = new Set();
  let stopping = false;
  const server = http.createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
    },
    (req, res) => {
      if (stopping) res.setHeader('Connection', 'close');
      active.add(res);
      res.once('close', () => active.delete(res));
      void handle(req, res);
    },
  );
  // Node's own maxConnections drops extra sockets without a word; answer them 503 instead.
  let open = 0;
  server.on('connection', (socket) => {
    if (open >= config.maxConnections) {
      socket.end(BUSY_RESPONSE);
      return;
    }
    open++;
    socket.once('close', () => open--);
  });

  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve(undefined);
      });
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  polls.watch();
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    server,
    store,
    handle,
    url: `http://${host}:${address.port}`,
    close() {
      closing ??= (async () => {
        stopping = true;
        // Requests in flight finish; their connections are not kept alive for another.
        for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
        polls.unwatch();
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        relay?.close?.();
        await store.close();
      })();
      return closing;
    },
  };
}
