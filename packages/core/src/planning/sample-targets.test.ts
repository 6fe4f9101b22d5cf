import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import type { RiskScore } from './risk-score.js';
import { scoreTargetRisk } from './risk-score.js';
import { sampleTargets } from './sample-targets.js';
import type { SampleInput } from './sample-targets.js';
import { hashSeed, mulberry32 } from './seeded-random.js';
import { makeTarget, pcCovidPoint, statisticsOf } from './test-support.js';

const riskOf = (targetId: string, score: number): RiskScore => ({
  targetId,
  score,
  reasons: score > 0 ? [{ code: 'NO_STATISTICS', points: score, vi: 'Cổng PC-Covid không có số liệu', en: 'No portal figures' }] : [],
});

function validationPath(run: () => unknown): (string | number)[] | undefined {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues[0]?.path;
    throw error;
  }
  return undefined;
}

describe('seeded generator', () => {
  it('gives the same sequence for the same seed and numbers in [0, 1)', () => {
    const a = mulberry32(hashSeed('HT-2021-12'));
    const b = mulberry32(hashSeed('HT-2021-12'));
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(hashSeed(7)).toBe(hashSeed('7'));
    expect(hashSeed('Kỳ Anh')).toBe(hashSeed('Kỳ Anh'.normalize('NFD')));
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
  });
});

describe('sampleTargets: worked example / ví dụ', () => {
  // Two districts: 436 (TP Hà Tĩnh) with 4 markets and 2 schools, 442 (Kỳ Anh) with 2 markets.
  const markets436 = ['cho-ha-tinh', 'cho-tan-giang', 'cho-nam-ha', 'cho-bac-ha'].map((id) => makeTarget(id));
  const schools436 = ['thpt-pdp', 'thcs-le-van-thiem'].map((id) => makeTarget(id, { type: 'school' }));
  const markets442 = ['cho-ky-anh', 'cho-ky-dong'].map((id) => makeTarget(id, { districtCode: '442' }));
  const statistics = new Map([
    ['cho-ha-tinh', { days: 7, zeroScanDays: 7, totalScans: 0, maxRegisteredPoints: 1 }],
    ['cho-tan-giang', { days: 7, zeroScanDays: 0, totalScans: 900, maxRegisteredPoints: 1 }],
    ['cho-nam-ha', { days: 7, zeroScanDays: 1, totalScans: 300, maxRegisteredPoints: 1 }],
    ['cho-bac-ha', { days: 7, zeroScanDays: 0, totalScans: 1400, maxRegisteredPoints: 2 }],
    ['thpt-pdp', { days: 7, zeroScanDays: 0, totalScans: 350, maxRegisteredPoints: 1 }],
    ['cho-ky-anh', { days: 7, zeroScanDays: 0, totalScans: 1400, maxRegisteredPoints: 1 }],
    ['cho-ky-dong', { days: 7, zeroScanDays: 0, totalScans: 1400, maxRegisteredPoints: 1 }],
  ]);
  const targets = [...markets436, ...schools436, ...markets442].map((target) => {
    const figures = statistics.get(target.id);
    const withCode = figures === undefined ? target : { ...target, qrPoints: [pcCovidPoint(target.id)] };
    const risk = scoreTargetRisk({ target: withCode, statistics: figures === undefined ? null : statisticsOf(withCode, figures), kindBaselines: { market: 200, school: 50 } });
    return { target: withCode, risk };
  });

  it('allocates in proportion with a minimum of one per stratum and explains each choice', () => {
    const sample = sampleTargets({ targets, size: 4, seed: 'HT-2021-12' });
    expect(sample.strata).toEqual([
      { key: '436×market', population: 4, allocated: 2 },
      { key: '436×school', population: 2, allocated: 1 },
      { key: '442×market', population: 2, allocated: 1 },
    ]);
    expect(sample.selected.map((s) => s.targetId).slice(0, 3)).toEqual(['cho-ha-tinh', 'cho-nam-ha', 'thcs-le-van-thiem']);
    expect(sample.selected[0]).toEqual({
      targetId: 'cho-ha-tinh',
      stratum: '436×market',
      reasonVi: 'rủi ro 50/100, cao nhất (1/4) trong huyện 436 × Chợ, chọn 2/4 theo phân bổ; lý do chính: Đã đăng ký mã QR nhưng 0 lượt quét trong 7/7 ngày (ngưỡng 7 ngày)',
      reasonEn:
        'risk 50/100, highest (1 of 4) in district 436 × market, 2 of 4 selected by allocation; main reason: QR code registered but 0 scans on 7 of 7 days (threshold 7 days)',
    });
    expect(sample.selected[2]?.reasonVi).toBe(
      'rủi ro 65/100, cao nhất (1/2) trong huyện 436 × Trường học, chọn 1/2 theo phân bổ; lý do chính: Chưa đăng ký mã QR địa điểm PC-Covid (0 điểm trên Cổng, 0 mã ghi nhận, không mã nào của PC-Covid)',
    );
    // Kỳ Anh's two markets tie at 0: the seed decides, and says so.
    expect(sample.selected[3]?.reasonVi).toMatch(
      /^rủi ro 0\/100, cao nhất \(1\/2\) trong huyện 442 × Chợ, chọn 1\/2 theo phân bổ; bằng điểm với 1 đơn vị khác, thứ tự bốc thăm theo hạt giống$/,
    );
    expect(sampleTargets({ targets: [...targets].reverse(), size: 4, seed: 'HT-2021-12' })).toEqual(sample);
  });

  it('when the minimums exceed the size, one per stratum is dealt, the riskiest strata first', () => {
    const sample = sampleTargets({ targets, size: 2, seed: 1, minimumPerStratum: 2 });
    expect(sample.strata.map((s) => s.allocated)).toEqual([1, 1, 0]);
    expect(sampleTargets({ targets, size: 5, seed: 1, minimumPerStratum: 2 }).strata.map((s) => s.allocated)).toEqual([2, 2, 1]);
  });

  it('a custom stratum function and a size above the population', () => {
    const sample = sampleTargets({ targets, size: 100, seed: 's', strata: (t) => t.districtCode });
    expect(sample.selected).toHaveLength(targets.length);
    expect(sample.strata).toEqual([
      { key: '436', population: 6, allocated: 6 },
      { key: '442', population: 2, allocated: 2 },
    ]);
    expect(sample.selected[0]?.reasonEn).toContain('in stratum "436"');
  });
});

