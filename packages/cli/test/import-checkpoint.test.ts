import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { jsonOf, runBin, startBin, type BinResult } from './helpers/run-bin.js';

const TYPES = ['provincial_department', 'central_agency', 'district_peoples_committee', 'business', 'hospital', 'market', 'office', 'school'];
const DISTRICTS = ['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'];
const TARGETS = 2_000;
const LARGE_TARGETS = 20_000;
const STATISTICS = 5_000;

/** A targets CSV as the import expects it (Vietnamese headers). */
function targetsCsv(prefix: string, rows: number): string {
  const lines = ['Mã đơn vị,Tên đơn vị,Mã QR,Mã huyện,Loại hình,Địa chỉ'];
  for (let i = 0; i < rows; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`${prefix}-${n},Đơn vị ${prefix} số ${i},${prefix.toUpperCase()}QR${n},${DISTRICTS[i % 13]},${TYPES[i % 8]},Số ${i} đường Trần Phú`);
  }
  return `${lines.join('\n')}\n`;
}

/** A portal statistics CSV: 250 targets, one row per target and day from 2021-12-01. */
function statisticsCsv(rows: number): string {
  const lines = ['Mã đơn vị;Mã QR;Mã huyện;Ngày;Số điểm QR;Lượt quét;Người quét'];
  for (let i = 0; i < rows; i++) {
    const t = i % 250;
    const date = new Date(Date.UTC(2021, 11, 1 + Math.floor(i / 250))).toISOString().slice(0, 10);
    lines.push(`tg-${t};QR-${t};${DISTRICTS[t % 13]};${date};${1 + (t % 3)};${(i * 7) % 300};${(i * 5) % 200}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Opens a SQLite file as a later process would and counts its targets and statistics rows. */
async function stored(db: string): Promise<{ targets: number; statistics: number }> {
  const storage = createSqliteStorage({ filename: db });
  try {
    let targets = 0;
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await storage.query({ collection: 'targets', tenantId: HA_TINH_TENANT.id, limit: 1000, cursor });
      targets += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    const summaries = await storage.summarizePortalStatistics(HA_TINH_TENANT.id, { from: '2000-01-01', to: '2099-12-31' });
    return { targets, statistics: summaries.reduce((sum, s) => sum + s.days, 0) };
  } finally {
    await storage.dispose();
  }
}

/** The result of a successful `--json` run. */
function resultOf(r: BinResult): Record<string, unknown> {
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return jsonOf(r).result as Record<string, unknown>;
}

describe('import checkpoints are bound to their database (the real executable on SQLite files)', () => {
  let dir: string;
  const db = (name: string): string => join(dir, name);
  const importInto = (name: string, kind: string, file: string): Promise<BinResult> => runBin(['--db', db(name), '--json', 'import', kind, file, '--batch-size', '100'], dir);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pccovid-cli-checkpoint-'));
    const seed = haTinh2021Seed();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ province: 'ha-tinh', directory: { organizations: seed.bodies, people: seed.people }, campaign: seed.campaign }));
    writeFileSync(join(dir, 'targets.csv'), targetsCsv('d', TARGETS));
    writeFileSync(join(dir, 'large.csv'), targetsCsv('l', LARGE_TARGETS));
    writeFileSync(join(dir, 'stats.csv'), statisticsCsv(STATISTICS));
    for (const name of ['a.db', 'b.db', 'c.db']) {
      const init = await runBin(['--db', db(name), '--json', 'init', 'plan.json'], dir);
      expect(init.code, init.stdout + init.stderr).toBe(0);
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('targets and statistics into db A, then the same files into a fresh db B: B holds every row; A again skips them', async () => {
    expect(resultOf(await importInto('a.db', 'targets', 'targets.csv'))).toMatchObject({ rowsWritten: TARGETS, rowsSkipped: 0, startedOver: false });
    expect(resultOf(await importInto('a.db', 'statistics', 'stats.csv'))).toMatchObject({ rowsWritten: STATISTICS, rowsSkipped: 0, startedOver: false });
    expect(await stored(db('a.db'))).toEqual({ targets: TARGETS, statistics: STATISTICS });

    // The checkpoints beside the files say "done"; B has none of it, so both imports start over.
    expect(resultOf(await importInto('b.db', 'targets', 'targets.csv'))).toMatchObject({ rowsRead: TARGETS, rowsWritten: TARGETS, rowsSkipped: 0, startedOver: true });
    expect(resultOf(await importInto('b.db', 'statistics', 'stats.csv'))).toMatchObject({ rowsRead: STATISTICS, rowsWritten: STATISTICS, rowsSkipped: 0, startedOver: true });
    expect(await stored(db('b.db'))).toEqual({ targets: TARGETS, statistics: STATISTICS });

    // The terminal says why the rows were read again.
    const text = await runBin(['--db', db('c.db'), 'import', 'targets', 'targets.csv'], dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout + text.stderr).toContain('does not match this database');
    expect((await stored(db('c.db'))).targets).toBe(TARGETS);

    // Back on A (which holds the last row the checkpoint names): a resume with nothing left to do.
    expect(resultOf(await importInto('a.db', 'statistics', 'stats.csv'))).toMatchObject({ rowsSkipped: STATISTICS, startedOver: false });
    expect(await stored(db('a.db'))).toEqual({ targets: TARGETS, statistics: STATISTICS });
  }, 240_000);

  it('SIGKILL mid-import on one database, then a rerun on it: resumes (no start-over) and stores the exact count', async () => {
    const checkpoint = join(dir, 'large.csv.checkpoint.json');
    const run = startBin(['--db', db('c.db'), '--json', 'import', 'targets', 'large.csv', '--batch-size', '100'], dir);
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!existsSync(checkpoint) && !exited) await sleep(20);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code, killed.stdout + killed.stderr).toBeNull();
    const state = JSON.parse(readFileSync(checkpoint, 'utf8')) as { rowsDone: number; written: number; complete: boolean };
    expect(state.complete).toBe(false);
    expect(state.rowsDone).toBeLessThan(LARGE_TARGETS);

    const rerun = resultOf(await importInto('c.db', 'targets', 'large.csv'));
    expect(rerun).toMatchObject({ rowsRead: LARGE_TARGETS, rowsWritten: LARGE_TARGETS, rowsSkipped: state.rowsDone, startedOver: false });
    expect((await stored(db('c.db'))).targets).toBe(TARGETS + LARGE_TARGETS);
  }, 240_000);
});
