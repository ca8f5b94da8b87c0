/**
 * `npm test`: finds a Chromium, runs the Node tests (test/node, server/test) and the browser tests
 * (@web/test-runner), and ends with one plain line, `N passed, N failed`.
 * Arguments go to the test runner: `npm test -- --files test/data/*.test.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOW_TO_GET_CHROMIUM, findChrome } from './chrome.mjs';

const args = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, commandArgs, env = {}, capture = false) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function finish() {
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(totals.failed > 0 ? 1 : 0);
}

/**
 * Runs Node test files with the built-in runner and adds its counts to the totals; a run that
 * failed without a failing test (a file that cannot load) counts as one failure.
 */
async function runNodeTests(files) {
  if (!files.length) return;
  const { code, out } = await run(process.execPath, ['--test', '--test-reporter=tap', ...files], {}, true);
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(out)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') || (code !== 0 ? 1 : 0);
  totals.skipped += count('skipped');
}

const testFiles = (dir, suffix) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => join(dir, f))
    : [];

// Node tests: code that runs outside the browser, then the kabar-server package
// (server/test; its PostgreSQL suites are skipped, with the reason, when PostgreSQL is missing).
const nodeOnly = args.length === 0 || args.includes('--node');
if (nodeOnly) {
  await runNodeTests(testFiles('test/node', '.test.mjs'));
  await runNodeTests(testFiles('server/test', '.test.js'));
  await runNodeTests(testFiles('server/test/relay', '.test.js'));
}
if (args.includes('--node')) finish();

const chrome = await findChrome();
if (!chrome) {
  console.error(`\n${HOW_TO_GET_CHROMIUM}\n`);
  totals.failed++;
  finish();
}
console.log(`Browser tests in ${chrome}`);

const summary = join(tmpdir(), `kabar-wtr-${process.pid}.json`);
const { code } = await run(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...args],
  { CHROME_PATH: chrome, KABAR_TEST_SUMMARY: summary, TZ: 'Asia/Jakarta' },
);
if (existsSync(summary)) {
  const browser = JSON.parse(readFileSync(summary, 'utf8'));
  rmSync(summary);
  totals.passed += browser.passed;
  totals.failed += browser.failed;
  totals.skipped += browser.skipped;
  if (code !== 0 && browser.failed === 0) totals.failed++;
} else {
  // The runner stopped before reporting (bad config, browser that would not start).
  totals.failed++;
}
finish();
