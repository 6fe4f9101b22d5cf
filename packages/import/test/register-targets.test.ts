import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspectionService, type Actor, type Target } from '@pccovid-inspect/core';
import { createSqliteStorage, type SqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTargets } from '../src/index.js';

const director: Actor = { role: 'director', id: 'p-dau-tung-lam' };
const seed = haTinh2021Seed();
const campaignId = seed.campaign.id;
const dir = mkdtempSync(join(tmpdir(), 'pcci-import-register-'));
const dbFile = join(dir, 'inspect.db');
let storage: SqliteStorage;

const csv = [
  'Tên đơn vị,Mã QR,Mã huyện,Loại hình,Địa chỉ',
  'Chợ thành phố Hà Tĩnh,HT-436-000123,436,Chợ,Phường Nam Hà',
  '"Trường THCS Lê Văn Thiêm, Hà Tĩnh",HT-436-000124,436,Trường học,Phường Trần Phú',
  'Bệnh viện Đa khoa Kỳ Anh,HT-449-000007,449,Bệnh viện,',
].join('\r\n');

/** Opens the SQLite file again, as a later process would, and reads the targets back. */
async function storedTargets(): Promise<Target[]> {
  const reopened = createSqliteStorage({ filename: dbFile });
  try {
    const page = await reopened.query<Target>({ collection: 'targets', tenantId: seed.tenant.id, limit: 100 });
    return page.items.map((r) => r.data).sort((a, b) => (a.id < b.id ? -1 : 1));
  } finally {
    await reopened.dispose();
  }
}

describe('importTargets through the service: targets.register on a SQLite file', () => {
  beforeAll(async () => {
    storage = createSqliteStorage({ filename: dbFile });
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: seed.adminUnits });
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign: seed.campaign });
  }, 60_000);
  afterAll(async () => {
    await storage.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers each batch with registerTargets, every QR point carrying registeredCode from "Mã QR"; a rerun writes nothing new', async () => {
    const file = join(dir, 'don-vi.csv');
    writeFileSync(file, csv);
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: seed.adminUnits });
    const results: { registered: number; existing: string[] }[] = [];
    const options = {
      file,
      tenantId: seed.tenant.id,
      campaignId,
      referenceUnits: seed.adminUnits,
      batchSize: 2,
      onBatch: async (targets: Target[]) => void results.push(await service.registerTargets(director, { campaignId, targets })),
    };
    const summary = await importTargets(options);
    expect(summary).toMatchObject({ rowsWritten: 3, rowsQuarantined: 0 });
    expect(results).toEqual([
      { registered: 2, existing: [] },
      { registered: 1, existing: [] },
    ]);

    const stored = await storedTargets();
    expect(stored.map((t) => [t.id, t.districtCode, t.type, t.qrPoints.map((q) => [q.id, q.registeredCode, q.posted, q.visible])])).toEqual([
      ['tg-HT-436-000123', '436', 'market', [['HT-436-000123', 'HT-436-000123', null, null]]],
      ['tg-HT-436-000124', '436', 'school', [['HT-436-000124', 'HT-436-000124', null, null]]],
      ['tg-HT-449-000007', '449', 'hospital', [['HT-449-000007', 'HT-449-000007', null, null]]],
    ]);
    expect(stored[1]?.name).toBe('Trường THCS Lê Văn Thiêm, Hà Tĩnh');

    // A rerun (no checkpoint) gives the same targets again: the command reports them as existing.
    results.length = 0;
    await importTargets(options);
    expect(results).toEqual([
      { registered: 0, existing: ['tg-HT-436-000123', 'tg-HT-436-000124'] },
      { registered: 0, existing: ['tg-HT-449-000007'] },
    ]);
    expect(await storedTargets()).toEqual(stored);
  });
});
