import { isCivilDate } from '../text/civil-date.js';
import type { PortalStatisticsRow } from '../contracts/storage-adapter.js';
import { checkCount, checkNonEmptyText, isPlainObject, throwValidationIssue } from './validation-issue.js';

const isCivilDateText = (value: unknown): boolean => typeof value === 'string' && isCivilDate(value);

/**
 * Checks the portal-statistics row at `index` of an `insertPortalStatistics` call (subject
 * `PortalStatisticsRow`; every issue path starts with `index`): names, a real civil `date`
 * `YYYY-MM-DD`, and whole counts ≥ 0.
 *
 * @example
 * ```ts
 * let index = 0;
 * for (const row of rows) checkPortalStatisticsRow(row, index++);
 * ```
 */
export function checkPortalStatisticsRow(row: PortalStatisticsRow, index: number): void {
  const subject = 'PortalStatisticsRow';
  if (typeof row !== 'object' || row === null) throwValidationIssue(subject, [index], 'must be an object');
  checkNonEmptyText(subject, [index, 'tenantId'], row.tenantId);
  checkNonEmptyText(subject, [index, 'targetId'], row.targetId);
  checkNonEmptyText(subject, [index, 'districtCode'], row.districtCode);
  if (!isCivilDateText(row.date)) throwValidationIssue(subject, [index, 'date'], 'must be a civil date YYYY-MM-DD');
  checkCount(subject, [index, 'registeredPoints'], row.registeredPoints);
  checkCount(subject, [index, 'scans'], row.scans);
  checkCount(subject, [index, 'distinctVisitors'], row.distinctVisitors);
}

/**
 * Checks the arguments of `summarizePortalStatistics` (subject `PortalStatisticsRange`): a
 * non-empty tenant, real civil dates `from` and `to`, and `targetIds` as an array of strings.
 *
 * @example
 * ```ts
 * checkSummaryRange('42', { from: '2021-12-01', to: '2021-12-31' }); // passes
 * checkSummaryRange('42', { from: '2021-02-30', to: '2021-03-01' }); // throws at ['from']
 * ```
 */
export function checkSummaryRange(tenantId: string, range: { from: string; to: string; targetIds?: string[] }): void {
  const subject = 'PortalStatisticsRange';
  checkNonEmptyText(subject, ['tenantId'], tenantId);
  if (!isPlainObject(range)) throwValidationIssue(subject, [], 'must be { from, to, targetIds? }');
  if (!isCivilDateText(range.from)) throwValidationIssue(subject, ['from'], 'must be a civil date YYYY-MM-DD');
  if (!isCivilDateText(range.to)) throwValidationIssue(subject, ['to'], 'must be a civil date YYYY-MM-DD');
  if (range.targetIds !== undefined && (!Array.isArray(range.targetIds) || range.targetIds.some((t) => typeof t !== 'string'))) {
    throwValidationIssue(subject, ['targetIds'], 'must be an array of target ids');
  }
}
