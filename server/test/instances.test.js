/**
 * A province: several stateless kabar-server processes share one PostgreSQL database. They can
 * start together on an empty database (migrations take turns), and a vote retried against
 * another instance at the same moment is still counted once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  agent,
  counts,
  pool,
  postgresSkipReason,
  readStore,
  start,
  startPostgres,
  tempDir,
  vote,
  writePolls,
} from './helpers.js';

const skip = postgresSkipReason();
/** @type {Awaited<ReturnType<typeof startPostgres>> | undefined} */
let postgres;
/** @type {{ dir: string, remove: () => void }} */
let temp;

before(async () => {
  temp = tempDir();
  if (!skip) postgres = await startPostgres({ fsync: false });
});
after(() => {
  postgres?.remove();
  temp.remove();
});

test('three instances on one PostgreSQL count each key once', { skip, timeout: 120_000 }, async () => {
  if (!postgres) throw new Error('PostgreSQL is not started');
  const store = await postgres.createDatabase();
  const polls = writePolls(temp.dir);
  const instances = await Promise.all([1, 2, 3].map(() => start(['--polls', polls, '--store', store])));
  try {
    const http = agent(60);
    const keys = Array.from({ length: 1_000 }, (_, i) => ({
      key: randomUUID(),
      option: i % 2 ? 'jalan' : 'kesehatan',
    }));
    // Each vote goes to all three instances at once, as a browser retrying through a load balancer might.
    const results = await pool(
      keys.flatMap((k) =>
        instances.map((instance) => () => vote(instance.url, 'layanan', k, { agent: http })),
      ),
      60,
    );
    http.destroy();
    const created = results.filter((r) => r.status === 201).length;
    const duplicates = results.filter((r) => r.status === 200).length;
    assert.deepEqual([created, duplicates], [1_000, 2_000]);
    const stored = await readStore(store);
    assert.equal(stored.votes.size, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past each instance's counts cache
    for (const instance of instances)
      assert.deepEqual(await counts(instance.url), { kesehatan: 500, jalan: 500 });
  } finally {
    await Promise.all(instances.map((instance) => instance.close()));
  }
});
