/**
 * The PostgreSQL store, for a province: any number of stateless kabar-server processes share
 * one database.
 *
 * A vote is one statement (so one round trip and one transaction): insert the vote unless its
 * key exists, and in the same statement add 1 to a random counter shard of its option. The
 * primary key on `votes.key` makes a second writer of the same key wait for the first one's
 * transaction; it then finds the committed row and reports it as a duplicate. Nothing is
 * answered before PostgreSQL has committed (`synchronous_commit` as the server sets it: on by
 * default). Migrations run under an advisory lock, so instances starting together take turns.
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

const INSERT_VOTE = `
WITH inserted AS (
  INSERT INTO votes (key, poll, option) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO NOTHING
  RETURNING poll, option
), counted AS (
  INSERT INTO counts (poll, option, shard, n)
  SELECT poll, option, $4, 1 FROM inserted
  ON CONFLICT (poll, option, shard) DO UPDATE SET n = counts.n + 1
)
SELECT poll, option FROM inserted`;

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

  /** @param {pg.Pool} pool */
  constructor(pool) {
    this.#pool = pool;
  }

  /**
   * @param {import('./store.js').VoteInput} vote
   * @returns {Promise<import('./store.js').StoredVote>}
   */
  async vote(vote) {
    try {
      const shard = randomInt(POSTGRES_COUNT_SHARDS);
      const inserted = await this.#pool.query(INSERT_VOTE, [vote.key, vote.poll, vote.option, shard]);
      if (inserted.rowCount === 1)
        return { poll: vote.poll, option: vote.option, duplicate: false, settledAt: performance.now() };
      // The key was taken by a transaction that has committed since (the insert waited for it).
      const stored = await this.find(vote.key);
      if (!stored) throw new Error(`the key ${vote.key} conflicted but is not stored`);
      return stored;
    } catch (error) {
      throw error instanceof StoreUnavailableError ? error : unavailable(error, 'store a vote');
    }
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
