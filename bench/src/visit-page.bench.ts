/**
 * One page of a campaign's visits (100, by scheduled date) at 1,000, 10,000 and 100,000 visits:
 * `service.getVisitPage` (the director's scope: a sorted storage query through the `scheduledOn`
 * index, every record parsed by its schema, target names joined) against better-sqlite3 reading
 * the same 100 records by hand (the campaign's visits joined to their `scheduledOn` index rows,
 * ordered, `LIMIT 100`, each `data` JSON-parsed, the target names read by id).
 *
 * Untimed setup (once per size): `prepareReplicatedVisits`. Both sides answer as a running server
 * does: setup makes the same call once, untimed; the timed call is the next request.
 *
 * Goal: the page time stays flat as the campaign grows (ours at 100,000 ≤ 1.3× ours at 1,000),
 * and ours ≤ 1.5× raw.
 */
import Database from 'better-sqlite3';
import { createInspectionService, type InspectionService } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { director } from './seed-campaign.js';
import { prepareReplicatedVisits } from './replicated-visits.js';
import { runBench } from './harness.js';

type Shared = { file: string; campaignId: string };
const PAGE = 100;

const rawStatements = new WeakMap<Database.Database, { page: Database.Statement; target: Database.Statement }>();

/** Raw: the first page of the campaign's visits by date, parsed, with their targets' names. */
function rawPage(db: Database.Database, shared: Shared): number {
  let s = rawStatements.get(db);
  if (!s) {
    s = {
      page: db.prepare(
        `SELECT r.id, r.data FROM record_indexes c
         JOIN record_indexes o ON o.tenant_id = c.tenant_id AND o.collection = c.collection AND o.id = c.id AND o.field = 'scheduledOn'
         JOIN records r ON r.tenant_id = c.tenant_id AND r.collection = c.collection AND r.id = c.id
         WHERE c.tenant_id = '42' AND c.collection = 'visits' AND c.field = 'campaignId' AND c.value = ?
         ORDER BY o.rank, o.value, o.id LIMIT ${PAGE}`,
      ),
      target: db.prepare("SELECT data FROM records WHERE tenant_id = '42' AND collection = 'targets' AND id = ?").pluck(),
    };
    rawStatements.set(db, s);
  }
  const rows = s.page.all(shared.campaignId) as { id: string; data: string }[];
  const names = new Map<string, string>();
  let n = 0;
  for (const row of rows) {
    const v = JSON.parse(row.data) as { visit: { targetId: string } };
    if (!names.has(v.visit.targetId)) names.set(v.visit.targetId, (JSON.parse(s.target.get(v.visit.targetId) as string) as { name: string }).name);
    n++;
  }
  return n;
}

const expected = (size: number) => Math.min(PAGE, size);

await runBench(
  {
    name: 'visit-page',
    sizes: [1_000, 10_000, 100_000],
    quickSizes: [1_000],
    goalRatio: 1.5,
    capMs: 120_000,
    work: (n) =>
      `first page (${PAGE}) of a campaign's visits by date, of ${n.toLocaleString('en')} visits in a SQLite file; untimed setup = replicated visits, and one earlier identical request on each side`,
    prepare: prepareReplicatedVisits,
    ours: {
      setup: async (ctx) => {
        const { file, campaignId } = ctx.shared as Shared;
        const seed = haTinh2021Seed();
        const service = createInspectionService({ storage: createSqliteStorage({ filename: file }), tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS });
        await service.getVisitPage(director, { campaignId, limit: PAGE });
        return service;
      },
      run: async (prepared, ctx) => {
        const page = await (prepared as InspectionService).getVisitPage(director, { campaignId: (ctx.shared as Shared).campaignId, limit: PAGE });
        if (page.items.length !== expected(ctx.size)) throw new Error(`page of ${page.items.length}`);
      },
    },
    raw: {
      setup: (ctx) => {
        const db = new Database((ctx.shared as Shared).file, { readonly: true });
        rawPage(db, ctx.shared as Shared);
        return db;
      },
      run: (prepared, ctx) => {
        const n = rawPage(prepared as Database.Database, ctx.shared as Shared);
        if (n !== expected(ctx.size)) throw new Error(`page of ${n}`);
      },
    },
  },
  import.meta.url,
);
