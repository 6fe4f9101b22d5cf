import type { PortalStatisticsSummary } from '../contracts/storage-adapter.js';
import type { CivilDateRange } from '../entities/primitives.js';
import type { ServiceContext } from './service-context.js';

/** The PC-Covid portal's figures for one unit over a period (what the minutes and the report print). */
export interface PortalUnitFigures {
  /** QR points declared: the most location points the unit had registered on any day. */
  qrPoints: number;
  /** Scans over the period. */
  scans: number;
  /** Days the portal has figures for. */
  days: number;
  /** Days among those with no scan at all. */
  zeroScanDays: number;
}

/** The portal's figures of the units inspected in one district, with their verdicts. */
export interface PortalDistrictFigures extends PortalUnitFigures {
  districtCode: string;
  /** Units inspected (visits settled). */
  inspected: number;
  /** Of those, units found compliant. */
  compliant: number;
  /** Of those, units the portal has figures for. */
  withFigures: number;
}

/** The portal's figures for the units a document names, over `period`; `null` where the portal has none. */
export interface PortalFigures {
  period: CivilDateRange;
  /** By target id; a unit the portal has no figures for is absent. */
  units: ReadonlyMap<string, PortalUnitFigures>;
  /** One row per district, in the order the units' districts first appear. */
  districts: PortalDistrictFigures[];
}

/** An inspected unit as `portalFigures` counts it. */
export interface PortalFiguresUnit {
  targetId: string;
  districtCode: string;
  compliant: boolean;
}

/**
 * The days a document's portal figures cover: the campaign period, cut at the document's date
 * (figures after it were not known when it was signed); `null` when the document predates the
 * period.
 */
export function portalRange(period: CivilDateRange, documentDate: string): CivilDateRange | null {
  const to = period.to < documentDate ? period.to : documentDate;
  return to < period.from ? null : { from: period.from, to };
}

/**
 * The portal's figures for `units` over `range`, from the adapter's per-target totals: per unit
 * (most QR points declared, scans, days with figures, zero-scan days) and per district (units
 * inspected and compliant, and the sums over the distinct units the portal has figures for). Pure.
 * `null` — the document then says the portal has no figures — when `summaries` is `null` (the
 * storage has no portal statistics), the range is empty, or no unit has a day of figures.
 *
 * @example
 * ```ts
 * portalFigures([{ targetId: 'tg-1', districtCode: '436', days: 7, zeroScanDays: 1, totalScans: 420, maxRegisteredPoints: 3 }],
 *   { from: '2021-12-01', to: '2021-12-07' }, [{ targetId: 'tg-1', districtCode: '436', compliant: true }])
 *   ?.units.get('tg-1') // { qrPoints: 3, scans: 420, days: 7, zeroScanDays: 1 }
 * ```
 */
export function portalFigures(summaries: readonly PortalStatisticsSummary[] | null, range: CivilDateRange | null, units: readonly PortalFiguresUnit[]): PortalFigures | null {
  if (summaries === null || range === null) return null;
  const wanted = new Set(units.map((u) => u.targetId));
  const byTarget = new Map<string, PortalUnitFigures>();
  for (const s of summaries) {
    if (!wanted.has(s.targetId) || s.days <= 0) continue;
    // A target moved between districts has one summary per district code: its figures add up.
    const had = byTarget.get(s.targetId);
    byTarget.set(s.targetId, {
      qrPoints: Math.max(had?.qrPoints ?? 0, s.maxRegisteredPoints),
      scans: (had?.scans ?? 0) + s.totalScans,
      days: (had?.days ?? 0) + s.days,
      zeroScanDays: (had?.zeroScanDays ?? 0) + s.zeroScanDays,
    });
  }
  if (byTarget.size === 0) return null;
  const districts = new Map<string, { inspected: number; compliant: number; targets: Set<string> }>();
  for (const u of units) {
    const d = districts.get(u.districtCode) ?? { inspected: 0, compliant: 0, targets: new Set<string>() };
    d.inspected += 1;
    if (u.compliant) d.compliant += 1;
    if (byTarget.has(u.targetId)) d.targets.add(u.targetId);
    districts.set(u.districtCode, d);
  }
  return {
    period: range,
    units: byTarget,
    districts: [...districts].map(([districtCode, d]) => {
      const figures = [...d.targets].map((t) => byTarget.get(t)!);
      const total = (key: keyof PortalUnitFigures) => figures.reduce((sum, f) => sum + f[key], 0);
      return {
        districtCode,
        inspected: d.inspected,
        compliant: d.compliant,
        withFigures: figures.length,
        qrPoints: total('qrPoints'),
        scans: total('scans'),
        days: total('days'),
        zeroScanDays: total('zeroScanDays'),
      };
    }),
  };
}

/**
 * Reads the portal's per-target totals through the guarded storage, when the adapter declares
 * `capabilities.portalStatistics`; `null` when it does not, or when there is nothing to ask for
 * (no range, no target). Errors of the adapter propagate (a report is never built on a failed read).
 */
export async function readPortalStatistics(ctx: ServiceContext, range: CivilDateRange | null, targetIds: readonly string[]): Promise<PortalStatisticsSummary[] | null> {
  if (ctx.storage.adapter.capabilities.portalStatistics !== true || range === null || targetIds.length === 0) return null;
  return ctx.storage.summarizePortalStatistics(ctx.tenant.id, { from: range.from, to: range.to, targetIds: [...new Set(targetIds)].sort() });
}

/**
 * The portal's figures for `units` over the campaign `period` up to `documentDate`: the read
 * (`readPortalStatistics`) then the pure step (`portalFigures`).
 */
export async function loadPortalFigures(ctx: ServiceContext, period: CivilDateRange, documentDate: string, units: readonly PortalFiguresUnit[]): Promise<PortalFigures | null> {
  const range = portalRange(period, documentDate);
  return portalFigures(
    await readPortalStatistics(
      ctx,
      range,
      units.map((u) => u.targetId),
    ),
    range,
    units,
  );
}
