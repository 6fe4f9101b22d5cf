import { z } from 'zod';
import { applyLifecycleEvent, startLifecycle, lifecycleState } from '../../lifecycle/lifecycle-api.js';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema, TextSchema } from '../../entities/primitives.js';
import { TargetSchema, type Target } from '../../entities/target.js';
import { ValidationError } from '../../errors/validation-error.js';
import { InvalidTransitionError } from '../../errors/invalid-transition-error.js';
import { campaignWrite, commitMain } from '../commit-helpers.js';
import { defineCommand } from '../define-command.js';
import { partnerNotices, vehicleRequests } from '../partner-notices.js';
import { COLLECTIONS, VisitRecordSchema, stateOf, visitIndexes, type CampaignRecord, type VisitRecord } from '../records.js';
import { load, loadAll, templateFor, type ServiceContext } from '../service-context.js';
import { LEADERSHIP } from './command-roles.js';
import { CampaignIdInput, STEP_ERRORS, loadCampaign } from './command-common.js';
import { newTargetWrite, targetIssues } from './target-commands.js';

function invalid(subject: string, path: (string | number)[], message: string): ValidationError {
  return new ValidationError({ subject, issues: [{ path, code: 'custom', message }] });
}

const loadTarget = (ctx: ServiceContext, id: string) => load(ctx, COLLECTIONS.targets, id, TargetSchema);
const visitWrite = (version: number, r: VisitRecord) => ({
  collection: COLLECTIONS.visits,
  id: r.visit.id,
  data: r,
  indexes: visitIndexes(r),
  expectedVersion: version,
  state: stateOf(r.lifecycle),
});

/**
 * Registers a unit to inspect; its type must be in the campaign's scope. Its name is indexed
 * folded (`nameFolded`) for `targets.search`. For many at once, `targets.register`.
 */
export const registerTarget = defineCommand({
  name: 'target.register',
  summary: { vi: 'Đăng ký đơn vị được kiểm tra', en: "Registers a unit to inspect; its type must be in the campaign's scope" },
  input: z.strictObject({ target: TargetSchema }),
  roles: [...LEADERSHIP, 'secretary'],
  errors: ['NOT_FOUND', 'CONFLICT'],
  async run(ctx, a, { target }) {
    if (target.tenantId !== ctx.tenant.id) throw invalid('target.register', ['target', 'tenantId'], `tenant must be ${ctx.tenant.id}`);
    const campaign = await loadCampaign(ctx, target.campaignId);
    const [issue] = targetIssues(ctx, campaign.data, target, ['target']);
    if (issue) throw new ValidationError({ subject: 'target.register', issues: [issue] });
    return commitMain(ctx, a, 'target.register', newTargetWrite(target));
  },
});

/**
 * Schedules a visit: a day in the campaign period, members of the team (the district's
 * Culture-Information nominee is required at start when one was nominated), and the vehicle
 * the Department office provides. Once the schedule is fixed, adding a visit also notifies
 * the partners — never the target.
 */
