/**
 * The poll service's bench (`npm run bench -- --only=server`): the real kabar-server process on
 * SQLite and on PostgreSQL (started from the installed binaries, fsync on), driven by a bounded
 * keep-alive load generator over loopback. Measures:
 *  - votes per second and p50/p95/p99 latency at concurrency 1, 20 and 100;
 *  - cost per vote with 10 thousand and with 1 million votes already stored (seeded with one bulk
 *    SQL insert, not over HTTP);
 *  - poll reads per second, plain and with If-None-Match (answered 304).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  postgresSkipReason,
  readStore,
  spawnServer,
  startPostgres,
  tempDir,
  writePolls,
} from '../server/test/helpers.js';
import { median } from './median.mjs';

/** Alternating rounds per store size in the cost-per-vote comparison. */
const COST_ROUNDS = 5;

/** Each measurement stops at whichever comes first. */
const LIMITS = {
  1: { count: 2_000, ms: 8_000 },
  20: { count: 10_000, ms: 8_000 },
  100: { count: 20_000, ms: 10_000 },
};

/**
 * Sends requests made by `makeRequest` with `concurrency` in flight, until `count` are done or
 * `ms` have passed. Answers the rate and latency percentiles, and any non-2xx/304 answers.
 *
 * @param {string} url
 * @param {{ concurrency: number, count: number, ms: number, makeRequest: (i: number) => { method: string, path: string, headers?: Record<string, string>, body?: string } }} plan
 */
export async function load(url, { concurrency, count, ms, makeRequest }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  /** @type {number[]} */
  const latencies = [];
  const errors = new Map();
  let sent = 0;
  const started = performance.now();
  const send = (/** @type {number} */ i) =>
    new Promise((resolve) => {
      const { method, path, headers = {}, body } = makeRequest(i);
      const t0 = performance.now();
      const req = http.request({ host: hostname, port, method, path, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          const status = res.statusCode ?? 0;
          if (!(status >= 200 && status < 300) && status !== 304)
            errors.set(status, (errors.get(status) ?? 0) + 1);
          resolve(undefined);
        });
      });
      req.on('error', (error) => {
        errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
        resolve(undefined);
      });
      req.end(body);
    });
  const worker = async () => {
    while (sent < count && performance.now() - started < ms) await send(sent++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    done: latencies.length,
    rate: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: Object.fromEntries(errors),
  };
}

/** @param {number} option */
const voteRequest = (option) => ({
  method: 'POST',
  path: '/api/polls/layanan/votes',
  headers: { 'Content-Type': 'text/plain' },
  body: JSON.stringify({ option: option % 3 ? 'kesehatan' : 'jalan', key: randomUUID() }),
});

/**
 * Stores `count` votes straight into the database, as one bulk SQL insert.
 *
 * @param {string} store a `--store` URL
 * @param {number} count
 */
