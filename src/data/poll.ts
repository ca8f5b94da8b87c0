/**
 * What a poll is (protocol in docs/poll-protocol.md): the model, and `parsePoll`, which reads a
 * poll service's `{"poll": …}` answer into it. Asking the service is `poll-service.ts`; votes are
 * `vote-store.ts` (kept on the device) and `vote-delivery.ts` (sent until counted).
 */
import { KabarParseError } from './errors.js';

export interface PollOption {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
}

export interface Poll {
  readonly id: string;
  readonly question: string;
  readonly status: 'open' | 'closed';
  readonly options: readonly PollOption[];
  readonly total: number;
  /** When the poll closes (open) or closed (closed), if the service says. */
  readonly closes: Date | undefined;
  /** Absolute URL votes are sent to; only open polls have one. */
  readonly voteUrl: string | undefined;
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
/** A vote count: a whole number of votes, or 0 for anything else (negative, absurd, not a number). */
const count = (value: unknown): number => {
  const n = typeof value === 'number' ? Math.floor(value) : 0;
  return n > 0 && Number.isSafeInteger(n) ? n : 0;
};

/**
 * Reads a `{"poll": ...}` answer. `null` means no poll; anything not shaped like the protocol
 * throws a `KabarParseError`. URLs are resolved against `base`.
 */
export function parsePoll(json: unknown, base: string): Poll | null {
  const bad = (why: string) => new KabarParseError('parse', `Not a poll: ${why}.`, { url: base });
  const p = (json as { poll?: Record<string, unknown> | null } | null)?.poll;
  if (p === null) return null;
  // A `poll` that is not an object (a string, a number) has no `id`.
  if (!text(p?.id) || !text(p.question)) throw bad('no "poll" with "id" and "question"');
  if (!Array.isArray(p.options) || !p.options.length) throw bad('no "options"');
  const options = (p.options as (Record<string, unknown> | null)[]).map((o) => {
    if (!text(o?.id) || !text(o.label)) throw bad('an option without "id" or "label"');
    return { id: o.id, label: o.label, votes: count(o.votes) };
  });
  let voteUrl: string | undefined;
  if (text(p.vote)) {
    try {
      voteUrl = new URL(p.vote, base).href;
    } catch {
      // Reported below.
    }
    if (!/^https?:/.test(voteUrl!)) throw bad('"vote" is not an http(s) URL');
  }
  // No date and an unreadable one are both an invalid `Date`, and mean "not said".
  const closes = new Date(text(p.closes) ? p.closes : NaN);
  const open = p.status !== 'closed' && voteUrl;
  return {
    id: p.id,
    question: p.question,
    status: open ? 'open' : 'closed',
    options,
    total: Math.max(
      count(p.total),
      options.reduce((sum, o) => sum + o.votes, 0),
    ),
    closes: isNaN(+closes) ? undefined : closes,
    voteUrl: open || undefined,
  };
}
