/**
 * The province-scale round of `round.bench.ts` on PostgreSQL: N visits scheduled, the schedule
 * fixed, and every visit started, answered (complete), its minutes drafted and signed, and
 * reviewed — `6N + 1` commands, timed together, reported as ms per command at 100 / 1,000 /
 * 10,000 visits.
 *
 * - ours: the service (`createInspectionService`) on `createPostgresStorage`, as province 42's role
 *   (`SET ROLE`, row-level security on every table), each command through its public method.
 * - raw: `pg` on the same kind of database (the login role, no row-level security), one
 *   transaction per command (`BEGIN` … `COMMIT` on one connection) writing the same rows as
 *   round.bench.ts's raw side: the aggregate's JSONB row(s) with a version check
 *   (`UPDATE … WHERE version = $n`, `INSERT` for a new visit), the record's index rows in
 *   `record_indexes` (delete + one multi-row insert, as the adapter's side table), one audit row
 *   hash-chained with SHA-256 (after reading the last one), and the schedule notices (one outbox
 *   row per visit per partner, one `unnest` insert) on fix. It reads the row it changes (and the
 *   campaign row when it changes it), the driver parsing the JSONB and the code stringifying it,
 *   as an app would. Its campaign row keeps counters, not a list of every visit. Named (prepared)
 *   statements, as the adapter uses.
 *
 * Untimed setup: `prepare` (once per size, through the service on the adapter) builds a template
 * database `pccovid_bench_round_tpl_<n>` on the server of `PCCI_BENCH_POSTGRES_URL` (or
 * `TEST_POSTGRES_URL`): directory, campaign, plan, nominations, team, and N targets registered
 * (8 target types across Hà Tĩnh's 13 districts). Every run gets a fresh copy of it
 * (`CREATE DATABASE pccovid_bench_round TEMPLATE …`), as round.bench.ts copies its file.
 *
 * Goals: ours/raw at 10,000 ≤ 3 (issue 11); ours ms/command at 10,000 ÷ at 100 ≤ 1.3.
 */
import { createHash } from 'node:crypto';
import { createFixedClock, createInspectionService, createSequentialIds, type Target } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { createPostgresStorage } from '../../packages/storage-postgres/src/index.ts';
import { cloneDatabase, openRawPool, recreateDatabase } from '../../packages/storage-postgres/test/bench-support.ts';
import { at, director, lead } from './seed-campaign.js';
import { SIZES, oursRound, plan, toTeamAndTargets, type OursPrepared, type PlannedVisit } from './round-plan.js';
import { runBench, type BenchContext } from './harness.js';

const templateName = (size: number) => `pccovid_bench_round_tpl_${size}`;
type Shared = { template: string };
type Pool = ReturnType<typeof openRawPool>;

/** Untimed: the campaign up to a formed team, and `size` targets registered, through the service on the adapter, in a template database. */
async function prepare(size: number): Promise<Shared> {
  const template = templateName(size);
  const url = await recreateDatabase(template);
  const storage = await createPostgresStorage({ connectionString: url, poolSize: 2 });
  try {
    const seed = haTinh2021Seed();
    const clock = createFixedClock(at('2021-11-26', '08:00'));
    const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
    const campaignId = seed.campaign.id;
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign: seed.campaign });
    await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
    await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
    await toTeamAndTargets(service, clock, campaignId, size);
  } finally {
    await storage.dispose();
  }
  const pool = openRawPool(url, 1);
  await pool.query('ANALYZE'); // the statistics travel with every copy
  await pool.end();
  return { template };
}

/** A fresh copy of the size's template database for one run. */
const freshCopy = (ctx: BenchContext): Promise<string> => cloneDatabase('pccovid_bench_round', (ctx.shared as Shared).template);

