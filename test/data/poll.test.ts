import { expect } from '@open-wc/testing';
import { KabarFetchError, KabarParseError } from '../../src/data/errors.js';
import { parsePoll } from '../../src/data/poll.js';
import { fetchPoll } from '../../src/data/poll-service.js';
import { isRejection, retryDelay } from '../../src/data/vote-delivery.js';
import { deliverVote, sendVote } from '../../src/data/vote-delivery-loader.js';
import { VoteStore, newVoteKey, withStoredResults } from '../../src/data/vote-store.js';
import type { StoredVote, VoteStorage } from '../../src/data/vote-store.js';

const base = 'https://pemda.example/api/polls/current';

async function serverCounts(): Promise<Record<string, number>> {
  const { poll } = (await (await fetch('/api/polls/layanan', { cache: 'no-store' })).json()) as {
    poll: { options: { id: string; votes: number }[] };
  };
  return Object.fromEntries(poll.options.map((o) => [o.id, o.votes]));
}

function memory(): VoteStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const vote = (extra: Partial<StoredVote> = {}): StoredVote => ({
  poll: 'layanan',
  option: 'jalan',
  key: newVoteKey(),
  url: new URL('/api/polls/layanan/votes', location.href).href,
  pending: true,
  ...extra,
});

describe('poll data', () => {
  beforeEach(() => fetch('/__poll/reset', { cache: 'no-store' }));

  describe('parsePoll', () => {
    it('reads an open poll and resolves its vote URL against the poll URL', () => {
      const poll = parsePoll(
        {
          poll: {
            id: 'p',
            question: 'Q?',
            status: 'open',
            options: [
              { id: 'a', label: 'A', votes: 2 },
              { id: 'b', label: 'B', votes: -4 },
            ],
            closes: '2026-12-31T17:00:00Z',
            vote: '/api/polls/p/votes',
          },
        },
        base,
      )!;
      expect(poll.voteUrl).to.equal('https://pemda.example/api/polls/p/votes');
      expect(poll.status).to.equal('open');
      expect(poll.options.map((o) => o.votes)).to.deep.equal([2, 0]);
      expect(poll.total).to.equal(2);
      expect(poll.closes!.toISOString()).to.equal('2026-12-31T17:00:00.000Z');
    });

    it('treats a poll without a vote URL as closed, and {"poll": null} as no poll', () => {
      const poll = parsePoll(
        { poll: { id: 'p', question: 'Q', status: 'open', options: [{ id: 'a', label: 'A' }] } },
        base,
      );
      expect(poll!.status).to.equal('closed');
      expect(parsePoll({ poll: null }, base)).to.equal(null);
    });

    for (const [name, json] of [
      ['no poll field', {}],
      ['no question', { poll: { id: 'p', options: [{ id: 'a', label: 'A' }] } }],
      ['no options', { poll: { id: 'p', question: 'Q', options: [] } }],
      ['an option without label', { poll: { id: 'p', question: 'Q', options: [{ id: 'a' }] } }],
      ['a string', 'poll'],
    ] as const) {
      it(`throws a KabarParseError for ${name}`, () => {
        expect(() => parsePoll(json, base)).to.throw(KabarParseError);
      });
    }
  });

  describe('fetchPoll', () => {
    it('answers null for 204', async () => {
      expect(await fetchPoll('/__kabar/status/204')).to.equal(null);
    });

    it('throws a KabarFetchError with the status and the service message', async () => {
      const error = await fetchPoll('/api/polls/tidak-ada').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(KabarFetchError);
      expect((error as KabarFetchError).status).to.equal(404);
      expect((error as KabarFetchError).message).to.equal('There is no poll "tidak-ada".');
    });

    it('throws "network" when nothing answers, and stops when aborted', async () => {
      const error = await fetchPoll('http://127.0.0.1:9/').catch((e: unknown) => e);
      expect((error as KabarFetchError).kind).to.equal('network');
      const controller = new AbortController();
      const pending = fetchPoll('/__kabar/slow/2000?file=poll-none.json', { signal: controller.signal });
      controller.abort();
      const aborted = await pending.catch((e: unknown) => e);
      expect((aborted as DOMException).name).to.equal('AbortError');
    });

    it('times out', async () => {
      const error = await fetchPoll('/__kabar/slow/2000?file=poll-none.json', { timeout: 50 }).catch(
        (e: unknown) => e,
      );
      expect((error as KabarFetchError).kind).to.equal('timeout');
    });
  });

  describe('sendVote', () => {
    it('counts the same vote retried three times once', async () => {
      const v = vote();
      const answers = [await sendVote(v), await sendVote(v), await sendVote(v)];
      expect(answers.map((p) => p.total)).to.deep.equal([1, 1, 1]);
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('is a CORS-simple request (text/plain, no custom headers)', async () => {
      // A preflight would show up as OPTIONS; the service answers either way, so check the body type.
      const poll = await sendVote(vote({ option: 'air' }));
      expect(poll.options.find((o) => o.id === 'air')!.votes).to.equal(1);
    });

    it('reports a refusal as a rejection, a failure as retryable', async () => {
      const refused = await sendVote(vote({ option: 'pendidikan' })).catch((e: unknown) => e);
      expect((refused as KabarFetchError).status).to.equal(422);
      expect(isRejection(refused)).to.equal(true);
      await fetch('/__poll/down', { cache: 'no-store' });
      const down = await sendVote(vote()).catch((e: unknown) => e);
      await fetch('/__poll/up', { cache: 'no-store' });
      expect((down as KabarFetchError).status).to.equal(503);
      expect((down as KabarFetchError).retryAfter).to.equal(1);
      expect(isRejection(down)).to.equal(false);
      expect(isRejection(new KabarFetchError('http', '429', { url: '', status: 429 }))).to.equal(false);
    });
  });

  describe('VoteStore and deliverVote', () => {
    it('files a delivered vote with its results, and shares one request between concurrent calls', async () => {
      const store = new VoteStore(memory());
      const key = VoteStore.keyOf('/api/polls/current', 'layanan');
      expect(key).to.equal(`kabar-poll:${location.origin}|layanan`);
      store.set(key, vote());
      const [a, b] = await Promise.all([deliverVote(store, key), deliverVote(store, key)]);
      expect(a).to.equal(b);
      expect(store.get(key)!.pending).to.equal(false);
      expect(store.get(key)!.results).to.deep.equal({ votes: { kesehatan: 0, jalan: 1, air: 0 }, total: 1 });
      expect(await deliverVote(store, key)).to.equal(undefined);
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('keeps a vote that failed for now, drops one refused for good', async () => {
      const store = new VoteStore(memory());
      await fetch('/__poll/down?mode=drop', { cache: 'no-store' });
      store.set('k', vote());
      await deliverVote(store, 'k').catch(() => undefined);
      await fetch('/__poll/up', { cache: 'no-store' });
      expect(store.get('k')!.pending).to.equal(true);
      store.set('k', vote({ option: 'tidak-ada' }));
      await deliverVote(store, 'k').catch(() => undefined);
      expect(store.get('k')).to.equal(undefined);
    });

    it('falls back to memory when storage throws', () => {
      const store = new VoteStore({
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: () => undefined,
      });
      expect(store.persistent).to.equal(true);
      store.set('k', vote());
      expect(store.persistent).to.equal(false);
      expect(store.get('k')!.option).to.equal('jalan');
      expect(new VoteStore(null).persistent).to.equal(false);
    });

    it('ignores garbage in storage', () => {
      const storage = memory();
      storage.setItem('k', '{not json');
      expect(new VoteStore(storage).get('k')).to.equal(undefined);
    });
  });

  it('makes unique keys and growing, bounded retry delays', () => {
    expect(newVoteKey()).not.to.equal(newVoteKey());
    expect(retryDelay(0)).to.be.within(1500, 2500);
    expect(retryDelay(3)).to.be.within(12_000, 20_000);
    expect(retryDelay(50)).to.be.at.most(375_000);
  });

  it('never shows counts older than the answer to our vote', () => {
    const poll = parsePoll(
      { poll: { id: 'p', question: 'Q', options: [{ id: 'a', label: 'A', votes: 1 }], vote: '/v' } },
      base,
    )!;
    const newer = withStoredResults(poll, { ...vote(), results: { votes: { a: 5 }, total: 5 } });
    expect(newer.total).to.equal(5);
    expect(withStoredResults(poll, { ...vote(), results: { votes: { a: 0 }, total: 0 } })).to.equal(poll);
  });
});

describe('parsePoll: hostile answers', () => {
  it('reads absurd, negative and non-numeric counts as 0', () => {
    const poll = parsePoll(
      {
        poll: {
          id: 'p',
          question: 'q',
          status: 'closed',
          options: [
            { id: 'a', label: 'A', votes: 1e308 },
            { id: 'b', label: 'B', votes: -5 },
            { id: 'c', label: 'C', votes: '10' },
            { id: 'd', label: 'D', votes: 7 },
          ],
        },
      },
      'https://example.go.id/poll',
    )!;
    expect(poll.options.map((o) => o.votes)).to.deep.equal([0, 0, 0, 7]);
    expect(poll.total).to.equal(7);
  });

  it('refuses a vote URL that is not http(s)', () => {
    expect(() =>
      parsePoll(
        {
          poll: {
            id: 'p',
            question: 'q',
            status: 'open',
            options: [{ id: 'a', label: 'A' }],
            vote: 'javascript:alert(1)',
          },
        },
        'https://example.go.id/poll',
      ),
    ).to.throw(/http/);
  });
});
