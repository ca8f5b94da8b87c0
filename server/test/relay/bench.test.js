/** The relay bench runs and reports what it promises (its figures are not asserted here). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchRelay } from '../../bench/relay.js';

test('benchRelay measures both cases with a small run', async () => {
  const result = await benchRelay({ requests: 40, concurrency: 4 });
  for (const row of [result.cached, result.notModified]) {
    assert.ok(row.rps > 0);
    assert.ok(row.p50 > 0 && row.p99 >= row.p50);
  }
  await assert.rejects(benchRelay({ requests: 0, concurrency: 4 }), /positive/);
});
