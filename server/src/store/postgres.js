/**
 * The PostgreSQL store, for a province: any number of stateless kabar-server processes share
 * one database.
 *
 * Votes arriving together are written together: one statement (one round trip, one transaction,
 * one commit flush) inserts each vote unless its key exists and adds the new votes to a random
 * counter shard of their option. Up to `MAX_BATCHES_IN_FLIGHT` such statements run at once; votes
 * arriving meanwhile wait for the next one, so batches grow with the load instead of the queue
 * for connections. Rows are written in key and option order, so two batches never deadlock.
 *
 * The primary key on `votes.key` makes a second writer of the same key (in this process or
 * another) wait for the first one's transaction; its vote is then looked up and reported as a
 * duplicate. Nothing is answered before PostgreSQL has committed (`synchronous_commit` as the
 * server sets it: on by default). A failed statement rolls back as a whole and rejects every vote
 * in it. Migrations run under an advisory lock, so instances starting together take turns.
 */
import { performance } from 'node:perf_hooks';
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_COUNT_SHARDS, POSTGRES_POOL_SIZE } from '../config.js';
import { StoreUnavailableError } from '../errors.js';
import { readMigrations } from './store.js';

/** A statement running longer than this is cancelled and the vote answered 503. */
const STATEMENT_TIMEOUT_MS = 10_000;

/** Waiting longer than this for a connection (database down, pool exhausted) answers 503. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Any number: the advisory lock that serializes migrations between instances. */
const MIGRATION_LOCK = 4_242_019;

/**
 * Vote statements running at once. A few keep PostgreSQL's commit flushes busy; more would split
 * the same votes into more, smaller commits. The rest of the pool serves reads.
 */
const MAX_BATCHES_IN_FLIGHT = 4;

/** Votes in one statement at most: bounds its size and the time a row lock is held. */
const MAX_BATCH = 500;

const INSERT_VOTES = `
WITH inserted AS (
  INSERT INTO votes (key, poll, option)
  SELECT key, poll, option FROM unnest($1::text[], $2::text[], $3::text[]) AS input (key, poll, option)
  ORDER BY key
  ON CONFLICT (key) DO NOTHING
  RETURNING key, poll, option
), counted AS (
  INSERT INTO counts (poll, option, shard, n)
  SELECT poll, option, $4, COUNT(*) FROM inserted GROUP BY poll, option ORDER BY poll, option
  ON CONFLICT (poll, option, shard) DO UPDATE SET n = counts.n + excluded.n
)
SELECT key, poll, option FROM inserted`;

/**
 * @typedef {object} Pending
 * @property {import('./store.js').VoteInput} vote
 * @property {(stored: import('./store.js').StoredVote) => void} resolve
 * @property {(error: Error) => void} reject
 */

/**
 * @param {unknown} error
 * @param {string} doing
 */
const unavailable = (error, doing) =>
  new StoreUnavailableError(
    `The PostgreSQL store could not ${doing}: ${/** @type {Error} */ (error).message}`,
    error,
  );

/**
 * @param {pg.Pool} pool
 */
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    for (const migration of readMigrations('postgres')) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * Connects to PostgreSQL, migrates, and returns the store.
 *
 * @param {string} url
 * @returns {Promise<import('./store.js').Store>}
 */
export async function openPostgresStore(url) {
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: 'kabar-server',
  });
  // An idle connection dropped by the server (a restart, say) must not end the process; the
  // pool opens a new one for the next query.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw unavailable(error, 'be opened');
  }
  return new PostgresStore(pool);
}

class PostgresStore {
  kind = /** @type {const} */ ('postgres');
  file = undefined;
  #pool;
  /** @type {Pending[]} */
  #queue = [];
  /** @type {NodeJS.Immediate | undefined} */
  #scheduled;
  #inFlight = 0;

  /** @param {pg.Pool} pool */
  constructor(pool) {
    this.#pool = pool;
  }

