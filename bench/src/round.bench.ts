/**
 * A round at province scale: N visits scheduled, the schedule fixed, and every visit started,
 * answered (complete), its minutes drafted and signed, and reviewed — `6N + 1` commands, timed
 * together, reported as ms per command at 100 / 1,000 / 10,000 visits.
 *
 * - ours: the service (`createInspectionService`) on `createSqliteStorage` (a file, WAL,
 *   synchronous=NORMAL), each command through its public method.
 * - raw: better-sqlite3 on a copy of the same file, one `BEGIN IMMEDIATE` transaction per command
 *   writing the same rows: the aggregate JSON row(s) with a version check
 *   (`UPDATE … WHERE version = ?`, `INSERT` for a new visit), the record's index rows (delete +
 *   insert, as the adapter's side table), one audit row hash-chained with SHA-256, and the
 *   schedule notices (one outbox row per visit per partner) on fix. It reads the row it changes
 *   (and the campaign row when it changes it) and parses/stringifies JSON, as an app would. Its
 *   campaign row keeps counters, not a list of every visit — what a hand-written app would do.
 *
 * Untimed setup (`prepare`, once per size, through the service): directory, campaign, plan,
 * nominations, team, and N targets registered (8 target types across Hà Tĩnh's 13 districts);
 * every run copies that file.
 *
 * Goals: ours ms/command at 10,000 ÷ at 100 ≤ 1.3; ours/raw at 10,000 ≤ 3.
 */
import { copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createFixedClock, createInspectionService, type Target } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { at, campaignAskingNominations } from './seed-campaign.js';
import { SIZES, oursRound, plan, toTeamAndTargets, type OursPrepared, type PlannedVisit } from './round-plan.js';
import { runBench, type BenchContext } from './harness.js';

/** Untimed: the campaign up to a formed team, and `size` targets registered, through the service. */
async function prepare(size: number, dir: string): Promise<{ template: string }> {
  const template = join(dir, 'template.db');
  const { storage, clock, service, campaignId } = await campaignAskingNominations(template);
  await toTeamAndTargets(service, clock, campaignId, size);
  await storage.dispose();
  return { template };
}

function copyTemplate(ctx: BenchContext): string {
  const file = join(ctx.runDir, 'round.db');
  copyFileSync((ctx.shared as { template: string }).template, file);
  return file;
}

