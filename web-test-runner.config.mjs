import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS } from './scripts/chrome.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { testRoutes } from './test/server/routes.mjs';
import { pollRoutes } from './test/server/poll.mjs';

const summaryFile = process.env.KABAR_TEST_SUMMARY;

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [pollRoutes, testRoutes],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH,
        headless: true,
        args: [...CHROME_FLAGS, '--lang=en-US'],
        env: { ...process.env, TZ: 'Asia/Jakarta' },
      },
    }),
  ],
  testFramework: {
    config: { timeout: 10_000 },
  },
  reporters: [defaultReporter(), ...(summaryFile ? [summaryReporter({ file: summaryFile })] : [])],
};