  /**
   * @param {import('./store.js').VoteInput} vote
   * @returns {Promise<import('./store.js').StoredVote>}
   */
  vote(vote) {
    return new Promise((resolve, reject) => {
      this.#queue.push({ vote, resolve, reject });
      // Wait for the rest of this turn of the event loop: votes arriving together go together.
      if (!this.#scheduled)
        this.#scheduled = setImmediate(() => {
          this.#scheduled = undefined;
          this.#pump();
        });
    });
  }

  /** Starts batches while there are votes waiting and room for another statement. */
  #pump() {
    while (this.#queue.length > 0 && this.#inFlight < MAX_BATCHES_IN_FLIGHT) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      this.#inFlight++;
      this.#write(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  /**
   * Writes one batch and answers each of its votes.
   *
   * @param {Pending[]} batch
   */
  async #write(batch) {
    const votes = batch.map((pending) => pending.vote);
    /** @type {Map<string, { poll: string, option: string }>} */
    let inserted;
    try {
      const { rows } = await this.#pool.query(INSERT_VOTES, [
        votes.map((vote) => vote.key),
        votes.map((vote) => vote.poll),
        votes.map((vote) => vote.option),
        randomInt(POSTGRES_COUNT_SHARDS),
      ]);
      inserted = new Map(rows.map((row) => [row.key, { poll: row.poll, option: row.option }]));
    } catch (error) {
      const failure = unavailable(error, 'store a vote');
      for (const pending of batch) pending.reject(failure);
      return;
    }
    const settledAt = performance.now();
    /** @type {Pending[]} */
    const duplicates = [];
    /** Keys answered as new: the same key twice in one batch is stored once, the other is a duplicate. */
    const answered = new Set();
    for (const pending of batch) {
      const { vote } = pending;
      const row = inserted.get(vote.key);
      if (row && !answered.has(vote.key) && row.poll === vote.poll && row.option === vote.option) {
        answered.add(vote.key);
        pending.resolve({ poll: vote.poll, option: vote.option, duplicate: false, settledAt });
      } else if (row) {
        pending.resolve({ poll: row.poll, option: row.option, duplicate: true, settledAt });
      } else {
        duplicates.push(pending);
      }
    }
    if (duplicates.length === 0) return;
    // Keys stored before, or by another writer whose transaction the insert waited for.
    try {
      const stored = await this.#findMany(duplicates.map((pending) => pending.vote.key));
      const foundAt = performance.now();
      for (const { vote, resolve, reject } of duplicates) {
        const row = stored.get(vote.key);
        if (row) resolve({ poll: row.poll, option: row.option, duplicate: true, settledAt: foundAt });
        else
          reject(unavailable(new Error(`the key ${vote.key} conflicted but is not stored`), 'store a vote'));
      }
    } catch (error) {
      const failure = unavailable(error, 'read');
      for (const pending of duplicates) pending.reject(failure);
    }
  }

  /**
   * @param {string[]} keys
   * @returns {Promise<Map<string, { poll: string, option: string }>>}
   */
  async #findMany(keys) {
    const { rows } = await this.#pool.query(
      'SELECT key, poll, option FROM votes WHERE key = ANY($1::text[])',
      [keys],
    );
    return new Map(rows.map((row) => [row.key, { poll: row.poll, option: row.option }]));
  }

  /**
   * @param {string} key
   * @returns {Promise<import('./store.js').StoredVote | undefined>}
   */
  async find(key) {
    try {
      const { rows } = await this.#pool.query('SELECT poll, option FROM votes WHERE key = $1', [key]);
      return (
        rows[0] && {
          poll: rows[0].poll,
          option: rows[0].option,
          duplicate: true,
          settledAt: performance.now(),
        }
      );
    } catch (error) {
      throw unavailable(error, 'read');
    }
  }

  /**
   * @param {string} poll
   * @returns {Promise<Map<string, number>>}
   */
  async counts(poll) {
    try {
      const { rows } = await this.#pool.query(
        'SELECT option, SUM(n)::bigint AS n FROM counts WHERE poll = $1 GROUP BY option',
        [poll],
      );
      return new Map(rows.map((row) => [row.option, Number(row.n)]));
    } catch (error) {
      throw unavailable(error, 'read');
    }
  }

  async ping() {
    try {
      await this.#pool.query('SELECT 1');
    } catch (error) {
      throw unavailable(error, 'be reached');
    }
  }

  async close() {
    await this.#pool.end();
  }
}
