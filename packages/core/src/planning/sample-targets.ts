import type { Target } from '../entities/target.js';
import { TARGET_TYPE_LABELS, isBuiltInTargetType } from '../entities/target-type.js';
import { allocateStrata } from './allocate-strata.js';
import { isWholeAtLeast, refuse } from './planning-validation.js';
import type { RiskScore } from './risk-score.js';
import { hashSeed, mulberry32 } from './seeded-random.js';

/** What `sampleTargets` draws from. */
export interface SampleInput {
  /** The population: each target with its risk (from `scoreTargetRisk`). Ids must be distinct. */
  targets: { target: Target; risk: RiskScore }[];
  /** How many targets to visit (≥ 1); the sample holds `min(size, targets.length)`. */
  size: number;
  /** The draw's seed (record it with the plan): the same seed on the same input gives the same sample. */
  seed: string | number;
  /**
   * Targets each stratum gets at least (capped by its population). When the minimums add up to more
   * than `size`, units are dealt one per stratum per round, strata with the riskiest target first.
   * @default 1
   */
  minimumPerStratum?: number;
  /**
   * The stratum of a target.
   * @default (t) => `${t.districtCode}×${t.type}`
   */
  strata?: (target: Target) => string;
}

/** One selected target, with why, Vietnamese first. */
export interface SampledTarget {
  targetId: string;
  stratum: string;
  reasonVi: string;
  reasonEn: string;
}

/** One stratum: its population and how many of it were selected. */
export interface StratumAllocation {
  key: string;
  population: number;
  allocated: number;
}

/** The result of `sampleTargets`: the selection in stratum order (keys sorted), riskiest first within each; and every stratum. */
export interface TargetSample {
  selected: SampledTarget[];
  strata: StratumAllocation[];
}

const SUBJECT = 'SampleInput';
const defaultStratum = (t: Target): string => `${t.districtCode}×${t.type}`;
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function stratumLabel(key: string, sample: Target, isDefault: boolean): { vi: string; en: string } {
  if (!isDefault) return { vi: `nhóm "${key}"`, en: `stratum "${key}"` };
  const type = isBuiltInTargetType(sample.type) ? TARGET_TYPE_LABELS[sample.type] : { vi: sample.type, en: sample.type };
  return { vi: `huyện ${sample.districtCode} × ${type.vi}`, en: `district ${sample.districtCode} × ${type.en.toLowerCase()}` };
}

function checkInput(input: SampleInput): void {
  if (!Array.isArray(input.targets)) refuse(SUBJECT, ['targets'], 'phải là một danh sách / must be a list');
  if (!isWholeAtLeast(input.size, 1))
    refuse(SUBJECT, ['size'], `cỡ mẫu phải là số nguyên ≥ 1, nhận ${String(input.size)} / the sample size must be a whole number ≥ 1, got ${String(input.size)}`);
  const minimum = input.minimumPerStratum;
  if (minimum !== undefined && !isWholeAtLeast(minimum, 0)) {
    refuse(SUBJECT, ['minimumPerStratum'], `phải là số nguyên ≥ 0, nhận ${String(minimum)} / must be a whole number ≥ 0, got ${String(minimum)}`);
  }
  const { seed } = input;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed))))
    refuse(SUBJECT, ['seed'], 'phải là chuỗi hoặc số hữu hạn / must be a string or a finite number');
  const seen = new Map<string, number>();
  input.targets.forEach(({ target, risk }, i) => {
    const first = seen.get(target.id);
    if (first !== undefined) refuse(SUBJECT, ['targets', i, 'target', 'id'], `đơn vị "${target.id}" trùng với mục ${first} / target "${target.id}" repeats entry ${first}`);
    seen.set(target.id, i);
    if (risk.targetId !== target.id)
      refuse(SUBJECT, ['targets', i, 'risk', 'targetId'], `điểm rủi ro của "${risk.targetId}", không phải "${target.id}" / risk of "${risk.targetId}", not "${target.id}"`);
    if (!isWholeAtLeast(risk.score, 0) || risk.score > 100) refuse(SUBJECT, ['targets', i, 'risk', 'score'], 'phải là số nguyên 0–100 / must be a whole number 0–100');
  });
}