type RawVisit = {
  visit: { campaignId: string; targetId: string; districtCode: string; scheduledOn: string; startedAt: string | null; endedAt: string | null; memberIds: string[] };
  state: string;
  response: unknown;
  verdict: string | null;
  minutes: Record<string, unknown> | null;
};
/** An index field as its `record_indexes` row: field, rank (1 boolean, 3 string), num, str. */
type IndexRow = [field: string, rank: number, num: number, str: string];

/** The raw side: `pg` statements on the adapter's tables (login role), one transaction per command. */
async function rawRound(pool: Pool, campaignId: string, visits: PlannedVisit[], ctx: BenchContext): Promise<void> {
  const T = '42';
  const now = '2021-12-31T03:00:00.000Z';
  const client = await pool.connect();
  const q = (name: string, text: string, values: unknown[]) => client.query({ name, text, values });
  const getRow = async (collection: string, id: string) =>
    (await q('raw-get', 'SELECT version, data FROM pccovid.records WHERE tenant_id = $1 AND collection = $2 AND id = $3', [T, collection, id])).rows[0] as {
      version: number;
      data: unknown;
    };
  const insertRow = (collection: string, id: string, data: string, indexes: string) =>
    q('raw-insert', 'INSERT INTO pccovid.records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES ($1, $2, $3, 1, $4::jsonb, $5::jsonb, $6)', [
      T,
      collection,
      id,
      data,
      indexes,
      now,
    ]);
  const updateRow = async (collection: string, id: string, version: number, data: string, indexes: string) => {
    const { rowCount } = await q(
      'raw-update',
      'UPDATE pccovid.records SET version = version + 1, data = $4::jsonb, indexes = $5::jsonb, updated_at = $6 WHERE tenant_id = $1 AND collection = $2 AND id = $3 AND version = $7',
      [T, collection, id, data, indexes, now, version],
    );
    if (rowCount !== 1) throw new Error('version conflict');
  };
  let auditN = 0;
  const audit = async (action: string, subject: string, details: Record<string, unknown>) => {
    const { rows } = await q('raw-last-audit', 'SELECT record FROM pccovid.audit_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1', [T]);
    const last = (rows[0] as { record: { seq: number; hash: string } }).record;
    const rest = {
      tenantId: T,
      id: `raw-audit-${++auditN}`,
      seq: last.seq + 1,
      at: now,
      actor: { role: 'inspectorateLead', id: 'p-lead' },
      action,
      subject: { collection: 'visits', id: subject },
      details,
    };
    const hash = createHash('sha256')
      .update(`${last.hash}\n${JSON.stringify(rest)}`)
      .digest('hex');
    await q('raw-insert-audit', 'INSERT INTO pccovid.audit_log (tenant_id, seq, id, record) VALUES ($1, $2, $3, $4::jsonb)', [
      T,
      rest.seq,
      rest.id,
      JSON.stringify({ ...rest, prevHash: last.hash, hash }),
    ]);
  };
  const indexRows = (v: RawVisit): IndexRow[] => [
    ['campaignId', 3, 0, v.visit.campaignId],
    ['targetId', 3, 0, v.visit.targetId],
    ['districtCode', 3, 0, v.visit.districtCode],
    ['scheduledOn', 3, 0, v.visit.scheduledOn],
    ['state', 3, 0, v.state],
    ['started', 1, v.visit.startedAt !== null ? 1 : 0, ''],
  ];
  const indexJson = (rows: IndexRow[]) => JSON.stringify(Object.fromEntries(rows.map(([f, rank, num, str]) => [f, rank === 1 ? num === 1 : str])));
  /** The record's index rows (replaced on update, as the adapter does), in one multi-row INSERT. */
  const writeIndexes = async (id: string, rows: IndexRow[], fresh: boolean) => {
    if (!fresh) await q('raw-delete-indexes', 'DELETE FROM pccovid.record_indexes WHERE tenant_id = $1 AND collection = $2 AND id = $3', [T, 'visits', id]);
    await q(
      'raw-insert-indexes',
      `INSERT INTO pccovid.record_indexes (tenant_id, collection, id, field, rank, num, str) VALUES ${rows.map((_, i) => `($1, $2, $3, $${4 * i + 4}, $${4 * i + 5}, $${4 * i + 6}, $${4 * i + 7})`).join(', ')}`,
      [T, 'visits', id, ...rows.flat()],
    );
  };
  /** Read, change, write back with the version check, index rows, audit row. */
  const updateVisit = async (id: string, action: string, change: (v: RawVisit) => void) => {
    const row = await getRow('visits', id);
    const v = row.data as RawVisit;
    change(v);
    const rows = indexRows(v);
    await updateRow('visits', id, row.version, JSON.stringify(v), indexJson(rows));
    await writeIndexes(id, rows, false);
    await audit(action, id, { state: v.state, versions: { [`visits/${id}`]: row.version + 1 } });
  };
  const updateCampaign = async (change: (c: Record<string, unknown>) => void) => {
    const row = await getRow('campaigns', campaignId);
    const c = row.data as Record<string, unknown>;
    change(c);
    await updateRow('campaigns', campaignId, row.version, JSON.stringify(c), JSON.stringify({ state: c.rawState }));
  };
  /** One command: one transaction on the one connection. */
  const transaction = async (fn: () => Promise<void>) => {
    await client.query('BEGIN');
    try {
      await fn();
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };

  const schedule = (v: PlannedVisit) =>
    transaction(async () => {
      const target = (await getRow('targets', v.target.id)).data as Target;
      const record: RawVisit = {
        visit: { campaignId, targetId: target.id, districtCode: target.districtCode, scheduledOn: v.day, startedAt: null, endedAt: null, memberIds: v.memberIds },
        state: 'planned',
        response: null,
        verdict: null,
        minutes: null,
      };
      const rows = indexRows(record);
      await insertRow('visits', v.visitId, JSON.stringify(record), indexJson(rows));
      await writeIndexes(v.visitId, rows, true);
      await audit('visit.schedule', v.visitId, { state: 'planned', versions: { [`visits/${v.visitId}`]: 1 } });
    });
  const fix = () =>
    transaction(async () => {
      await updateCampaign((c) => {
        c.rawState = 'scheduled';
        c.rawVisits = visits.length;
        c.rawReviewed = 0;
      });
      const ids: string[] = [];
      const records: string[] = [];
      for (const v of visits) {
        for (let p = 0; p < v.partners; p++) {
          const id = `${v.visitId}.schedule.${p}`;
          ids.push(id);
          records.push(
            JSON.stringify({
              id,
              tenantId: T,
              topic: 'visit.scheduled',
              subject: `Lịch kiểm tra ngày ${v.day}`,
              body: `Tổ kiểm tra PC-Covid thông báo lịch kiểm tra đột xuất ngày ${v.day} tại ${v.target.name} (${v.target.address}).`,
              refs: { campaignId, visitId: v.visitId },
            }),
          );
        }
      }
      await q(
        'raw-insert-outbox',
        `INSERT INTO pccovid.outbox (tenant_id, id, created_at, status, record)
         SELECT $1, m.id, $3, 'pending', m.record FROM unnest($2::text[], $4::jsonb[]) WITH ORDINALITY AS m(id, record, ord) ORDER BY m.ord`,
        [T, ids, now, records],
      );
      await audit('schedule.fix', campaignId, { state: 'scheduled', visits: visits.length });
    });
  const start = (v: PlannedVisit, first: boolean) =>
    transaction(async () => {
      await updateVisit(v.visitId, 'visit.start', (r) => {
        r.state = 'underway';
        r.visit.startedAt = at(v.day, '08:00');
      });
      if (first) await updateCampaign((c) => void (c.rawState = 'inspecting'));
    });
  const answer = (v: PlannedVisit) =>
    transaction(async () => {
      const answers = pcCovidAnswers('compliant', v.day);
      await updateVisit(v.visitId, 'answers.record', (r) => {
        r.response = { templateId: 'pc-covid-ii1', templateVersion: '1', targetId: v.target.id, visitId: v.visitId, answers, answeredBy: 'p-secretary', answeredAt: now };
        r.verdict = 'compliant';
        r.state = 'checklistComplete';
      });
    });
  const draft = (v: PlannedVisit) =>
    transaction(async () => {
      await updateVisit(v.visitId, 'minutes.draft', (r) => {
        const answers = (r.response as { answers: Record<string, { answer: string; note?: string }> }).answers;
        r.visit.endedAt = at(v.day, '10:00');
        r.state = 'minutesDrafted';
        r.minutes = {
          id: `${v.visitId}.minutes`,
          startedAt: r.visit.startedAt,
          endedAt: r.visit.endedAt,
          place: v.target.name,
          representatives: [{ fullName: 'Nguyễn Văn An', position: 'Thủ trưởng đơn vị' }],
          findings: Object.entries(answers).map(([itemId, a]) => ({ itemId, verdict: a.answer, note: a.note ?? null })),
          assessment: 'Đơn vị đã triển khai đầy đủ các nội dung theo Văn bản số 7641/UBND-VX1.',
          requests: [],
          signatures: { unitRepresentative: null, teamLead: null },
          refusal: null,
        };
      });
    });
  const sign = (v: PlannedVisit) =>
    transaction(async () => {
      await updateVisit(v.visitId, 'minutes.sign', (r) => {
        const signedAt = at(v.day, '10:05');
        r.state = 'minutesSigned';
        r.minutes!.signatures = { unitRepresentative: { signedAt }, teamLead: { signedAt } };
      });
    });
  const review = (v: PlannedVisit) =>
    transaction(async () => {
      await updateVisit(v.visitId, 'visit.review', (r) => void (r.state = 'reviewed'));
      await updateCampaign((c) => void (c.rawReviewed = (c.rawReviewed as number) + 1));
    });

  try {
    let done = 0;
    const tick = () => ctx.progress(++done);
    for (const v of visits) {
      await schedule(v);
      tick();
    }
    await fix();
    tick();
    for (const [i, v] of visits.entries()) {
      await start(v, i === 0);
      tick();
      await answer(v);
      tick();
      await draft(v);
      tick();
      await sign(v);
      tick();
      await review(v);
      tick();
    }
  } finally {
    client.release();
  }
}

await runBench(
  {
    name: 'postgres-round',
    sizes: SIZES,
    quickSizes: [100],
    opsPerRun: (n) => 6 * n + 1,
    opLabel: 'command',
    goalRatio: 3,
    goalRatioSizes: [10_000],
    goalScaling: 1.3,
    capMs: 180_000,
    work: (n) =>
      `${n.toLocaleString('en')} visits: timed = ${n.toLocaleString('en')} × (schedule, start, answers complete, draft minutes, sign, review) + 1 fix = ${(6 * n + 1).toLocaleString('en')} commands; ` +
      `untimed setup = campaign to team formed + ${n.toLocaleString('en')} targets registered through the service into a template database (once per size), copied per run; PostgreSQL, ours as the province role under row-level security`,
    prepare,
    ours: {
      setup: async (ctx) => {
        const storage = await createPostgresStorage({ connectionString: await freshCopy(ctx), poolSize: 2 });
        const seed = haTinh2021Seed();
        const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: createFixedClock('2021-12-31T03:00:00.000Z') });
        const { campaignId, visits } = plan(ctx.size);
        return { service, campaignId, visits } satisfies OursPrepared;
      },
      run: (prepared, ctx) => oursRound(prepared as OursPrepared, ctx),
    },
    raw: {
      setup: async (ctx) => ({ pool: openRawPool(await freshCopy(ctx), 1), ...plan(ctx.size) }),
      run: (prepared, ctx) => {
        const { pool, campaignId, visits } = prepared as { pool: Pool; campaignId: string; visits: PlannedVisit[] };
        return rawRound(pool, campaignId, visits, ctx);
      },
    },
  },
  import.meta.url,
);