describe('sampleTargets: seeds', () => {
  it('different seeds draw different targets among ties', () => {
    const targets = Array.from({ length: 20 }, (_, i) => ({ target: makeTarget(`tie-${i}`), risk: riskOf(`tie-${i}`, 40) }));
    const ids = (seed: string): string[] => sampleTargets({ targets, size: 5, seed }).selected.map((s) => s.targetId);
    expect(ids('đợt-1')).toEqual(ids('đợt-1'));
    expect(ids('đợt-1')).not.toEqual(ids('đợt-2'));
  });
});

describe('sampleTargets: bad input / dữ liệu sai', () => {
  const t = makeTarget('a');
  const base: SampleInput = { targets: [{ target: t, risk: riskOf('a', 10) }], size: 1, seed: 'x' };
  it.each<[string, SampleInput, (string | number)[]]>([
    ['size 0', { ...base, size: 0 }, ['size']],
    ['size 1.5', { ...base, size: 1.5 }, ['size']],
    ['negative minimum', { ...base, minimumPerStratum: -1 }, ['minimumPerStratum']],
    ['duplicate target id', { ...base, targets: [...base.targets, { target: makeTarget('a', { type: 'school' }), risk: riskOf('a', 0) }] }, ['targets', 1, 'target', 'id']],
    ['risk of another target', { ...base, targets: [{ target: t, risk: riskOf('b', 1) }] }, ['targets', 0, 'risk', 'targetId']],
    ['score above 100', { ...base, targets: [{ target: t, risk: riskOf('a', 101) }] }, ['targets', 0, 'risk', 'score']],
    ['infinite seed', { ...base, seed: Infinity }, ['seed']],
  ])('%s → ValidationError at its path', (_name, input, path) => {
    expect(validationPath(() => sampleTargets(input))).toEqual(path);
  });
});

