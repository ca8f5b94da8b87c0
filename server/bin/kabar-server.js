#!/usr/bin/env node
/**
 * The kabar-server command: `kabar-server --port 8080 --polls polls.json --store sqlite:kabar-data/kabar.db`.
 * Exits 2 on a bad command line or setup, 1 when the store cannot be opened or the port taken.
 */
import { readFileSync } from 'node:fs';
import { HELP, parseConfig } from '../src/config.js';
import { ConfigError, PollsFileError } from '../src/errors.js';
import { startServer } from '../src/server.js';

let config;
try {
  config = parseConfig(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`kabar-server: ${error.message}`);
  process.exit(2);
}
if (config.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (config.version) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.log(version);
  process.exit(0);
}

let kabar;
try {
  kabar = await startServer(config);
} catch (error) {
  const bad = error instanceof ConfigError || error instanceof PollsFileError;
  console.error(`kabar-server: ${/** @type {Error} */ (error).message}`);
  process.exit(bad ? 2 : 1);
}
console.log(`kabar-server listening on ${kabar.url}`);
if (kabar.demoUrl) {
  console.log(`  Demo page:      ${kabar.demoUrl}`);
  console.log(`  Embed builder:  ${kabar.demoUrl}pasang/`);
}
if (kabar.partnerUrl) {
  console.log(
    `  Partner page:   ${kabar.partnerUrl} (another site, reading the demo feed through the relay)`,
  );
}

const stop = () => {
  kabar.close().then(
    () => process.exit(0),
    (error) => {
      console.error('kabar-server: shutdown failed:', error);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
