import { describe, expect, it } from 'vitest';
import type { PortalStatisticsRow, PortalStatisticsSummary, StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { HEAVY_TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { OTHER_TENANT, TENANT } from '../internal/fixtures.js';

const TARGETS = 200;
const DAYS = 50;

/** Civil date `2021-11-01` + `offset` days (November has 30 days). */
function dateOf(offset: number): string {
  const month = offset < 30 ? 11 : 12;
  const day = offset < 30 ? offset + 1 : offset - 29;
  return `2021-${month}-${String(day).padStart(2, '0')}`;
}

/** 200 targets × 50 days = 10,000 rows; some days have zero scans. */
function* rows(tenantId: string, scale = 1): Generator<PortalStatisticsRow> {
  for (let d = 0; d < DAYS; d++) {
    for (let t = 0; t < TARGETS; t++) {
      const scans = (t + d) % 6 === 0 ? 0 : ((t * 7 + d * 3) % 40) * scale;
      yield {
        tenantId,
        targetId: `t-${String(t).padStart(3, '0')}`,
        districtCode: String(436 + (t % 13)),
        date: dateOf(d),
        registeredPoints: 1 + ((t + d) % 4),
        scans,
        distinctVisitors: Math.floor(scans / 2),
      };
    }
  }
}

/** The summary computed in plain JavaScript, sorted by target id. */
function expectedSummary(all: Iterable<PortalStatisticsRow>, from: string, to: string, targetIds?: string[]): PortalStatisticsSummary[] {
  const byTarget = new Map<string, PortalStatisticsSummary>();
  for (const row of all) {
    if (row.date < from || row.date > to || (targetIds && !targetIds.includes(row.targetId))) continue;
    const s = byTarget.get(row.targetId) ?? { targetId: row.targetId, districtCode: row.districtCode, days: 0, zeroScanDays: 0, totalScans: 0, maxRegisteredPoints: 0 };
    s.days += 1;
    s.zeroScanDays += row.scans === 0 ? 1 : 0;
    s.totalScans += row.scans;
    s.maxRegisteredPoints = Math.max(s.maxRegisteredPoints, row.registeredPoints);
    byTarget.set(row.targetId, s);
  }
  return [...byTarget.values()].sort((a, b) => (a.targetId < b.targetId ? -1 : 1));
}

function sorted(summaries: PortalStatisticsSummary[]): PortalStatisticsSummary[] {
  return [...summaries].sort((a, b) => (a.targetId < b.targetId ? -1 : 1));
}

function statistics(adapter: StorageAdapter) {
  const insert = adapter.insertPortalStatistics?.bind(adapter);
  const summarize = adapter.summarizePortalStatistics?.bind(adapter);
  if (!insert || !summarize) throw new Error('capabilities.portalStatistics is true but the bulk methods are missing');
  return { insert, summarize };
}

/** @internal the portal-statistics bulk path and per-target summary. */
export function definePortalStatisticsSuite(ctx: SuiteContext): void {
  describe('portal statistics', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
    it('inserts 10,000 rows from a generator in one call and summarises them per target', async () => {
      const { insert, summarize } = statistics(ctx.adapter());
      expect(await insert(rows(TENANT)), 'expected insertPortalStatistics to report the 10,000 rows of the generator inserted').toEqual({ inserted: TARGETS * DAYS });
      expect(await ctx.inspector().countPortalStatistics?.(TENANT), 'expected the 10,000 rows to be stored').toBe(TARGETS * DAYS);
      const summary = sorted(await summarize(TENANT, { from: dateOf(0), to: dateOf(DAYS - 1) }));
      expect(summary, 'expected one summary per target').toHaveLength(TARGETS);
      expect(summary, 'expected the per-target totals computed over every row').toEqual(expectedSummary(rows(TENANT), dateOf(0), dateOf(DAYS - 1)));
      expect(summary.reduce((n, s) => n + s.zeroScanDays, 0)).toBeGreaterThan(0);
    });

    it('counts days and zero-scan days within an inclusive date range, optionally for some targets', async () => {
      const { insert, summarize } = statistics(ctx.adapter());
      await insert(rows(TENANT));
      const from = '2021-11-28';
      const to = '2021-12-03';
      const summary = sorted(await summarize(TENANT, { from, to }));
      expect(summary, 'expected the totals over the inclusive range 2021-11-28…2021-12-03 only').toEqual(expectedSummary(rows(TENANT), from, to));
      expect(
        summary.every((s) => s.days === 6),
        'expected 6 days per target in an inclusive 6-day range',
      ).toBe(true);
      const some = ['t-000', 't-006', 't-199', 't-missing'];
      expect(sorted(await summarize(TENANT, { from, to, targetIds: some }))).toEqual(expectedSummary(rows(TENANT), from, to, some));
      expect(await summarize(TENANT, { from, to, targetIds: [] })).toEqual([]);
      expect(await summarize(TENANT, { from: '2022-01-01', to: '2022-01-31' })).toEqual([]);
    });

    it('keeps tenants apart', async () => {
      const { insert, summarize } = statistics(ctx.adapter());
      await insert(rows(TENANT));
      await insert(rows(OTHER_TENANT, 2));
      const range = { from: dateOf(0), to: dateOf(DAYS - 1) };
      expect(sorted(await summarize(OTHER_TENANT, range))).toEqual(expectedSummary(rows(OTHER_TENANT, 2), range.from, range.to));
      expect(sorted(await summarize(TENANT, range))).toEqual(expectedSummary(rows(TENANT), range.from, range.to));
      expect(await summarize('nobody', range)).toEqual([]);
      expect(await ctx.inspector().countPortalStatistics?.(OTHER_TENANT), 'expected tenant 40’s rows stored apart from tenant 42’s').toBe(TARGETS * DAYS);
    });

    it('replaces the row of a target and day when it is inserted again (re-import)', async () => {
      const { insert, summarize } = statistics(ctx.adapter());
      const row: PortalStatisticsRow = { tenantId: TENANT, targetId: 't-1', districtCode: '436', date: '2021-12-06', registeredPoints: 2, scans: 0, distinctVisitors: 0 };
      await insert([row]);
      expect(await insert([{ ...row, scans: 15, distinctVisitors: 9, registeredPoints: 3 }])).toEqual({ inserted: 1 });
      expect(await ctx.inspector().countPortalStatistics?.(TENANT), 'expected the re-imported row to replace the first (one row per target and day)').toBe(1);
      expect(await summarize(TENANT, { from: '2021-12-06', to: '2021-12-06' })).toEqual([
        { targetId: 't-1', districtCode: '436', days: 1, zeroScanDays: 0, totalScans: 15, maxRegisteredPoints: 3 },
      ]);
    });

    it('inserts nothing from an empty iterable', async () => {
      const { insert, summarize } = statistics(ctx.adapter());
      expect(await insert([]), 'expected an empty iterable to insert nothing').toEqual({ inserted: 0 });
      expect(await ctx.inspector().countPortalStatistics?.(TENANT), 'expected an empty iterable to store no row').toBe(0);
      expect(await summarize(TENANT, { from: '2021-12-01', to: '2021-12-31' })).toEqual([]);
    });
  });
}