describe('sampleTargets: properties', () => {
  const population = fc
    .array(
      fc.record({ district: fc.constantFrom('436', '442', '443'), type: fc.constantFrom('market', 'school', 'business'), score: fc.constantFrom(0, 10, 30, 50, 65, 80, 95) }),
      { maxLength: 60 },
    )
    .map((rows) => rows.map((r, i) => ({ target: makeTarget(`t-${i}`, { districtCode: r.district, type: r.type }), risk: riskOf(`t-${i}`, r.score) })));
  const arbitrary = fc.record({
    targets: population,
    size: fc.integer({ min: 1, max: 70 }),
    minimum: fc.integer({ min: 0, max: 5 }),
    seed: fc.oneof(fc.string(), fc.integer()),
    other: fc.oneof(fc.string(), fc.integer()),
  });

  it('size, minimums, no target twice, riskiest first, determinism; another seed changes only tie order', () => {
    fc.assert(
      fc.property(arbitrary, ({ targets, size, minimum, seed, other }) => {
        const input = { targets, size, seed, minimumPerStratum: minimum };
        const sample = sampleTargets(input);
        const n = Math.min(size, targets.length);
        expect(sample.selected).toHaveLength(n);
        expect(sample.strata.reduce((s, x) => s + x.allocated, 0)).toBe(n);
        expect(new Set(sample.selected.map((s) => s.targetId)).size).toBe(n);
        const floors = sample.strata.reduce((s, x) => s + Math.min(minimum, x.population), 0);
        for (const s of sample.strata) {
          expect(s.allocated).toBeLessThanOrEqual(s.population);
          if (floors <= n) expect(s.allocated).toBeGreaterThanOrEqual(Math.min(minimum, s.population));
          else expect(s.allocated).toBeLessThanOrEqual(Math.min(minimum, s.population));
        }
        if (floors > n) {
          // Dealt round by round: strata not yet at their floor differ by at most one.
          const open = sample.strata.filter((s) => s.allocated < Math.min(minimum, s.population)).map((s) => s.allocated);
          if (open.length > 0) expect(Math.max(...sample.strata.map((s) => s.allocated)) - Math.min(...open)).toBeLessThanOrEqual(1);
        }
        // Within a stratum, no unselected target outranks a selected one.
        const scoreOf = new Map(targets.map((t) => [t.target.id, t.risk.score]));
        const chosen = new Set(sample.selected.map((s) => s.targetId));
        for (const s of sample.strata) {
          const members = targets.filter((t) => `${t.target.districtCode}×${t.target.type}` === s.key);
          const lowestChosen = Math.min(...members.filter((m) => chosen.has(m.target.id)).map((m) => m.risk.score));
          for (const m of members) if (!chosen.has(m.target.id)) expect(m.risk.score).toBeLessThanOrEqual(lowestChosen);
        }
        expect(sampleTargets(input)).toEqual(sample);
        const again = sampleTargets({ ...input, seed: other });
        expect(again.strata).toEqual(sample.strata);
        const scoresByStratum = (x: typeof sample): Record<string, number[]> => {
          const out: Record<string, number[]> = {};
          for (const s of x.selected) (out[s.stratum] ??= []).push(scoreOf.get(s.targetId) ?? -1);
          return out;
        };
        expect(scoresByStratum(again)).toEqual(scoresByStratum(sample));
      }),
      { numRuns: 300 },
    );
  });

  it('proportional: without minimums each stratum gets its quota rounded down or up', () => {
    fc.assert(
      fc.property(arbitrary, ({ targets, size, seed }) => {
        const sample = sampleTargets({ targets, size, seed, minimumPerStratum: 0 });
        const n = Math.min(size, targets.length);
        for (const s of sample.strata) {
          const quota = (n * s.population) / targets.length;
          expect(s.allocated).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(s.allocated).toBeLessThanOrEqual(Math.ceil(quota));
        }
      }),
    );
  });
});
