/**
 * The Markdown documentation stays readable on GitHub: every code fence is closed, no long fence
 * swallows the headings after it, and every relative link reaches a file of the repository and,
 * when it names one, a heading of that file. External http(s) links are not fetched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The README is the front door: what a newcomer needs first, the rest in docs/. */
const README_LIMIT_BYTES = 15_000;

// A fence is three or more backticks or tildes, indented at most three spaces (CommonMark).
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * Reads the code fences of a Markdown text.
 * @returns {{ blocks: { open: number, close: number | null, marker: string, info: string }[], problems: string[] }}
 *   `open` and `close` are 1-based line numbers; `close` is null for a fence never closed.
 */
export function readFences(text) {
  const lines = text.split('\n');
  const blocks = [];
  let current = null;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (!current) {
      // A backtick fence's info string may not hold a backtick; such a line is not a fence.
      if (match && !(match[1][0] === '`' && match[2].includes('`'))) {
        current = { open: index + 1, close: null, marker: match[1], info: match[2].trim(), headings: [] };
      }
      return;
    }
    const closes =
      match &&
      match[1][0] === current.marker[0] &&
      match[1].length >= current.marker.length &&
      match[2].trim() === '';
    if (closes) {
      current.close = index + 1;
      blocks.push(current);
      current = null;
    } else if (ATX_HEADING.test(line)) {
      current.headings.push(index + 1);
    }
  });
  if (current) blocks.push(current);

  const problems = [];
  for (const block of blocks) {
    const fence = `${block.marker.length} ${block.marker[0] === '`' ? 'backticks' : 'tildes'}`;
    if (block.close === null) {
      problems.push(`line ${block.open}: code fence (${fence}) is never closed`);
    }
    // A fence longer than three exists to show text holding shorter fences, such as a Markdown
    // example: only one that says so (```` ```md ````) may hold headings. Any other longer fence
    // holding a heading is a fence left open by mistake, closed much later by a longer one.
    const showsMarkdown = /^(md|markdown)\b/i.test(block.info);
    if (block.marker.length > 3 && block.headings.length && !showsMarkdown) {
      problems.push(
        `line ${block.open}: code fence (${fence}) swallows the heading on line ${block.headings[0]}; ` +
          'close the block before it (or mark a Markdown example with ```` ```md ````)',
      );
    }
  }
  return { blocks, problems };
}

/** The text with every fenced block's lines emptied, so that line numbers and offsets stay. */
function withoutFencedBlocks(text, blocks) {
  const lines = text.split('\n');
  for (const block of blocks) {
    const last = block.close ?? lines.length;
    for (let n = block.open; n <= last; n++) lines[n - 1] = '';
  }
  return lines.join('\n');
}

/** The text with each inline code span blanked out (same length), so links inside code are not read. */
function withoutCodeSpans(text) {
  return text.replace(/(`+)[\s\S]*?[^`]\1(?!`)|(`+)\2(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
}

/**
 * The plain text GitHub renders for a heading's Markdown: code spans keep their content, links and
 * images their text, emphasis markers and HTML tags go.
 */
function headingText(markdown) {
  const parts = markdown.split(/(`+)([\s\S]*?)\1/);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 3 === 0) {
      out += parts[i]
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1/g, '$2');
    } else if (i % 3 === 2) {
      out += parts[i].trim();
    }
  }
  return out.trim();
}

/** GitHub's heading slug: lower case, punctuation other than `-` and `_` removed, spaces to `-`. */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown text: heading slugs (repeats get -1, -2, …) and HTML `id`/`name`s. */
export function anchorsOf(text) {
  const { blocks } = readFences(text);
  const prose = withoutFencedBlocks(text, blocks);
  const anchors = new Set();
  const seen = new Map();
  for (const line of prose.split('\n')) {
    const match = ATX_HEADING.exec(line);
    if (match) {
      const base = slug(headingText(match[2] ?? ''));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
  }
  for (const match of withoutCodeSpans(prose).matchAll(/<[a-z][^>]*?\s(?:id|name)="([^"]+)"/gi)) {
    anchors.add(match[1]);
  }
  return anchors;
}

/**
 * The links of a Markdown text, outside code: inline links and images `[text](target "title")`
 * and reference definitions `[label]: target`.
 * @returns {{ line: number, target: string }[]}
 */
export function linksOf(text) {
  const { blocks } = readFences(text);
  const prose = withoutCodeSpans(withoutFencedBlocks(text, blocks));
  const lineAt = (offset) => prose.slice(0, offset).split('\n').length;
  const links = [];
  const inline = /\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  for (const match of prose.matchAll(inline)) {
    links.push({ line: lineAt(match.index), target: match[1].replace(/^<|>$/g, '') });
  }
  for (const match of prose.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm)) {
    links.push({ line: lineAt(match.index), target: match[1].replace(/^<|>$/g, '') });
  }
  return links.sort((a, b) => a.line - b.line);
}

/**
 * The problems of one Markdown file of the repository.
 * @param {string} path the file's path from the repository root, with `/`
 * @param {string} text its content
 * @param {{ exists(path: string): boolean, anchors(path: string): Set<string> }} repo
 *   `exists` answers for a file or folder path from the root; `anchors` gives a Markdown file's anchors
 */
export function checkMarkdown(path, text, repo) {
  const problems = readFences(text).problems.map((p) => `${path}: ${p}`);
  for (const { line, target } of linksOf(text)) {
    // Another scheme (https:, mailto:) or a protocol-relative URL: not a file of the repository.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    const hash = target.indexOf('#');
    const filePart = hash === -1 ? target : target.slice(0, hash);
    const anchor = hash === -1 ? null : target.slice(hash + 1);
    let file;
    try {
      file = decodeURIComponent(filePart.split('?')[0]);
    } catch {
      problems.push(`${path}:${line}: link "${target}" is not a valid URL`);
      continue;
    }
    const resolved =
      file === ''
        ? path
        : posix.normalize(file.startsWith('/') ? file.slice(1) : posix.join(posix.dirname(path), file));
    if (file !== '' && (resolved.startsWith('../') || !repo.exists(resolved.replace(/\/$/, '')))) {
      problems.push(`${path}:${line}: link "${target}" points to a missing file (${resolved})`);
      continue;
    }
    if (anchor && /\.md$/i.test(resolved) && !repo.anchors(resolved).has(decodeURIComponent(anchor))) {
      problems.push(
        `${path}:${line}: link "${target}" points to a missing heading #${anchor} in ${resolved}`,
      );
    }
  }
  return problems;
}

/** The repository's files as git knows them: tracked, plus new ones not ignored. */
function repositoryFiles() {
  let out;
  try {
    out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`These checks list the repository's files with git, which failed: ${error.message}`);
  }
  // A file deleted but not yet staged is still listed: keep only what is on disk.
  return out
    .split('\0')
    .filter(Boolean)
    .filter((file) => {
      try {
        return statSync(join(root, file)).isFile();
      } catch {
        return false;
      }
    });
}

