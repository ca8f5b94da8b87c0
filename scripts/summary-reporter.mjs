/**
 * A @web/test-runner reporter that counts tests and writes the totals to a file, so the test
 * script can end with one plain `N passed, N failed` line. A test file that fails to load, or
 * whose browser session errors, counts as one failure.
 */
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // Errors outside any test: a file that failed to import, an uncaught exception.
        if ((session.errors?.length ?? 0) > 0) totals.failed++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
