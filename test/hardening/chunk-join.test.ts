import { expect, fixture, html } from '@open-wc/testing';
import { chunkRequests, memoryStorage, until } from '../helpers.js';

/**
 * The real bundle, where the XML and JSON feed readers and the poll's vote sending each fail
 * once (503) 0.8 s after they are asked for, as a request that hangs on a bad connection and
 * then fails. Widgets load these ahead of need (a list as its feed's response starts, a poll as
 * it shows its form), so the call that needs a chunk often comes while that first request is
 * still on its way: it must not inherit the failure of a request it did not make.
 */
const base = new URL(
  '/__kabar/bundle/once-xml-readers~800+json-readers~800+vote-delivery~800/',
  location.origin,
).href;

/** The requests made so far for a chunk of `base`. */
const fetched = (name: string) => chunkRequests(base, name);

/** Resource timing lists a request once its response has ended: waits for both of a chunk's. */
const triedTwice = (name: string) =>
  until(() => fetched(name).length === 2).then(() => {
    expect(fetched(name).map((url) => url.slice(url.lastIndexOf('.js')))).to.deep.equal([
      '.js',
      '.js?retry=1',
    ]);
  });

describe('hardening: a call that joins a chunk on its way to failing asks again', function () {
  // As long as the other files that load the real bundle: whichever asks first waits for its build.
  this.timeout(60_000);
  // Each wait below is bounded at 20 s: with other files loading the bundle at once, a list that
  // needs a reader retried after 0.8 s took over 5 s on a loaded machine.

  before(async () => {
    performance.setResourceTimingBufferSize(10_000);
    await import(/* @vite-ignore */ `${base}kabar.min.js`);
  });

  it('shows the list when the reader it preloaded fails after the feed arrived', async () => {
    const errors: Event[] = [];
    const wrapper = await fixture(
      html`<div @kabar-error=${(e: Event) => errors.push(e)}>
        <kabar-news-list src="/test/fixtures/csp/feed.xml" limit="2"></kabar-news-list>
      </div>`,
    );
    const list = wrapper.querySelector('kabar-news-list')!;
    await until(() => (list.shadowRoot?.querySelectorAll('.title').length ?? 0) === 2, 20_000);
    expect(errors).to.have.length(0);
    await triedTwice('xml-readers');
  });

  it('gives every call that joined a failing request the one request made after it', async () => {
    const { readFeed } = (await import(/* @vite-ignore */ `${base}kabar.min.js`)) as {
      readFeed(text: string): Promise<{ items: unknown[] }>;
    };
    const text = await (await fetch('/test/fixtures/csp/feed.json')).text();
    const [first, ...joined] = await Promise.allSettled([readFeed(text), readFeed(text), readFeed(text)]);
    // The call that asked first sees its own request fail; the others share one retry.
    expect(first!.status).to.equal('rejected');
    for (const result of joined) {
      expect(result.status).to.equal('fulfilled');
      expect((result as PromiseFulfilledResult<{ items: unknown[] }>).value.items.length).to.be.greaterThan(
        0,
      );
    }
    await triedTwice('json-readers');
  });

  it('counts a vote sent while the preloaded vote sending is still failing', async () => {
    const storage = memoryStorage();
    const errors: Event[] = [];
    const el = await fixture(
      html`<kabar-poll
        src="/api/polls/layanan"
        .storage=${storage}
        @kabar-error=${(e: Event) => errors.push(e)}
      ></kabar-poll>`,
    );
    await until(() => el.shadowRoot!.querySelector('input[type="radio"]') !== null, 20_000);
    // The form has just asked for vote sending; that request answers 503 in 0.8 s.
    expect(fetched('vote-delivery')).to.have.length(0);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => el.shadowRoot!.querySelector('.thanks') !== null, 20_000);
    expect(errors).to.have.length(0);
    const [stored] = [...storage.map.values()].map((value) => JSON.parse(value) as { pending: boolean });
    expect(stored!.pending).to.equal(false);
    await triedTwice('vote-delivery');
  });
});
