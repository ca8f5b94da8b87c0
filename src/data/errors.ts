/** What went wrong, in words a widget can translate. */
export const ERROR_KINDS = [
  'network',
  'offline',
  'cors',
  'timeout',
  'http',
  'parse',
  'empty',
  'html',
  'format',
  'invalid-url',
  'share',
] as const;
export type KabarErrorKind = (typeof ERROR_KINDS)[number];

/** Every error Kabar throws or reports is one of these. */
export class KabarError extends Error {
  override name = 'KabarError';
  readonly kind: KabarErrorKind;
  readonly url: string | undefined;

  constructor(kind: KabarErrorKind, message: string, options: { url?: string; cause?: unknown } = {}) {
    // `Error` reads only `cause` from its options, and records one only when it is there.
    super(message, options.cause === undefined ? undefined : options);
    this.kind = kind;
    this.url = options.url;
  }
}

/** A request that did not produce a usable response. `status` is 0 when no response came. */
export class KabarFetchError extends KabarError {
  override name = 'KabarFetchError';
  readonly status: number;
  /** Seconds the server asked us to wait (`Retry-After`), if it said. */
  readonly retryAfter: number | undefined;

  constructor(
    kind: KabarErrorKind,
    message: string,
    options: { url: string; status?: number; retryAfter?: number; cause?: unknown },
  ) {
    super(kind, message, options);
    this.status = options.status ?? 0;
    this.retryAfter = options.retryAfter;
  }
}

/** A response that arrived but is not a feed Kabar can read. */
export class KabarParseError extends KabarError {
  override name = 'KabarParseError';
}

/** Turns anything thrown into a KabarError, so events and states always carry one. */
export function toKabarError(error: unknown, url?: string): KabarError {
  if (error instanceof KabarError) return error;
  return new KabarError('network', error instanceof Error ? error.message : String(error), {
    url,
    cause: error,
  });
}
