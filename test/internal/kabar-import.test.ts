import { expect } from '@open-wc/testing';
import { MAX_CHUNK_RETRIES, chunkRequestUrl, kabarImport } from '../../src/internal/kabar-import.js';

interface TestModule {
  name: string;
  request: number;
}

/** A module of the test server whose first `fail` requests answer 503 after `ms` milliseconds. */
let made = 0;
const moduleUrl = (fail: number, ms = 0) =>
  new URL(`/__kabar/module/kabar-import-${Date.now()}-${made++}/${fail}/${ms}`, location.origin).href;

/** How many requests the test server has had for the module at `url`. */
async function requests(url: string): Promise<number> {
  const name = new URL(url).pathname.split('/')[3];
  const answer = await fetch(`/__kabar/module/${name}/total`);
  return ((await answer.json()) as { count: number }).count;
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('kabarImport', () => {
  it('loads a module once, however often it is asked for', async () => {
    const url = moduleUrl(0);
    const [a, b] = await Promise.all([kabarImport<TestModule>(url), kabarImport<TestModule>(url)]);
    const c = await kabarImport<TestModule>(url);
    expect(a.request).to.equal(1);
    expect(b).to.equal(a);
    expect(c).to.equal(a);
    expect(await requests(url)).to.equal(1);
  });

  it('asks again under a new query after a failure', async () => {
    const url = moduleUrl(1);
    const first = await settle(kabarImport<TestModule>(url));
    expect(first).to.have.property('error').that.is.instanceOf(Error);
    const second = await kabarImport<TestModule>(url);
    expect(second.request).to.equal(2);
    expect(await requests(url)).to.equal(2);
    // Loaded now: no third request.
    expect(await kabarImport<TestModule>(url)).to.equal(second);
    expect(await requests(url)).to.equal(2);
  });

  it('counts each failure: the third request carries ?retry=2', async () => {
    const url = moduleUrl(2);
    expect(await settle(kabarImport(url))).to.have.property('error');
    expect(await settle(kabarImport(url))).to.have.property('error');
    const third = await kabarImport<TestModule>(url);
    expect(third.request).to.equal(3);
    const asked = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(url));
    expect(asked.map((name) => name.slice(url.length))).to.deep.equal(['', '?retry=1', '?retry=2']);
  });

  it('gives the calls that joined a failing request one new request, and the failure to the first', async () => {
    const url = moduleUrl(1, 300);
    const first = settle(kabarImport<TestModule>(url));
    const joined = [kabarImport<TestModule>(url), kabarImport<TestModule>(url)];
    expect(await first).to.have.property('error');
    const [a, b] = await Promise.all(joined);
    expect(a!.request).to.equal(2);
    expect(b).to.equal(a);
    expect(await requests(url)).to.equal(2);
  });

  it(`stops asking after ${MAX_CHUNK_RETRIES} retries, with an error that says to reload`, async () => {
    const url = moduleUrl(MAX_CHUNK_RETRIES + 5);
    for (let attempt = 0; attempt <= MAX_CHUNK_RETRIES; attempt++) {
      const failed = await settle(kabarImport(url));
      expect(failed).to.have.property('error').that.is.instanceOf(Error);
      expect(String((failed as { error: Error }).error.message)).not.to.contain('stopped asking');
    }
    expect(await requests(url)).to.equal(MAX_CHUNK_RETRIES + 1);
    // No request any more, however often it is asked for: the page must be reloaded.
    for (let call = 0; call < 3; call++) {
      const { error } = (await settle(kabarImport(url))) as { error: Error };
      expect(error).to.be.instanceOf(Error);
      expect(error.message).to.equal(
        `Kabar could not load ${url} in ${MAX_CHUNK_RETRIES + 1} tries and stopped asking: reload the page to try again.`,
      );
    }
    expect(await requests(url)).to.equal(MAX_CHUNK_RETRIES + 1);
    const asked = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(url));
    const expected = Array.from({ length: MAX_CHUNK_RETRIES + 1 }, (_, attempt) =>
      chunkRequestUrl(url, attempt),
    );
    expect(asked).to.deep.equal(expected);
  });

  it('loads on the last allowed retry', async () => {
    const url = moduleUrl(MAX_CHUNK_RETRIES);
    for (let attempt = 0; attempt < MAX_CHUNK_RETRIES; attempt++) {
      expect(await settle(kabarImport(url))).to.have.property('error');
    }
    const loaded = await kabarImport<TestModule>(url);
    expect(loaded.request).to.equal(MAX_CHUNK_RETRIES + 1);
  });

  it('gives the calls that joined the last failing request the error that says to reload', async () => {
    const url = moduleUrl(MAX_CHUNK_RETRIES + 1, 200);
    for (let attempt = 0; attempt < MAX_CHUNK_RETRIES; attempt++) {
      expect(await settle(kabarImport(url))).to.have.property('error');
    }
    const last = settle(kabarImport(url));
    const joined = settle(kabarImport(url));
    expect(await last).to.have.property('error');
    const { error } = (await joined) as { error: Error };
    expect(error.message).to.contain('stopped asking');
    expect(await requests(url)).to.equal(MAX_CHUNK_RETRIES + 1);
  });
});
