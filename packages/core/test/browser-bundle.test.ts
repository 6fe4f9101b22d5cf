import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(packageRoot, 'src');

/** Every source file of core that ships (tests excluded). */
function shippedSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...shippedSources(path));
    else if (/\.[cm]?[jt]s$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('core runs in a browser', () => {
  let metafile: Metafile;
  let code: string;

  beforeAll(async () => {
    const result = await build({
      entryPoints: [join(srcDir, 'index.ts')],
      platform: 'browser',
      format: 'esm',
      bundle: true,
      write: false,
      metafile: true,
      outdir: join(packageRoot, 'dist-browser-test'),
      logLevel: 'silent',
      target: 'es2022',
    });
    expect(result.errors).toEqual([]);
    metafile = result.metafile;
    code = result.outputFiles.map((f) => f.text).join('\n');
  }, 60_000);

  it('bundles src/index.ts for the browser without errors', () => {
    expect(Object.keys(metafile.inputs).length).toBeGreaterThan(0);
    expect(code.length).toBeGreaterThan(0);
    expect(Object.keys(metafile.inputs).some((p) => p.endsWith('src/index.ts'))).toBe(true);
  });

  it('pulls in no node: built-in, in any input or output', () => {
    for (const [input, { imports }] of Object.entries(metafile.inputs)) {
      expect(input.startsWith('node:'), input).toBe(false);
      for (const i of imports) expect(i.path.startsWith('node:'), `${input} imports ${i.path}`).toBe(false);
    }
    for (const [output, { imports }] of Object.entries(metafile.outputs)) {
      for (const i of imports) expect(i.path.startsWith('node:'), `${output} imports ${i.path}`).toBe(false);
    }
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it('leaves no import unbundled', () => {
    for (const { imports } of Object.values(metafile.outputs)) expect(imports.filter((i) => i.external)).toEqual([]);
  });
});

describe('core source uses no Node-only module', () => {
  const files = shippedSources(srcDir);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('index.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('no file imports a node: module or calls require()', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (/from\s*['"]node:|import\s*\(\s*['"]node:|import\s+['"]node:|\brequire\s*\(/.test(line)) offenders.push(`${relative(packageRoot, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
