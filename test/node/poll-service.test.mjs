/* global crypto */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { request } from 'node:http';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPollService } from '../../demo/poll-service.mjs';

const POLLS = {
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

let dir;
let pollsFile;

async function start(options = {}) {
  const handle = createPollService({ pollsFile, dataDir: join(dir, 'data'), ...options });
  const server = createServer(async (req, res) => {
    if (!(await handle(req, res))) {
      res.writeHead(404).end('static');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

const key = () => `test-${crypto.randomUUID()}`;

function vote(origin, body, init = {}) {
  return fetch(`${origin}/api/polls/layanan/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

async function counts(origin, id = 'layanan') {
  const { poll } = await json(await fetch(`${origin}/api/polls/${id}`));
  return Object.fromEntries(poll.options.map((o) => [o.id, o.votes]));
}

describe('poll service', () => {
  let service;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kabar-poll-'));
    pollsFile = join(dir, 'polls.json');
    await writeFile(pollsFile, JSON.stringify(POLLS));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    await service?.close();
    await rm(join(dir, 'data'), { recursive: true, force: true });
    service = await start();
  });
  after(() => service?.close());

  describe('reads', () => {
    it('answers the open poll at /current with cache headers and an ETag', async () => {
      const response = await fetch(`${service.origin}/api/polls/current`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('cache-control'), /public, max-age=\d+/);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      const etag = response.headers.get('etag');
      assert.ok(etag);
      const { poll } = await json(response);
      assert.deepEqual(poll, {
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
      const again = await fetch(`${service.origin}/api/polls/current`, {
        headers: { 'If-None-Match': etag },
      });
      assert.equal(again.status, 304);
    });

    it('answers a closed poll with results, its closing date and no vote URL', async () => {
      const { poll } = await json(await fetch(`${service.origin}/api/polls/lama`));
      assert.equal(poll.status, 'closed');
      assert.equal(poll.closes, '2020-01-01T00:00:00.000Z');
      assert.equal(poll.total, 4);
      assert.equal(poll.vote, undefined);
    });

    it('answers 204 at /current when no poll is open', async () => {
      const onlyClosed = join(dir, 'closed.json');
      await writeFile(onlyClosed, JSON.stringify({ polls: [POLLS.polls[1]] }));
      await service.close();
      service = await start({ pollsFile: onlyClosed });
      const response = await fetch(`${service.origin}/api/polls/current`);
      assert.equal(response.status, 204);
      assert.equal(await response.text(), '');
      assert.match(response.headers.get('cache-control'), /max-age/);
    });

    it('leaves URLs outside its base path to the next handler', async () => {
      const response = await fetch(`${service.origin}/index.html`);
      assert.equal(await response.text(), 'static');
    });

    it('answers a CORS preflight', async () => {
      const response = await fetch(`${service.origin}/api/polls/layanan/votes`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://desa.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      assert.equal(response.status, 204);
      assert.match(response.headers.get('access-control-allow-methods'), /POST/);
      assert.match(response.headers.get('access-control-allow-headers'), /Content-Type/);
    });
  });

  describe('votes', () => {
    it('counts a vote and answers fresh results', async () => {
      const response = await vote(service.origin, { option: 'jalan', key: key() });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = await json(response);
      assert.equal(body.vote.option, 'jalan');
      assert.equal(body.vote.duplicate, false);
      assert.equal(body.poll.total, 1);
      assert.deepEqual(await counts(service.origin), { kesehatan: 0, jalan: 1 });
    });

    it('accepts application/json and the key in an Idempotency-Key header', async () => {
      const response = await vote(
        service.origin,
        { option: 'kesehatan' },
        { headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key() } },
      );
      assert.equal(response.status, 201);
    });

    it('counts the same vote retried three times once', async () => {
      const k = key();
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await vote(service.origin, { option: 'kesehatan', key: k });
        statuses.push(response.status);
        const body = await json(response);
        assert.equal(body.poll.total, 1);
      }
      assert.deepEqual(statuses, [201, 200, 200]);
      // And three at once.
      const k2 = key();
      await Promise.all([1, 2, 3].map(() => vote(service.origin, { option: 'jalan', key: k2 })));
      assert.deepEqual(await counts(service.origin), { kesehatan: 1, jalan: 1 });
    });

    it('counts every one of many concurrent votes', async () => {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          vote(service.origin, { option: i % 4 ? 'kesehatan' : 'jalan', key: key() }),
        ),
      );
      assert.ok(responses.every((r) => r.status === 201));
      assert.deepEqual(await counts(service.origin), { kesehatan: 30, jalan: 10 });
    });

    it('keeps votes and keys across a restart', async () => {
      const k = key();
      await vote(service.origin, { option: 'jalan', key: k });
      await vote(service.origin, { option: 'kesehatan', key: key() });
      await service.close();
      service = await start();
      assert.deepEqual(await counts(service.origin), { kesehatan: 1, jalan: 1 });
      const retry = await vote(service.origin, { option: 'jalan', key: k });
      assert.equal(retry.status, 200);
      assert.equal((await json(retry)).vote.duplicate, true);
      assert.deepEqual(await counts(service.origin), { kesehatan: 1, jalan: 1 });
      // Written atomically: only the data file is left, no temporary files.
      assert.deepEqual(await readdir(join(dir, 'data')), ['votes.json']);
      JSON.parse(await readFile(join(dir, 'data', 'votes.json'), 'utf8'));
    });
  });

  describe('bad input: a clear 4xx JSON error, counts untouched', () => {
    const cases = [
      [
        'an unknown poll',
        () => fetch(`${service.origin}/api/polls/tidak-ada/votes`, post({ option: 'a', key: key() })),
        404,
        'unknown-poll',
      ],
      [
        'an unknown option',
        () => vote(service.origin, { option: 'pendidikan', key: key() }),
        422,
        'unknown-option',
      ],
      ['malformed JSON', () => vote(service.origin, '{"option": "jalan",'), 400, 'malformed-json'],
      ['a JSON array', () => vote(service.origin, '["jalan"]'), 400, 'malformed-json'],
      [
        'an oversized body',
        () => vote(service.origin, { option: 'jalan', key: key(), pad: 'x'.repeat(10_000) }),
        413,
        'body-too-large',
      ],
      ['a missing key', () => vote(service.origin, { option: 'jalan' }), 400, 'missing-key'],
      ['a malformed key', () => vote(service.origin, { option: 'jalan', key: 'a b' }), 400, 'missing-key'],
      ['a missing option', () => vote(service.origin, { key: key() }), 400, 'missing-option'],
      [
        'a vote on a closed poll',
        () => fetch(`${service.origin}/api/polls/lama/votes`, post({ option: 'a', key: key() })),
        409,
        'poll-closed',
      ],
      ['a key reused for another option', null, 409, 'key-reused'],
      [
        'a GET on the votes URL',
        () => fetch(`${service.origin}/api/polls/layanan/votes`),
        405,
        'method-not-allowed',
      ],
      [
        'a DELETE on a poll',
        () => fetch(`${service.origin}/api/polls/layanan`, { method: 'DELETE' }),
        405,
        'method-not-allowed',
      ],
      [
        'a POST on a poll',
        () => fetch(`${service.origin}/api/polls/current`, post({ option: 'a', key: key() })),
        405,
        'method-not-allowed',
      ],
      [
        'a form body',
        () =>
          vote(service.origin, 'option=jalan', {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          }),
        415,
        'unsupported-media-type',
      ],
      [
        'a malformed path',
        () => fetch(`${service.origin}/api/polls/%E0%A4%A/votes`, post({ option: 'a', key: key() })),
        404,
        'not-found',
      ],
      [
        'an unknown resource',
        () => fetch(`${service.origin}/api/polls/layanan/votes/extra`),
        404,
        'not-found',
      ],
    ];
    for (const [name, act, status, code] of cases) {
      it(`rejects ${name} with ${status} ${code}`, async () => {
        const before = { layanan: await counts(service.origin), lama: await counts(service.origin, 'lama') };
        let response;
        if (code === 'key-reused') {
          const k = key();
          await vote(service.origin, { option: 'jalan', key: k });
          before.layanan.jalan++;
          response = await vote(service.origin, { option: 'kesehatan', key: k });
        } else {
          response = await act();
        }
        assert.equal(response.status, status);
        assert.match(response.headers.get('content-type'), /^application\/json/);
        const body = await json(response);
        assert.equal(body.error.code, code);
        assert.equal(body.error.status, status);
        assert.ok(body.error.message.length > 10, 'a readable message');
        if (status === 405) assert.ok(response.headers.get('allow'));
        assert.deepEqual(
          { layanan: await counts(service.origin), lama: await counts(service.origin, 'lama') },
          before,
        );
      });
    }

    it('rejects a body larger than its declared length limit even when streamed', async () => {
      const { port } = new URL(service.origin);
      const status = await new Promise((resolve, reject) => {
        const req = request(
          {
            port,
            host: '127.0.0.1',
            path: '/api/polls/layanan/votes',
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode);
          },
        );
        req.on('error', reject);
        req.write(`{"option":"jalan","key":"${key()}","pad":"`);
        req.write('x'.repeat(5000));
        req.end('"}');
      });
      assert.equal(status, 413);
      assert.deepEqual(await counts(service.origin), { kesehatan: 0, jalan: 0 });
    });
  });
});

function post(body) {
  return { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) };
}
