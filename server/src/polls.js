/**
 * The polls: read from the `--polls` JSON file (the format of demo/polls.json), checked, and
 * re-read when the file changes. A bad file keeps the last good polls and logs why.
 *
 * Polls and options are kept in `Map`s: ids come from clients' URLs and bodies, and a plain
 * object would answer `__proto__` or `constructor` from its prototype.
 */
import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { POLLS_WATCH_INTERVAL_MS } from './config.js';
import { PollsFileError } from './errors.js';

/** Poll and option ids: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * @typedef {object} PollOption
 * @property {string} id
 * @property {string} label
 * @property {number} seed votes counted elsewhere (on paper, say), added to the stored ones
 */

/**
 * @typedef {object} Poll
 * @property {string} id
 * @property {string} question
 * @property {PollOption[]} options in display order
 * @property {Map<string, PollOption>} optionsById
 * @property {number | undefined} opens milliseconds since the epoch
 * @property {number | undefined} closes milliseconds since the epoch
 * @property {boolean} closed closed by hand (`"closed": true`)
 */

/** @typedef {'scheduled' | 'open' | 'closed'} PollStatus */

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @param {unknown} value
 * @param {string} where
 * @param {string} field
 */
function date(value, where, field) {
  if (value === undefined) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new PollsFileError(`${where} has an invalid "${field}" date.`);
  return time;
}

/**
 * Checks the parsed polls file and builds the polls.
 *
 * @param {unknown} data the parsed JSON
 * @param {string} file its name, for messages
 * @returns {Map<string, Poll>} in file order
 */
export function parsePolls(data, file) {
  const list = Array.isArray(data) ? data : isObject(data) ? data.polls : undefined;
  if (!Array.isArray(list)) throw new PollsFileError(`${file}: expected {"polls": [...]}.`);
  /** @type {Map<string, Poll>} */
  const polls = new Map();
  for (const [index, raw] of list.entries()) {
    if (!isObject(raw) || typeof raw.id !== 'string' || !ID_PATTERN.test(raw.id))
      throw new PollsFileError(`${file}: poll number ${index + 1} has a missing or invalid "id".`);
    const where = `${file}: poll "${raw.id}"`;
    if (polls.has(raw.id)) throw new PollsFileError(`${where} is defined twice.`);
    if (typeof raw.question !== 'string' || !raw.question.trim())
      throw new PollsFileError(`${where} has no "question".`);
    if (!Array.isArray(raw.options) || raw.options.length < 2)
      throw new PollsFileError(`${where} needs at least two "options".`);
    const seeds =
      raw.votes === undefined
        ? new Map()
        : isObject(raw.votes)
          ? new Map(Object.entries(raw.votes))
          : undefined;
    if (!seeds) throw new PollsFileError(`${where} has "votes" that are not an object of counts.`);
    /** @type {Map<string, PollOption>} */
    const optionsById = new Map();
    for (const option of raw.options) {
      if (
        !isObject(option) ||
        typeof option.id !== 'string' ||
        !ID_PATTERN.test(option.id) ||
        optionsById.has(option.id) ||
        typeof option.label !== 'string'
      )
        throw new PollsFileError(`${where} has an option without a unique valid "id" and a "label".`);
      const seed = seeds.get(option.id) ?? 0;
      if (!Number.isSafeInteger(seed) || seed < 0)
        throw new PollsFileError(
          `${where} seeds option "${option.id}" with ${JSON.stringify(seed)}, not a count.`,
        );
      optionsById.set(option.id, { id: option.id, label: option.label, seed });
    }
    for (const id of seeds.keys())
      if (!optionsById.has(id))
        throw new PollsFileError(`${where} seeds votes for an unknown option "${id}".`);
    polls.set(raw.id, {
      id: raw.id,
      question: raw.question,
      options: [...optionsById.values()],
      optionsById,
      opens: date(raw.opens, where, 'opens'),
      closes: date(raw.closes, where, 'closes'),
      closed: raw.closed === true,
    });
  }
  return polls;
}

/**
 * Reads and checks a polls file.
 *
 * @param {string} file
 * @returns {Map<string, Poll>}
 */
export function loadPolls(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PollsFileError(`${file} cannot be read: ${/** @type {Error} */ (error).message}`);
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PollsFileError(`${file} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
  return parsePolls(data, file);
}

/**
 * @param {Poll} poll
 * @param {number} now milliseconds since the epoch
 * @returns {PollStatus}
 */
export function pollStatus(poll, now) {
  if (poll.closed || (poll.closes !== undefined && poll.closes <= now)) return 'closed';
  if (poll.opens !== undefined && poll.opens > now) return 'scheduled';
  return 'open';
}

/**
 * What identifies a version of a file: a change to any of these means it was edited or replaced.
 *
 * @param {import('node:fs').Stats} stats
 */
const versionOf = (stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`;

const MISSING = 'missing';

/**
 * The polls of a file, kept current: `current()` answers the last good set.
 */
export class PollsFile {
  #file;
  #log;
  /** @type {Map<string, Poll>} */
  #polls;
  /** The version of the file last read, good or bad. */
  #version = '';
  /** @type {NodeJS.Timeout | undefined} */
  #timer;
  #checking = false;

  /**
   * Reads the file; throws a `PollsFileError` when it is bad, so a bad file stops the start.
   *
   * @param {string} file
   * @param {{ log?: (message: string) => void }} [options]
   */
  constructor(file, { log = (message) => console.error(message) } = {}) {
    this.#file = file;
    this.#log = log;
    this.#version = this.#statVersion();
    this.#polls = loadPolls(file);
  }

  /** @returns {Map<string, Poll>} */
  current() {
    return this.#polls;
  }

  /** Reads the file again; on failure keeps the last good polls and logs why. */
  reload() {
    this.#version = this.#statVersion();
    try {
      this.#polls = loadPolls(this.#file);
      this.#log(`kabar-server: polls reloaded from ${this.#file} (${this.#polls.size} polls)`);
    } catch (error) {
      this.#log(`kabar-server: keeping the last good polls: ${/** @type {Error} */ (error).message}`);
    }
  }

  /**
   * Re-reads the file whenever its version differs from the one last read (edited in place or
   * replaced by a rename). Compared with the version read at start, so an edit made while the
   * server was starting is not missed.
   */
  watch() {
    this.#timer ??= setInterval(() => void this.#check(), POLLS_WATCH_INTERVAL_MS);
    this.#timer.unref();
  }

  unwatch() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #check() {
    if (this.#checking) return;
    this.#checking = true;
    try {
      const version = await stat(this.#file).then(versionOf, () => MISSING);
      // A missing file is reported once (by reload), and read again once it is back.
      if (version !== this.#version) this.reload();
    } finally {
      this.#checking = false;
    }
  }

  #statVersion() {
    try {
      return versionOf(statSync(this.#file));
    } catch {
      return MISSING;
    }
  }
}
