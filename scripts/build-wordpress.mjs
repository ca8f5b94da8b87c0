/**
 * Builds the WordPress plugin's zip from the library's build:
 *   1. copies dist/kabar.min.js and the kabar-*.min.js files it loads on demand into
 *      integrations/wordpress/kabar/assets/kabar/ (git-ignored: always a copy of dist/);
 *   2. writes dist-wordpress/kabar-<version>.zip with the plugin in a `kabar/` folder, the
 *      layout Plugins → Add New → Upload Plugin expects.
 * Run `npm run build` first (`npm run build:wordpress` does both). The zip is made with
 * fflate (a small zip library without dependencies), so no `zip` program is needed.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const plugin = join(root, 'integrations/wordpress/kabar');
const bundled = join(plugin, 'assets/kabar');
const out = join(root, 'dist-wordpress');

/** The files of dist/ a page loads: the entry and its on-demand chunks, without source maps. */
const isBrowserFile = (name) => /^kabar(-[\w-]+)?\.min\.js$/.test(name);

function fail(message) {
  console.error(`build-wordpress: ${message}`);
  process.exit(1);
}

/** Every version the plugin states must be the package's, or WordPress would show another. */
function checkVersions(version) {
  const places = [
    ['kabar.php', /^ \* Version:\s*(\S+)$/m],
    ['kabar.php', /define\( 'KABAR_VERSION', '([^']+)' \)/],
    ['readme.txt', /^Stable tag:\s*(\S+)$/m],
    ...readdirSync(join(plugin, 'blocks')).map((name) => [
      `blocks/${name}/block.json`,
      /"version": "([^"]+)"/,
    ]),
  ];
  for (const [file, pattern] of places) {
    const found = readFileSync(join(plugin, file), 'utf8').match(pattern)?.[1];
    if (found !== version) {
      fail(`${file} says version ${found ?? '(none)'}, package.json says ${version}: make them the same.`);
    }
  }
}

/** Path in the zip (always with `/`) => file contents, for every file under `folder`. */
function collect(folder, files = {}) {
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) collect(path, files);
    else files[`kabar/${relative(plugin, path).split(sep).join('/')}`] = readFileSync(path);
  }
  return files;
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
checkVersions(version);
if (!existsSync(join(dist, 'kabar.min.js'))) fail('dist/kabar.min.js is missing: run `npm run build` first.');

rmSync(bundled, { recursive: true, force: true });
mkdirSync(bundled, { recursive: true });
const copied = readdirSync(dist).filter(isBrowserFile);
for (const name of copied) cpSync(join(dist, name), join(bundled, name));

mkdirSync(out, { recursive: true });
const zipPath = join(out, `kabar-${version}.zip`);
const zip = zipSync(collect(plugin), { level: 9 });
writeFileSync(zipPath, zip);
console.log(
  `build-wordpress: ${copied.length} script files into ${relative(root, bundled)}/, ` +
    `${relative(root, zipPath)} (${(zip.length / 1024).toFixed(1)} KB)`,
);
