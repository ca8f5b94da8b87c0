/**
 * The feed relay's throughput and latency for a feed it holds: answered whole (200) and
 * answered "not modified" (304, the browser sent the ETag). A source and the relay run on
 * 127.0.0.1; a client with `concurrency` connections sends `requests` requests for each case
 * (after a warm-up), stopping early past MAX_SECONDS. Times include the client's own work on the
 * same machine.
 *
 *   node server/bench/relay.js --requests=5000 --concurrency=20
 */
import { Buffer } from 'node:buffer';
import console from 'node:console';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL, URL } from 'node:url';
import { createRelay } from '../src/relay/relay.js';

/** Longest a case may run, so a slow machine still finishes the bench. */
export const MAX_SECONDS = 30;

/** Requests sent before measuring: connections opened, code warmed, the feed fetched. */
export const WARM_UP_REQUESTS = 200;

/** Items in the benched feed: a regency's news feed, about 60 KB of RSS. */
export const FEED_ITEMS = 100;

/**
 * An RSS feed of `items` items with a paragraph each.
 * @param {number} items
 */
function makeFeed(items) {
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Berita</title>\n';
  for (let i = 0; i < items; i++) {
    xml +=
      `<item><title>Program desa ${i}</title><link>https://example.go.id/berita/${i}</link>` +
      `<pubDate>Sun, 06 Dec 2026 08:00:00 +0700</pubDate><description>` +
      'Pemerintah kabupaten meresmikan jalan desa dan layanan publik baru. '.repeat(7) +
      '</description></item>\n';
  }
  return Buffer.from(`${xml}</channel></rss>\n`);
}

/**
 * Starts an HTTP server on 127.0.0.1 and a free port.
 * @param {http.RequestListener} handler
 * @returns {Promise<{ server: http.Server, origin: string, port: number }>}
 */
async function serve(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, origin: `http://127.0.0.1:${port}`, port };
}

/**
 * One GET, read to the end; rejects on a status other than `expected`.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {http.Agent} agent
 * @param {number} expected
 * @returns {Promise<http.IncomingHttpHeaders>}
 */
function get(url, headers, agent, expected) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent }, (res) => {
      res.resume();
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode === expected) resolve(res.headers);
        else reject(new Error(`Expected ${expected}, got ${res.statusCode} from ${url}`));
      });
    });
    req.on('error', reject);
  });
}

/**
 * Sends up to `requests` requests over `concurrency` connections; returns requests a second and
 * the median and 99th percentile latency in milliseconds.
 * @param {() => Promise<unknown>} send
 * @param {number} requests
 * @param {number} concurrency
 */
async function measure(send, requests, concurrency) {
  /** @type {number[]} */
  const latencies = [];
  const start = performance.now();
  const deadline = start + MAX_SECONDS * 1000;
  let started = 0;
  const worker = async () => {
    while (started < requests && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      await send();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const round = (/** @type {number} */ n) => Math.round(n * 100) / 100;
  return {
    rps: Math.round(latencies.length / seconds),
    p50: round(at(0.5)),
    p99: round(at(0.99)),
  };
}

/**
 * @param {{ requests?: number, concurrency?: number }} [options]
 * @returns {Promise<{ cached: { rps: number, p50: number, p99: number },
 *   notModified: { rps: number, p50: number, p99: number }, feedBytes: number }>}
 */
export async function benchRelay({ requests = 5000, concurrency = 20 } = {}) {
  if (!(requests > 0) || !(concurrency > 0))
    throw new TypeError('requests and concurrency must be positive.');
  const feed = makeFeed(FEED_ITEMS);
  const source = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(feed);
  });
  const relay = createRelay({ allow: [`127.0.0.1:${source.port}`], log: { warn() {} } });
  const front = await serve(
    (req, res) => void relay.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = `${front.origin}/api/feeds?url=${encodeURIComponent(`${source.origin}/feed.xml`)}`;
  try {
    const first = await get(url, {}, agent, 200);
    const etag = String(first['etag']);
    const whole = () => get(url, {}, agent, 200);
    const unchanged = () => get(url, { 'if-none-match': etag }, agent, 304);
    await measure(whole, WARM_UP_REQUESTS, concurrency);
    const cached = await measure(whole, requests, concurrency);
    await measure(unchanged, WARM_UP_REQUESTS, concurrency);
    const notModified = await measure(unchanged, requests, concurrency);
    return { cached, notModified, feedBytes: feed.length };
  } finally {
    agent.destroy();
    relay.close();
    for (const { server } of [front, source]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const option = (/** @type {string} */ name) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const requests = Number(option('requests') ?? 5000);
  const concurrency = Number(option('concurrency') ?? 20);
  const result = await benchRelay({ requests, concurrency });
  const kb = (result.feedBytes / 1024).toFixed(0);
  console.log(
    `Feed relay, loopback, ${requests} requests, ${concurrency} connections, ${kb} KB RSS feed held:`,
  );
  console.log('| case                 |  req/s | p50 ms | p99 ms |');
  console.log('| -------------------- | -----: | -----: | -----: |');
  for (const [name, row] of /** @type {const} */ ([
    ['cached feed (200)', result.cached],
    ['not modified (304)', result.notModified],
  ])) {
    console.log(
      `| ${name.padEnd(20)} | ${String(row.rps).padStart(6)} | ${row.p50.toFixed(2).padStart(6)} | ${row.p99.toFixed(2).padStart(6)} |`,
    );
  }
}