/**
 * Draws the targets to visit: stratified by district × target type, allocated in proportion to
 * each stratum's population (largest remainder) with a minimum per stratum, and within a stratum
 * the highest risk first. Ties in risk are ordered by a seeded generator (mulberry32 over a hash of
 * the seed and the target id), so the same seed gives the same sample whatever the input's order,
 * and another seed changes only which of the tied targets are taken. Each selection says why.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) at the path: `size` < 1, a negative
 *   `minimumPerStratum`, a target id twice, a risk of another target or outside 0–100.
 *
 * @example
 * ```ts
 * const targets = list.map((target) => ({ target, risk: scoreTargetRisk({ target, statistics: stats.get(target.id) ?? null }) }));
 * const { selected } = sampleTargets({ targets, size: 20, seed: 'HT-2021-12' });
 * selected[0].reasonVi // 'rủi ro 50/100, cao nhất (1/4) trong huyện 436 × Chợ, chọn 2/4 theo phân bổ; lý do chính: …'
 * ```
 */
export function sampleTargets(input: SampleInput): TargetSample {
  checkInput(input);
  const stratumOf = input.strata ?? defaultStratum;
  const seedText = `${typeof input.seed === 'number' ? String(input.seed) : input.seed}\u0000`;
  const groups = new Map<string, { target: Target; risk: RiskScore; draw: number }[]>();
  for (const { target, risk } of input.targets) {
    const key = stratumOf(target);
    if (typeof key !== 'string') refuse(SUBJECT, ['strata'], 'phải trả về một chuỗi / must return a string');
    const draw = mulberry32(hashSeed(seedText + target.id))();
    const group = groups.get(key) ?? [];
    group.push({ target, risk, draw });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => b.risk.score - a.risk.score || a.draw - b.draw || byKey(a.target.id, b.target.id));
  }
  const keys = [...groups.keys()].sort(byKey);
  const size = Math.min(input.size, input.targets.length);
  const allocation = allocateStrata(
    keys.map((key) => {
      const group = groups.get(key) ?? [];
      return { key, population: group.length, priority: group[0]?.risk.score ?? 0 };
    }),
    size,
    input.minimumPerStratum ?? 1,
  );

  const selected: SampledTarget[] = [];
  const strata: StratumAllocation[] = [];
  for (const key of keys) {
    const group = groups.get(key) ?? [];
    const allocated = allocation.get(key) ?? 0;
    strata.push({ key, population: group.length, allocated });
    if (group[0] === undefined) continue;
    const label = stratumLabel(key, group[0].target, input.strata === undefined);
    const sameScore = new Map<number, number>();
    for (const g of group) sameScore.set(g.risk.score, (sameScore.get(g.risk.score) ?? 0) + 1);
    group.slice(0, allocated).forEach(({ target, risk }, i) => {
      const tied = (sameScore.get(risk.score) ?? 1) - 1;
      const rank =
        i === 0 ? { vi: `cao nhất (1/${group.length})`, en: `highest (1 of ${group.length})` } : { vi: `thứ ${i + 1}/${group.length}`, en: `ranked ${i + 1} of ${group.length}` };
      const tie =
        tied > 0
          ? { vi: `; bằng điểm với ${tied} đơn vị khác, thứ tự bốc thăm theo hạt giống`, en: `; tied with ${tied} other${tied === 1 ? '' : 's'}, order drawn from the seed` }
          : { vi: '', en: '' };
      const top = risk.reasons[0];
      const why = top === undefined ? { vi: '', en: '' } : { vi: `; lý do chính: ${top.vi}`, en: `; main reason: ${top.en}` };
      selected.push({
        targetId: target.id,
        stratum: key,
        reasonVi: `rủi ro ${risk.score}/100, ${rank.vi} trong ${label.vi}, chọn ${allocated}/${group.length} theo phân bổ${tie.vi}${why.vi}`,
        reasonEn: `risk ${risk.score}/100, ${rank.en} in ${label.en}, ${allocated} of ${group.length} selected by allocation${tie.en}${why.en}`,
      });
    });
  }
  return { selected, strata };
}
