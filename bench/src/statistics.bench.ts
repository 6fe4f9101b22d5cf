/**
 * Campaign statistics over 10,000 and 100,000 visits: `service.getCampaignOverview` (counts by
 * state and by district, over the visits the director may see) against one better-sqlite3 pass
 * of `GROUP BY` over the same rows (the adapter's index side table: state and district of every
 * visit of the campaign), reading the same file.
 *
 * Untimed setup (once per size): a campaign run through the service at small scale — 8 visits
 * left in 6 different states (planned … reviewed) — then those 8 stored visit records (data,
 * indexes JSON and index rows, exactly as the adapter wrote them) replicated into N visits with
 * new ids and districts cycling over Hà Tĩnh's 13, written straight into the adapter's tables in
 * one transaction. The service reads them as valid records (every one is parsed by its schema).
 *
 * Both sides answer as a running server does: setup makes one untimed call on each side (ours:
 * the same overview — zod compiles the campaign schema on its first parse, xstate builds its
 * machines; raw: the same two statements), then the timed call is the next request. A cold first
 * call (one-time compile costs included) is ~10 ms slower on our side; that start-up cost is not
 * what this bench measures.
 *
 * Goal: ours ≤ 1.5× raw at 10,000 and 100,000 visits.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createInspectionService, type InspectionService, type TeamMember } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { at, campaignAskingNominations, director, lead } from './seed-campaign.js';
import { runBench } from './harness.js';

const rawStatements = new WeakMap<Database.Database, Database.Statement>();
const secretary = { role: 'secretary', id: 'p-secretary' } as const;
const DISTRICTS = HA_TINH_2021_DISTRICTS.map((d) => d.code);
const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
];
/** How far each template visit goes (index = seed target). */
const DEPTH = [0, 0, 1, 2, 3, 4, 5, 5] as const;

/** Template visit ids: no id is a prefix of another, so replacing them in the JSON text is exact. */
const templateId = (k: number) => `tplvisit${k}x`;

