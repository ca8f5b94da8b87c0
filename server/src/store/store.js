/**
 * The vote store: the one record of votes. Two implementations share this interface, SQLite
 * (`sqlite.js`, one process) and PostgreSQL (`postgres.js`, any number of processes); each
 * creates its tables from the numbered SQL files in `migrations/<kind>/`.
 *
 * The promises it gives keep the poll protocol honest:
 *  - `vote()` resolves only after the vote's transaction has committed. A key already stored
 *    (committed, or committing in parallel: the database's unique index makes the second writer
 *    wait for the first) resolves as a duplicate with the stored poll and option. A failure
 *    rejects with `StoreUnavailableError` and leaves nothing behind.
 *  - `counts()` sums what is committed.
 *
 * @typedef {object} VoteInput
 * @property {string} poll
 * @property {string} option
 * @property {string} key the idempotency key, unique across all polls
 *
 * @typedef {object} StoredVote
 * @property {string} poll
 * @property {string} option
 * @property {boolean} duplicate true when the key was stored before this call
 * @property {number} settledAt `performance.now()` once the vote was known committed: counts
 *   read after it include the vote
 *
 * @typedef {object} Store
 * @property {'sqlite' | 'postgres'} kind
 * @property {(vote: VoteInput) => Promise<StoredVote>} vote stores a vote once per key
 * @property {(key: string) => Promise<StoredVote | undefined>} find the committed vote of a key
 * @property {(poll: string) => Promise<Map<string, number>>} counts committed votes per option
 * @property {() => Promise<void>} ping rejects when the store cannot be reached
 * @property {() => Promise<void>} close finishes pending writes, then closes
 * @property {string | undefined} file the SQLite file, which must never be served
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Opens (and migrates) the store a `--store` URL names.
 *
 * @param {import('../config.js').StoreConfig} config
 * @returns {Promise<Store>}
 */
export async function openStore(config) {
  if (config.kind === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite.js');
    return openSqliteStore(config.location);
  }
  const { openPostgresStore } = await import('./postgres.js');
  return openPostgresStore(config.location);
}

/**
 * @typedef {object} Migration
 * @property {number} version the file's number
 * @property {string} name the file's name
 * @property {string} sql
 */

/**
 * The migrations of one kind of store, in order: `migrations/<kind>/NNN_what.sql`.
 *
 * @param {'sqlite' | 'postgres'} kind
 * @returns {Migration[]}
 */
export function readMigrations(kind) {
  const folder = fileURLToPath(new URL(`./migrations/${kind}/`, import.meta.url));
  return readdirSync(folder)
    .filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
    .map((name) => ({
      version: Number(name.split('_')[0]),
      name,
      sql: readFileSync(folder + name, 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}
