/**
 * The two stores the protocol suites run against: SQLite in a temporary folder, and a real
 * PostgreSQL server started for the run (skipped, with the reason, when none is installed).
 */
import { join } from 'node:path';
import { postgresSkipReason, startPostgres, tempDir } from './helpers.js';

/**
 * @typedef {object} Backend
 * @property {string} name
 * @property {string | undefined} skip why it cannot run here
 * @property {() => Promise<void>} setup once before the suite
 * @property {() => Promise<string>} freshStore a `--store` URL for an empty store
 * @property {() => Promise<void>} teardown
 * @property {ReturnType<typeof startPostgres> extends Promise<infer T> ? T | undefined : never} [postgres]
 */

/** @returns {Backend[]} */
export function backends() {
  /** @type {{ dir: string, remove: () => void } | undefined} */
  let sqliteDir;
  let sqliteStores = 0;
  /** @type {Backend} */
  const postgres = {
    name: 'PostgreSQL',
    skip: postgresSkipReason(),
    async setup() {
      postgres.postgres = await startPostgres({ fsync: false });
    },
    async freshStore() {
      if (!postgres.postgres) throw new Error('PostgreSQL is not started');
      return postgres.postgres.createDatabase();
    },
    async teardown() {
      postgres.postgres?.remove();
    },
  };
  return [
    {
      name: 'SQLite',
      skip: undefined,
      async setup() {
        sqliteDir = tempDir('kabar-sqlite-');
      },
      async freshStore() {
        if (!sqliteDir) throw new Error('no folder');
        return `sqlite:${join(sqliteDir.dir, `store-${++sqliteStores}`, 'kabar.db')}`;
      },
      async teardown() {
        sqliteDir?.remove();
      },
    },
    postgres,
  ];
}
