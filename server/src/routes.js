/**
 * The HTTP routes: the poll protocol (docs/poll-protocol.md), the health check, the feed relay's
 * place, and the demo's static files.
 *
 *   GET  /api/polls/current        the first open poll (200), or 204 when none is open
 *   GET  /api/polls/{id}           one poll, open or closed
 *   POST /api/polls/{id}/votes     a vote: {"option": "...", "key": "..."}
 *   OPTIONS on each of them        CORS preflight
 *   GET  /healthz                  200 while the store answers, 503 otherwise
 *   GET  /api/feeds                the feed relay, when --feeds-allow or --demo turns it on
 *   GET  /mitra/                   with --demo-partner-port: a redirect to the demo's partner page
 *   anything else                  the demo's files with --demo, otherwise 404
 *
 * Every path is normalized first (`paths.js`); every error goes through `toHttpError`.
 */
import { createHash } from 'node:crypto';
import { MAX_BODY_BYTES, READ_MAX_AGE_SECONDS, READ_STALE_WHILE_REVALIDATE_SECONDS } from './config.js';
import {
  bodyTooLarge,
  keyReused,
  malformedJson,
  methodNotAllowed,
  missingKey,
  missingOption,
  notFound,
  pollClosed,
  toHttpError,
  tooManyVotes,
  unknownOption,
  unknownPoll,
  unsupportedMediaType,
} from './errors.js';
import { parseRequestPath } from './paths.js';
import { pollStatus } from './polls.js';
import { SECURITY_HEADERS, etagMatches } from './static.js';

/** Idempotency keys: what `crypto.randomUUID()` makes, and other plain tokens. */
export const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

const READ_CACHE_CONTROL = `public, max-age=${READ_MAX_AGE_SECONDS}, stale-while-revalidate=${READ_STALE_WHILE_REVALIDATE_SECONDS}`;

const READ_METHODS = 'GET, HEAD, OPTIONS';
const VOTE_METHODS = 'POST, OPTIONS';

/**
 * The feed relay, as the router calls it.
 *
 * @typedef {object} Relay
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => unknown} handle
 * @property {() => void} [close] stops its timers when the server stops
 */

/**
 * @typedef {object} RouterOptions
 * @property {{ current(): Map<string, import('./polls.js').Poll> }} polls
 * @property {import('./store/store.js').Store} store
 * @property {import('./counts.js').CountsCache} counts
 * @property {import('./rate-limit.js').VoteRateLimit} voteRate
 * @property {import('./static.js').DemoFiles} [demo]
 * @property {Relay} [relay] answers /api/feeds; without it that path is a 404
 * @property {string} [partnerUrl] the demo's partner page, on its own origin: /mitra/ leads there
 * @property {() => number} [now] for tests
 * @property {(message: string, error?: unknown) => void} [log]
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body undefined for no body
 * @param {Record<string, string>} [headers]
 */
function sendJson(req, res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./errors.js').HttpError} error
 */
function sendError(req, res, error) {
  sendJson(
    req,
    res,
    error.status,
    { error: { status: error.status, code: error.code, message: error.message } },
    { 'Cache-Control': 'no-store', ...error.headers },
  );
}

/**
 * Reads the request body, at most `limit` bytes (413 beyond).
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<string>}
 */
function readBody(req, limit) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(bodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let done = false;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.off('data', onData);
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
    req.on('close', () => {
      if (!done) reject(new Error('The client closed the connection before sending the whole body.'));
      done = true;
    });
  });
}