export const scheduleVisit = defineCommand({
  name: 'visit.schedule',
  summary: {
    vi: 'Xếp lịch một cuộc kiểm tra (không báo cho đơn vị được kiểm tra)',
    en: 'Schedules a visit: a day in the period, team members, a vehicle; partners are told, never the target',
  },
  input: z.strictObject({
    visitId: IdSchema,
    campaignId: IdSchema,
    targetId: IdSchema,
    scheduledOn: CivilDateSchema,
    memberIds: boundedList(IdSchema, INPUT_LIMITS.lists.teamMembers, 'thành viên / members').min(1),
    vehicle: z.strictObject({ description: ShortTextSchema, providedByOrganizationId: IdSchema }).nullable().default(null),
  }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const campaign = await loadCampaign(ctx, cmd.campaignId);
    const target = (await loadTarget(ctx, cmd.targetId)).data;
    const c = campaign.data.campaign;
    if (target.campaignId !== c.id) throw invalid('visit.schedule', ['targetId'], 'the target belongs to another campaign');
    if (cmd.scheduledOn < c.period.from || cmd.scheduledOn > c.period.to) {
      throw invalid('visit.schedule', ['scheduledOn'], `must fall within the campaign period ${c.period.from}…${c.period.to}`);
    }
    const team = campaign.data.team;
    if (!team)
      throw new InvalidTransitionError({
        machineId: 'campaign',
        state: stateOf(campaign.data.lifecycle),
        event: 'visit.schedule',
        reasonVi: 'chưa thành lập Tổ kiểm tra',
        reasonEn: 'no team formed yet',
      });
    const teamIds = new Set(team.members.map((m) => m.personId));
    cmd.memberIds.forEach((id, i) => {
      if (!teamIds.has(id)) throw invalid('visit.schedule', ['memberIds', i], 'not a member of the team');
    });
    const template = templateFor(ctx, c.checklist);
    const lifecycle = startLifecycle('visit', {
      visitId: cmd.visitId,
      districtCode: target.districtCode,
      nominatedDistrictRepIds: campaign.data.nominations.filter((n) => n.districtCode === target.districtCode).map((n) => n.personId),
      assignedMemberIds: cmd.memberIds,
      requiredItemIds: template.sections.flatMap((s) => s.items.filter((i) => i.required).map((i) => i.id)),
      windowEnd: cmd.scheduledOn,
    });
    const record: VisitRecord = {
      visit: {
        tenantId: ctx.tenant.id,
        id: cmd.visitId,
        campaignId: c.id,
        targetId: target.id,
        districtCode: target.districtCode,
        scheduledOn: cmd.scheduledOn,
        memberIds: cmd.memberIds,
        vehicle: cmd.vehicle,
        checklist: c.checklist,
        startedAt: null,
        endedAt: null,
        cancelledReason: null,
      },
      lifecycle,
      response: null,
      verdict: null,
      minutes: null,
      unannounced: c.form === 'unannounced',
    };
    const campaignState = lifecycleState(campaign.data.lifecycle).state;
    if (campaignState === 'scheduled' || campaignState === 'inspecting') {
      // Written with the visit (a small, bounded record): a `reporting.begin` that counted
      // the visits before this one was added then fails on the campaign's version.
      const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'visit.add', visitId: cmd.visitId });
      const next: CampaignRecord = { ...campaign.data, lifecycle: r.persisted };
      return commitMain(ctx, a, 'visit.schedule', visitWrite(0, record), {
        writes: [campaignWrite(campaign, c.id, next)],
        outbox: partnerNotices(team, [record.visit], new Map([[target.id, target]])),
      });
    }
    if (campaignState !== 'teamFormed') {
      throw new InvalidTransitionError({ machineId: 'campaign', state: String(campaignState), event: 'visit.schedule' });
    }
    return commitMain(ctx, a, 'visit.schedule', visitWrite(0, record));
  },
});

/**
 * Fixes the schedule: the campaign moves to `scheduled` (refused with no visit) and the partners
 * are told, one message per visit. Reads every visit of the campaign: that is what it announces.
 */
export const fixSchedule = defineCommand({
  name: 'schedule.fix',
  summary: { vi: 'Chốt lịch kiểm tra; báo lịch cho cơ quan phối hợp', en: 'Fixes the schedule: the campaign moves to scheduled and the partners are told, one message per visit' },
  input: CampaignIdInput,
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const campaign = await loadCampaign(ctx, cmd.campaignId);
    const visits = (await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId: cmd.campaignId } }, VisitRecordSchema)).filter(
      (v) => stateOf(v.data.lifecycle) !== 'cancelled',
    );
    const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'schedule.fix', visits: visits.length });
    const targets = new Map<string, Target>();
    for (const v of visits) targets.set(v.data.visit.targetId, (await loadTarget(ctx, v.data.visit.targetId)).data);
    const next: CampaignRecord = { ...campaign.data, lifecycle: r.persisted };
    return commitMain(ctx, a, 'schedule.fix', campaignWrite(campaign, cmd.campaignId, next), {
      outbox: [
        ...partnerNotices(
          campaign.data.team!,
          visits.map((v) => v.data.visit),
          targets,
        ),
        ...vehicleRequests(visits.map((v) => v.data.visit)),
      ],
      details: { visits: visits.length },
    });
  },
});

/**
 * Cancels a visit that has not started. Only the visit is written: whether a visit is settled is
 * read from the visit itself when reporting begins, so cancelling never touches the campaign.
 */
export const cancelVisit = defineCommand({
  name: 'visit.cancel',
  summary: { vi: 'Hủy một cuộc kiểm tra chưa bắt đầu', en: 'Cancels a visit that has not started' },
  input: z.strictObject({ visitId: IdSchema, reason: TextSchema }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const visit = await load(ctx, COLLECTIONS.visits, cmd.visitId, VisitRecordSchema);
    const r = applyLifecycleEvent('visit', visit.data.lifecycle, { type: 'visit.cancel', reason: cmd.reason });
    const next: VisitRecord = { ...visit.data, lifecycle: r.persisted, visit: { ...visit.data.visit, cancelledReason: cmd.reason } };
    return commitMain(ctx, a, 'visit.cancel', visitWrite(visit.version, next));
  },
});