function repositoryOnDisk(files) {
  const known = new Set(files);
  for (const file of files) {
    for (let dir = posix.dirname(file); dir !== '.'; dir = posix.dirname(dir)) known.add(dir);
  }
  const anchorCache = new Map();
  return {
    exists: (path) => path === '' || path === '.' || known.has(path),
    anchors(path) {
      if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(join(root, path), 'utf8')));
      return anchorCache.get(path);
    },
  };
}

const files = repositoryFiles();
const markdownFiles = files.filter((f) => /\.md$/i.test(f) && !f.split('/').includes('node_modules'));
const repo = repositoryOnDisk(files);

test('the checks find what they look for (a sample with known problems)', () => {
  const sample = [
    '# Title',
    '## Same',
    '## Same',
    '## `<kabar-feed>` and *more*: the end!',
    'See [one](#same-1), [two](#same-2), [tag](#kabar-feed-and-more-the-end) and `[code](nowhere.md)`.',
    'A [page](other.md#intro), [a gap](other.md#outro), [gone](missing.md) and [web](https://example.com/x).',
    '',
    '````js',
    'const a = 1;',
    '## Swallowed',
    '````',
    '',
    '```sh',
    'echo never closed',
  ].join('\n');
  const sampleRepo = {
    exists: (path) => path === 'docs/other.md' || path === 'docs/sample.md',
    anchors: (path) => (path === 'docs/other.md' ? new Set(['intro']) : anchorsOf(sample)),
  };
  assert.deepEqual(checkMarkdown('docs/sample.md', sample, sampleRepo), [
    'docs/sample.md: line 8: code fence (4 backticks) swallows the heading on line 10; close the block before it (or mark a Markdown example with ```` ```md ````)',
    'docs/sample.md: line 13: code fence (3 backticks) is never closed',
    'docs/sample.md:5: link "#same-2" points to a missing heading #same-2 in docs/sample.md',
    'docs/sample.md:6: link "other.md#outro" points to a missing heading #outro in docs/other.md',
    'docs/sample.md:6: link "missing.md" points to a missing file (docs/missing.md)',
  ]);
  assert.equal(
    slug('Security: what Kabar guarantees, and what your site must still do'),
    'security-what-kabar-guarantees-and-what-your-site-must-still-do',
  );
  assert.equal(slug('Vote: POST {vote}'), 'vote-post-vote');
});

test('there are Markdown files to check, the README among them', () => {
  assert.ok(
    markdownFiles.includes('README.md'),
    `README.md not among ${markdownFiles.length} Markdown files`,
  );
});

for (const file of markdownFiles) {
  test(`${file}: fences are closed and relative links reach their files and headings`, () => {
    const problems = checkMarkdown(file, readFileSync(join(root, file), 'utf8'), repo);
    assert.deepEqual(problems, [], `\n${problems.join('\n')}\n`);
  });
}

test(`README.md stays under ${README_LIMIT_BYTES / 1000} KB (details belong in docs/)`, () => {
  const size = statSync(join(root, 'README.md')).size;
  assert.ok(size < README_LIMIT_BYTES, `README.md is ${size} bytes; move details into a docs/ page`);
});
