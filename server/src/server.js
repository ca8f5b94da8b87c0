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
import { PartnerSite } from './partner.js';
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
 * @property {string} [demoOrigin] with --demo: where the demo is reached (`http://127.0.0.1:8080`);
 *   the relay may fetch from it, and the partner page reads the demo feed there
 * @property {string} [partnerUrl] with --demo: the partner page's address, where /mitra/ leads
 */

/**
 * @typedef {object} KabarServer
 * @property {http.Server} server
 * @property {import('./store/store.js').Store} store
 * @property {string} url where it listens, such as http://127.0.0.1:8080
 * @property {string | undefined} demoUrl the demo's home page, with --demo
 * @property {string | undefined} partnerUrl the demo's partner page, with --demo-partner-port
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} handle
 * @property {() => Promise<void>} close stops accepting, finishes requests in flight, closes the store
 */

/**
 * The feed relay, when `--feeds-allow` names hosts (docs/relay.md); without it /api/feeds is a 404.
 * With `--demo` the relay is on for the demo's own address too, so that the partner page can read
 * the demo's feeds through it.
 *
 * @param {import('./config.js').Config} config
 * @param {string | undefined} demoHost the demo's own `host:port`, with --demo
 * @param {(message: string, error?: unknown) => void} log
 * @returns {import('./routes.js').Relay | undefined}
 */
function relayFor(config, demoHost, log) {
  const allow = [...config.feedsAllow, ...(demoHost ? [demoHost] : [])];
  if (allow.length === 0) return undefined;
  try {
    return createRelay({
      allow,
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
  const demoHost = options.demoOrigin === undefined ? undefined : new URL(options.demoOrigin).host;
  const relay = options.relay ?? relayFor(config, demoHost, log);
  const store = options.store ?? (await openStore(config.store));
  const handle = createRouter({
    polls,
    store,
    counts: new CountsCache(store),
    voteRate: new VoteRateLimit(config.voteRate),
    demo,
    relay,
    partnerUrl: options.partnerUrl,
    log,
  });
  const partner =
    demo && options.demoOrigin !== undefined
      ? new PartnerSite({ demo, demoOrigin: options.demoOrigin })
      : undefined;
  return { polls, store, handle, relay, partner };
}

/**
 * Where a server listening on `address` is reached from this machine: a wildcard address
 * (`0.0.0.0`, `::`) is reached on loopback.
 *
 * @param {import('node:net').AddressInfo} address
 */
function originOf(address) {
  if (address.address === '0.0.0.0') return `http://127.0.0.1:${address.port}`;
  if (address.address === '::') return `http://[::1]:${address.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Listens on `port` of `host`; rejects when that fails (a port taken).
 *
 * @param {http.Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<import('node:net').AddressInfo>}
 */
async function listen(server, port, host) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  return /** @type {import('node:net').AddressInfo} */ (server.address());
}

/**
 * Starts kabar-server and resolves once it listens and is ready. It listens first, so that the
 * demo's relay and partner page know the port (`--port 0` picks one); a request arriving in the
 * meantime waits for the rest of the setup.
 *
 * @param {import('./config.js').Config} config
 * @param {ServerOptions} [options]
 * @returns {Promise<KabarServer>}
 */
export async function startServer(config, options = {}) {
  /** @type {(app: Awaited<ReturnType<typeof createApp>>) => void} */
  let setReady = () => {};
  /** @type {(error: unknown) => void} */
  let setFailed = () => {};
  /** @type {Promise<Awaited<ReturnType<typeof createApp>>>} */
  const ready = new Promise((resolve, reject) => {
    setReady = resolve;
    setFailed = reject;
  });
  ready.catch(() => {});
  /**
   * Responses in progress: told to close their connection when the server stops.
   * @type {Set<http.ServerResponse>}
   */
  const active = new Set();
  let stopping = false;
  const serverOptions = {
    headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
    requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
  };
  const server = http.createServer(serverOptions, (req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
    active.add(res);
    res.once('close', () => active.delete(res));
    ready.then(
      ({ handle }) => handle(req, res),
      () => {
        res.destroy();
      },
    );
  });
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

  const address = await listen(server, config.port, config.host);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const demoOrigin = config.demoRoot === undefined ? undefined : originOf(address);

  /** @type {http.Server | undefined} */
  let partnerServer;
  /** @type {string | undefined} */
  let partnerUrl;
  /** @type {Awaited<ReturnType<typeof createApp>>} */
  let app;
  try {
    if (config.demoPartnerPort !== undefined) {
      partnerServer = http.createServer(serverOptions, (req, res) => {
        ready.then(
          ({ partner }) => {
            // --demo-partner-port needs --demo, so there is always a partner site here.
            if (partner) return partner.handle(req, res);
            res.destroy();
          },
          () => res.destroy(),
        );
      });
      partnerUrl = `${originOf(await listen(partnerServer, config.demoPartnerPort, config.host))}/`;
    }
    app = await createApp(config, { ...options, demoOrigin, partnerUrl });
  } catch (error) {
    setFailed(error);
    for (const listening of [server, partnerServer]) {
      listening?.closeAllConnections();
      listening?.close();
    }
    throw error;
  }
  setReady(app);
  const { polls, store, relay } = app;
  polls.watch();

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    server,
    store,
    handle: app.handle,
    url: `http://${host}:${address.port}`,
    demoUrl: demoOrigin === undefined ? undefined : `${demoOrigin}/`,
    partnerUrl,
    close() {
      closing ??= (async () => {
        stopping = true;
        // Requests in flight finish; their connections are not kept alive for another.
        for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
        polls.unwatch();
        const closed = Promise.all(
          [server, partnerServer].map((listening) =>
            listening ? new Promise((resolve) => listening.close(resolve)) : undefined,
          ),
        );
        server.closeIdleConnections();
        partnerServer?.closeIdleConnections();
        const grace = setTimeout(() => {
          server.closeAllConnections();
          partnerServer?.closeAllConnections();
        }, SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        relay?.close?.();
        await store.close();
      })();
      return closing;
    },
  };
}
