import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: no tracked file points outside it — not at the `shared` folder
 * beside the checkout (where the seed plan and toolchain notes once lived; they are in `docs/`
 * now) nor at a path of one particular machine (an absolute path under `/work`). `.ci/` is
 * exempt: the CI machinery may name the machine it runs on. The patterns and examples below are
 * built from parts, so that this file does not match itself.
 */

const here = dirname(fileURLToPath(import.meta.url));

const UP = '..';
const WORK = 'work';
const SIBLING_SHARED = /\.\.\/shared\b/;
const MACHINE_PATH = new RegExp(`(^|[^\\w.~-])/${WORK}/`);

/** Tracked files (as `git ls-files` lists them), relative to the repository root. */
function trackedFiles(): { root: string; files: string[] } {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: here, encoding: 'utf8' }).trim();
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((f) => f.length > 0);
  return { root, files };
}

/** The file's text, or null when it is binary (holds a NUL byte) or gone from the working tree. */
function textOf(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

/** `file:line: text` of every line of a tracked file outside `.ci/` that matches `pattern`. */
function offendingLines(pattern: RegExp): string[] {
  const { root, files } = trackedFiles();
  const out: string[] = [];
  for (const file of files) {
    if (file.startsWith('.ci/')) continue;
    const text = textOf(join(root, file));
    if (text === null) continue;
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) out.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

describe('the repository stands alone', () => {
  it('lists its tracked files with git', () => {
    const { files } = trackedFiles();
    expect(files).toContain('package.json');
    expect(files).toContain('test/repository/standalone.test.ts');
  });

  it('has no tracked file (outside .ci/) that refers to a sibling shared folder', () => {
    expect(offendingLines(SIBLING_SHARED)).toEqual([]);
  });

  it('has no tracked file (outside .ci/) that names an absolute path of one machine', () => {
    expect(offendingLines(MACHINE_PATH)).toEqual([]);
  });

  it('recognises both kinds of reference', () => {
    for (const line of [`see \`${UP}/shared/seed/\``, `See ${UP}/${UP}/shared/TOOLCHAIN.md`]) expect(SIBLING_SHARED.test(line), line).toBe(true);
    for (const line of ['docs/seed/README.md', 'a shared folder', `${UP}/sharedness`]) expect(SIBLING_SHARED.test(line), line).toBe(false);
    for (const line of [`cd /${WORK}/main && npx vitest`, `"/${WORK}/shared/seed"`, `PGROOT=/${WORK}/x`]) expect(MACHINE_PATH.test(line), line).toBe(true);
    for (const line of [`https://example.org/${WORK}/plan`, 'docs/seed/README.md', `our frame${WORK}/${WORK}/`]) expect(MACHINE_PATH.test(line), line).toBe(false);
  });
});
