import { describe, expect, it } from 'vitest';
import { checkPortalStatisticsRow, checkSummaryRange } from '@pccovid-inspect/core/adapter-kit';
import { ROW, issueOf } from './test-support.js';

const row =
  (patch: Record<string, unknown>, index = 0) =>
  () =>
    checkPortalStatisticsRow({ ...ROW, ...patch }, index);

describe('checkPortalStatisticsRow', () => {
  it('passes a valid row', () => {
    expect(row({})).not.toThrow();
    expect(row({ date: '2000-02-29' })).not.toThrow();
  });

  it('refuses a bad row at a path starting with its index', () => {
    expect(issueOf(row({ date: '2021-02-29' }, 4))).toEqual({
      subject: 'PortalStatisticsRow',
      code: 'custom',
      path: [4, 'date'],
      message: 'must be a civil date YYYY-MM-DD',
    });
    for (const date of ['1900-02-29', '2021-13-01', '2021-1-01', '20211201', 20211201, null]) {
      expect(issueOf(row({ date })).path).toEqual([0, 'date']);
    }
    expect(issueOf(row({ scans: -1 }, 2))).toMatchObject({ path: [2, 'scans'], message: 'must be a whole number ≥ 0' });
    expect(issueOf(row({ districtCode: '' }))).toMatchObject({ path: [0, 'districtCode'] });
    expect(issueOf(() => checkPortalStatisticsRow(null as never, 9))).toMatchObject({ path: [9], message: 'must be an object' });
  });
});

describe('checkSummaryRange', () => {
  it('passes a valid range', () => {
    expect(() => checkSummaryRange('42', { from: '2021-12-01', to: '2021-12-31' })).not.toThrow();
    expect(() => checkSummaryRange('42', { from: '2021-12-01', to: '2021-12-31', targetIds: ['t-1'] })).not.toThrow();
  });

  it('refuses bad dates, tenants and target ids at their path', () => {
    expect(issueOf(() => checkSummaryRange('42', { from: '2021-12-01', to: '2021-12-32' }))).toEqual({
      subject: 'PortalStatisticsRange',
      code: 'custom',
      path: ['to'],
      message: 'must be a civil date YYYY-MM-DD',
    });
    expect(issueOf(() => checkSummaryRange('', { from: '2021-12-01', to: '2021-12-31' }))).toMatchObject({ path: ['tenantId'] });
    expect(issueOf(() => checkSummaryRange('42', { from: '2021-12-01', to: '2021-12-31', targetIds: [1] as never }))).toMatchObject({
      path: ['targetIds'],
      message: 'must be an array of target ids',
    });
  });
});