/**
 * Creates the request handler.
 *
 * @param {RouterOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createRouter({
  polls,
  store,
  counts,
  voteRate,
  demo,
  relay,
  partnerUrl,
  now = Date.now,
  log = (message, error) => console.error(message, error ?? ''),
}) {
  /**
   * The last rendered read of each poll, reused while its counts and status are unchanged.
   * @type {Map<string, { poll: import('./polls.js').Poll, counts: Map<string, number>, status: string, text: string, etag: string }>}
   */
  const rendered = new Map();

  /**
   * @param {import('./polls.js').Poll} poll
   * @param {Map<string, number>} stored
   */
  function view(poll, stored) {
    const status = pollStatus(poll, now());
    const options = poll.options.map((option) => ({
      id: option.id,
      label: option.label,
      votes: option.seed + (stored.get(option.id) ?? 0),
    }));
    return {
      id: poll.id,
      question: poll.question,
      status,
      options,
      total: options.reduce((sum, option) => sum + option.votes, 0),
      ...(poll.closes !== undefined ? { closes: new Date(poll.closes).toISOString() } : {}),
      ...(status === 'open' ? { vote: `/api/polls/${encodeURIComponent(poll.id)}/votes` } : {}),
    };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {import('./polls.js').Poll | undefined} poll
   */
  async function read(req, res, poll) {
    const headers = { 'Cache-Control': READ_CACHE_CONTROL };
    if (!poll) return sendJson(req, res, 204, undefined, headers);
    const stored = await counts.get(poll.id);
    const status = pollStatus(poll, now());
    let entry = rendered.get(poll.id);
    if (!entry || entry.poll !== poll || entry.counts !== stored || entry.status !== status) {
      const text = JSON.stringify({ poll: view(poll, stored) });
      const etag = `"${createHash('sha1').update(text).digest('base64url').slice(0, 20)}"`;
      entry = { poll, counts: stored, status, text, etag };
      rendered.set(poll.id, entry);
    }
    if (etagMatches(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { ...CORS_HEADERS, ...headers, ETag: entry.etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      ...CORS_HEADERS,
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(entry.text)),
      'X-Content-Type-Options': 'nosniff',
      ETag: entry.etag,
    });
    res.end(req.method === 'HEAD' ? undefined : entry.text);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {import('./polls.js').Poll} poll
   */
  async function vote(req, res, poll) {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    // text/plain keeps the request CORS-simple (no preflight); the body is JSON all the same.
    if (type !== 'application/json' && type !== 'text/plain') throw unsupportedMediaType();
    const wait = voteRate.take(req.socket.remoteAddress ?? '');
    if (wait) throw tooManyVotes(wait);
    const text = await readBody(req, MAX_BODY_BYTES);
    /** @type {unknown} */
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw malformedJson();
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw malformedJson('The body must be a JSON object.');
    const fields = /** @type {Record<string, unknown>} */ (body);
    const key = Object.hasOwn(fields, 'key') ? fields.key : req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw missingKey();
    const option = Object.hasOwn(fields, 'option') ? fields.option : undefined;
    if (typeof option !== 'string' || !option) throw missingOption();

    const open = pollStatus(poll, now()) === 'open';
    const known = poll.optionsById.has(option);
    // A retry of a vote already counted is answered as counted, even once the poll has closed.
    const stored = open && known ? await store.vote({ poll: poll.id, option, key }) : await store.find(key);
    if (!stored) throw open ? unknownOption(poll.id, option) : pollClosed(poll.id);
    if (stored.poll !== poll.id || stored.option !== option) throw keyReused();
    const fresh = await counts.get(poll.id, stored.settledAt);
    sendJson(
      req,
      res,
      stored.duplicate ? 200 : 201,
      { poll: view(poll, fresh), vote: { option, key, duplicate: stored.duplicate } },
      { 'Cache-Control': 'no-store' },
    );
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string[]} rest the segments after /api/polls
   */
  async function pollsApi(req, res, rest) {
    const method = req.method ?? 'GET';
    const isRead = rest.length === 1;
    const isVote = rest.length === 2 && rest[1] === 'votes';
    if (!isRead && !isVote) throw notFound();
    const allow = isRead ? READ_METHODS : VOTE_METHODS;
    if (method === 'OPTIONS') return sendJson(req, res, 204, undefined, { Allow: allow });
    if (!allow.split(', ').includes(method)) throw methodNotAllowed(allow);
    const current = polls.current();
    if (isRead && rest[0] === 'current') {
      const t = now();
      return read(
        req,
        res,
        [...current.values()].find((poll) => pollStatus(poll, t) === 'open'),
      );
    }
    const poll = current.get(rest[0]);
    if (!poll || pollStatus(poll, now()) === 'scheduled') throw unknownPoll(rest[0]);
    if (isRead) return read(req, res, poll);
    return vote(req, res, poll);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function health(req, res) {
    try {
      await store.ping();
      sendJson(req, res, 200, { status: 'ok', store: store.kind }, { 'Cache-Control': 'no-store' });
    } catch (error) {
      log('kabar-server: health check failed:', error);
      sendJson(req, res, 503, { status: 'unavailable', store: store.kind }, { 'Cache-Control': 'no-store' });
    }
  }

  return async function handle(req, res) {
    const path = parseRequestPath(req.url);
    const [first, second, ...rest] = path?.segments ?? [];
    const isApi = first === 'api';
    try {
      if (!path) throw notFound();
      if (first === 'api' && second === 'polls') return await pollsApi(req, res, rest);
      if (first === 'healthz' && second === undefined) {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
        return await health(req, res);
      }
      // The feed relay's place: GET and OPTIONS /api/feeds go to it once --feeds-allow turns it on.
      if (first === 'api' && second === 'feeds' && rest.length === 0 && relay) {
        await relay.handle(req, res, new URL(`http://localhost${req.url}`));
        return;
      }
      // The demo's home page links here: the partner page's port is only known at start.
      if (demo && partnerUrl && first === 'mitra' && second === undefined) {
        res.writeHead(302, { ...SECURITY_HEADERS, Location: partnerUrl, 'Content-Length': 0 });
        res.end();
        return;
      }
      if (demo && !isApi && (await demo.serve(req, res, path))) return;
      if (demo && !isApi) return demo.notFound(req, res);
      throw notFound();
    } catch (error) {
      // A client that went away mid-request has nobody to answer.
      if (res.destroyed) return;
      const answer = toHttpError(error);
      if (answer.status >= 500) log(`kabar-server: ${req.method} ${req.url} failed:`, error);
      if (res.headersSent) res.destroy();
      else sendError(req, res, answer);
    }
  };
}
