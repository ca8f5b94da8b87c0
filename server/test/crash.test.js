/**
 * Crash: the real kabar-server process is killed with SIGKILL in the middle of a burst of votes,
 * five times over the same store. After each restart the store opens cleanly, and every vote
 * that was answered 201 or 200 is stored, once, and counted.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from './backends.js';
import { agent, readStore, request, spawnServer, tally, tempDir, writePolls } from './helpers.js';

const ROUNDS = 5;
/** Votes each round at most; the kill comes well before. */
const VOTES_PER_ROUND = 4_000;
const CONCURRENCY = 20;

for (const backend of backends()) {
  describe(`a crash during a burst, on ${backend.name}`, { skip: backend.skip }, () => {
    /** @type {{ dir: string, remove: () => void }} */
    let temp;
    before(async () => {
      temp = tempDir();
      await backend.setup();
    });
    after(async () => {
      await backend.teardown();
      temp.remove();
    });

    test(`loses no acknowledged vote over ${ROUNDS} kill -9 rounds`, { timeout: 180_000 }, async () => {
      const polls = writePolls(temp.dir);
      const store = await backend.freshStore();
      /** Every key answered 2xx, with its option. */
      const acknowledged = new Map();
      /** Keys sent but not answered 2xx (killed in flight): sent again in the next round. */
      let unanswered = new Map();
      for (let round = 0; round < ROUNDS; round++) {
        const { child, url } = await spawnServer(['--polls', polls, '--store', store], { cwd: temp.dir });
        const http = agent(CONCURRENCY);
        const pending = [...unanswered.entries()];
        unanswered = new Map();
        let sent = 0;
        let killed = false;
        const killAfter = 200 + Math.floor(Math.random() * 600);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const worker = async () => {
          while (!killed && sent < VOTES_PER_ROUND) {
            const [key, option] = pending.pop() ?? [randomUUID(), sent % 3 ? 'kesehatan' : 'jalan'];
            sent++;
            if (sent === killAfter) {
              killed = true;
              child.kill('SIGKILL');
            }
            try {
              const response = await request(url, '/api/polls/layanan/votes', {
                method: 'POST',
                headers: { 'Content-Type': 'text/plain' },
                body: JSON.stringify({ option, key }),
                agent: http,
                timeoutMs: 5_000,
              });
              if (response.status === 201 || response.status === 200) acknowledged.set(key, option);
              else unanswered.set(key, option);
            } catch {
              unanswered.set(key, option);
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        if (!killed) child.kill('SIGKILL');
        await exited;
        http.destroy();
        for (const key of acknowledged.keys()) unanswered.delete(key);
      }

      // The store opens cleanly and holds every acknowledged vote, counted once.
      const { child, url } = await spawnServer(['--polls', polls, '--store', store], { cwd: temp.dir });
      try {
        const { poll } = (await request(url, '/api/polls/layanan')).json();
        const stored = await readStore(store);
        assert.equal(stored.integrity, 'ok');
        const missing = [...acknowledged.keys()].filter((key) => !stored.votes.has(key));
        assert.deepEqual(missing, [], `${missing.length} acknowledged votes are missing`);
        for (const [key, option] of acknowledged) assert.equal(stored.votes.get(key), option);
        // Counter rows agree with the votes, and the service shows them.
        assert.deepEqual(stored.counts, tally(stored.votes));
        assert.equal(poll.total, stored.votes.size);
        assert.ok(acknowledged.size >= ROUNDS * 100, `only ${acknowledged.size} votes acknowledged`);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    });
  });
}
