import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { BUILT_IN_TARGET_TYPES } from '../entities/target-type.js';
import { DEFAULT_RISK_WEIGHTS, scoreTargetRisk } from './risk-score.js';
import type { RiskInput } from './risk-score.js';
import { makeTarget, pcCovidPoint, statisticsOf } from './test-support.js';

function validationPath(run: () => unknown): (string | number)[] | undefined {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues[0]?.path;
    throw error;
  }
  return undefined;
}

describe('scoreTargetRisk: worked examples / ví dụ', () => {
  it('a market with a registered code and 0 scans on 7 of 7 days, below its kind, once non-compliant before', () => {
    const target = makeTarget('cho-ha-tinh', { qrPoints: [pcCovidPoint('cho-ha-tinh')] });
    const risk = scoreTargetRisk({
      target,
      statistics: statisticsOf(target, { days: 7, zeroScanDays: 7, totalScans: 0, maxRegisteredPoints: 1 }),
      kindBaselines: { market: 200 },
      priorFindings: [{ campaignId: 'c-2021-10', compliant: false }],
    });
    expect(risk).toEqual({
      targetId: 'cho-ha-tinh',
      score: 65,
      reasons: [
        {
          code: 'ZERO_SCANS',
          points: 30,
          vi: 'Đã đăng ký mã QR nhưng 0 lượt quét trong 7/7 ngày (ngưỡng 7 ngày)',
          en: 'QR code registered but 0 scans on 7 of 7 days (threshold 7 days)',
        },
        {
          code: 'LOW_SCANS_FOR_KIND',
          points: 20,
          vi: 'Trung bình 0 lượt quét/ngày (0 lượt trong 7 ngày), thấp hơn mức 200 của loại Chợ',
          en: '0 scans a day on average (0 in 7 days), below the 200 expected of a market',
        },
        {
          code: 'REPEAT_OFFENDER',
          points: 15,
          vi: 'Tái phạm: không đạt trong 1 đợt kiểm tra trước (c-2021-10)',
          en: 'Repeat offender: non-compliant in 1 earlier round (c-2021-10)',
        },
      ],
    });
  });

  it('a school with no PC-Covid code and no portal figures scores 65', () => {
    const target = makeTarget('thpt-phan-dinh-phung', { type: 'school', qrPoints: [{ ...pcCovidPoint('thpt-phan-dinh-phung'), source: 'bluezone' }] });
    const risk = scoreTargetRisk({ target, statistics: null });
    expect(risk.score).toBe(65);
    expect(risk.reasons.map((r) => [r.code, r.points])).toEqual([
      ['NO_QR_REGISTERED', 40],
      ['NO_STATISTICS', 25],
    ]);
    expect(risk.reasons[0]?.vi).toBe('Chưa đăng ký mã QR địa điểm PC-Covid (0 điểm trên Cổng, 1 mã ghi nhận, không mã nào của PC-Covid)');
    expect(risk.reasons[1]?.en).toBe('The PC-Covid portal has no figures for the unit in the period');
  });

  it('low scans are scaled and shown with a Vietnamese decimal comma', () => {
    const target = makeTarget('so-y-te', { type: 'provincial_department' });
    const risk = scoreTargetRisk({
      target,
      statistics: statisticsOf(target, { days: 14, zeroScanDays: 2, totalScans: 140, maxRegisteredPoints: 2 }),
      kindBaselines: { provincial_department: 25 },
    });
    // 10 a day against 25 → 20 × (1 − 10/25) = 12; 2 zero days < 7: no ZERO_SCANS.
    expect(risk).toMatchObject({ score: 12, reasons: [{ code: 'LOW_SCANS_FOR_KIND', points: 12 }] });
    const half = scoreTargetRisk({
      target,
      statistics: statisticsOf(target, { days: 2, zeroScanDays: 0, totalScans: 3, maxRegisteredPoints: 1 }),
      kindBaselines: { provincial_department: 25 },
    });
    expect(half.reasons[0]?.vi).toContain('Trung bình 1,5 lượt quét/ngày');
    expect(half.reasons[0]?.en).toContain('1.5 scans a day');
  });

  it('a well-used code scores 0; the current campaign is not an earlier round; several rounds cap at 30', () => {
    const target = makeTarget('ubnd-ky-anh', { type: 'district_peoples_committee', districtCode: '442', qrPoints: [pcCovidPoint('ubnd-ky-anh')] });
    const statistics = statisticsOf(target, { days: 7, zeroScanDays: 0, totalScans: 700, maxRegisteredPoints: 1 });
    expect(scoreTargetRisk({ target, statistics, priorFindings: [{ campaignId: target.campaignId, compliant: false }] })).toEqual({
      targetId: 'ubnd-ky-anh',
      score: 0,
      reasons: [],
    });
    const rounds = ['c-1', 'c-2', 'c-3', 'c-2'].map((campaignId) => ({ campaignId, compliant: false }));
    expect(scoreTargetRisk({ target, statistics, priorFindings: rounds }).reasons).toEqual([
      {
        code: 'REPEAT_OFFENDER',
        points: 30,
        vi: 'Tái phạm: không đạt trong 3 đợt kiểm tra trước (c-1, c-2, c-3)',
        en: 'Repeat offender: non-compliant in 3 earlier rounds (c-1, c-2, c-3)',
      },
    ]);
  });

  it('a short period of zero scans counts when every day was zero', () => {
    const target = makeTarget('cho-cam-xuyen', { districtCode: '443' });
    const risk = scoreTargetRisk({ target, statistics: statisticsOf(target, { days: 3, zeroScanDays: 3, totalScans: 0, maxRegisteredPoints: 1 }) });
    expect(risk.reasons[0]).toMatchObject({ code: 'ZERO_SCANS', points: 30, vi: 'Đã đăng ký mã QR nhưng 0 lượt quét trong 3/3 ngày (ngưỡng 7 ngày)' });
  });

  it('custom weights above 100 are capped', () => {
    const target = makeTarget('x');
    const risk = scoreTargetRisk({ target, statistics: null }, { weights: { noQrRegistered: 80, noStatistics: 80 } });
    expect(risk.score).toBe(100);
  });
});

