/**
 * A poll service answered in the page, for the poll's stories: `fetch` calls to `/mock/poll/…`
 * never reach a network. Reads follow the poll protocol (docs/poll-protocol.md); a vote on the
 * open poll is counted in memory, so a designer can vote and see the results.
 */

const OPTIONS = [
  { id: 'kesehatan', label: 'Puskesmas dan layanan kesehatan', votes: 412 },
  { id: 'jalan', label: 'Jalan dan jembatan desa', votes: 356 },
  { id: 'air', label: 'Air bersih', votes: 198 },
  { id: 'ktp', label: 'Pelayanan KTP dan akta (adminduk)', votes: 121 },
];

const counts = new Map(OPTIONS.map((o) => [o.id, o.votes]));

function openPoll(id: string) {
  return {
    id,
    question: 'Layanan publik mana yang paling perlu diperbaiki lebih dulu di Kabupaten Contoh?',
    status: 'open',
    options: OPTIONS.map((o) => ({ ...o, votes: counts.get(o.id) ?? 0 })),
    closes: '2026-12-31T16:59:59Z',
    vote: `/mock/poll/${id}/votes`,
  };
}

const CLOSED = {
  id: 'jam-layanan-mpp',
  question: 'Kapan Mal Pelayanan Publik sebaiknya buka pada hari Sabtu?',
  status: 'closed',
  options: [
    { id: 'pagi', label: 'Pagi, 08.00–12.00', votes: 1234 },
    { id: 'siang', label: 'Siang, 12.00–16.00', votes: 766 },
    { id: 'tutup', label: 'Tidak perlu buka', votes: 95 },
  ],
  closes: '2026-10-31T16:59:59Z',
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function answer(url: URL, init: RequestInit | undefined): Promise<Response> {
  const [, , , id, action] = url.pathname.split('/');
  if (init?.method === 'POST') {
    // The offline poll's votes never get through: the element keeps them pending on the device.
    if (id === 'offline') throw new TypeError('Failed to fetch');
    // The submitting poll's service never answers: the vote stays on its way.
    if (id === 'submitting') return new Promise<Response>(() => {});
    const { option } = JSON.parse(String(init.body)) as { option: string };
    counts.set(option, (counts.get(option) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    return json({ poll: openPoll(id!) });
  }
  if (action) return json({ error: 'not found' }, 404);
  switch (id) {
    case 'none':
      return new Response(null, { status: 204 });
    case 'closed':
      return json({ poll: CLOSED });
    case 'broken':
      return json({ error: 'unavailable' }, 503);
    case 'slow':
      return new Promise<Response>(() => {});
    default:
      return json({ poll: openPoll(id!) });
  }
}

let installed = false;

/** Answers `/mock/poll/{open,voted,offline,submitting,none,closed,broken,slow}` in the page. */
export function installPollMock(): void {
  if (installed) return;
  installed = true;
  const real = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    return url.pathname.startsWith('/mock/poll/') ? answer(url, init) : real(input, init);
  };
}

/** A storage holding one vote already made on `/mock/poll/{id}`, for the voted and pending states. */
export function storageWithVote(id: string, option: string, pending: boolean): Storage {
  const key = `kabar-poll:${location.origin}|${id}`;
  const vote = {
    poll: id,
    option,
    key: `story-${id}`,
    url: new URL(`/mock/poll/${id}/votes`, document.baseURI).href,
    pending,
    ...(pending
      ? {}
      : {
          results: {
            votes: Object.fromEntries(counts),
            total: [...counts.values()].reduce((a, b) => a + b, 0) + 1,
          },
        }),
  };
  const items = new Map([[key, JSON.stringify(vote)]]);
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** An empty storage per story, so a vote in one story does not show up in another. */
export function freshStorage(): Storage {
  return storageWithVote('-', '-', false);
}
