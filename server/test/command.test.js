/**
 * The command line: flags, --help, exit status 2 for bad flags, the "listening" line, and a
 * graceful stop on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HELP, parseConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { request, spawnServer, start, tempDir, writePolls } from './helpers.js';

const bin = new URL('../bin/kabar-server.js', import.meta.url).pathname;

/** @type {{ dir: string, remove: () => void }} */
let temp;
before(() => {
  temp = tempDir();
});
after(() => temp.remove());

describe('parseConfig', () => {
  test('has defaults for everything', () => {
    const config = parseConfig([], '/srv/kabar');
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.pollsFile, '/srv/kabar/polls.json');
    assert.deepEqual(config.store, { kind: 'sqlite', location: '/srv/kabar/kabar-data/kabar.db' });
    assert.equal(config.voteRate, 0);
    assert.deepEqual(config.feedsAllow, []);
    assert.deepEqual(config.feedsOrigins, ['*']);
  });

  test('reads every flag', () => {
    const config = parseConfig(
      [
        '--port=0',
        '--host',
        '0.0.0.0',
        '--polls',
        'p.json',
        '--store',
        'postgres://kabar@db.internal:5432/kabar',
        '--demo',
        '.',
        '--max-connections',
        '50',
        '--vote-rate',
        '30',
        '--feeds-allow',
        'jabarprov.go.id, bandungkab.go.id',
        '--feeds-origins',
        'https://a.example',
      ],
      '/srv',
    );
    assert.equal(config.port, 0);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.store, { kind: 'postgres', location: 'postgres://kabar@db.internal:5432/kabar' });
    assert.equal(config.demoRoot, '/srv');
    assert.equal(config.maxConnections, 50);
    assert.equal(config.voteRate, 30);
    assert.deepEqual(config.feedsAllow, ['jabarprov.go.id', 'bandungkab.go.id']);
    assert.deepEqual(config.feedsOrigins, ['https://a.example']);
    assert.equal(
      parseConfig(['--store', 'sqlite:/var/lib/kabar/k.db']).store.location,
      '/var/lib/kabar/k.db',
    );
  });

  for (const args of [
    ['--bogus'],
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--port', '-1'],
    ['--port'],
    ['--store', 'mysql://x'],
    ['--store', 'sqlite:'],
    ['--max-connections', '0'],
    ['--vote-rate', '1.5'],
    ['extra'],
  ]) {
    test(`refuses ${args.join(' ')}`, () => {
      assert.throws(() => parseConfig(args), ConfigError);
    });
  }

  test('--help documents every flag', () => {
    for (const flag of [
      '--port',
      '--host',
      '--polls',
      '--store',
      '--demo',
      '--demo-partner-port',
      '--max-connections',
      '--vote-rate',
      '--feeds-allow',
      '--feeds-origins',
      '--help',
    ])
      assert.match(HELP, new RegExp(`${flag}\\b`), flag);
  });
});

describe('the kabar-server command', () => {
  test('exits 2 with a clear message on a bad flag, a bad polls file or a served store', () => {
    for (const args of [
      ['--bogus'],
      ['--port', 'x'],
      ['--polls', join(temp.dir, 'missing.json')],
      [
        '--polls',
        writePolls(temp.dir),
        '--demo',
        temp.dir,
        '--store',
        `sqlite:${join(temp.dir, 'demo', 'k.db')}`,
      ],
    ]) {
      const run = spawnSync(process.execPath, [bin, '--port', '0', ...args], {
        encoding: 'utf8',
        timeout: 20_000,
        cwd: temp.dir,
      });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^kabar-server: \S/);
    }
  });

  test('prints its help and exits 0', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, HELP);
  });

  test('says where it listens, serves, and stops cleanly on SIGTERM', async () => {
    const polls = writePolls(temp.dir);
    const { child, url } = await spawnServer(['--polls', polls], { cwd: temp.dir });
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const vote = await request(url, '/api/polls/layanan/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ option: 'jalan', key: 'command-test-1' }),
      });
      assert.equal(vote.status, 201);
    } finally {
      const exited = new Promise((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
    }
    // The default store is kabar-data/kabar.db under the working directory.
    const again = await spawnServer(['--polls', polls], { cwd: temp.dir });
    try {
      const { poll } = (await request(again.url, '/api/polls/layanan')).json();
      assert.equal(poll.total, 1);
    } finally {
      again.child.kill('SIGTERM');
      await new Promise((resolve) => again.child.once('exit', resolve));
    }
  });

  test('on SIGTERM, finishes a vote in flight before it exits', async () => {
    const polls = writePolls(temp.dir);
    const { child, url } = await spawnServer([
      '--polls',
      polls,
      '--store',
      `sqlite:${join(temp.dir, 'inflight.db')}`,
    ]);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    const body = JSON.stringify({ option: 'jalan', key: 'in-flight-vote-1' });
    socket.write(
      `POST /api/polls/layanan/votes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(10));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 201/);
    assert.equal(await exited, 0);
  });

  test('answers /api/feeds 404 while the feed relay is off, and hands it the request once on', async () => {
    const polls = writePolls(temp.dir);
    const store = `sqlite:${join(temp.dir, 'relay.db')}`;
    const off = await start(['--polls', polls, '--store', store]);
    try {
      const response = await request(off.url, '/api/feeds?url=https%3A%2F%2Fjabarprov.go.id%2Ffeed');
      assert.equal(response.status, 404);
      assert.equal(response.json().error.code, 'not-found');
    } finally {
      await off.close();
    }
    /** @type {string[]} */
    const seen = [];
    const on = await start(['--polls', polls, '--store', store, '--feeds-allow', 'jabarprov.go.id'], {
      relay: {
        handle(_req, res, url) {
          seen.push(url.searchParams.get('url') ?? '');
          res.writeHead(204).end();
        },
      },
    });
    try {
      const response = await request(on.url, '/api/feeds?url=https%3A%2F%2Fjabarprov.go.id%2Ffeed');
      assert.equal(response.status, 204);
      assert.deepEqual(seen, ['https://jabarprov.go.id/feed']);
      assert.equal((await request(on.url, '/api/feeds/other')).status, 404);
    } finally {
      await on.close();
    }
  });
  test('relays an allow-listed feed through the real relay, and refuses a host off the list', async () => {
    const feed =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Berita</title><item><title>Satu</title></item></channel></rss>';
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed);
    });
    await new Promise((resolve) => upstream.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {import('node:net').AddressInfo} */ (upstream.address());
    const polls = writePolls(temp.dir);
    const store = `sqlite:${join(temp.dir, 'relay-real.db')}`;
    const server = await start(['--polls', polls, '--store', store, '--feeds-allow', `127.0.0.1:${port}`]);
    try {
      const allowed = await request(
        server.url,
        `/api/feeds?url=${encodeURIComponent(`http://127.0.0.1:${port}/feed`)}`,
      );
      assert.equal(allowed.status, 200);
      assert.equal(allowed.text, feed);
      assert.equal(allowed.headers['access-control-allow-origin'], '*');
      // 127.0.0.2 is not on the list: it stands in for a private address.
      const refused = await request(
        server.url,
        `/api/feeds?url=${encodeURIComponent(`http://127.0.0.2:${port}/feed`)}`,
      );
      assert.equal(refused.status, 403);
    } finally {
      await server.close();
      upstream.close();
    }
  });
});
