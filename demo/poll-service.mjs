/**
 * The reference poll service: the protocol of docs/poll-protocol.md over Node's `http`, with no
 * dependencies. Polls are defined in a JSON file; votes and idempotency keys are kept in memory
 * and written to `dataDir/votes.json` (temporary file + rename, one write at a time), so they
 * survive a restart.
 *
 *   GET  {base}/current        the poll open now (200), or 204 when none is open
 *   GET  {base}/:id            one poll, open or closed
 *   POST {base}/:id/votes      a vote: {"option": "...", "key": "..."}; answers fresh results
 *   OPTIONS on any of them     CORS preflight
 *
 * Usage: `const handle = createPollService({ pollsFile, dataDir })`, then in a request listener
 * `if (await handle(req, res)) return;` (it answers `false` for URLs outside `basePath`).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Largest vote body accepted, in bytes. A vote is about 80. */
export const MAX_BODY = 2048;
/** Seconds a CDN or browser may serve a poll without asking again. */
export const READ_MAX_AGE = 10;

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

class HttpError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

function send(req, res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function sendError(req, res, error) {
  send(
    req,
    res,
    error.status,
    { error: { status: error.status, code: error.code, message: error.message } },
    { 'Cache-Control': 'no-store', ...error.headers },
  );
}

function validatePolls(data, file) {
  const polls = Array.isArray(data) ? data : data?.polls;
  if (!Array.isArray(polls)) throw new Error(`${file}: expected {"polls": [...]}`);
  const seen = new Set();
  for (const poll of polls) {
    if (!ID.test(poll?.id ?? '')) throw new Error(`${file}: a poll has a missing or invalid "id"`);
    if (seen.has(poll.id)) throw new Error(`${file}: poll "${poll.id}" is defined twice`);
    seen.add(poll.id);
    if (typeof poll.question !== 'string' || !poll.question.trim())
      throw new Error(`${file}: poll "${poll.id}" has no "question"`);
    if (!Array.isArray(poll.options) || poll.options.length < 2)
      throw new Error(`${file}: poll "${poll.id}" needs at least two "options"`);
    const ids = new Set();
    for (const option of poll.options) {
      if (!ID.test(option?.id ?? '') || ids.has(option.id) || typeof option.label !== 'string')
        throw new Error(`${file}: poll "${poll.id}" has an option without a unique "id" and a "label"`);
      ids.add(option.id);
    }
    for (const field of ['opens', 'closes'])
      if (poll[field] !== undefined && Number.isNaN(Date.parse(poll[field])))
        throw new Error(`${file}: poll "${poll.id}" has an invalid "${field}" date`);
  }
  return polls;
}

/** Reads the request body up to `limit` bytes; throws 413 beyond it. */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tooLarge(limit) {
  return new HttpError(413, 'body-too-large', `A vote body may be at most ${limit} bytes.`, {
    Connection: 'close',
  });
}

function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(404, 'not-found', 'No such poll resource.');
  }
}

/**
 * Creates the request handler. `pollsFile` is the JSON file of polls (read at start);
 * `dataDir` is where votes are kept; `basePath` is where the service answers; `now` is for tests.
 */
