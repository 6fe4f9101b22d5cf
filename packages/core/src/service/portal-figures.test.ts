import { describe, expect, it } from 'vitest';
import type { PortalStatisticsSummary } from '../contracts/storage-adapter.js';
import { portalFigures, portalRange } from './portal-figures.js';

const summary = (targetId: string, districtCode: string, days: number, zeroScanDays: number, totalScans: number, maxRegisteredPoints: number): PortalStatisticsSummary => ({
  targetId,
  districtCode,
  days,
  zeroScanDays,
  totalScans,
  maxRegisteredPoints,
});
const RANGE = { from: '2021-12-01', to: '2021-12-24' };
const UNITS = [
  { targetId: 'tg-cho', districtCode: '436', compliant: false },
  { targetId: 'tg-bv', districtCode: '436', compliant: true },
  { targetId: 'tg-thpt', districtCode: '443', compliant: true },
];

describe('portalRange', () => {
  it('runs over the campaign period up to the document date', () => {
    expect(portalRange({ from: '2021-12-01', to: '2021-12-31' }, '2021-12-07')).toEqual({ from: '2021-12-01', to: '2021-12-07' });
    expect(portalRange({ from: '2021-12-01', to: '2021-12-31' }, '2022-01-05')).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(portalRange({ from: '2021-12-01', to: '2021-12-31' }, '2021-11-30')).toBeNull();
  });
});

describe('portalFigures', () => {
  it('gives each unit its figures and each district the sums over its units with figures', () => {
    const figures = portalFigures([summary('tg-cho', '436', 24, 5, 320, 2), summary('tg-bv', '436', 24, 0, 7630, 4), summary('tg-other', '436', 24, 0, 9999, 9)], RANGE, UNITS);
    expect(figures?.period).toEqual(RANGE);
    expect(figures?.units.get('tg-cho')).toEqual({ qrPoints: 2, scans: 320, days: 24, zeroScanDays: 5 });
    expect(figures?.units.has('tg-other')).toBe(false);
    expect(figures?.districts).toEqual([
      { districtCode: '436', inspected: 2, compliant: 1, withFigures: 2, qrPoints: 6, scans: 7950, days: 48, zeroScanDays: 5 },
      { districtCode: '443', inspected: 1, compliant: 1, withFigures: 0, qrPoints: 0, scans: 0, days: 0, zeroScanDays: 0 },
    ]);
  });

  it('adds up a unit found under two district codes, and counts a unit inspected twice once in the sums', () => {
    const figures = portalFigures([summary('tg-cho', '436', 10, 1, 100, 2), summary('tg-cho', '437', 5, 2, 50, 3)], RANGE, [...UNITS, UNITS[0]!]);
    expect(figures?.units.get('tg-cho')).toEqual({ qrPoints: 3, scans: 150, days: 15, zeroScanDays: 3 });
    expect(figures?.districts[0]).toMatchObject({ inspected: 3, withFigures: 1, scans: 150 });
  });

  it('is null when the storage has no portal statistics, the range is empty or no unit has a day of figures', () => {
    expect(portalFigures(null, RANGE, UNITS)).toBeNull();
    expect(portalFigures([summary('tg-cho', '436', 3, 0, 10, 1)], null, UNITS)).toBeNull();
    expect(portalFigures([], RANGE, UNITS)).toBeNull();
    expect(portalFigures([summary('tg-cho', '436', 0, 0, 0, 0), summary('tg-other', '436', 3, 0, 10, 1)], RANGE, UNITS)).toBeNull();
  });
});
