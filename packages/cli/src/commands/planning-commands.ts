import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  InvalidTransitionError,
  planSchedule,
  sampleTargets,
  scoreTargetRisk,
  type PortalStatisticsSummary,
  type QueryPage,
  type ScheduleVehicle,
  type StorageAdapter,
  type Target,
  type Team,
} from '@pccovid-inspect/core';
import { checkInterrupted, type CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { isPostgresUrl } from '../context.js';
import { ProgressBar } from '../progress.js';
import { withSession } from './session.js';

/** @internal Where `sample` writes and `schedule` reads the sample by default. */
function defaultSampleFile(db: string): string {
  return isPostgresUrl(db) ? resolve('pccovid-inspect.sample.json') : `${resolve(db)}.sample.json`;
}

/** Every target of the campaign, page by page. */
async function loadTargets(storage: StorageAdapter, tenantId: string, campaignId: string): Promise<Target[]> {
  const out: Target[] = [];
  let cursor: string | null = null;
  do {
    const page: QueryPage<Target> = await storage.query<Target>({ collection: 'targets', tenantId, where: { campaignId }, limit: 1000, cursor });
    for (const r of page.items) out.push(r.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

/** The written sample: what `schedule` reads. */
interface SampleFile {
  campaignId: string;
  size: number;
  seed: string;
  selected: { targetId: string; districtCode: string; stratum: string; score: number; reasonVi: string; reasonEn: string }[];
}

/** @internal `sample --size N --seed S`: risk scores (with the portal's statistics when imported), then a stratified draw. */
export async function sampleCommand(env: CommandEnv, opts: { size: string; seed: string; out?: string }): Promise<void> {
  const size = Number(opts.size);
  if (!Number.isInteger(size) || size < 1) throw new UsageError('--size phải là số nguyên ≥ 1', '--size must be a whole number ≥ 1');
  const file = resolve(opts.out ?? defaultSampleFile(env.global.db));
  await withSession(env, async ({ storage, workspace }) => {
    const tenantId = workspace.province.tenant.id;
    const targets = await loadTargets(storage, tenantId, workspace.campaignId);
    const period = (workspace.campaign.campaign as { period: { from: string; to: string } }).period;
    const stats = new Map<string, PortalStatisticsSummary>();
    if (storage.capabilities.portalStatistics && storage.summarizePortalStatistics) {
      // The portal's figures over the month before the campaign.
      const from = new Date(Date.parse(`${period.from}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
      for (const s of await storage.summarizePortalStatistics(tenantId, { from, to: period.to })) stats.set(s.targetId, s);
    }
    const bar = new ProgressBar(env.io, !env.global.json, 'rủi ro / risk');
    const scored = targets.map((target, i) => {
      if (i % 500 === 0) bar.update(i / Math.max(targets.length, 1), `${i}/${targets.length}`);
      return { target, risk: scoreTargetRisk({ target, statistics: stats.get(target.id) ?? null }) };
    });
    bar.done();
    checkInterrupted(env.signal);
    const sample = sampleTargets({ targets: scored, size, seed: opts.seed });
    const byId = new Map(scored.map((s) => [s.target.id, s]));
    const result: SampleFile = {
      campaignId: workspace.campaignId,
      size,
      seed: opts.seed,
      selected: sample.selected.map((s) => ({
        targetId: s.targetId,
        districtCode: byId.get(s.targetId)!.target.districtCode,
        stratum: s.stratum,
        score: byId.get(s.targetId)!.risk.score,
        reasonVi: s.reasonVi,
        reasonEn: s.reasonEn,
      })),
    };
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    env.out.result({ file, ...result, strata: sample.strata }, () => {
      env.out.say(
        `Chọn ${result.selected.length}/${targets.length} đơn vị; ghi vào ${file}`,
        `Selected ${result.selected.length} of ${targets.length} targets; written to ${file}`,
      );
      for (const s of result.selected) env.out.line(`  ${s.targetId.padEnd(24)} ${String(s.score).padStart(3)}  ${s.stratum}  ${env.out.text(s.reasonVi, s.reasonEn)}`);
    });
  });
}

/** @internal Options of `schedule`. */
export interface ScheduleOptions {
  sample?: string;
  seed: string;
  vehicles?: string;
  perDay: string;
}

/**
 * @internal `schedule`: `planSchedule` over the sample (or every target), `visit.schedule` for each
 * planned visit not yet stored (so a rerun after Ctrl-C goes on), then `schedule.fix`.
 */
export async function scheduleCommand(env: CommandEnv, opts: ScheduleOptions): Promise<void> {
  const perDay = Number(opts.perDay);
  if (!Number.isInteger(perDay) || perDay < 1) throw new UsageError('--per-day phải là số nguyên ≥ 1', '--per-day must be a whole number ≥ 1');
  const vehicles: ScheduleVehicle[] = opts.vehicles ? (JSON.parse(readFileSync(resolve(opts.vehicles), 'utf8')) as ScheduleVehicle[]) : [];
  await withSession(env, async ({ storage, workspace, service, actor }) => {
    const tenantId = workspace.province.tenant.id;
    const record = workspace.campaign as { campaign: { period: { from: string; to: string } }; team: Team | null };
    if (record.team === null) {
      throw new InvalidTransitionError({
        machineId: 'campaign',
        state: (workspace.campaign as { lifecycle?: { value?: string } }).lifecycle?.value ?? 'draft',
        event: 'schedule',
        reasonVi: 'chưa thành lập Tổ kiểm tra (pccovid-inspect run team.form)',
        reasonEn: 'no team has been formed yet (pccovid-inspect run team.form)',
      });
    }
    const sampleFile = resolve(opts.sample ?? defaultSampleFile(env.global.db));
    let selected: { targetId: string; districtCode: string }[];
    if (existsSync(sampleFile)) selected = (JSON.parse(readFileSync(sampleFile, 'utf8')) as SampleFile).selected;
    else if (opts.sample !== undefined) throw new UsageError(`không có tệp mẫu ${sampleFile}`, `no sample file ${sampleFile}`, 'pccovid-inspect sample --size 60 --seed 2021');
    else selected = (await loadTargets(storage, tenantId, workspace.campaignId)).map((t) => ({ targetId: t.id, districtCode: t.districtCode }));

    const plan = planSchedule({ campaignPeriod: record.campaign.period, selected, team: record.team, vehicles, visitsPerDayPerGroup: perDay, seed: opts.seed });
    const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
    const bar = new ProgressBar(env.io, !env.global.json, 'lịch / schedule');
    let created = 0;
    for (const [i, v] of plan.visits.entries()) {
      checkInterrupted(env.signal);
      const visitId = `visit-${v.targetId}`;
      if ((await storage.get('visits', tenantId, visitId)) !== null) continue;
      const vehicle = v.vehicleId === null ? null : vehicleById.get(v.vehicleId)!;
      await service.scheduleVisit(actor, {
        visitId,
        campaignId: workspace.campaignId,
        targetId: v.targetId,
        scheduledOn: v.scheduledOn,
        memberIds: v.memberIds,
        vehicle: vehicle === null ? null : { description: vehicle.description, providedByOrganizationId: vehicle.providedByOrganizationId },
      });
      created += 1;
      bar.update((i + 1) / plan.visits.length, `${i + 1}/${plan.visits.length}`);
    }
    bar.done();
    checkInterrupted(env.signal);
    const fixed = await service.fixSchedule(actor, { campaignId: workspace.campaignId });
    env.out.result({ planned: plan.visits.length, created, unscheduled: plan.unscheduled, campaign: fixed }, () => {
      env.out.say(`Đã lập ${plan.visits.length} cuộc kiểm tra (${created} mới) và chốt lịch`, `Scheduled ${plan.visits.length} visits (${created} new) and fixed the schedule`);
      for (const u of plan.unscheduled) env.out.line(`  ! ${u.targetId}: ${env.out.text(u.reasonVi, u.reasonEn)}`);
    });
  });
}
