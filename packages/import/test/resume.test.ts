import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type ImportCheckpoint } from '../src/index.js';
import { countRows, writeStatisticsCsv } from './helpers/statistics-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const child = join(here, 'helpers/import-child.ts');

/** Runs the child; with `killAfterRows`, SIGKILLs it once it reports that many rows. */
function runChild(args: string[], killAfterRows?: number): Promise<{ killed: boolean; out: string }> {
  return new Promise((resolve, reject) => {
    // tsx with the root tsconfig: workspace packages resolve to their sources, as in vitest.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') } });
    let out = '';
    let killed = false;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const rows = [...out.matchAll(/batch (\d+)/g)].map((m) => Number(m[1]));
      if (killAfterRows !== undefined && !killed && rows.some((r) => r >= killAfterRows)) {
        killed = true;
        proc.kill('SIGKILL');
      }
    });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ killed: signal === 'SIGKILL', out });
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

describe('resuming an import after a crash', () => {
  it('a SIGKILLed import, rerun, stores every good row exactly once and reports every bad row once', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcci-import-resume-'));
    const file = join(dir, 'stats.csv');
    const db = join(dir, 'stats.db');
    const checkpoint = join(dir, 'stats.checkpoint.json');
    const quarantine = join(dir, 'stats.quarantine.csv');
    const bad = (i: number): boolean => i % 997 === 0;
    const good = writeStatisticsCsv(file, 20_000, bad);

    const first = await runChild([file, db, checkpoint, quarantine], 3_000);
    expect(first.killed).toBe(true);
    expect(existsSync(checkpoint)).toBe(true);
    const mid = JSON.parse(readFileSync(checkpoint, 'utf8')) as ImportCheckpoint;
    expect(mid.complete).toBe(false);
    expect(mid.rowsDone).toBeGreaterThanOrEqual(3_000);
    expect(mid.rowsDone).toBeLessThan(20_000);

    const second = await runChild([file, db, checkpoint, quarantine]);
    expect(second.killed).toBe(false);
    const summary = JSON.parse(/done (.*)/.exec(second.out)?.[1] ?? '{}') as { rowsSkipped: number; rowsRead: number; rowsWritten: number };
    expect(summary.rowsSkipped).toBe(mid.rowsDone);
    expect(summary.rowsRead).toBe(20_000);
    expect(summary.rowsWritten).toBe(good);
    expect(await countRows(db)).toBe(good);
    const report = [];
    for await (const r of readCsvRecords([readFileSync(quarantine)])) report.push(r.cells[0]);
    const badLines = Array.from({ length: 20_000 }, (_, k) => k + 1)
      .filter(bad)
      .map((i) => String(i + 1));
    expect(report.slice(1)).toEqual(badLines);

    // A third run of the finished import writes nothing more.
    await runChild([file, db, checkpoint, quarantine]);
    expect(await countRows(db)).toBe(good);
  });
});
