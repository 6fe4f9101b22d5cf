import { checkPortalStatisticsRow, checkSummaryRange, compareCodePoints, throwValidationIssue } from '@pccovid-inspect/core/adapter-kit';
import type { PortalStatisticsRow, PortalStatisticsSummary } from '@pccovid-inspect/core';
import type { CommittedState } from './memory-state.js';

/**
 * @internal Validates every row first, then stores them all in one synchronous step: a bad row
 * (a `ValidationError` naming its index) or a throwing iterator leaves nothing inserted. A row for
 * a target and day already stored replaces it (re-import).
 */
export function insertRows(state: CommittedState, rows: Iterable<PortalStatisticsRow>): { inserted: number } {
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throwValidationIssue('PortalStatisticsRow', [], 'must be an iterable of rows');
  }
  const staged: PortalStatisticsRow[] = [];
  let index = 0;
  for (const row of rows) {
    checkPortalStatisticsRow(row, index++);
    staged.push({
      tenantId: row.tenantId,
      targetId: row.targetId,
      districtCode: row.districtCode,
      date: row.date,
      registeredPoints: row.registeredPoints,
      scans: row.scans,
      distinctVisitors: row.distinctVisitors,
    });
  }
  for (const row of staged) {
    let tenant = state.statistics.get(row.tenantId);
    if (!tenant) state.statistics.set(row.tenantId, (tenant = new Map<string, PortalStatisticsRow>()));
    tenant.set(`${row.targetId}\u0000${row.date}`, row);
  }
  return { inserted: staged.length };
}

/** @internal Per-target totals over an inclusive civil-date range, sorted by target id. */
export function summarizeRows(state: CommittedState, tenantId: string, range: { from: string; to: string; targetIds?: string[] }): PortalStatisticsSummary[] {
  checkSummaryRange(tenantId, range);
  const wanted = range.targetIds ? new Set(range.targetIds) : null;
  const byTarget = new Map<string, PortalStatisticsSummary & { latest: string }>();
  for (const row of state.statistics.get(tenantId)?.values() ?? []) {
    if (row.date < range.from || row.date > range.to || (wanted && !wanted.has(row.targetId))) continue;
    const s = byTarget.get(row.targetId);
    if (!s) {
      byTarget.set(row.targetId, {
        targetId: row.targetId,
        districtCode: row.districtCode,
        latest: row.date,
        days: 1,
        zeroScanDays: row.scans === 0 ? 1 : 0,
        totalScans: row.scans,
        maxRegisteredPoints: row.registeredPoints,
      });
      continue;
    }
    s.days += 1;
    s.zeroScanDays += row.scans === 0 ? 1 : 0;
    s.totalScans += row.scans;
    s.maxRegisteredPoints = Math.max(s.maxRegisteredPoints, row.registeredPoints);
    if (row.date > s.latest) {
      s.latest = row.date;
      s.districtCode = row.districtCode;
    }
  }
  return [...byTarget.values()].sort((a, b) => compareCodePoints(a.targetId, b.targetId)).map(({ latest: _latest, ...summary }) => summary);
}
