/**
 * The SQLite store, for a regency: one file, one process, one writer connection.
 *
 * Durability: WAL journal with `synchronous = FULL`, so a commit is on disk (fsync) before a
 * vote is answered, and a crash or power cut never loses an acknowledged vote. To keep that
 * affordable at a thousand votes a second, votes arriving in the same turn of the event loop
 * share one transaction (group commit): one fsync for the lot, each vote answered after it.
 * When that transaction fails (disk full, read-only file), it is rolled back and every vote in
 * it is rejected, so nothing is left behind and each browser retries.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors.js';
import { readMigrations } from './store.js';

/** How long a statement waits for a lock held by another process (a backup, say). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * @typedef {object} Pending
 * @property {import('./store.js').VoteInput} vote
 * @property {(stored: import('./store.js').StoredVote) => void} resolve
 * @property {(error: Error) => void} reject
 */

/**
 * @param {Database.Database} db
 */
function migrate(db) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  for (const migration of readMigrations('sqlite')) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/**
 * Opens the SQLite file (creating it and its folder), migrates it, and returns the store.
 *
 * @param {string} file
 * @returns {import('./store.js').Store}
 */
export function openSqliteStore(file) {
  let db;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
  } catch (error) {
    db?.close();
    throw new StoreUnavailableError(
      `The SQLite store ${file} cannot be opened: ${/** @type {Error} */ (error).message}`,
      error,
    );
  }
  return new SqliteStore(db, file);
}

class SqliteStore {
  kind = /** @type {const} */ ('sqlite');
  #db;
  /** @type {Pending[]} */
  #queue = [];
  /** @type {NodeJS.Immediate | undefined} */
  #scheduled;
  #closed = false;

  /**
   * @param {Database.Database} db
   * @param {string} file
   */
  constructor(db, file) {
    this.#db = db;
    this.file = file;
    this.#statements = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      insert: db.prepare(
        'INSERT INTO votes (key, poll, option, at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      ),
      find: db.prepare('SELECT poll, option FROM votes WHERE key = ?'),
      count: db.prepare(
        'INSERT INTO counts (poll, option, shard, n) VALUES (?, ?, 0, ?) ON CONFLICT (poll, option, shard) DO UPDATE SET n = n + excluded.n',
      ),
      counts: db.prepare('SELECT option, SUM(n) AS n FROM counts WHERE poll = ? GROUP BY option'),
      ping: db.prepare('SELECT 1'),
    };
  }

  #statements;

  /**
   * @param {import('./store.js').VoteInput} vote
   * @returns {Promise<import('./store.js').StoredVote>}
   */
  vote(vote) {
    if (this.#closed) return Promise.reject(new StoreUnavailableError('The store is closed.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ vote, resolve, reject });
      this.#scheduled ??= setImmediate(() => this.#flush());
    });
  }

  /** Writes every queued vote in one transaction, then answers each. */
  #flush() {
    this.#scheduled = undefined;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    const s = this.#statements;
    /** @type {import('./store.js').StoredVote[]} */
    const outcomes = [];
    try {
      s.begin.run();
      /** Votes added per poll and option, written as one counter update each. */
      const added = new Map();
      const now = Date.now();
      for (const { vote } of batch) {
        if (s.insert.run(vote.key, vote.poll, vote.option, now).changes === 1) {
          const id = `${vote.poll}\n${vote.option}`;
          added.set(id, (added.get(id) ?? 0) + 1);
          outcomes.push({ poll: vote.poll, option: vote.option, duplicate: false, settledAt: 0 });
        } else {
          const stored = /** @type {{ poll: string, option: string }} */ (s.find.get(vote.key));
          outcomes.push({ poll: stored.poll, option: stored.option, duplicate: true, settledAt: 0 });
        }
      }
      for (const [id, n] of added) {
        const [poll, option] = id.split('\n');
        s.count.run(poll, option, n);
      }
      s.commit.run();
    } catch (error) {
      if (this.#db.inTransaction) {
        try {
          s.rollback.run();
        } catch {
          // The transaction is gone already (SQLite rolls back by itself on some I/O errors).
        }
      }
      const failure = new StoreUnavailableError(
        `The SQLite store could not write: ${/** @type {Error} */ (error).message}`,
        error,
      );
      for (const pending of batch) pending.reject(failure);
      return;
    }
    const settledAt = performance.now();
    batch.forEach((pending, index) => pending.resolve({ ...outcomes[index], settledAt }));
  }

  /**
   * @param {string} key
   * @returns {Promise<import('./store.js').StoredVote | undefined>}
   */
  async find(key) {
    const row = /** @type {{ poll: string, option: string } | undefined} */ (
      this.#guard(() => this.#statements.find.get(key))
    );
    return row && { poll: row.poll, option: row.option, duplicate: true, settledAt: performance.now() };
  }

  /**
   * @param {string} poll
   * @returns {Promise<Map<string, number>>}
   */
  async counts(poll) {
    const rows = /** @type {{ option: string, n: number }[]} */ (
      this.#guard(() => this.#statements.counts.all(poll))
    );
    return new Map(rows.map((row) => [row.option, Number(row.n)]));
  }

  async ping() {
    this.#guard(() => this.#statements.ping.get());
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#flush();
    this.#db.close();
  }

  /**
   * Runs a read, turning a database failure into `StoreUnavailableError`.
   *
   * @template T
   * @param {() => T} read
   * @returns {T}
   */
  #guard(read) {
    if (this.#closed) throw new StoreUnavailableError('The store is closed.');
    try {
      return read();
    } catch (error) {
      throw new StoreUnavailableError(
        `The SQLite store could not read: ${/** @type {Error} */ (error).message}`,
        error,
      );
    }
  }
}
