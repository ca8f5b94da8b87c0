/**
 * Writes src/data/entity-table.ts: every HTML named character reference (the WHATWG table, from
 * the `character-entities` and `character-entities-legacy` packages). Run it when those
 * packages change: `node scripts/entities.mjs`.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { characterEntities } from 'character-entities';
import { characterEntitiesLegacy } from 'character-entities-legacy';
import { format, resolveConfig } from 'prettier';

const names = Object.keys(characterEntities).sort();

/** A string literal in which invisible and combining characters are written as escapes. */
const literal = (text) =>
  `'${text.replace(/[\p{C}\p{Z}\p{M}'\\]/gu, (char) =>
    char === ' ' ? ' ' : `\\u{${char.codePointAt(0).toString(16)}}`,
  )}'`;
const pairs = names.map((name) => `${name} ${characterEntities[name]}`).join(' ');
const legacy = [...characterEntitiesLegacy].sort().join(' ');

const source = `/**
 * Every HTML named character reference (${names.length} names), for the feeds that use one beyond
 * the common set in \`text.ts\`. Loaded on demand by \`loadEntityTable\` in \`text.ts\`, which
 * \`readFeed\` calls the first time a feed has a name the common set lacks. Written by
 * scripts/entities.mjs; do not edit.
 */

/** Name, space, characters, space, and so on. */
const PAIRS = ${literal(pairs)};

/** The names HTML also reads without their \`;\` (\`&copy\`). */
const LEGACY = ${literal(legacy)};

/** The characters of each name. */
export const entities: Record<string, string> = Object.create(null) as Record<string, string>;
const parts = PAIRS.split(' ');
for (let i = 0; i < parts.length; i += 2) entities[parts[i]!] = parts[i + 1]!;

export const legacy: ReadonlySet<string> = new Set(LEGACY.split(' '));
`;
// Formatted as the repository formats its sources, so that `npm run format:check` passes.
const file = fileURLToPath(new URL('../src/data/entity-table.ts', import.meta.url));
await writeFile(file, await format(source, { ...(await resolveConfig(file)), filepath: file }));
console.log(`src/data/entity-table.ts: ${names.length} names, ${characterEntitiesLegacy.length} without ';'`);
