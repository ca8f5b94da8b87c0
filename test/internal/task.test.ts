import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { COMPLETE, ERROR, INITIAL, PENDING, Task, initialState } from '../../src/internal/task.js';

/** A host that counts update requests and lets the test drive `hostUpdate`. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  update(): void {
    for (const c of this.controllers) c.hostUpdate?.();
  }
}

/** A promise with its settle functions, to end a run when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r));

describe('Task', () => {
  it('runs when its arguments change, and only then', async () => {
    const host = new Host();
    let arg = 'a';
    const seen: string[] = [];
    const task = new Task(host, {
      args: () => [arg] as const,
      task: async ([a]) => (seen.push(a), a.toUpperCase()),
    });
    expect(task.status).to.equal(INITIAL);
    host.update();
    expect(task.status).to.equal(PENDING);
    await settle();
    expect([task.status, task.value]).to.deep.equal([COMPLETE, 'A']);
    host.update();
    await settle();
    expect(seen).to.deep.equal(['a']);
    arg = 'b';
    host.update();
    await settle();
    expect(seen).to.deep.equal(['a', 'b']);
    expect(task.value).to.equal('B');
    expect(host.updates).to.equal(4);
  });

  it('aborts the run it replaces and keeps only the latest outcome', async () => {
    const host = new Host();
    const runs = [deferred<string>(), deferred<string>()];
    const signals: AbortSignal[] = [];
    let completed = 0;
    const task = new Task(host, {
      args: () => [runs.length] as const,
      task: async (_, { signal }) => (signals.push(signal), runs[signals.length - 1]!.promise),
      onComplete: () => completed++,
    });
    void task.run();
    void task.run();
    expect(signals[0]!.aborted).to.be.true;
    expect(signals[1]!.aborted).to.be.false;
    runs[1]!.resolve('second');
    runs[0]!.resolve('first');
    await settle();
    expect(task.value).to.equal('second');
    expect(completed).to.equal(1);
  });

  it('records an error after telling onError, and clears it on success', async () => {
    const host = new Host();
    let fail = true;
    const statusInOnError: number[] = [];
    const task = new Task(host, {
      args: () => [] as const,
      task: async () => {
        if (fail) throw new Error('boom');
        return 1;
      },
      onError: () => statusInOnError.push(task.status),
    });
    await task.run();
    expect(task.status).to.equal(ERROR);
    expect((task.error as Error).message).to.equal('boom');
    expect(statusInOnError).to.deep.equal([PENDING]);
    fail = false;
    await task.run();
    expect([task.status, task.value, task.error]).to.deep.equal([COMPLETE, 1, undefined]);
  });

  it('goes back to INITIAL when the task returns initialState', async () => {
    const host = new Host();
    const task = new Task(host, { args: () => [] as const, task: async () => initialState });
    await task.run();
    expect(task.status).to.equal(INITIAL);
  });

  it('abort() ends a pending run in ERROR with an AbortError when the task honours its signal', async () => {
    const host = new Host();
    const task = new Task(host, {
      args: () => [] as const,
      task: (_, { signal }) =>
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    const run = task.run();
    task.abort();
    await run;
    expect(task.status).to.equal(ERROR);
    expect((task.error as DOMException).name).to.equal('AbortError');
  });
});
