/**
 * The poll protocol (docs/poll-protocol.md) against each store: reads, votes, exactly-once
 * counting under concurrent retries, restarts, and every kind of bad input.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backends } from './backends.js';
import { POLLS, agent, counts, pool, request, start, tempDir, vote, writePolls } from './helpers.js';

const key = () => `test-${randomUUID()}`;

for (const backend of backends()) {
  describe(`the poll protocol on ${backend.name}`, { skip: backend.skip }, () => {
    /** @type {{ dir: string, remove: () => void }} */
    let temp;
    let pollsFile = '';
    let storeUrl = '';
    /** @type {import('../src/server.js').KabarServer | undefined} */
    let kabar;
    let base = '';

    const open = async () => {
      kabar = await start(['--polls', pollsFile, '--store', storeUrl]);
      base = kabar.url;
    };

    before(async () => {
      temp = tempDir();
      pollsFile = writePolls(temp.dir);
      await backend.setup();
    });
    after(async () => {
      await kabar?.close();
      await backend.teardown();
      temp.remove();
    });
    beforeEach(async () => {
      await kabar?.close();
      storeUrl = await backend.freshStore();
      await open();
    });

    describe('reads', () => {
      it('answers the open poll at /current with cache headers and an ETag, then 304', async () => {
        const response = await request(base, '/api/polls/current');
        assert.equal(response.status, 200);
        assert.match(String(response.headers['cache-control']), /public, max-age=\d+/);
        assert.equal(response.headers['access-control-allow-origin'], '*');
        const etag = String(response.headers.etag);
        assert.match(etag, /^"[\w-]+"$/);
        assert.deepEqual(response.json().poll, {
          id: 'layanan',
          question: 'Layanan mana yang perlu diperbaiki?',
          status: 'open',
          options: [
            { id: 'kesehatan', label: 'Kesehatan', votes: 0 },
            { id: 'jalan', label: 'Jalan', votes: 0 },
          ],
          total: 0,
          vote: '/api/polls/layanan/votes',
        });
        const again = await request(base, '/api/polls/current', { headers: { 'If-None-Match': etag } });
        assert.equal(again.status, 304);
        assert.equal(again.text, '');
        await vote(base, 'layanan', { option: 'jalan', key: key() });
        // A new vote changes the read (after the short counts cache), and so its ETag.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const changed = await request(base, '/api/polls/current', { headers: { 'If-None-Match': etag } });
        assert.equal(changed.status, 200);
        assert.notEqual(changed.headers.etag, etag);
      });

      it('answers a closed poll with its seeded results, closing date and no vote URL', async () => {
        const { poll } = (await request(base, '/api/polls/lama')).json();
        assert.equal(poll.status, 'closed');
        assert.equal(poll.closes, '2020-01-01T00:00:00.000Z');
        assert.equal(poll.total, 4);
        assert.equal(poll.vote, undefined);
      });

      it('answers HEAD with the headers of GET and no body', async () => {
        const response = await request(base, '/api/polls/layanan', { method: 'HEAD' });
        assert.equal(response.status, 200);
        assert.equal(response.text, '');
        assert.ok(Number(response.headers['content-length']) > 0);
      });

      it('answers a CORS preflight', async () => {
        const response = await request(base, '/api/polls/layanan/votes', {
          method: 'OPTIONS',
          headers: { Origin: 'https://desa.example', 'Access-Control-Request-Method': 'POST' },
        });
        assert.equal(response.status, 204);
        assert.match(String(response.headers['access-control-allow-methods']), /POST/);
        assert.match(String(response.headers['access-control-allow-headers']), /Idempotency-Key/);
      });

      it('answers /healthz with 200 while the store answers', async () => {
        const response = await request(base, '/healthz');
        assert.equal(response.status, 200);
        assert.equal(response.json().status, 'ok');
      });
    });

    describe('votes', () => {
      it('counts a vote and answers fresh results with no-store', async () => {
        const response = await vote(base, 'layanan', { option: 'jalan', key: key() });
        assert.equal(response.status, 201);
        assert.equal(response.headers['cache-control'], 'no-store');
        const body = response.json();
        assert.deepEqual(body.vote.duplicate, false);
        assert.equal(body.poll.total, 1);
        assert.deepEqual(await counts(base), { kesehatan: 0, jalan: 1 });
      });

      it('accepts application/json and the key in an Idempotency-Key header', async () => {
        const response = await vote(
          base,
          'layanan',
          { option: 'kesehatan' },
          { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key() } },
        );
        assert.equal(response.status, 201);
      });

      it('answers a retried key 200 duplicate with the same counts', async () => {
        const k = key();
        const statuses = [];
        for (let i = 0; i < 3; i++) {
          const response = await vote(base, 'layanan', { option: 'kesehatan', key: k });
          statuses.push(response.status);
          assert.equal(response.json().poll.total, 1);
        }
        assert.deepEqual(statuses, [201, 200, 200]);
      });

      it('counts exactly once: 2,000 keys, each sent 3 times at once, at concurrency 50', async () => {
        const keys = Array.from({ length: 2_000 }, (_, i) => ({
          key: key(),
          option: i % 3 ? 'kesehatan' : 'jalan',
        }));
        const http = agent(50);
        const tasks = keys.flatMap((k) =>
          [0, 1, 2].map(() => () => vote(base, 'layanan', k, { agent: http })),
        );
        // Interleave each key's three sends so that they arrive together.
        const results = await pool(tasks, 50);
        http.destroy();
        const statuses = new Map();
        for (const response of results)
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries(statuses), { 201: 2_000, 200: 4_000 });
        const expected = {
          kesehatan: keys.filter((k) => k.option === 'kesehatan').length,
          jalan: keys.filter((k) => k.option === 'jalan').length,
        };
        assert.deepEqual(await counts(base), expected);
        const { poll } = (await request(base, '/api/polls/layanan')).json();
        assert.equal(poll.total, 2_000);
      });

      it('keeps votes and keys across a restart', async () => {
        const k = key();
        await vote(base, 'layanan', { option: 'jalan', key: k });
        await vote(base, 'layanan', { option: 'kesehatan', key: key() });
        await kabar?.close();
        await open();
        assert.deepEqual(await counts(base), { kesehatan: 1, jalan: 1 });
        const retry = await vote(base, 'layanan', { option: 'jalan', key: k });
        assert.equal(retry.status, 200);
        assert.equal(retry.json().vote.duplicate, true);
        assert.deepEqual(await counts(base), { kesehatan: 1, jalan: 1 });
      });

      it('answers a retry of a counted vote as counted even after the poll closed', async () => {
        const k = key();
        await vote(base, 'layanan', { option: 'jalan', key: k });
        const closed = structuredClone(POLLS);
        /** @type {Record<string, unknown>} */ (closed.polls[0]).closed = true;
        const file = join(temp.dir, 'closed-now.json');
        writeFileSync(file, JSON.stringify(closed));
        await kabar?.close();
        kabar = await start(['--polls', file, '--store', storeUrl]);
        base = kabar.url;
        const retry = await vote(base, 'layanan', { option: 'jalan', key: k });
        assert.equal(retry.status, 200);
        assert.equal(retry.json().poll.status, 'closed');
        const fresh = await vote(base, 'layanan', { option: 'jalan', key: key() });
        assert.equal(fresh.status, 409);
        assert.equal(fresh.json().error.code, 'poll-closed');
      });
    });

    describe('bad input: a documented 4xx JSON error, counts untouched', () => {
      const post = (/** @type {string} */ path, /** @type {unknown} */ body) =>
        request(base, path, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify(body),
        });
      /** @type {Array<[string, () => ReturnType<typeof request>, number, string]>} */
      const cases = [
        [
          'an unknown poll',
          () => post('/api/polls/tidak-ada/votes', { option: 'a', key: key() }),
          404,
          'unknown-poll',
        ],
        [
          'an unknown option',
          () => vote(base, 'layanan', { option: 'pendidikan', key: key() }),
          422,
          'unknown-option',
        ],
        ['malformed JSON', () => vote(base, 'layanan', '{"option": "jalan",'), 400, 'malformed-json'],
        ['a JSON array', () => vote(base, 'layanan', '["jalan"]'), 400, 'malformed-json'],
        ['JSON null', () => vote(base, 'layanan', 'null'), 400, 'malformed-json'],
        ['an empty body', () => vote(base, 'layanan', ''), 400, 'malformed-json'],
        [
          'an oversized body',
          () => vote(base, 'layanan', { option: 'jalan', key: key(), pad: 'x'.repeat(10_000) }),
          413,
          'body-too-large',
        ],
        ['a missing key', () => vote(base, 'layanan', { option: 'jalan' }), 400, 'missing-key'],
        ['a malformed key', () => vote(base, 'layanan', { option: 'jalan', key: 'a b' }), 400, 'missing-key'],
        [
          'a key that is not a string',
          () => vote(base, 'layanan', { option: 'jalan', key: 12345678 }),
          400,
          'missing-key',
        ],
        ['a missing option', () => vote(base, 'layanan', { key: key() }), 400, 'missing-option'],
        [
          'an option that is an object',
          () => vote(base, 'layanan', { key: key(), option: {} }),
          400,
          'missing-option',
        ],
        [
          'a vote on a closed poll',
          () => post('/api/polls/lama/votes', { option: 'a', key: key() }),
          409,
          'poll-closed',
        ],
        [
          'a GET on the votes URL',
          () => request(base, '/api/polls/layanan/votes'),
          405,
          'method-not-allowed',
        ],
        [
          'a DELETE on a poll',
          () => request(base, '/api/polls/layanan', { method: 'DELETE' }),
          405,
          'method-not-allowed',
        ],
        [
          'a POST on a poll',
          () => post('/api/polls/current', { option: 'a', key: key() }),
          405,
          'method-not-allowed',
        ],
        [
          'a PUT vote',
          () => request(base, '/api/polls/layanan/votes', { method: 'PUT' }),
          405,
          'method-not-allowed',
        ],
        [
          'a form body',
          () =>
            vote(base, 'layanan', 'option=jalan', {
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            }),
          415,
          'unsupported-media-type',
        ],
        [
          'no content type',
          () => request(base, '/api/polls/layanan/votes', { method: 'POST', body: '{}' }),
          415,
          'unsupported-media-type',
        ],
        [
          'a malformed path',
          () => post('/api/polls/%E0%A4%A/votes', { option: 'a', key: key() }),
          404,
          'not-found',
        ],
        ['an unknown resource', () => request(base, '/api/polls/layanan/votes/extra'), 404, 'not-found'],
        [
          'a poll named __proto__',
          () => post('/api/polls/__proto__/votes', { option: 'a', key: key() }),
          404,
          'unknown-poll',
        ],
        ['a poll named constructor', () => request(base, '/api/polls/constructor'), 404, 'unknown-poll'],
        [
          'a poll named toString',
          () => post('/api/polls/toString/votes', { option: 'a', key: key() }),
          404,
          'unknown-poll',
        ],
        [
          'an option named __proto__',
          () => vote(base, 'layanan', { option: '__proto__', key: key() }),
          422,
          'unknown-option',
        ],
        [
          'an option named constructor',
          () => vote(base, 'layanan', { option: 'constructor', key: key() }),
          422,
          'unknown-option',
        ],
        [
          'an option named hasOwnProperty',
          () => vote(base, 'layanan', { option: 'hasOwnProperty', key: key() }),
          422,
          'unknown-option',
        ],
        [
          'a __proto__ body',
          () => vote(base, 'layanan', '{"__proto__": {"option": "jalan", "key": "abcdefgh-proto"}}'),
          400,
          'missing-key',
        ],
        ['a poll path with ..', () => request(base, '/api/polls/x/../layanan'), 404, 'not-found'],
      ];
      for (const [name, act, status, code] of cases) {
        it(`refuses ${name} with ${status} ${code}`, async () => {
          const before = { layanan: await counts(base), lama: await counts(base, 'lama') };
          const response = await act();
          assert.equal(response.status, status, response.text);
          assert.match(String(response.headers['content-type']), /^application\/json/);
          const body = response.json();
          assert.equal(body.error.code, code);
          assert.equal(body.error.status, status);
          assert.ok(body.error.message.length > 10, 'a readable message');
          if (status === 405) assert.ok(response.headers.allow);
          assert.deepEqual({ layanan: await counts(base), lama: await counts(base, 'lama') }, before);
        });
      }

      it('refuses a key reused for another option with 409 key-reused', async () => {
        const k = key();
        assert.equal((await vote(base, 'layanan', { option: 'jalan', key: k })).status, 201);
        const reused = await vote(base, 'layanan', { option: 'kesehatan', key: k });
        assert.equal(reused.status, 409);
        assert.equal(reused.json().error.code, 'key-reused');
        const otherPoll = await post('/api/polls/lama/votes', { option: 'a', key: k });
        assert.equal(otherPoll.status, 409);
        assert.equal(otherPoll.json().error.code, 'key-reused');
        assert.deepEqual(await counts(base), { kesehatan: 0, jalan: 1 });
      });

      it('counts prototype-named keys like any other key', async () => {
        for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf_'].map((k) =>
          k.padEnd(8, '_'),
        )) {
          assert.equal((await vote(base, 'layanan', { option: 'jalan', key: k })).status, 201, k);
          assert.equal((await vote(base, 'layanan', { option: 'jalan', key: k })).status, 200, k);
        }
        assert.deepEqual(await counts(base), { kesehatan: 0, jalan: 5 });
      });
    });
  });
}