/** The raw side: better-sqlite3 statements on the adapter's tables, one transaction per command. */
function rawRound(db: Database.Database, campaignId: string, visits: PlannedVisit[], ctx: BenchContext): void {
  const T = '42';
  const getRow = db.prepare('SELECT version, data FROM records WHERE tenant_id = ? AND collection = ? AND id = ?');
  const insertRow = db.prepare('INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)');
  const updateRow = db.prepare('UPDATE records SET version = version + 1, data = ?, indexes = ?, updated_at = ? WHERE tenant_id = ? AND collection = ? AND id = ? AND version = ?');
  const deleteIndexes = db.prepare('DELETE FROM record_indexes WHERE tenant_id = ? AND collection = ? AND id = ?');
  const insertIndex = db.prepare('INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES (?, ?, ?, ?, ?, ?)');
  const lastAudit = db.prepare('SELECT record FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1').pluck();
  const insertAudit = db.prepare('INSERT INTO audit_log (tenant_id, seq, id, at, record) VALUES (?, ?, ?, ?, ?)');
  const insertOutbox = db.prepare('INSERT INTO outbox (tenant_id, id, created_at, status, record) VALUES (?, ?, ?, ?, ?)');
  const now = '2021-12-31T03:00:00.000Z';
  let auditN = 0;

  const audit = (action: string, subject: string, details: Record<string, unknown>) => {
    const last = JSON.parse(lastAudit.get(T) as string) as { seq: number; hash: string };
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
    insertAudit.run(T, rest.seq, rest.id, now, JSON.stringify({ ...rest, prevHash: last.hash, hash }));
  };
  type IndexFacts = { visit: { campaignId: string; targetId: string; districtCode: string; scheduledOn: string; startedAt: string | null }; state: string };
  const indexRows = (v: IndexFacts): [string, number, string | number][] => [
    ['campaignId', 3, v.visit.campaignId],
    ['targetId', 3, v.visit.targetId],
    ['districtCode', 3, v.visit.districtCode],
    ['scheduledOn', 3, v.visit.scheduledOn],
    ['state', 3, v.state],
    ['started', 1, v.visit.startedAt !== null ? 1 : 0],
  ];
  /** The record's index rows (replaced on update, as the adapter does); returns the indexes JSON of the row. */
  const writeIndexes = (id: string, rows: [string, number, string | number][], fresh: boolean) => {
    if (!fresh) deleteIndexes.run(T, 'visits', id);
    for (const [field, rank, value] of rows) insertIndex.run(T, 'visits', id, field, rank, value);
  };
  const indexJson = (rows: [string, number, string | number][]) => JSON.stringify(Object.fromEntries(rows.map(([f, , val]) => [f, val])));
  type RawVisit = {
    visit: { campaignId: string; targetId: string; districtCode: string; scheduledOn: string; startedAt: string | null; endedAt: string | null; memberIds: string[] };
    state: string;
    response: unknown;
    verdict: string | null;
    minutes: Record<string, unknown> | null;
  };
  /** Read, change, write back with the version check, index rows, audit row. */
  const updateVisit = (id: string, action: string, change: (v: RawVisit) => void) => {
    const row = getRow.get(T, 'visits', id) as { version: number; data: string };
    const v = JSON.parse(row.data) as RawVisit;
    change(v);
    const rows = indexRows(v);
    if (updateRow.run(JSON.stringify(v), indexJson(rows), now, T, 'visits', id, row.version).changes !== 1) throw new Error('version conflict');
    writeIndexes(id, rows, false);
    audit(action, id, { state: v.state, versions: { [`visits/${id}`]: row.version + 1 } });
  };
  const updateCampaign = (change: (c: Record<string, unknown>) => void) => {
    const row = getRow.get(T, 'campaigns', campaignId) as { version: number; data: string };
    const c = JSON.parse(row.data) as Record<string, unknown>;
    change(c);
    if (updateRow.run(JSON.stringify(c), JSON.stringify({ state: c.rawState }), now, T, 'campaigns', campaignId, row.version).changes !== 1) throw new Error('version conflict');
  };

  const schedule = db.transaction((v: PlannedVisit) => {
    const target = JSON.parse((getRow.get(T, 'targets', v.target.id) as { data: string }).data) as Target;
    const record: RawVisit = {
      visit: { campaignId, targetId: target.id, districtCode: target.districtCode, scheduledOn: v.day, startedAt: null, endedAt: null, memberIds: v.memberIds },
      state: 'planned',
      response: null,
      verdict: null,
      minutes: null,
    };
    const rows = indexRows(record);
    insertRow.run(T, 'visits', v.visitId, JSON.stringify(record), indexJson(rows), now);
    writeIndexes(v.visitId, rows, true);
    audit('visit.schedule', v.visitId, { state: 'planned', versions: { [`visits/${v.visitId}`]: 1 } });
  });
  const fix = db.transaction(() => {
    updateCampaign((c) => {
      c.rawState = 'scheduled';
      c.rawVisits = visits.length;
      c.rawReviewed = 0;
    });
    for (const v of visits) {
      for (let p = 0; p < v.partners; p++) {
        const id = `${v.visitId}.schedule.${p}`;
        insertOutbox.run(
          T,
          id,
          now,
          'pending',
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
    audit('schedule.fix', campaignId, { state: 'scheduled', visits: visits.length });
  });
  const start = db.transaction((v: PlannedVisit, first: boolean) => {
    updateVisit(v.visitId, 'visit.start', (r) => {
      r.state = 'underway';
      r.visit.startedAt = at(v.day, '08:00');
    });
    if (first) updateCampaign((c) => void (c.rawState = 'inspecting'));
  });
  const answer = db.transaction((v: PlannedVisit) => {
    const answers = pcCovidAnswers('compliant', v.day);
    updateVisit(v.visitId, 'answers.record', (r) => {
      r.response = { templateId: 'pc-covid-ii1', templateVersion: '1', targetId: v.target.id, visitId: v.visitId, answers, answeredBy: 'p-secretary', answeredAt: now };
      r.verdict = 'compliant';
      r.state = 'checklistComplete';
    });
  });
  const draft = db.transaction((v: PlannedVisit) => {
    updateVisit(v.visitId, 'minutes.draft', (r) => {
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
  const sign = db.transaction((v: PlannedVisit) => {
    updateVisit(v.visitId, 'minutes.sign', (r) => {
      const signedAt = at(v.day, '10:05');
      r.state = 'minutesSigned';
      r.minutes!.signatures = { unitRepresentative: { signedAt }, teamLead: { signedAt } };
    });
  });
  const review = db.transaction((v: PlannedVisit) => {
    updateVisit(v.visitId, 'visit.review', (r) => void (r.state = 'reviewed'));
    updateCampaign((c) => void (c.rawReviewed = (c.rawReviewed as number) + 1));
  });

  let done = 0;
  const tick = () => ctx.progress(++done);
  for (const v of visits) {
    schedule.immediate(v);
    tick();
  }
  fix.immediate();
  tick();
  visits.forEach((v, i) => {
    start.immediate(v, i === 0);
    tick();
    answer.immediate(v);
    tick();
    draft.immediate(v);
    tick();
    sign.immediate(v);
    tick();
    review.immediate(v);
    tick();
  });
}

await runBench(
  {
    name: 'round',
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
      `untimed setup = campaign to team formed + ${n.toLocaleString('en')} targets registered through the service (once per size), file copied per run; SQLite file, WAL`,
    prepare,
    ours: {
      setup: (ctx) => {
        const storage = createSqliteStorage({ filename: copyTemplate(ctx) });
        const seed = haTinh2021Seed();
        const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: createFixedClock('2021-12-31T03:00:00.000Z') });
        const { campaignId, visits } = plan(ctx.size);
        return { service, campaignId, visits } satisfies OursPrepared;
      },
      run: (prepared, ctx) => oursRound(prepared as OursPrepared, ctx),
    },
    raw: {
      setup: (ctx) => {
        const db = new Database(copyTemplate(ctx));
        db.pragma('busy_timeout = 5000');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        return { db, ...plan(ctx.size) };
      },
      run: (prepared, ctx) => {
        const { db, campaignId, visits } = prepared as { db: Database.Database; campaignId: string; visits: PlannedVisit[] };
        rawRound(db, campaignId, visits, ctx);
      },
    },
  },
  import.meta.url,
);