describe('scoreTargetRisk: bad input / dữ liệu sai', () => {
  const target = makeTarget('t-1');
  const good = statisticsOf(target, { days: 7, zeroScanDays: 0, totalScans: 1, maxRegisteredPoints: 1 });
  it.each<[string, RiskInput, (string | number)[]]>([
    ['statistics of another target', { target, statistics: { ...good, targetId: 't-2' } }, ['statistics', 'targetId']],
    ['negative scans', { target, statistics: { ...good, totalScans: -1 } }, ['statistics', 'totalScans']],
    ['more zero days than days', { target, statistics: { ...good, zeroScanDays: 8 } }, ['statistics', 'zeroScanDays']],
    ['threshold 0', { target, statistics: good, zeroScanDaysThreshold: 0 }, ['zeroScanDaysThreshold']],
    ['baseline ≤ 0', { target, statistics: good, kindBaselines: { market: 0 } }, ['kindBaselines', 'market']],
    ['empty campaign id', { target, statistics: good, priorFindings: [{ campaignId: '', compliant: false }] }, ['priorFindings', 0, 'campaignId']],
  ])('%s → ValidationError at its path', (_name, input, path) => {
    expect(validationPath(() => scoreTargetRisk(input))).toEqual(path);
  });
  it('an unknown or out-of-range weight → ValidationError', () => {
    expect(validationPath(() => scoreTargetRisk({ target, statistics: good }, { weights: { noQrRegistered: 101 } }))).toEqual(['weights', 'noQrRegistered']);
  });
});

describe('scoreTargetRisk: properties', () => {
  const input = fc
    .record({
      type: fc.constantFrom(...BUILT_IN_TARGET_TYPES),
      registered: fc.boolean(),
      stats: fc.option(
        fc.record({
          days: fc.integer({ min: 0, max: 60 }),
          zeroRatio: fc.double({ min: 0, max: 1, noNaN: true }),
          totalScans: fc.integer({ min: 0, max: 100_000 }),
          maxRegisteredPoints: fc.integer({ min: 0, max: 5 }),
        }),
      ),
      prior: fc.array(fc.record({ campaignId: fc.constantFrom('c-1', 'c-2', 'c-3', 'c-2021-12'), compliant: fc.boolean() }), { maxLength: 6 }),
      baseline: fc.option(fc.double({ min: 0.1, max: 1000, noNaN: true })),
      threshold: fc.option(fc.integer({ min: 1, max: 30 })),
    })
    .map(({ type, registered, stats, prior, baseline, threshold }): RiskInput => {
      const target = makeTarget('t', { type, qrPoints: registered ? [pcCovidPoint('t')] : [] });
      const statistics =
        stats === null
          ? null
          : statisticsOf(target, {
              days: stats.days,
              zeroScanDays: Math.floor(stats.days * stats.zeroRatio),
              totalScans: stats.totalScans,
              maxRegisteredPoints: stats.maxRegisteredPoints,
            });
      return {
        target,
        statistics,
        priorFindings: prior,
        ...(baseline === null ? {} : { kindBaselines: { [type]: baseline } }),
        ...(threshold === null ? {} : { zeroScanDaysThreshold: threshold }),
      };
    });

  it('a score is a whole number 0–100 equal to the sum of its reasons (default weights never pass 95), every reason bilingual', () => {
    fc.assert(
      fc.property(input, (i) => {
        const risk = scoreTargetRisk(i);
        expect(Number.isInteger(risk.score)).toBe(true);
        expect(risk.score).toBeGreaterThanOrEqual(0);
        expect(risk.score).toBeLessThanOrEqual(95);
        expect(risk.reasons.reduce((s, r) => s + r.points, 0)).toBe(risk.score);
        for (const r of risk.reasons) {
          expect(r.points).toBeGreaterThanOrEqual(1);
          expect(r.vi.length).toBeGreaterThan(0);
          expect(r.en.length).toBeGreaterThan(0);
        }
        expect(new Set(risk.reasons.map((r) => r.code)).size).toBe(risk.reasons.length);
        expect(scoreTargetRisk(i)).toEqual(risk);
      }),
    );
  });

  it('the documented maximum is reachable', () => {
    const target = makeTarget('t');
    const priorFindings = [
      { campaignId: 'c-1', compliant: false },
      { campaignId: 'c-2', compliant: false },
    ];
    expect(scoreTargetRisk({ target, statistics: null, priorFindings }).score).toBe(
      DEFAULT_RISK_WEIGHTS.noQrRegistered + DEFAULT_RISK_WEIGHTS.noStatistics + DEFAULT_RISK_WEIGHTS.repeatMax,
    );
  });
});