async function seed(store, count) {
  if (store.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(store.slice('sqlite:'.length));
    db.exec(`BEGIN;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
      INSERT INTO votes (key, poll, option, at)
        SELECT lower(hex(randomblob(16))), 'layanan', CASE i % 3 WHEN 0 THEN 'jalan' ELSE 'kesehatan' END, 0 FROM n;
      INSERT INTO counts (poll, option, shard, n)
        SELECT poll, option, 0, COUNT(*) FROM votes GROUP BY poll, option
        ON CONFLICT (poll, option, shard) DO UPDATE SET n = excluded.n;
      COMMIT;`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client(store);
  await client.connect();
  await client.query(`
    INSERT INTO votes (key, poll, option)
      SELECT md5(i::text || random()::text), 'layanan', CASE i % 3 WHEN 0 THEN 'jalan' ELSE 'kesehatan' END
      FROM generate_series(1, ${count}) AS i;
    DELETE FROM counts;
    INSERT INTO counts (poll, option, shard, n) SELECT poll, option, 0, COUNT(*) FROM votes GROUP BY poll, option;`);
  await client.query('VACUUM ANALYZE votes');
  await client.end();
}

/**
 * @param {(label: string, value: string, detail?: string) => void} print
 */
export async function benchServer(print) {
  const temp = tempDir('kabar-bench-server-');
  const polls = writePolls(temp.dir);
  /** @type {Awaited<ReturnType<typeof startPostgres>> | undefined} */
  let postgres;
  const skip = postgresSkipReason();
  /** @type {Array<{ name: string, fresh: () => Promise<string> }>} */
  const stores = [
    { name: 'SQLite', fresh: async () => `sqlite:${join(temp.dir, randomUUID(), 'kabar.db')}` },
  ];
  if (!skip) {
    postgres = await startPostgres({ fsync: true });
    const pg = postgres;
    stores.push({ name: 'PostgreSQL', fresh: () => pg.createDatabase() });
  }
  const ms = (/** @type {number} */ v) => `${v.toFixed(1)} ms`;
  /** @param {Awaited<ReturnType<typeof load>>} r */
  const detail = (r) =>
    `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (${r.done.toLocaleString('en')} requests${
      Object.keys(r.errors).length ? `; errors ${JSON.stringify(r.errors)}` : ''
    })`;
  /** @param {string} store */
  const serve = async (store) => spawnServer(['--polls', polls, '--store', store], { cwd: temp.dir });
  /** @param {Awaited<ReturnType<typeof serve>>} server */
  const stop = async (server) => {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  };

  try {
    console.log('\nPoll service (kabar-server over loopback, keep-alive connections)\n');
    if (skip) console.log(`  PostgreSQL skipped: ${skip}`);
    for (const { name, fresh } of stores) {
      const store = await fresh();
      const server = await serve(store);
      try {
        await load(server.url, { concurrency: 20, count: 500, ms: 5_000, makeRequest: voteRequest }); // warm up
        for (const concurrency of /** @type {const} */ ([1, 20, 100])) {
          const result = await load(server.url, {
            concurrency,
            ...LIMITS[concurrency],
            makeRequest: voteRequest,
          });
          print(
            `${name}: votes at concurrency ${concurrency}`,
            `${Math.round(result.rate)}/s`,
            detail(result),
          );
        }
        for (const [label, headers] of /** @type {const} */ ([
          ['reads', {}],
          ['reads with If-None-Match (304)', undefined],
        ])) {
          let etag = '';
          if (!headers) {
            const first = await fetch(`${server.url}/api/polls/layanan`);
            etag = first.headers.get('etag') ?? '';
          }
          const result = await load(server.url, {
            concurrency: 20,
            count: 40_000,
            ms: 6_000,
            makeRequest: () => ({
              method: 'GET',
              path: '/api/polls/layanan',
              headers: headers ?? { 'If-None-Match': etag },
            }),
          });
          print(`${name}: ${label}, concurrency 20`, `${Math.round(result.rate)}/s`, detail(result));
        }
      } finally {
        await stop(server);
      }

      // Cost per vote with many votes stored: it must stay flat. Both stores are served at once
      // and measured in alternating rounds, so that a busy moment of the machine hits both.
      const sizes = [10_000, 1_000_000];
      /** @type {Array<{ stored: number, url: string, server: Awaited<ReturnType<typeof serve>>, rounds: Array<Awaited<ReturnType<typeof load>>>, seedSeconds: number }>} */
      const runs = [];
      try {
        for (const stored of sizes) {
          const big = await fresh();
          await stop(await serve(big)); // creates the tables
          const seeded = performance.now();
          await seed(big, stored);
          const seedSeconds = (performance.now() - seeded) / 1000;
          const { votes } = await readStore(big);
          if (votes.size < stored)
            throw new Error(`the ${name} store holds ${votes.size} votes, not ${stored}`);
          const server = await serve(big);
          runs.push({ stored, url: server.url, server, rounds: [], seedSeconds });
          await load(server.url, { concurrency: 20, count: 500, ms: 5_000, makeRequest: voteRequest });
        }
        for (let round = 0; round < COST_ROUNDS; round++)
          for (const run of round % 2 ? [...runs].reverse() : runs)
            run.rounds.push(
              await load(run.url, { concurrency: 20, count: 2_000, ms: 4_000, makeRequest: voteRequest }),
            );
        /** @type {number[]} */
        const costs = [];
        for (const run of runs) {
          const perVote = median(run.rounds.map((r) => 1000 / r.rate));
          const p99 = median(run.rounds.map((r) => r.p99));
          costs.push(perVote);
          print(
            `${name}: cost per vote with ${run.stored.toLocaleString('en')} stored`,
            `${perVote.toFixed(2)} ms`,
            `(median of ${COST_ROUNDS} rounds of 2,000 votes at concurrency 20: ${Math.round(1000 / perVote)}/s, p99 ${ms(p99)}; seeded in ${run.seedSeconds.toFixed(1)} s)`,
          );
        }
        print(
          `${name}: 1M versus 10k stored`,
          `${((costs[1] / costs[0] - 1) * 100).toFixed(0)} %`,
          '(target: within 25 %)',
        );
      } finally {
        for (const run of runs) await stop(run.server);
      }
    }
  } finally {
    postgres?.remove();
    temp.remove();
  }
}
