/**
 * The relay's refusals and failures, each with its HTTP status. This table is the one place a
 * failure becomes a status; docs/relay.md lists the same codes.
 */

/** @typedef {keyof typeof STATUS_BY_CODE} RelayErrorCode */

export const STATUS_BY_CODE = /** @type {const} */ ({
  /** No `url` parameter. */
  'missing-url': 400,
  /** The `url` parameter is not an absolute URL. */
  'bad-url': 400,
  /** Not `http:` or `https:` (`file:`, `ftp:`, `data:`, …). */
  'unsupported-scheme': 400,
  /** A user name or password in the URL: the relay never sends credentials. */
  'userinfo-url': 400,
  /** The host (and port) is not on the allow-list. */
  'host-not-allowed': 403,
  /** The name resolves to a private, loopback, link-local, metadata or reserved address. */
  'address-refused': 403,
  /** Anything but GET, HEAD and OPTIONS. */
  'method-not-allowed': 405,
  /** The feed is larger than the relay's size limit. */
  'too-large': 413,
  /** The name does not resolve, the connection fails, or the answer is cut off. */
  'upstream-error': 502,
  /** The source answered with an error status. */
  'upstream-status': 502,
  /** The source answered with something Kabar does not read as a feed (an HTML page, …). */
  'not-a-feed': 502,
  /** More redirects than the relay follows, or one without a usable Location. */
  'too-many-redirects': 502,
  'bad-redirect': 502,
  /** The source was too slow to answer or to send the whole feed. */
  'upstream-timeout': 504,
  /** A fault of the relay itself: logged, and answered without its details. */
  'internal-error': 500,
});

/** A failure the relay answers with a documented status and a JSON body. */
export class RelayError extends Error {
  /**
   * @param {RelayErrorCode} code
   * @param {string} message what went wrong, in words a site's administrator can act on
   * @param {{ cause?: unknown }} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'RelayError';
    /** @readonly */
    this.code = code;
    /** @readonly @type {number} */
    this.status = STATUS_BY_CODE[code];
  }
}
