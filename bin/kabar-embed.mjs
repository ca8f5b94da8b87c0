#!/usr/bin/env node
/**
 * `kabar-embed`: prints the embed snippet with Subresource Integrity for a site that serves
 * Kabar's files from its own folder, the self-hosted twin of `dist/embed.html`.
 *
 *   npx kabar-embed --base https://situs.go.id/kabar-0.1.0/
 *   npx kabar-embed --base /kabar-0.1.0/ --dir public/kabar-0.1.0 > kabar-snippet.html
 *
 * The hashes come from this package's `dist/embed.json`. With `--dir`, it first checks that the
 * folder holds every file of this release, unchanged. Exit status: 0 printed, 1 the folder
 * does not match, 2 a wrong argument.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBase, integrityOf, renderSnippet } from './embed-snippet.mjs';

const USAGE = `Usage: kabar-embed --base <address of the folder> [--dir <folder on disk>]

  --base  where your site serves kabar.min.js and its kabar-*.min.js files:
          https://situs.go.id/kabar-0.1.0/ or /kabar-0.1.0/ (from the site's root)
  --dir   the folder you copied them into: checks every file against this release first
  --help  shows this text

Prints the snippet to put in your pages' <head>.`;

/** The embed description of this package's build. */
function readEmbed() {
  const file = new URL('../dist/embed.json', import.meta.url);
  if (!existsSync(file)) {
    throw new Error('dist/embed.json is missing from this package: run "npm run build" first.');
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** What is wrong with the copy of the files in `dir`, one line per problem. */
function checkFolder(embed, dir) {
  if (!existsSync(dir)) return [`The folder ${dir} does not exist.`];
  const problems = [];
  for (const [file, integrity] of Object.entries(embed.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) problems.push(`${file} is missing: copy it from the package's dist/ folder.`);
    else if (integrityOf(readFileSync(path)) !== integrity) {
      problems.push(`${file} differs from ${embed.name} ${embed.version}: copy it again, unchanged.`);
    }
  }
  return problems;
}

/** Files in `dir` that look like Kabar's but are not this release's (left from another one). */
function strangers(embed, dir) {
  return readdirSync(dir).filter((file) => /^kabar.*\.min\.js$/.test(file) && !(file in embed.files));
}

/** Runs the command; returns its exit status. */
function main(argv, out = process.stdout, err = process.stderr) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { base: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    err.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  let base;
  try {
    base = checkBase(values.base);
  } catch (error) {
    err.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  let embed;
  try {
    embed = readEmbed();
  } catch (error) {
    err.write(`${error.message}\n`);
    return 2;
  }
  if (values.dir) {
    const problems = checkFolder(embed, values.dir);
    if (problems.length) {
      err.write(`${problems.join('\n')}\nNo snippet printed: the page would refuse these files.\n`);
      return 1;
    }
    const extra = strangers(embed, values.dir);
    if (extra.length) {
      err.write(`Not part of ${embed.name} ${embed.version}, and not needed: ${extra.join(', ')}\n`);
    }
  }
  out.write(renderSnippet(embed, base));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
