/**
 * Finds a Chromium for the tests, the bench and the screenshots:
 *   1. CHROME_PATH, when set;
 *   2. a system Chromium or Chrome;
 *   3. the Chromium packed inside the `@sparticuz/chromium` dev dependency, unpacked once
 *      into node_modules/.cache (no download: the browser ships in the npm package).
 * Returns undefined when there is none.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags a headless Chromium needs on a locked-down machine: as root, no GPU, no network noise. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium was found for the browser tests. Do one of these, then run the command again:',
  '  sudo apt-get install -y --no-install-recommends chromium     (Debian/Ubuntu)',
  '  npm install                                                   (installs @sparticuz/chromium, a packed Chromium)',
  '  export CHROME_PATH=/path/to/chrome                            (any Chromium or Chrome)',
].join('\n');

async function packed() {
  let chromium;
  try {
    ({ default: chromium } = await import('@sparticuz/chromium'));
  } catch {
    return undefined;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  // It unpacks into the temporary folder; keep it in the project so it happens once.
  const cache = fileURLToPath(new URL('../node_modules/.cache/kabar-chromium/', import.meta.url));
  await mkdir(cache, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = cache;
  try {
    const path = await chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

export async function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (process.env.KABAR_SKIP_SYSTEM_CHROME !== '1') {
    const system = SYSTEM.find((path) => existsSync(path));
    if (system) return system;
  }
  return packed();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = await findChrome();
  if (!path) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  console.log(path);
}
