import type { PortalStatisticsSummary } from '../contracts/storage-adapter.js';
import type { Target } from '../entities/target.js';
import { TARGET_TYPE_LABELS, isBuiltInTargetType } from '../entities/target-type.js';
import type { TargetType } from '../entities/target-type.js';
import { decimal, isWholeAtLeast, refuse } from './planning-validation.js';

/** Why a target scores: one code per rule of `scoreTargetRisk`. */
export type RiskReasonCode = 'NO_QR_REGISTERED' | 'ZERO_SCANS' | 'LOW_SCANS_FOR_KIND' | 'REPEAT_OFFENDER' | 'NO_STATISTICS';

/** One rule that added points to a target's score, explained with its figures, Vietnamese first. */
export interface RiskReason {
  code: RiskReasonCode;
  /** Points this rule added (≥ 1). */
  points: number;
  vi: string;
  en: string;
}

/** A target's risk: an integer 0–100 and the reasons that make it up, largest first. */
export interface RiskScore {
  targetId: string;
  /** 0–100; the sum of the reasons' points (capped at 100 only when custom weights exceed it). */
  score: number;
  reasons: RiskReason[];
}

/**
 * The weights of the risk rules, in points. With the defaults no target can pass 95, so a score
 * is always the exact sum of its reasons:
 * - `NO_QR_REGISTERED` — 40: no PC-Covid location code is registered (none among the target's
 *   `qrPoints` with source `pc_covid`, and the portal reports 0 registered points);
 * - `ZERO_SCANS` — 15 + up to 15: registered, but no scan on at least `zeroScanDaysThreshold` days
 *   (or on every day of a shorter period); `zeroScanMin + round(zeroScanSpread × zeroScanDays / days)`;
 * - `LOW_SCANS_FOR_KIND` — up to 20: registered, and the average scans a day are below the baseline
 *   for the target's type; `round(lowScans × (1 − average / baseline))`, counted when ≥ 1;
 * - `REPEAT_OFFENDER` — 15 per earlier campaign with a non-compliant finding, at most 30;
 * - `NO_STATISTICS` — 25: the portal has no figures for the target (no summary, or 0 days), so only a visit can tell.
 *
 * `NO_QR_REGISTERED` excludes `ZERO_SCANS` and `LOW_SCANS_FOR_KIND` (they judge a registered code);
 * `NO_STATISTICS` excludes them too (they need figures). Highest sums: 40 + 25 + 30 = 95 and 30 + 20 + 30 = 80.
 *
 * @example
 * ```ts
 * DEFAULT_RISK_WEIGHTS.noQrRegistered // 40
 * ```
 */
export const DEFAULT_RISK_WEIGHTS = Object.freeze({
  noQrRegistered: 40,
  zeroScanMin: 15,
  zeroScanSpread: 15,
  lowScans: 20,
  repeatPerCampaign: 15,
  repeatMax: 30,
  noStatistics: 25,
});
/** The weights of `scoreTargetRisk` (see `DEFAULT_RISK_WEIGHTS`). */
export type RiskWeights = { -readonly [K in keyof typeof DEFAULT_RISK_WEIGHTS]: number };

/** What `scoreTargetRisk` scores. */
export interface RiskInput {
  target: Target;
  /** The portal's totals for the target over the period, or null when it has none. */
  statistics: PortalStatisticsSummary | null;
  /** Findings of earlier rounds: one entry per campaign (or per finding) with whether it complied. */
  priorFindings?: { campaignId: string; compliant: boolean }[];
  /** Expected scans a day per target type (e.g. `{ market: 200, school: 50 }`); a type absent here is not judged on volume. */
  kindBaselines?: Partial<Record<TargetType, number>>;
  /**
   * Zero-scan days from which a registered code counts as unused.
   * @default 7
   */
  zeroScanDaysThreshold?: number;
}

/** Options of `scoreTargetRisk`. */
export interface RiskOptions {
  /**
   * Replaces some weights (each a whole number 0–100). A sum above 100 is capped at 100.
   * @default DEFAULT_RISK_WEIGHTS
   */
  weights?: Partial<RiskWeights>;
}

