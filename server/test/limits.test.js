/**
 * Limits: slow headers and bodies are cut, open connections are capped, votes per address can
 * be limited, and the polls file is re-read when it changes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../src/config.js';
import { VoteRateLimit } from '../src/rate-limit.js';
import { POLLS, counts, request, start, tempDir, vote, writePolls } from './helpers.js';

/** @type {{ dir: string, remove: () => void }} */
let temp;
let polls = '';
let stores = 0;
const store = () => `sqlite:${join(temp.dir, `store-${++stores}`, 'kabar.db')}`;

before(() => {
  temp = tempDir();
  polls = writePolls(temp.dir);
});
after(() => temp.remove());

/**
 * Opens a raw connection, sends `head`, then one more byte every `everyMs` (at most `maxBytes`
 * of them), and resolves with what the server answered once it closes the connection.
 *
 * @param {string} url
 * @param {string} head
 * @param {{ everyMs?: number, maxBytes?: number }} [trickle]
 */
function trickle(url, head, { everyMs = 200, maxBytes = 100 } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    const started = Date.now();
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    socket.write(head);
    const timer = setInterval(() => {
      if (sent++ >= maxBytes || socket.destroyed) {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('the server never cut the slow request'));
        return;
      }
      socket.write('x');
    }, everyMs);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, ms: Date.now() - started });
    });
  });
}

describe('slow clients', () => {
  test('the limits a client gets are within 30 seconds', async () => {
    assert.ok(HEADERS_TIMEOUT_MS <= 30_000 && REQUEST_TIMEOUT_MS <= 30_000);
    const kabar = await start(['--polls', polls, '--store', store()]);
    try {
      assert.equal(kabar.server.headersTimeout, HEADERS_TIMEOUT_MS);
      assert.equal(kabar.server.requestTimeout, REQUEST_TIMEOUT_MS);
    } finally {
      await kabar.close();
    }
  });

  test('cuts a client that trickles its headers or its body, with 408', async () => {
    const kabar = await start(['--polls', polls, '--store', store()], {
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 1_500,
    });
    try {
      const headers = /** @type {{ answer: string }} */ (
        await trickle(kabar.url, 'GET /api/polls/layanan HTTP/1.1\r\nHost: x\r\nX-Slow: ')
      );
      assert.match(headers.answer, /^HTTP\/1\.1 408/);
      const body = /** @type {{ answer: string }} */ (
        await trickle(
          kabar.url,
          'POST /api/polls/layanan/votes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n{"option":"jalan","key":"',
        )
      );
      assert.match(body.answer, /^HTTP\/1\.1 408/);
      assert.deepEqual(await counts(kabar.url), { kesehatan: 0, jalan: 0 });
    } finally {
      await kabar.close();
    }
  });
});

describe('--max-connections', () => {
  test('answers connections beyond the cap 503 and closes them', async () => {
    const kabar = await start(['--polls', polls, '--store', store(), '--max-connections', '2']);
    const { hostname, port } = new URL(kabar.url);
    /** @type {net.Socket[]} */
    const held = [];
    try {
      for (let i = 0; i < 2; i++) {
        const socket = net.connect(Number(port), hostname);
        await new Promise((resolve) => socket.once('connect', resolve));
        held.push(socket);
      }
      const refused = await request(kabar.url, '/api/polls/layanan');
      assert.equal(refused.status, 503);
      assert.equal(refused.json().error.code, 'busy');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      held.pop()?.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await request(kabar.url, '/api/polls/layanan')).status, 200);
    } finally {
      for (const socket of held) socket.destroy();
      await kabar.close();
    }
  });
});

describe('--vote-rate', () => {
  test('answers votes beyond the rate 429 with Retry-After, and does not count them', async () => {
    const kabar = await start(['--polls', polls, '--store', store(), '--vote-rate', '3']);
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await vote(kabar.url, 'layanan', { option: 'jalan', key: randomUUID() })).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const limited = await vote(kabar.url, 'layanan', { option: 'jalan', key: randomUUID() });
      assert.equal(limited.json().error.code, 'too-many-votes');
      const wait = Number(limited.headers['retry-after']);
      assert.ok(wait >= 1 && wait <= 60, String(wait));
      assert.deepEqual(await counts(kabar.url), { kesehatan: 0, jalan: 3 });
    } finally {
      await kabar.close();
    }
  });

  test('opens a new window after a minute and forgets the oldest addresses beyond its cap', () => {
    let now = 0;
    const limit = new VoteRateLimit(2, { maxAddresses: 3, now: () => now });
    assert.deepEqual([limit.take('a'), limit.take('a'), limit.take('a') > 0], [0, 0, true]);
    now = 60_000;
    assert.equal(limit.take('a'), 0);
    for (const address of ['b', 'c', 'd', '__proto__', 'constructor']) assert.equal(limit.take(address), 0);
    // 'a' was forgotten (the oldest): it starts a fresh window.
    assert.equal(limit.take('a'), 0);
    assert.equal(limit.take('a'), 0);
    assert.ok(limit.take('a') > 0);
    // Windows that ended are forgotten.
    now = 200_000;
    limit.take('z');
    assert.equal(limit.size, 1);
    assert.equal(new VoteRateLimit(0).take('a'), 0);
  });
});

describe('the polls file', () => {
  test('is re-read when it changes; a bad file keeps the last good polls and logs why', async () => {
    const file = join(temp.dir, 'changing.json');
    writeFileSync(file, JSON.stringify(POLLS));
    /** @type {string[]} */
    const logged = [];
    const kabar = await start(['--polls', file, '--store', store()], {
      log: (message) => logged.push(message),
    });
    /** @param {(status: number) => boolean} done */
    const waitFor = async (done, path = '/api/polls/baru') => {
      for (let i = 0; i < 50; i++) {
        const { status } = await request(kabar.url, path);
        if (done(status)) return status;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the polls file was not re-read within 10 s');
    };
    try {
      assert.equal((await request(kabar.url, '/api/polls/baru')).status, 404);
      const added = structuredClone(POLLS);
      added.polls.push({
        id: 'baru',
        question: 'Baru?',
        options: [
          { id: 'ya', label: 'Ya' },
          { id: 'tidak', label: 'Tidak' },
        ],
      });
      writeFileSync(file, JSON.stringify(added));
      assert.equal(await waitFor((status) => status === 200), 200);
      writeFileSync(file, '{"polls": [ broken');
      for (let i = 0; i < 50 && !logged.some((m) => /keeping the last good polls/.test(m)); i++)
        await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(
        logged.some((m) => /keeping the last good polls.*not valid JSON/.test(m)),
        logged.join('\n'),
      );
      assert.equal((await request(kabar.url, '/api/polls/baru')).status, 200);
      // A file removed for a while: logged once, the polls kept, and read again once it is back.
      rmSync(file);
      for (let i = 0; i < 50 && !logged.some((m) => /cannot be read/.test(m)); i++)
        await new Promise((resolve) => setTimeout(resolve, 200));
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      assert.equal(logged.filter((m) => /cannot be read/.test(m)).length, 1, logged.join('\n'));
      assert.equal((await request(kabar.url, '/api/polls/baru')).status, 200);
      writeFileSync(file, JSON.stringify(POLLS));
      assert.equal(await waitFor((status) => status === 404), 404);
    } finally {
      await kabar.close();
    }
  });
});
