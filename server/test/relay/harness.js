/**
 * What the relay tests share: upstream servers and a relay server, all on loopback addresses,
 * a client, and a lookup that knows only the tests' names. Nothing here can reach another
 * network: every address is in 127.0.0.0/8, and names not in a test's table do not resolve.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { setImmediate } from 'node:timers';
import { URL } from 'node:url';
import { createRelay } from '../../src/relay/relay.js';

export const RSS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Program</title>' +
    '<item><title>Jalan desa</title><link>https://example.go.id/jalan</link></item></channel></rss>\n',
);

export const HTML = Buffer.from(
  '<!DOCTYPE html><html><head><title>Portal</title></head><body>Hi</body></html>',
);

/** A relay that logs nothing, unless a test asks to see its warnings. */
export const quiet = { warn() {} };

/**
 * @typedef {object} Upstream
 * @property {number} port
 * @property {string} origin `http://<address>:<port>`
 * @property {http.IncomingMessage[]} requests every request it received, in order
 * @property {() => Promise<void>} close
 */

/**
 * Starts a server on a loopback address that answers with `handler`.
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} handler
 * @param {{ host?: string, port?: number }} [where] 127.0.0.1 and any free port by default
 * @returns {Promise<Upstream>}
 */
export async function startUpstream(handler, { host = '127.0.0.1', port = 0 } = {}) {
  if (!host.startsWith('127.')) throw new Error(`Test servers stay on loopback, not ${host}.`);
  /** @type {http.IncomingMessage[]} */
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise((resolve) => server.listen(port, host, () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port: address.port,
    origin: `http://${host}:${address.port}`,
    requests,
    close: () => stop(server),
  };
}

/**
 * Stops a server and every connection it holds (a held response included).
 * @param {http.Server} server
 */
function stop(server) {
  return new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
}

/**
 * @typedef {object} RelayServer
 * @property {string} origin
 * @property {number} handled requests that reached the relay's handler
 * @property {(path: string, init?: { method?: string, headers?: Record<string, string> }) =>
 *   Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer, json: () => any }>} get
 * @property {(feedUrl: string, headers?: Record<string, string>) => ReturnType<RelayServer['get']>} feed
 * @property {(listener: () => void) => void} onRequest called as each request reaches the handler
 * @property {() => Promise<void>} close
 */

/**
 * A relay created with `options`, served on 127.0.0.1 as the server routes it.
 * @param {import('../../src/relay/relay.js').RelayOptions} options
 * @returns {Promise<RelayServer>}
 */
export async function startRelay(options) {
  const relay = createRelay({ log: quiet, lookup: lookupFrom({}), ...options });
  /** @type {(() => void)[]} */
  const listeners = [];
  const state = { handled: 0 };
  const server = http.createServer((req, res) => {
    state.handled++;
    for (const listener of listeners) listener();
    void relay.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  const agent = new http.Agent({ keepAlive: false, maxSockets: 200 });
  /** @type {RelayServer['get']} */
  const get = (path, init = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(`${origin}${path}`, {
        method: init.method ?? 'GET',
        headers: init.headers,
        agent,
      });
      req.on('error', reject);
      req.on('response', (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(String(body)),
          });
        });
      });
      req.end();
    });
  return {
    origin,
    get handled() {
      return state.handled;
    },
    get,
    feed: (feedUrl, headers) =>
      get(`/api/feeds?url=${encodeURIComponent(feedUrl)}`, { headers: headers ?? {} }),
    onRequest: (listener) => listeners.push(listener),
    close: async () => {
      relay.close();
      agent.destroy();
      await stop(server);
    },
  };
}

/**
 * A lookup answering from `table` (name → loopback addresses, or a function giving them per
 * call), counting its calls; any other name fails as an unknown name does.
 * @param {Record<string, string[] | ((call: number) => string[])>} table
 * @returns {import('../../src/relay/fetch-upstream.js').LookupAll & { calls: string[] }}
 */
export function lookupFrom(table) {
  /** @type {string[]} */
  const calls = [];
  /** @type {import('../../src/relay/fetch-upstream.js').LookupAll} */
  const lookup = (hostname, _options, callback) => {
    calls.push(hostname);
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry(calls.filter((c) => c === hostname).length) : entry;
    setImmediate(() => {
      if (!addresses) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        return;
      }
      for (const address of addresses) {
        if (!address.startsWith('127.') && address !== '::1') throw new Error(`Not loopback: ${address}`);
      }
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    });
  };
  return Object.assign(lookup, { calls });
}
