/**
 * Every error the service answers with, and its status, in one place. Routes throw an
 * `HttpError` (or a store error); `toHttpError` turns anything thrown into the answer the poll
 * protocol documents (docs/poll-protocol.md), so no handler picks a status on its own.
 */

/** An answer with a status, a stable `code` for programs and a message for people. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, string>} [headers] extra headers, such as `Allow` or `Retry-After`
   */
  constructor(status, code, message, headers = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/**
 * The store could not be reached or could not write (disk full, read-only, database down).
 * Answered 503 with `Retry-After`: the browser keeps the vote and sends it again.
 */
export class StoreUnavailableError extends Error {
  /**
   * @param {string} message
   * @param {unknown} [cause]
   */
  constructor(message, cause) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** The `--polls` file is missing or invalid. */
export class PollsFileError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'PollsFileError';
  }
}

/** A bad command line or an unsafe setup: the command exits with status 2. */
export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Seconds a client should wait before retrying after a 503 or 429. */
export const RETRY_AFTER_SECONDS = 2;

export const notFound = () => new HttpError(404, 'not-found', 'No such resource on this service.');

/** @param {string} id */
export const unknownPoll = (id) => new HttpError(404, 'unknown-poll', `There is no poll "${id}".`);

/** @param {string} allow the methods the resource takes, as in the `Allow` header */
export const methodNotAllowed = (allow) =>
  new HttpError(405, 'method-not-allowed', `Use ${allow.replace(', OPTIONS', '')} here.`, {
    Allow: allow,
  });

/** @param {string} id */
export const pollClosed = (id) => new HttpError(409, 'poll-closed', `Poll "${id}" is not open for votes.`);

export const keyReused = () =>
  new HttpError(409, 'key-reused', 'This idempotency key was already used for another vote.');

/** @param {number} limit bytes */
export const bodyTooLarge = (limit) =>
  new HttpError(413, 'body-too-large', `A vote body may be at most ${limit} bytes.`, {
    Connection: 'close',
  });

export const unsupportedMediaType = () =>
  new HttpError(415, 'unsupported-media-type', 'Send the vote as application/json or text/plain.');

/** @param {string} message */
export const malformedJson = (message = 'The body is not valid JSON.') =>
  new HttpError(400, 'malformed-json', message);

export const missingKey = () =>
  new HttpError(
    400,
    'missing-key',
    'Every vote needs an idempotency "key": 8 to 128 letters, digits, ".", "_", ":" or "-".',
  );

export const missingOption = () => new HttpError(400, 'missing-option', 'The vote has no "option".');

/**
 * @param {string} poll
 * @param {string} option
 */
export const unknownOption = (poll, option) =>
  new HttpError(422, 'unknown-option', `Poll "${poll}" has no option "${option}".`);

/** @param {number} seconds until the window resets */
export const tooManyVotes = (seconds) =>
  new HttpError(429, 'too-many-votes', 'Too many votes from this address; try again later.', {
    'Retry-After': String(seconds),
  });

export const requestTimeout = () =>
  new HttpError(408, 'request-timeout', 'The request body took too long to arrive.', {
    Connection: 'close',
  });

export const unavailable = () =>
  new HttpError(503, 'unavailable', 'The vote store is unavailable; the vote was not counted. Try again.', {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });

export const internal = () =>
  new HttpError(500, 'internal', 'The poll service failed; the vote was not counted. Try again.');

/**
 * The answer for anything thrown while handling a request. Store failures become 503 (the vote
 * was not counted; retry), anything unexpected 500; both tell the browser to keep the vote.
 *
 * @param {unknown} error
 * @returns {HttpError}
 */
export function toHttpError(error) {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreUnavailableError) return unavailable();
  return internal();
}
