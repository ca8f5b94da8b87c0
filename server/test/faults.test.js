/**
 * Faults: the store stops accepting writes in the middle of a burst (a full disk for SQLite; a
 * revoked privilege and a stopped server for PostgreSQL). Votes that cannot be stored are
 * answered 503; no vote answered 2xx is missing afterwards; once the store recovers, the
 * browsers' retries are each counted once.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  agent,
  postgresSkipReason,
  readStore,
  request,
  start,
  startPostgres,
  tally,
  tempDir,
  writePolls,
} from './helpers.js';

const CONCURRENCY = 20;

/**
 * Sends fresh votes at `CONCURRENCY` until `total` are sent; `breakStore` runs once `breakAfter`
 * votes are acknowledged. Answers what was acknowledged and what must be retried.
 *
 * @param {string} url
 * @param {{ total: number, breakAfter: number, breakStore: () => Promise<void> | void }} plan
 */
async function burst(url, { total, breakAfter, breakStore }) {
  const http = agent(CONCURRENCY);
  /** @type {Map<string, string>} */
  const acknowledged = new Map();
  /** @type {Map<string, string>} */
  const refused = new Map();
  /** @type {Map<number, number>} */
  const statuses = new Map();
  let sent = 0;
  /** @type {Promise<void> | undefined} */
  let broken;
  const worker = async () => {
    while (sent < total) {
      const key = randomUUID();
      const option = sent++ % 3 ? 'kesehatan' : 'jalan';
      const response = await request(url, '/api/polls/layanan/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ option, key }),
        agent: http,
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) acknowledged.set(key, option);
      else refused.set(key, option);
      if (!broken && acknowledged.size >= breakAfter) broken = Promise.resolve(breakStore());
      await broken;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  http.destroy();
  return { acknowledged, refused, statuses };
}

/**
 * Sends `votes` again until each is answered 2xx (at most 20 rounds, 250 ms apart).
 *
 * @param {string} url
 * @param {Map<string, string>} votes
 */
async function retryUntilCounted(url, votes) {
  /** @type {Map<number, number>} */
  const statuses = new Map();
  let left = new Map(votes);
  for (let round = 0; round < 20 && left.size > 0; round++) {
    const next = new Map();
    for (const [key, option] of left) {
      const response = await request(url, '/api/polls/layanan/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ option, key }),
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status !== 201 && response.status !== 200) next.set(key, option);
    }
    left = next;
    if (left.size) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal(left.size, 0, `${left.size} retries were never counted`);
  return statuses;
}

/**
 * The checks every fault test ends with.
 *
 * @param {string} store
 * @param {Map<string, string>} acknowledged
 * @param {Map<string, string>} retried
 * @param {Map<number, number>} statuses
 */
async function assertNothingLost(store, acknowledged, retried, statuses) {
  for (const status of statuses.keys()) assert.ok([201, 503].includes(status), `unexpected status ${status}`);
  assert.ok((statuses.get(503) ?? 0) > 0, 'the fault never showed: no vote was refused');
  const stored = await readStore(store);
  assert.equal(stored.integrity, 'ok');
  const all = new Map([...acknowledged, ...retried]);
  const missing = [...all.keys()].filter((key) => !stored.votes.has(key));
  assert.deepEqual(missing, [], `${missing.length} votes are missing`);
  assert.equal(stored.votes.size, all.size, 'every vote stored once, nothing else');
  assert.deepEqual(stored.counts, tally(stored.votes));
}

/** Why a small filesystem cannot be mounted here, or undefined when it can. */
function mountSkipReason() {
  if (process.platform !== 'linux') return 'needs Linux to mount a small tmpfs';
  const { dir, remove } = tempDir('kabar-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN)';
  } finally {
    remove();
  }
}

describe('SQLite on a disk that fills up mid-burst', { skip: mountSkipReason() }, () => {
  /** @type {{ dir: string, remove: () => void }} */
  let temp;
  let disk = '';
  before(() => {
    temp = tempDir();
    disk = join(temp.dir, 'disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk]);
  });
  after(() => {
    try {
      execFileSync('umount', ['-l', disk]);
    } finally {
      temp.remove();
    }
  });

  test(
    'refuses with 503, loses no acknowledged vote, and counts the retries once',
    { timeout: 120_000 },
    async () => {
      const polls = writePolls(temp.dir);
      const store = `sqlite:${join(disk, 'kabar.db')}`;
      const filler = join(disk, 'filler');
      const fill = () => {
        const fd = openSync(filler, 'w');
        const block = Buffer.alloc(64 * 1024, 1);
        try {
          for (let i = 0; i < 1_000; i++) writeSync(fd, block);
        } catch {
          // ENOSPC: the disk is full.
        } finally {
          closeSync(fd);
        }
      };
      let kabar = await start(['--polls', polls, '--store', store]);
      const { acknowledged, refused, statuses } = await burst(kabar.url, {
        total: 6_000,
        breakAfter: 300,
        breakStore: fill,
      });
      // Recovery: space is freed; the browsers send their refused votes again.
      rmSync(filler);
      const retries = await retryUntilCounted(kabar.url, refused);
      assert.equal(retries.get(200) ?? 0, 0, 'a refused vote must not have been stored');
      // A retry of an acknowledged vote is a duplicate.
      const [someKey, someOption] = [...acknowledged][0];
      const again = await request(kabar.url, '/api/polls/layanan/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ option: someOption, key: someKey }),
      });
      assert.equal(again.status, 200);
      await kabar.close();
      await assertNothingLost(store, acknowledged, refused, statuses);
      // And it opens cleanly afterwards.
      kabar = await start(['--polls', polls, '--store', store]);
      const { poll } = (await request(kabar.url, '/api/polls/layanan')).json();
      assert.equal(poll.total, acknowledged.size + refused.size);
      await kabar.close();
    },
  );
});

describe('PostgreSQL that stops accepting writes mid-burst', { skip: postgresSkipReason() }, () => {
  /** @type {Awaited<ReturnType<typeof startPostgres>>} */
  let postgres;
  /** @type {{ dir: string, remove: () => void }} */
  let temp;
  let polls = '';
  before(async () => {
    temp = tempDir();
    polls = writePolls(temp.dir);
    postgres = await startPostgres({ fsync: false });
  });
  after(() => {
    postgres?.remove();
    temp.remove();
  });

  test(
    'a revoked INSERT privilege: 503, nothing lost, retries counted once',
    { timeout: 120_000 },
    async () => {
      const admin = await postgres.createDatabase();
      const name = new URL(admin).pathname.slice(1);
      // The service connects as an ordinary role (a superuser would ignore privileges).
      await postgres.query(admin, `CREATE ROLE voter LOGIN; ALTER DATABASE ${name} OWNER TO voter`);
      const store = admin.replace('kabar@', 'voter@');
      const kabar = await start(['--polls', polls, '--store', store]);
      try {
        const { acknowledged, refused, statuses } = await burst(kabar.url, {
          total: 3_000,
          breakAfter: 300,
          breakStore: () => postgres.query(admin, 'REVOKE INSERT ON votes FROM voter').then(() => {}),
        });
        assert.equal((await request(kabar.url, '/healthz')).status, 200, 'reads still work');
        await postgres.query(admin, 'GRANT INSERT ON votes TO voter');
        const retries = await retryUntilCounted(kabar.url, refused);
        assert.equal(retries.get(200) ?? 0, 0, 'a refused vote must not have been stored');
        await assertNothingLost(admin, acknowledged, refused, statuses);
      } finally {
        await kabar.close();
      }
    },
  );

  test(
    'the database server stops: 503 and an unhealthy /healthz, then recovery',
    { timeout: 120_000 },
    async () => {
      const store = await postgres.createDatabase();
      const kabar = await start(['--polls', polls, '--store', store]);
      try {
        const { acknowledged, refused, statuses } = await burst(kabar.url, {
          total: 2_000,
          breakAfter: 300,
          breakStore: () => postgres.stop('fast'),
        });
        assert.equal((await request(kabar.url, '/healthz')).status, 503);
        postgres.start();
        assert.equal((await request(kabar.url, '/healthz')).status, 200);
        // A vote whose commit reached the database just before it stopped may be answered 503 and
        // still be stored: its retry is then a 200 duplicate, counted once all the same.
        await retryUntilCounted(kabar.url, refused);
        await assertNothingLost(store, acknowledged, refused, statuses);
      } finally {
        await kabar.close();
      }
    },
  );
});