export function createPollService({
  pollsFile = fileURLToPath(new URL('./polls.json', import.meta.url)),
  dataDir = fileURLToPath(new URL('./data/', import.meta.url)),
  basePath = '/api/polls',
  maxBody = MAX_BODY,
  now = () => Date.now(),
} = {}) {
  const base = basePath.replace(/\/+$/, '');
  const votesFile = join(dataDir, 'votes.json');
  /** { counts: { [pollId]: { [optionId]: n } }, keys: { [key]: { poll, option, at } } } */
  let state;
  let polls;

  const ready = (async () => {
    polls = validatePolls(JSON.parse(await readFile(pollsFile, 'utf8')), pollsFile);
    try {
      state = JSON.parse(await readFile(votesFile, 'utf8'));
    } catch (error) {
      if (error.code !== 'ENOENT') throw new Error(`${votesFile} cannot be read: ${error.message}`);
      state = { counts: {}, keys: {} };
    }
    state.counts ??= {};
    state.keys ??= {};
  })();
  // Report a broken polls file once, at start, not on every request.
  ready.catch((error) => console.error(`[poll-service] ${error.message}`));

  // Writes run one after another; changes made while a write waits join it.
  let chain = Promise.resolve();
  let queued;
  function persist() {
    if (!queued) {
      queued = chain = chain
        .catch(() => {})
        .then(async () => {
          queued = undefined;
          await mkdir(dataDir, { recursive: true });
          const temp = `${votesFile}.${process.pid}.${Date.now()}.tmp`;
          await writeFile(temp, JSON.stringify(state));
          await rename(temp, votesFile);
        });
    }
    return queued;
  }

  const statusOf = (poll) => {
    const t = now();
    if (poll.closed === true || (poll.closes && Date.parse(poll.closes) <= t)) return 'closed';
    if (poll.opens && Date.parse(poll.opens) > t) return 'scheduled';
    return 'open';
  };

  function view(poll) {
    const counts = state.counts[poll.id] ?? {};
    const options = poll.options.map((o) => ({
      id: o.id,
      label: o.label,
      votes: (poll.votes?.[o.id] ?? 0) + (counts[o.id] ?? 0),
    }));
    const status = statusOf(poll);
    return {
      id: poll.id,
      question: poll.question,
      status,
      options,
      total: options.reduce((sum, o) => sum + o.votes, 0),
      ...(poll.closes ? { closes: new Date(poll.closes).toISOString() } : {}),
      ...(status === 'open' ? { vote: `${base}/${encodeURIComponent(poll.id)}/votes` } : {}),
    };
  }

  function read(req, res, poll) {
    const headers = { 'Cache-Control': `public, max-age=${READ_MAX_AGE}, stale-while-revalidate=30` };
    if (!poll) return send(req, res, 204, undefined, headers);
    const body = { poll: view(poll) };
    const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url').slice(0, 20)}"`;
    const match = req.headers['if-none-match'];
    if (match && match.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, '') === etag || tag === '*')) {
      res.writeHead(304, { ...CORS, ...headers, ETag: etag });
      res.end();
      return;
    }
    send(req, res, 200, body, { ...headers, ETag: etag });
  }

  async function vote(req, res, poll) {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    // text/plain keeps the request CORS-simple (no preflight); the body is JSON all the same.
    if (type !== 'application/json' && type !== 'text/plain')
      throw new HttpError(415, 'unsupported-media-type', 'Send the vote as application/json or text/plain.');
    const text = await readBody(req, maxBody);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'malformed-json', 'The body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new HttpError(400, 'malformed-json', 'The body must be a JSON object.');
    const key = body.key ?? req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key))
      throw new HttpError(
        400,
        'missing-key',
        'Every vote needs an idempotency "key": 8 to 128 letters, digits, ".", "_", ":" or "-".',
      );
    if (typeof body.option !== 'string' || !body.option)
      throw new HttpError(400, 'missing-option', 'The vote has no "option".');

    const seen = state.keys[key];
    if (seen) {
      if (seen.poll !== poll.id || seen.option !== body.option)
        throw new HttpError(409, 'key-reused', 'This idempotency key was already used for another vote.');
      // A retry of a vote already counted: same answer, counted once.
      return send(
        req,
        res,
        200,
        { poll: view(poll), vote: { option: seen.option, key, duplicate: true } },
        { 'Cache-Control': 'no-store' },
      );
    }
    if (statusOf(poll) !== 'open')
      throw new HttpError(409, 'poll-closed', `Poll "${poll.id}" is not open for votes.`);
    if (!poll.options.some((o) => o.id === body.option))
      throw new HttpError(422, 'unknown-option', `Poll "${poll.id}" has no option "${body.option}".`);

    // Counted synchronously, so concurrent votes cannot overwrite each other.
    const counts = (state.counts[poll.id] ??= {});
    counts[body.option] = (counts[body.option] ?? 0) + 1;
    state.keys[key] = { poll: poll.id, option: body.option, at: new Date(now()).toISOString() };
    await persist();
    send(
      req,
      res,
      201,
      { poll: view(poll), vote: { option: body.option, key, duplicate: false } },
      { 'Cache-Control': 'no-store' },
    );
  }

  return async function handlePoll(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
    try {
      await ready;
      const parts = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodePart);
      const method = req.method ?? 'GET';
      const isRead = parts.length === 1;
      const isVote = parts.length === 2 && parts[1] === 'votes';
      if (!isRead && !isVote) throw new HttpError(404, 'not-found', 'No such poll resource.');
      const allow = isRead ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS';
      if (method === 'OPTIONS') {
        send(req, res, 204, undefined, { Allow: allow });
        return true;
      }
      if (!allow.split(', ').includes(method))
        throw new HttpError(405, 'method-not-allowed', `Use ${allow.replace(', OPTIONS', '')} here.`, {
          Allow: allow,
        });
      if (isRead && parts[0] === 'current') {
        read(
          req,
          res,
          polls.find((p) => statusOf(p) === 'open'),
        );
        return true;
      }
      const poll = polls.find((p) => p.id === parts[0]);
      if (!poll || statusOf(poll) === 'scheduled')
        throw new HttpError(404, 'unknown-poll', `There is no poll "${parts[0]}".`);
      if (isRead) read(req, res, poll);
      else await vote(req, res, poll);
    } catch (error) {
      if (error instanceof HttpError) sendError(req, res, error);
      else {
        console.error('[poll-service]', error);
        sendError(req, res, new HttpError(500, 'internal', 'The poll service failed; try again.'));
      }
    }
    return true;
  };
}
