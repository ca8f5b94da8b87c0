/**
 * Request paths, normalized once before any routing or file decision, so that no spelling of a
 * path (`//data`, `/%2fdata`, `/./data`, `/x/../data`, `%2e%2e`, `\`, NUL) can reach what its
 * plain spelling cannot.
 */

/**
 * @typedef {object} RequestPath
 * @property {string[]} segments decoded, never empty, `.` or `..`
 * @property {boolean} trailingSlash
 * @property {string} search the query string, with its `?`, or ''
 */

/**
 * Splits and decodes a request target (`req.url`). Answers `undefined` for anything that is not
 * a plain path: not starting with `/`, malformed percent-encoding, a NUL or a backslash, or a
 * `..` segment (refused rather than resolved: no client needs one).
 *
 * @param {string | undefined} target
 * @returns {RequestPath | undefined}
 */
export function parseRequestPath(target) {
  if (!target || !target.startsWith('/')) return undefined;
  const queryAt = target.indexOf('?');
  const raw = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? '' : target.slice(queryAt);
  const segments = [];
  // Split before decoding: an encoded slash inside a segment is then seen as a slash too.
  for (const part of raw.split('/')) {
    let decoded;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    for (const segment of decoded.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') return undefined;
      segments.push(segment);
    }
  }
  return { segments, trailingSlash: raw.length > 1 && raw.endsWith('/'), search };
}