const SUBJECT = 'RiskInput';

function typeLabel(type: string): { vi: string; en: string } {
  if (!isBuiltInTargetType(type)) return { vi: `loại "${type}"`, en: `type "${type}"` };
  const label = TARGET_TYPE_LABELS[type];
  return { vi: label.vi, en: label.en.toLowerCase() };
}

function checkInput(input: RiskInput, options: RiskOptions | undefined): RiskWeights {
  const { target, statistics } = input;
  if (typeof target !== 'object' || target === null || typeof target.id !== 'string') refuse(SUBJECT, ['target'], 'phải là một đơn vị (Target) / must be a Target');
  if (statistics !== null) {
    if (typeof statistics !== 'object') refuse(SUBJECT, ['statistics'], 'phải là tổng hợp số liệu hoặc null / must be a summary or null');
    if (statistics.targetId !== target.id) {
      refuse(
        SUBJECT,
        ['statistics', 'targetId'],
        `số liệu của đơn vị "${String(statistics.targetId)}", không phải "${target.id}" / statistics of "${String(statistics.targetId)}", not "${target.id}"`,
      );
    }
    for (const key of ['days', 'zeroScanDays', 'totalScans', 'maxRegisteredPoints'] as const) {
      if (!isWholeAtLeast(statistics[key], 0)) refuse(SUBJECT, ['statistics', key], 'phải là số nguyên ≥ 0 / must be a whole number ≥ 0');
    }
    if (statistics.zeroScanDays > statistics.days) refuse(SUBJECT, ['statistics', 'zeroScanDays'], 'lớn hơn số ngày / exceeds days');
  }
  const threshold = input.zeroScanDaysThreshold;
  if (threshold !== undefined && !isWholeAtLeast(threshold, 1)) refuse(SUBJECT, ['zeroScanDaysThreshold'], 'phải là số nguyên ≥ 1 / must be a whole number ≥ 1');
  for (const [type, baseline] of Object.entries(input.kindBaselines ?? {})) {
    if (baseline !== undefined && !(typeof baseline === 'number' && Number.isFinite(baseline) && baseline > 0)) {
      refuse(SUBJECT, ['kindBaselines', type], 'phải là số dương / must be a positive number');
    }
  }
  (input.priorFindings ?? []).forEach((f, i) => {
    if (typeof f.campaignId !== 'string' || f.campaignId.length === 0) refuse(SUBJECT, ['priorFindings', i, 'campaignId'], 'không được để trống / must not be empty');
    if (typeof f.compliant !== 'boolean') refuse(SUBJECT, ['priorFindings', i, 'compliant'], 'phải là true hoặc false / must be a boolean');
  });
  const weights: RiskWeights = { ...DEFAULT_RISK_WEIGHTS };
  for (const [key, value] of Object.entries(options?.weights ?? {})) {
    if (!(key in DEFAULT_RISK_WEIGHTS)) refuse('RiskOptions', ['weights', key], `trọng số không có / unknown weight "${key}"`);
    if (value === undefined) continue;
    if (!isWholeAtLeast(value, 0) || value > 100) refuse('RiskOptions', ['weights', key], 'phải là số nguyên 0–100 / must be a whole number 0–100');
    weights[key as keyof RiskWeights] = value;
  }
  return weights;
}

/**
 * Scores how likely a target is to fall short on PC-Covid QR scanning, from the portal's figures
 * and earlier rounds, so the riskiest units are visited first. Pure and deterministic; every
 * point is explained, Vietnamese first, with its figures. Weights: see `DEFAULT_RISK_WEIGHTS`.
 * Findings of the target's own campaign are not "earlier" and are ignored.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) at the offending path: statistics of another
 *   target, negative counts, more zero-scan days than days, a threshold < 1, a baseline ≤ 0.
 *
 * @example
 * ```ts
 * const risk = scoreTargetRisk({ target, statistics: { targetId: target.id, districtCode: '436',
 *   days: 7, zeroScanDays: 7, totalScans: 0, maxRegisteredPoints: 1 } });
 * risk.score // 30
 * risk.reasons[0].vi // 'Đã đăng ký mã QR nhưng 0 lượt quét trong 7/7 ngày (ngưỡng 7 ngày)'
 * ```
 */
