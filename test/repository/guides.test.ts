import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Every ```ts block of the guides and READMEs is real code: extracted, type-checked against the
 * packages' public entry points (strict, like a user's project), and the getting-started round is
 * run. A block marked ```ts fragment is only shown, not checked (say why next to it).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'test', 'repository', '.guides');

interface Block {
  source: string;
  line: number;
  file: string;
}

function blocksOf(mdPath: string): Block[] {
  const lines = readFileSync(mdPath, 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    const code = lines.slice(start, end).join('\n');
    const stem = relative(root, mdPath).replace(/[/.]/g, '_');
    out.push({ source: relative(root, mdPath), line: start + 1, file: join(outDir, `${stem}_L${start + 1}.ts`) });
    writeFileSync(out.at(-1)!.file, /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`);
    i = end;
  }
  return out;
}

const markdown = [
  ...readdirSync(join(root, 'docs', 'guides'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', 'guides', f)),
  join(root, 'README.md'),
  ...readdirSync(join(root, 'examples'))
    .map((d) => join(root, 'examples', d, 'README.md'))
    .filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    }),
];

let blocks: Block[] = [];

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  blocks = markdown.flatMap(blocksOf);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the guides', () => {
  it('have code blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.some((b) => b.source === 'docs/guides/getting-started.md')).toBe(true);
  });

  it('type-check every ```ts block against the public packages', () => {
    const tsconfig = join(outDir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { noEmit: true, noUnusedLocals: false }, include: ['*.ts'] }));
    let output = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { cwd: root, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    // Name the guide and its line, not the temporary file.
    const readable = output.replace(/test\/repository\/\.guides\/(\S+?)_L(\d+)\.ts\((\d+),(\d+)\)/g, (_, stem: string, start: string, line: string) => {
      const block = blocks.find((b) => b.file.endsWith(`${stem}_L${start}.ts`));
      return `${block?.source ?? stem}:${Number(start) + Number(line) - 1}`;
    });
    expect(readable).toBe('');
  }, 180_000);

  it('run the getting-started round as written', async () => {
    const block = blocks.find((b) => b.source === 'docs/guides/getting-started.md')!;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(/* @vite-ignore */ block.file);
      expect(log).toHaveBeenCalledWith('01/KH-STTTT', 'compliant', '01/BC-STTTT');
    } finally {
      log.mockRestore();
    }
  }, 120_000);
});
