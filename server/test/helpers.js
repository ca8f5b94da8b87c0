/**
 * Shared by the server tests: a fresh polls file, kabar-server started in process, a bounded
 * HTTP client over loopback, and a real PostgreSQL server started from the installed binaries.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { startServer } from '../src/server.js';

export const POLLS = {
  polls: [
    {
      id: 'layanan',
      question: 'Layanan mana yang perlu diperbaiki?',
      options: [
        { id: 'kesehatan', label: 'Kesehatan' },
        { id: 'jalan', label: 'Jalan' },
      ],
    },
    {
      id: 'lama',
      question: 'Poll lama',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      closes: '2020-01-01T00:00:00Z',
      votes: { a: 3, b: 1 },
    },
  ],
};

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'kabar-server-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes a polls file into `dir`.
 *
 * @param {string} dir
 * @param {unknown} [polls]
 */
export function writePolls(dir, polls = POLLS) {
  const file = join(dir, 'polls.json');
  writeFileSync(file, JSON.stringify(polls));
  return file;
}

/**
 * Starts kabar-server in process on a free loopback port.
 *
 * @param {string[]} args command-line flags, as the command takes them
 * @param {import('../src/server.js').ServerOptions} [options]
 */
export function start(args, options = {}) {
  const config = parseConfig(['--port', '0', '--host', '127.0.0.1', ...args]);
  return startServer(config, { log: () => {}, ...options });
}

/** A keep-alive agent; `maxSockets` bounds the concurrency of a burst. */
export const agent = (maxSockets = 50) => new http.Agent({ keepAlive: true, maxSockets });

/**
 * One raw HTTP request (fetch would normalize `..` away before the server saw it).
 *
 * @param {string} base such as http://127.0.0.1:8080
 * @param {string} path sent as is
 * @param {{ method?: string, headers?: Record<string, string>, body?: string | Buffer, agent?: http.Agent, timeoutMs?: number }} [init]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, text: string, json: () => any }>}
 */
export function request(base, path, { method = 'GET', headers = {}, body, agent, timeoutMs = 15_000 } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, method, path, headers, agent, timeout: timeoutMs },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends a vote.
 *
 * @param {string} base
 * @param {string} poll
 * @param {unknown} body an object (sent as JSON) or a raw string
 * @param {{ headers?: Record<string, string>, agent?: http.Agent }} [init]
 */
