import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQueryCursor, type CountByRequest } from '@pccovid-inspect/core/adapter-kit';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { countBySql, orderedQuerySteps, unvaluedCountSql, type SqlStep } from '../src/sqlite-records.js';
import { DUE_OUTBOX_BY_STATUS_SQL, DUE_OUTBOX_SQL, OUTBOX_BY_AGE_SQL, OUTBOX_BY_STATUS_SQL } from '../src/sqlite-logs.js';
import { commitPuts, outboxMessage, visitPut } from './commit-batch.js';

const STATES = ['planned', 'underway', 'reviewed', 'cancelled'];

/** The visits of 10 campaigns in 13 districts, indexed as the service indexes them. */
function visitIndexes(i: number) {
  return {
    campaignId: `c-${i % 10}`,
    targetId: `tg-${i % 700}`,
    districtCode: String(436 + (i % 13)),
    scheduledOn: `2021-12-${String(1 + (i % 28)).padStart(2, '0')}`,
    state: STATES[i % 4] ?? 'planned',
    started: i % 3 === 0,
  };
}

/** The due time of message `i` (those with `i % 3 === 0` are pending). */
const dueOf = (i: number) => `2021-12-06T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
const messageId = (i: number) => `m-${String(i).padStart(5, '0')}`;

describe('sqlite query plans (EXPLAIN QUERY PLAN)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pccovid-sqlite-plans-'));
  const filename = join(directory, 'plans.db');
  let db: Database.Database;

  beforeAll(async () => {
    const storage = createSqliteStorage({ filename });
    // One commit batch of 3000 creates, as core would hand over (plus its audit event).
    const puts = Array.from({ length: 3000 }, (_, i) => visitPut(`v-${String(i).padStart(5, '0')}`, 0, { data: { i }, indexes: visitIndexes(i) }));
    await commitPuts(storage, puts);
    // 3000 messages: a third pending (due over a day), the rest sent (no due time).
    const outbox = Array.from({ length: 3000 }, (_, i) =>
      outboxMessage(messageId(i), i % 3 === 0 ? { dueAt: dueOf(i) } : { status: 'sent', dueAt: null, attempts: 1, providerMessageId: `ses-${i}` }),
    );
    await commitPuts(storage, [], { outbox });
    await storage.dispose();
    db = new Database(filename);
  }, 60_000); // 3000 records with 6 index rows each, on a loaded 2-core machine

  afterAll(() => {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const plan = (step: SqlStep): string[] => (db.prepare(`EXPLAIN QUERY PLAN ${step.sql}`).all(...step.params) as { detail: string }[]).map((row) => row.detail);

  /** Runs the checks without statistics (as a fresh file is) and again after ANALYZE. */
  const bothWays = (title: string, check: () => void) => {
    it(`${title} (no statistics)`, check);
    it(`${title} (after ANALYZE)`, () => {
      db.exec('ANALYZE');
      try {
        check();
      } finally {
        db.exec('DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4');
        db.exec('ANALYZE sqlite_schema');
      }
    });
  };

  bothWays("the service's sorted visit query (campaignId = ? ORDER BY scheduledOn, 500 a page) walks the index and never sorts", () => {
    const request = { collection: 'visits', tenantId: '42', where: { campaignId: 'c-3' }, orderBy: { field: 'scheduledOn' }, limit: 500 };
    const cursor = decodeQueryCursor(
      // a cursor in the middle of the valued part, as the second page has
      Buffer.from(JSON.stringify(['c1', 'scheduledOn', 'asc', '2021-12-09', 'v-00123'])).toString('base64url'),
      'scheduledOn',
      'asc',
    );
    for (const after of [null, cursor]) {
      for (const direction of ['asc', 'desc'] as const) {
        const steps = orderedQuerySteps({ ...request, orderBy: { field: 'scheduledOn', direction } }, 'scheduledOn', direction === 'asc' ? after : null, 501);
        for (const { part, step } of steps) {
          const lines = plan(step);
          expect(lines.join('\n'), `${part} ${direction}`).not.toMatch(/TEMP B-TREE/);
          if (part === 'valued') {
            expect(lines[0], lines.join('\n')).toMatch(/^SEARCH o USING COVERING INDEX record_indexes_by_value \(tenant_id=\? AND collection=\? AND field=\?/);
            expect(lines.join('\n')).toMatch(/SEARCH r USING INDEX sqlite_autoindex_records_1 \(tenant_id=\? AND collection=\? AND id=\?\)/);
          } else {
            expect(lines[0], lines.join('\n')).toMatch(/^SEARCH r USING INDEX sqlite_autoindex_records_1 \(tenant_id=\? AND collection=\?\)/);
          }
        }
      }
    }
  });

  bothWays('the count of records without a value (whether the null part is read at all) is two primary-key lookups, whatever the size', () => {
    const lines = plan({ sql: unvaluedCountSql, params: ['42', 'visits', '42', 'visits', 'scheduledOn'] });
    const text = lines.join('\n');
    expect(text).toMatch(/SEARCH record_counts USING PRIMARY KEY \(tenant_id=\? AND collection=\?\)/);
    expect(text).toMatch(/SEARCH index_value_counts USING PRIMARY KEY \(tenant_id=\? AND collection=\? AND field=\?\)/);
    expect(lines.filter((line) => /\bSCAN\b/.test(line))).toEqual(['SCAN CONSTANT ROW']);
    expect(text).not.toMatch(/\brecords\b|record_indexes/);
    expect(db.prepare(unvaluedCountSql).pluck().get('42', 'visits', '42', 'visits', 'scheduledOn')).toBe(0);
    expect(db.prepare(unvaluedCountSql).pluck().get('42', 'visits', '42', 'visits', 'nowhere')).toBe(3000);
  });

  bothWays('countBy is a covering GROUP BY over record_indexes: no record (JSON) is read', () => {
    const requests: CountByRequest[] = [
      { collection: 'visits', tenantId: '42', where: { campaignId: 'c-3' }, groupBy: ['state', 'districtCode'] },
      { collection: 'visits', tenantId: '42', where: { campaignId: 'c-3', targetId: 'tg-3' }, groupBy: ['state', 'districtCode', 'started'] },
      { collection: 'visits', tenantId: '42', where: { districtCode: { in: ['436', '437'] }, campaignId: 'c-1' }, groupBy: ['state'] },
    ];
    for (const request of requests) {
      const lines = plan(countBySql(request));
      const text = lines.join('\n');
      expect(lines[0], text).toMatch(/^SEARCH d USING COVERING INDEX record_indexes_by_value \(tenant_id=\? AND collection=\? AND field=\? AND rank=\? AND value=\?\)/);
      expect(text).not.toMatch(/\bSCAN\b/);
      expect(text).not.toMatch(/records/);
      for (const line of lines.slice(1)) expect(line).toMatch(/USING PRIMARY KEY|USING COVERING INDEX|USE TEMP B-TREE FOR GROUP BY/);
    }
    // Without a filter to drive from, the ids come from the primary-key index of `records` alone.
    const all = plan(countBySql({ collection: 'visits', tenantId: '42', groupBy: ['state'] })).join('\n');
    expect(all).toMatch(/SEARCH d USING COVERING INDEX sqlite_autoindex_records_1 \(tenant_id=\? AND collection=\?\)/);
    expect(all).not.toMatch(/\bSCAN\b/);
  });

  bothWays('readOutbox({ dueBy }) walks the partial index outbox_by_due in order and never sorts; the other reads walk theirs', () => {
    for (const [sql, params] of [
      [DUE_OUTBOX_SQL, ['42', '2021-12-06T12:00:00.000Z', 100]],
      [DUE_OUTBOX_BY_STATUS_SQL, ['42', '2021-12-06T12:00:00.000Z', 'pending', 100]],
    ] as const) {
      const lines = plan({ sql, params: [...params] });
      expect(lines.join('\n'), sql).toMatch(/^SEARCH outbox USING INDEX outbox_by_due \(tenant_id=\? (AND due_at>\? )?AND due_at<\?\)$/);
    }
    expect(plan({ sql: OUTBOX_BY_AGE_SQL, params: ['42', 100] }).join('\n')).toMatch(/^SEARCH outbox USING INDEX outbox_by_age \(tenant_id=\?\)$/);
    expect(plan({ sql: OUTBOX_BY_STATUS_SQL, params: ['42', 'sent', 100] }).join('\n')).toMatch(/^SEARCH outbox USING INDEX outbox_by_status \(tenant_id=\? AND status=\?\)$/);
    const dueBy = '2021-12-06T02:30:00.000Z';
    const due = db.prepare(DUE_OUTBOX_SQL).pluck().all('42', dueBy, 10_000) as string[];
    const expected = Array.from({ length: 3000 }, (_, i) => i)
      .filter((i) => i % 3 === 0 && dueOf(i) <= dueBy)
      .sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || a - b)
      .map(messageId);
    expect(expected.length).toBeGreaterThan(10);
    expect(due.map((r) => (JSON.parse(r) as { id: string }).id)).toEqual(expected);
  });

  it('counts what the brute force counts, and pages in order, over these 3000 visits', async () => {
    const storage = createSqliteStorage({ filename });
    try {
      const counted = await storage.countBy({ collection: 'visits', tenantId: '42', where: { campaignId: 'c-3', started: true }, groupBy: ['state', 'districtCode'] });
      const expected = new Map<string, number>();
      for (let i = 0; i < 3000; i++) {
        const x = visitIndexes(i);
        if (x.campaignId === 'c-3' && x.started) expected.set(`${x.state}|${x.districtCode}`, (expected.get(`${x.state}|${x.districtCode}`) ?? 0) + 1);
      }
      expect(new Map(counted.groups.map((g) => [`${String(g.key.state)}|${String(g.key.districtCode)}`, g.count]))).toEqual(expected);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof storage.query>> = await storage.query({
          collection: 'visits',
          tenantId: '42',
          where: { campaignId: 'c-3' },
          orderBy: { field: 'scheduledOn' },
          limit: 50,
          cursor,
        });
        ids.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      const want = Array.from({ length: 3000 }, (_, i) => i)
        .filter((i) => i % 10 === 3)
        .sort((a, b) => visitIndexes(a).scheduledOn.localeCompare(visitIndexes(b).scheduledOn) || a - b)
        .map((i) => `v-${String(i).padStart(5, '0')}`);
      expect(ids).toEqual(want);
    } finally {
      await storage.dispose();
    }
  });
});