export function scoreTargetRisk(input: RiskInput, options?: RiskOptions): RiskScore {
  const w = checkInput(input, options);
  const { target, statistics } = input;
  const reasons: RiskReason[] = [];
  const add = (code: RiskReasonCode, points: number, vi: string, en: string): void => {
    if (points >= 1) reasons.push({ code, points, vi, en });
  };
  const hasStatistics = statistics !== null && statistics.days > 0;
  const registeredPoints = statistics?.maxRegisteredPoints ?? 0;
  const registered = target.qrPoints.some((p) => p.source === 'pc_covid') || registeredPoints > 0;

  if (!registered) {
    add(
      'NO_QR_REGISTERED',
      w.noQrRegistered,
      `Chưa đăng ký mã QR địa điểm PC-Covid (0 điểm trên Cổng, ${target.qrPoints.length} mã ghi nhận, không mã nào của PC-Covid)`,
      `No PC-Covid location QR code registered (0 points on the portal, ${target.qrPoints.length} codes on record, none from PC-Covid)`,
    );
  }
  if (!hasStatistics) {
    add(
      'NO_STATISTICS',
      w.noStatistics,
      statistics === null ? 'Cổng PC-Covid không có số liệu của đơn vị trong kỳ' : 'Số liệu của Cổng PC-Covid có 0 ngày trong kỳ',
      statistics === null ? 'The PC-Covid portal has no figures for the unit in the period' : "The PC-Covid portal's figures cover 0 days in the period",
    );
  }
  if (registered && hasStatistics) {
    const { days, zeroScanDays, totalScans } = statistics;
    const threshold = input.zeroScanDaysThreshold ?? 7;
    if (zeroScanDays >= Math.min(threshold, days)) {
      add(
        'ZERO_SCANS',
        w.zeroScanMin + Math.round((w.zeroScanSpread * zeroScanDays) / days),
        `Đã đăng ký mã QR nhưng 0 lượt quét trong ${zeroScanDays}/${days} ngày (ngưỡng ${threshold} ngày)`,
        `QR code registered but 0 scans on ${zeroScanDays} of ${days} days (threshold ${threshold} days)`,
      );
    }
    const baseline = input.kindBaselines?.[target.type];
    if (baseline !== undefined) {
      const average = totalScans / days;
      if (average < baseline) {
        const avg = decimal(average);
        const base = decimal(baseline);
        const kind = typeLabel(target.type);
        add(
          'LOW_SCANS_FOR_KIND',
          Math.round(w.lowScans * (1 - average / baseline)),
          `Trung bình ${avg.vi} lượt quét/ngày (${totalScans} lượt trong ${days} ngày), thấp hơn mức ${base.vi} của loại ${kind.vi}`,
          `${avg.en} scans a day on average (${totalScans} in ${days} days), below the ${base.en} expected of a ${kind.en}`,
        );
      }
    }
  }
  const offended = [...new Set((input.priorFindings ?? []).filter((f) => !f.compliant && f.campaignId !== target.campaignId).map((f) => f.campaignId))].sort();
  if (offended.length > 0) {
    const list = offended.join(', ');
    add(
      'REPEAT_OFFENDER',
      Math.min(w.repeatMax, w.repeatPerCampaign * offended.length),
      `Tái phạm: không đạt trong ${offended.length} đợt kiểm tra trước (${list})`,
      `Repeat offender: non-compliant in ${offended.length} earlier round${offended.length === 1 ? '' : 's'} (${list})`,
    );
  }
  reasons.sort((a, b) => b.points - a.points || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  return { targetId: target.id, score, reasons };
}