export function vote(base, poll, body, { headers = {}, agent } = {}) {
  return request(base, `/api/polls/${poll}/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    agent,
  });
}

/**
 * The counts of a poll, per option, straight from the service (not from a cache).
 *
 * @param {string} base
 * @param {string} [poll]
 * @returns {Promise<Record<string, number>>}
 */
export async function counts(base, poll = 'layanan') {
  const response = await request(base, `/api/polls/${poll}`, { headers: { 'Cache-Control': 'no-cache' } });
  const body = response.json();
  return Object.fromEntries(body.poll.options.map((/** @type {any} */ o) => [o.id, o.votes]));
}

/**
 * Runs `tasks` with at most `concurrency` at once; resolves with their results in order.
 *
 * @template T
 * @param {Array<() => Promise<T>>} tasks
 * @param {number} concurrency
 * @returns {Promise<T[]>}
 */
export async function pool(tasks, concurrency) {
  /** @type {T[]} */
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** The folder holding PostgreSQL's `initdb` and `pg_ctl`, or undefined when none is installed. */
export function postgresBinaries() {
  const candidates = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config: look where Debian installs the server.
  }
  if (existsSync('/usr/lib/postgresql'))
    for (const version of readdirSync('/usr/lib/postgresql').sort().reverse())
      candidates.push(join('/usr/lib/postgresql', version, 'bin'));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** Why the PostgreSQL tests are skipped on this machine, or undefined when they can run. */
export function postgresSkipReason() {
  if (!postgresBinaries())
    return 'PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install -y postgresql';
  if (process.getuid?.() === 0 && !userExists('postgres'))
    return 'running as root and there is no "postgres" user to run PostgreSQL as';
  return undefined;
}

/** @param {string} name */
function userExists(name) {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a throwaway PostgreSQL server on a free loopback port, data in a temporary folder.
 * PostgreSQL refuses to run as root: as root, it runs as the `postgres` user.
 *
 * @param {{ fsync?: boolean }} [options] fsync off makes tests faster; the bench keeps it on
 */
export async function startPostgres({ fsync = true } = {}) {
  const bin = postgresBinaries();
  if (!bin) throw new Error(postgresSkipReason());
  const { dir, remove } = tempDir('kabar-pg-');
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  /** @param {string} command @param {string[]} args */
  const run = (command, args) => {
    const [file, fileArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    return execFileSync(file, fileArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'kabar',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c max_connections=200',
    `-c fsync=${fsync ? 'on' : 'off'}`,
    ...(fsync ? [] : ['-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  /** Starts the server on its data folder and waits until it accepts connections. */
  const start = () =>
    run(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      settings,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  start();
  let databases = 0;
  const admin = `postgres://kabar@127.0.0.1:${port}/postgres`;
  return {
    port,
    dir,
    /** Creates an empty database and answers its URL. */
    async createDatabase() {
      const name = `kabar_${++databases}`;
      const { default: pg } = await import('pg');
      const client = new pg.Client(admin);
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://kabar@127.0.0.1:${port}/${name}`;
    },
    /**
     * Runs SQL as the superuser.
     *
     * @param {string} url
     * @param {string} sql
     */
    async query(url, sql) {
      const { default: pg } = await import('pg');
      const client = new pg.Client(url);
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    /** @param {'fast' | 'immediate'} [mode] */
    stop(mode = 'fast') {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
      } catch {
        // Stopped already.
      }
    },
    start,
    /** Stops the server and removes its data. */
    remove() {
      this.stop('immediate');
      remove();
    },
  };
}

/**
 * Spawns the real `kabar-server` command and resolves once it prints where it listens.
 *
 * @param {string[]} args
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, output: () => string }>}
 */
export function spawnServer(args, { cwd } = {}) {
  const bin = new URL('../bin/kabar-server.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kabar-server did not start within 20 s: ${output}`));
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kabar-server exited with ${code}: ${output}`));
    });
  });
}

/**
 * What a store holds, read straight from the database: every key with its option, and the
 * counter rows summed per option.
 *
 * @param {string} storeUrl a `--store` URL
 * @returns {Promise<{ votes: Map<string, string>, counts: Map<string, number>, integrity: string }>}
 */
export async function readStore(storeUrl) {
  if (storeUrl.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(storeUrl.slice('sqlite:'.length), { readonly: true });
    try {
      const rows = /** @type {{ key: string, option: string }[]} */ (
        db.prepare('SELECT key, option FROM votes').all()
      );
      const sums = /** @type {{ option: string, n: number }[]} */ (
        db.prepare('SELECT option, SUM(n) AS n FROM counts GROUP BY option').all()
      );
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      return {
        votes: new Map(rows.map((row) => [row.key, row.option])),
        counts: new Map(sums.map((row) => [row.option, Number(row.n)])),
        integrity,
      };
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client(storeUrl);
  await client.connect();
  try {
    const { rows } = await client.query('SELECT key, option FROM votes');
    const sums = await client.query('SELECT option, SUM(n)::bigint AS n FROM counts GROUP BY option');
    return {
      votes: new Map(rows.map((row) => [row.key, row.option])),
      counts: new Map(sums.rows.map((row) => [row.option, Number(row.n)])),
      integrity: 'ok',
    };
  } finally {
    await client.end();
  }
}

/**
 * Votes per option among `votes`.
 *
 * @param {Map<string, string>} votes key → option
 */
export function tally(votes) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const option of votes.values()) counts.set(option, (counts.get(option) ?? 0) + 1);
  return counts;
}
