import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspectionService, type Actor, type Target } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPortalStatistics, importTargets, type ImportCheckpoint, type ImportSummary } from '../src/index.js';
import { countRows, writeStatisticsCsv } from './helpers/statistics-files.js';

const ROWS = 3_000;
const dir = mkdtempSync(join(tmpdir(), 'pcci-import-scope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports the statistics file into the SQLite file `db` with the checkpoint `checkpointFile`. */
async function importStatistics(file: string, db: string, checkpointFile: string, tenantId = '42'): Promise<ImportSummary> {
  const storage = createSqliteStorage({ filename: db });
  try {
    return await importPortalStatistics({ file, storage, tenantId, referenceUnits: HA_TINH_2021_DISTRICTS, checkpointFile, batchSize: 500 });
  } finally {
    await storage.dispose();
  }
}

describe('a statistics checkpoint resumes only into the store it was made for', () => {
  const file = join(dir, 'stats.csv');
  const checkpoint = join(dir, 'stats.checkpoint.json');
  beforeAll(() => void writeStatisticsCsv(file, ROWS));

  it('db A, then a fresh db B with the same file and checkpoint: B gets every row; A again skips them all', { timeout: 60_000 }, async () => {
    const a = await importStatistics(file, join(dir, 'a.db'), checkpoint);
    expect(a).toMatchObject({ rowsWritten: ROWS, rowsSkipped: 0, startedOver: false });
    const state = JSON.parse(readFileSync(checkpoint, 'utf8')) as ImportCheckpoint;
    expect(state).toMatchObject({ version: 2, scope: 'tenant=42', complete: true, rowsDone: ROWS });
    expect(state.lastWritten).not.toBeNull();

    const b = await importStatistics(file, join(dir, 'b.db'), checkpoint);
    expect(b).toMatchObject({ rowsRead: ROWS, rowsWritten: ROWS, rowsSkipped: 0, startedOver: true });
    expect(await countRows(join(dir, 'b.db'))).toBe(ROWS);

    // The checkpoint now names B, which A also holds: A resumes (nothing to do) and stays exact.
    const again = await importStatistics(file, join(dir, 'a.db'), checkpoint);
    expect(again).toMatchObject({ rowsWritten: ROWS, rowsSkipped: ROWS, startedOver: false });
    expect(await countRows(join(dir, 'a.db'))).toBe(ROWS);
  });

  it('a checkpoint of another tenant, or of the version before scopes, is not trusted', { timeout: 60_000 }, async () => {
    const db = join(dir, 'c.db');
    await importStatistics(file, db, checkpoint);
    const other = await importStatistics(file, db, checkpoint, '43');
    expect(other).toMatchObject({ rowsWritten: ROWS, rowsSkipped: 0, startedOver: true });

    // A version-1 checkpoint (no scope, no last row) that claims the whole file is done.
    const { scope: _scope, lastWritten: _last, ...rest } = JSON.parse(readFileSync(checkpoint, 'utf8')) as ImportCheckpoint;
    writeFileSync(checkpoint, JSON.stringify({ ...rest, version: 1 }));
    const fresh = join(dir, 'd.db');
    expect(await importStatistics(file, fresh, checkpoint)).toMatchObject({ rowsWritten: ROWS, startedOver: true });
    expect(await countRows(fresh)).toBe(ROWS);
  });
});

describe('a targets checkpoint resumes only into the store it was made for', () => {
  const director: Actor = { role: 'director', id: 'p-dau-tung-lam' };
  const seed = haTinh2021Seed();
  const campaignId = seed.campaign.id;
  const file = join(dir, 'don-vi.csv');
  const checkpoint = join(dir, 'don-vi.checkpoint.json');
  const lines = ['Tên đơn vị,Mã QR,Mã huyện,Loại hình,Địa chỉ'];
  for (let i = 0; i < 50; i++) lines.push(`Chợ số ${i},HT-436-${String(i).padStart(6, '0')},436,Chợ,Phường Nam Hà`);

  /** A new SQLite file with the seed's directory and campaign. */
  async function freshStore(name: string): Promise<ReturnType<typeof createSqliteStorage>> {
    const storage = createSqliteStorage({ filename: join(dir, name) });
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: seed.adminUnits });
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign: seed.campaign });
    return storage;
  }

  async function run(storage: ReturnType<typeof createSqliteStorage>, withProbe = true): Promise<{ summary: ImportSummary; stored: number }> {
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: seed.adminUnits });
    const summary = await importTargets({
      file,
      tenantId: seed.tenant.id,
      campaignId,
      referenceUnits: seed.adminUnits,
      checkpointFile: checkpoint,
      batchSize: 20,
      ...(withProbe ? { storage } : {}),
      onBatch: async (targets: Target[]) => void (await service.registerTargets(director, { campaignId, targets })),
    });
    const page = await storage.query({ collection: 'targets', tenantId: seed.tenant.id, limit: 1000 });
    return { summary, stored: page.items.length };
  }

  beforeAll(() => writeFileSync(file, lines.join('\r\n')));

  it('db A, then a fresh db B: B holds every target; A again skips them; without a store to look in, a rerun starts over', { timeout: 60_000 }, async () => {
    const a = await freshStore('ta.db');
    const b = await freshStore('tb.db');
    try {
      expect(await run(a)).toMatchObject({ summary: { rowsWritten: 50, startedOver: false }, stored: 50 });
      expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toMatchObject({ scope: `tenant=${seed.tenant.id};campaign=${campaignId}`, lastWritten: 'tg-HT-436-000049' });
      expect(await run(b)).toMatchObject({ summary: { rowsWritten: 50, rowsSkipped: 0, startedOver: true }, stored: 50 });
      expect(await run(a)).toMatchObject({ summary: { rowsSkipped: 50, startedOver: false }, stored: 50 });
      expect(await run(a, false)).toMatchObject({ summary: { rowsSkipped: 0, startedOver: true }, stored: 50 });
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