async function prepare(size: number, dir: string): Promise<{ file: string; campaignId: string }> {
  const file = join(dir, 'statistics.db');
  const { storage, seed, clock, service, campaignId } = await campaignAskingNominations(file);
  await service.recordNomination(lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
  await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
  for (const target of seed.targets) await service.registerTarget(lead, { target });
  for (const [k, t] of seed.targets.entries()) {
    await service.scheduleVisit(lead, {
      visitId: templateId(k),
      campaignId,
      targetId: t.id,
      scheduledOn: '2021-12-07',
      memberIds: ['p-lead', 'p-secretary', ...(t.type === 'hospital' ? ['p-health'] : [])],
    });
  }
  await service.fixSchedule(lead, { campaignId });
  clock.set(at('2021-12-07', '12:00'));
  for (const [k, t] of seed.targets.entries()) {
    const visitId = templateId(k);
    const depth = DEPTH[k]!;
    if (depth >= 1) await service.startVisit(lead, { visitId, at: at('2021-12-07', '08:00') });
    if (depth >= 2) await service.recordAnswers(secretary, { visitId, answers: pcCovidAnswers(k % 2 ? 'compliant' : 'zeroScans', '2021-12-07'), complete: true });
    if (depth >= 3) {
      await service.draftMinutes(secretary, {
        visitId,
        endedAt: at('2021-12-07', '10:00'),
        place: t.name,
        representatives: [{ fullName: 'Nguyễn Văn An', position: 'Thủ trưởng đơn vị' }],
        assessment: 'Đơn vị đã triển khai các nội dung theo Văn bản số 7641/UBND-VX1.',
      });
    }
    if (depth >= 4) await service.signMinutes(lead, { visitId, signedAt: at('2021-12-07', '10:05') });
    if (depth >= 5) await service.reviewVisit(director, { visitId });
  }
  await storage.dispose();

  // Replicate the stored template visits into `size` visits, straight into the adapter's tables.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON'); // deleting the template visits also deletes their index rows
  const rows = db.prepare("SELECT id, data, indexes, updated_at FROM records WHERE tenant_id = '42' AND collection = 'visits' ORDER BY id").all() as {
    id: string;
    data: string;
    indexes: string;
    updated_at: string;
  }[];
  const indexRows = db.prepare("SELECT field, rank, value FROM record_indexes WHERE tenant_id = '42' AND collection = 'visits' AND id = ?");
  const templates = rows.map((r) => ({ ...r, version: 1, indexRows: indexRows.all(r.id) as { field: string; rank: number; value: string | number }[] }));
  const district = (text: string, from: string, to: string) => text.replaceAll(`"districtCode":"${from}"`, `"districtCode":"${to}"`);
  const insertRecord = db.prepare("INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES ('42', 'visits', ?, ?, ?, ?, ?)");
  const insertIndex = db.prepare("INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES ('42', 'visits', ?, ?, ?, ?)");
  const versions = db.prepare("SELECT version FROM records WHERE tenant_id = '42' AND collection = 'visits' AND id = ?").pluck();
  for (const t of templates) t.version = versions.get(t.id) as number;
  db.transaction(() => {
    db.prepare("DELETE FROM records WHERE tenant_id = '42' AND collection = 'visits'").run();
    for (let i = 0; i < size; i++) {
      const t = templates[i % templates.length]!;
      const id = `visit-${String(i).padStart(7, '0')}`;
      const from = (JSON.parse(t.indexes) as { districtCode: string }).districtCode;
      const to = DISTRICTS[(i * 7) % DISTRICTS.length]!;
      insertRecord.run(id, t.version, district(t.data.replaceAll(t.id, id), from, to), district(t.indexes.replaceAll(t.id, id), from, to), t.updated_at);
      for (const ix of t.indexRows) insertIndex.run(id, ix.field, ix.rank, ix.field === 'districtCode' ? to : ix.value);
    }
  })();
  db.close();
  return { file, campaignId };
}

type Shared = { file: string; campaignId: string };
type Counts = { total: number; byState: Record<string, number>; byDistrict: Record<string, number> };

function check(c: Counts, size: number): void {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  if (c.total !== size || sum(c.byState) !== size || sum(c.byDistrict) !== size || Object.keys(c.byDistrict).length !== Math.min(13, size)) {
    throw new Error(`unexpected counts ${JSON.stringify(c)}`);
  }
}

await runBench(
  {
    name: 'statistics',
    goalRatio: 1.5,
    sizes: [10_000, 100_000],
    quickSizes: [10_000],
    capMs: 300_000,
    work: (n) =>
      `campaign overview (visit counts by state and district) over ${n.toLocaleString('en')} visits in a SQLite file; untimed setup = 8 visits in 6 states through the service, replicated into ${n.toLocaleString('en')} stored records`,
    prepare,
    ours: {
      setup: async (ctx) => {
        const { file, campaignId } = ctx.shared as Shared;
        const seed = haTinh2021Seed();
        const service = createInspectionService({ storage: createSqliteStorage({ filename: file }), tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS });
        check((await service.getCampaignOverview(director, { campaignId })).visits, ctx.size); // untimed: the server's earlier request
        return service;
      },
      run: async (prepared, ctx) => {
        const overview = await (prepared as InspectionService).getCampaignOverview(director, { campaignId: (ctx.shared as Shared).campaignId });
        check(overview.visits, ctx.size);
      },
    },
    raw: {
      setup: (ctx) => {
        const db = new Database((ctx.shared as Shared).file, { readonly: true });
        rawOverview(db, ctx); // untimed: the server's earlier request
        return db;
      },
      run: (prepared, ctx) => rawOverview(prepared as Database.Database, ctx),
    },
  },
  import.meta.url,
);

/** Raw: two GROUP BYs over the index side table (state, district) of the campaign's visits; the statement prepared once per connection, as the adapter does. */
function rawOverview(db: Database.Database, ctx: { shared: unknown; size: number }): void {
  const { campaignId } = ctx.shared as Shared;
  let group = rawStatements.get(db);
  if (!group) {
    group = db.prepare(
      `SELECT g.value AS key, count(*) AS n FROM record_indexes g
       WHERE g.tenant_id = '42' AND g.collection = 'visits' AND g.field = ?
         AND g.id IN (SELECT c.id FROM record_indexes c WHERE c.tenant_id = '42' AND c.collection = 'visits' AND c.field = 'campaignId' AND c.value = ?)
       GROUP BY g.value`,
    );
    rawStatements.set(db, group);
  }
  const byState = Object.fromEntries((group.all('state', campaignId) as { key: string; n: number }[]).map((r) => [r.key, r.n]));
  const byDistrict = Object.fromEntries((group.all('districtCode', campaignId) as { key: string; n: number }[]).map((r) => [r.key, r.n]));
  check({ total: Object.values(byState).reduce((a, b) => a + b, 0), byState, byDistrict }, ctx.size);
}
