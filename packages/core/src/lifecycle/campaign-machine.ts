import { assertEvent, assign, setup } from 'xstate';
import { isPastCivilDate } from './clock-tick-event.js';
import type { CampaignMachineContext, CampaignMachineEvent, CampaignMachineInput } from './campaign-machine-schemas.js';
import type { GuardReasons } from './guard-reason.js';
import { withId, withoutId } from './id-list-schema.js';

/**
 * Version of {@link campaignMachine} written into every persisted campaign lifecycle. Bump it
 * (and register a snapshot migration) whenever states or context change shape.
 *
 * @example
 * ```ts
 * persisted.machineVersion === CAMPAIGN_MACHINE_VERSION; // after migratePersisted
 * ```
 */
export const CAMPAIGN_MACHINE_VERSION = 1;

/**
 * Visits that are neither reviewed nor cancelled — what keeps `report.begin` refused.
 *
 * @example
 * ```ts
 * unsettledVisitIds({ visitIds: ['v1', 'v2'], reviewedVisitIds: ['v1'], cancelledVisitIds: [] }); // ['v2']
 * ```
 */
export function unsettledVisitIds(
  context: Pick<CampaignMachineContext, 'visitIds' | 'reviewedVisitIds' | 'cancelledVisitIds'>,
): string[] {
  return context.visitIds.filter((id) => !context.reviewedVisitIds.includes(id) && !context.cancelledVisitIds.includes(id));
}

function isUnsettledVisit(context: CampaignMachineContext, visitId: string): boolean {
  return unsettledVisitIds(context).includes(visitId);
}

const tick = { 'clock.tick': { actions: 'closeNominationWindowIfPast' } } as const;
const remediationTracking = {
  'remediation.opened': { guard: 'isNewRemediation', actions: 'openRemediation' },
  'remediation.settled': { guard: 'isOpenRemediation', actions: 'settleRemediation' },
} as const;

/**
 * The campaign lifecycle (the plan, Kế hoạch, from draft to closed) as a pure XState v5 machine:
 *
 * draft →`plan.issue`→ issued →`nomination.request`→ nominating →`team.form`→ teamFormed
 * →`schedule.fix`→ scheduled →`inspection.begin`→ inspecting →`report.begin`→ reporting
 * →`followUp.begin`→ followingUp →`campaign.close`→ closed.
 *
 * - `nomination.record` (nominating) appends `{ nominationId, receivedOn, late }`; `late` is
 *   `receivedOn > nominationDeadline`. Guard `isNewNomination` refuses a repeat.
 * - `team.form` needs exactly one lead (`hasLead`); `schedule.fix` sets the visit ids.
 * - `visit.add` (scheduled, inspecting; `isNewVisit`), `visit.cancelled` (scheduled, inspecting)
 *   and `visit.reviewed` (inspecting) — both `isOpenVisit` — track the visits.
 * - `report.begin` is guarded by `isEveryVisitSettled` (every visit reviewed or cancelled).
 * - `remediation.opened` / `remediation.settled` (inspecting, reporting, followingUp: the
 *   minutes may already set a deadline) track open remediation ids.
 * - `campaign.close` (reporting or followingUp) is guarded by `hasNoOpenRemediation`. Decision:
 *   reporting → closed directly is allowed when nothing needs follow-up; `followUp.begin` is
 *   unguarded (a province may follow up, e.g. re-check, without formal remediation records).
 * - `clock.tick` (every state but `closed`) sets `nominationWindowClosed` once `today` is
 *   after `nominationDeadline`; nothing else. No `after` timers.
 *
 * Actions only `assign`; there are no side effects.
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from 'xstate';
 * const [s0] = initialTransition(campaignMachine, { campaignId: 'ht-2021', nominationDeadline: '2021-11-28' });
 * const [s1] = transition(campaignMachine, s0, { type: 'plan.issue' });
 * s1.value; // 'issued'
 * ```
 */
export const campaignMachine = setup({
  types: {
    context: {} as CampaignMachineContext,
    events: {} as CampaignMachineEvent,
    input: {} as CampaignMachineInput,
  },
  guards: {
    isNewNomination: ({ context, event }) =>
      event.type === 'nomination.record' && !context.nominations.some((n) => n.nominationId === event.nominationId),
    hasLead: ({ event }) => event.type === 'team.form' && event.members.filter((m) => m.role === 'lead').length === 1,
    isNewVisit: ({ context, event }) => event.type === 'visit.add' && !context.visitIds.includes(event.visitId),
    isOpenVisit: ({ context, event }) =>
      (event.type === 'visit.reviewed' || event.type === 'visit.cancelled') && isUnsettledVisit(context, event.visitId),
    isEveryVisitSettled: ({ context }) => unsettledVisitIds(context).length === 0,
    isNewRemediation: ({ context, event }) =>
      event.type === 'remediation.opened' &&
      !context.openRemediationIds.includes(event.remediationId) &&
      !context.settledRemediationIds.includes(event.remediationId),
    isOpenRemediation: ({ context, event }) =>
      event.type === 'remediation.settled' && context.openRemediationIds.includes(event.remediationId),
    hasNoOpenRemediation: ({ context }) => context.openRemediationIds.length === 0,
  },
  actions: {
    recordNomination: assign(({ context, event }) => {
      assertEvent(event, 'nomination.record');
      const late = isPastCivilDate(event.receivedOn, context.nominationDeadline);
      return { nominations: [...context.nominations, { nominationId: event.nominationId, receivedOn: event.receivedOn, late }] };
    }),
    recordTeam: assign(({ event }) => {
      assertEvent(event, 'team.form');
      return { leadMemberId: event.members.find((m) => m.role === 'lead')?.memberId ?? null };
    }),
    fixSchedule: assign(({ event }) => {
      assertEvent(event, 'schedule.fix');
      return { visitIds: [...event.visitIds] };
    }),
    addVisit: assign(({ context, event }) => {
      assertEvent(event, 'visit.add');
      return { visitIds: withId(context.visitIds, event.visitId) };
    }),
    markVisitReviewed: assign(({ context, event }) => {
      assertEvent(event, 'visit.reviewed');
      return { reviewedVisitIds: withId(context.reviewedVisitIds, event.visitId) };
    }),
    markVisitCancelled: assign(({ context, event }) => {
      assertEvent(event, 'visit.cancelled');
      return { cancelledVisitIds: withId(context.cancelledVisitIds, event.visitId) };
    }),
    openRemediation: assign(({ context, event }) => {
      assertEvent(event, 'remediation.opened');
      return { openRemediationIds: withId(context.openRemediationIds, event.remediationId) };
    }),
    settleRemediation: assign(({ context, event }) => {
      assertEvent(event, 'remediation.settled');
      return {
        openRemediationIds: withoutId(context.openRemediationIds, event.remediationId),
        settledRemediationIds: withId(context.settledRemediationIds, event.remediationId),
      };
    }),
    closeNominationWindowIfPast: assign(({ context, event }) => {
      assertEvent(event, 'clock.tick');
      return { nominationWindowClosed: context.nominationWindowClosed || isPastCivilDate(event.today, context.nominationDeadline) };
    }),
  },
}).createMachine({
  id: 'campaign',
  initial: 'draft',
  context: ({ input }) => ({
    campaignId: input.campaignId,
    nominationDeadline: input.nominationDeadline,
    nominationWindowClosed: false,
    nominations: [],
    leadMemberId: null,
    visitIds: [],
    reviewedVisitIds: [],
    cancelledVisitIds: [],
    openRemediationIds: [],
    settledRemediationIds: [],
  }),
  states: {
    draft: { on: { ...tick, 'plan.issue': { target: 'issued' } } },
    issued: { on: { ...tick, 'nomination.request': { target: 'nominating' } } },
    nominating: {
      on: {
        ...tick,
        'nomination.record': { guard: 'isNewNomination', actions: 'recordNomination' },
        'team.form': { guard: 'hasLead', target: 'teamFormed', actions: 'recordTeam' },
      },
    },
    teamFormed: { on: { ...tick, 'schedule.fix': { target: 'scheduled', actions: 'fixSchedule' } } },
    scheduled: {
      on: {
        ...tick,
        'visit.add': { guard: 'isNewVisit', actions: 'addVisit' },
        'visit.cancelled': { guard: 'isOpenVisit', actions: 'markVisitCancelled' },
        'inspection.begin': { target: 'inspecting' },
      },
    },
    inspecting: {
      on: {
        ...tick,
        ...remediationTracking,
        'visit.add': { guard: 'isNewVisit', actions: 'addVisit' },
        'visit.reviewed': { guard: 'isOpenVisit', actions: 'markVisitReviewed' },
        'visit.cancelled': { guard: 'isOpenVisit', actions: 'markVisitCancelled' },
        'report.begin': { guard: 'isEveryVisitSettled', target: 'reporting' },
      },
    },
    reporting: {
      on: {
        ...tick,
        ...remediationTracking,
        'followUp.begin': { target: 'followingUp' },
        'campaign.close': { guard: 'hasNoOpenRemediation', target: 'closed' },
      },
    },
    followingUp: {
      on: { ...tick, ...remediationTracking, 'campaign.close': { guard: 'hasNoOpenRemediation', target: 'closed' } },
    },
    closed: { type: 'final' },
  },
});

/**
 * Why each campaign guard refuses, for `InvalidTransitionError.reasonVi` / `reasonEn`.
 *
 * @example
 * ```ts
 * campaignGuardReasons.hasNoOpenRemediation(context, { type: 'campaign.close' }).en; // '1 remediation(s) still open: rem-1'
 * ```
 */
export const campaignGuardReasons: GuardReasons<CampaignMachineContext, CampaignMachineEvent> = {
  isNewNomination: () => ({ vi: 'đề cử này đã được ghi nhận', en: 'this nomination is already recorded' }),
  hasLead: () => ({ vi: 'tổ kiểm tra phải có đúng một trưởng đoàn', en: 'the team must have exactly one lead' }),
  isNewVisit: () => ({ vi: 'cuộc kiểm tra này đã có trong lịch', en: 'this visit is already scheduled' }),
  isOpenVisit: () => ({
    vi: 'cuộc kiểm tra không có trong lịch hoặc đã được xem xét hay hủy',
    en: 'the visit is not scheduled, or is already reviewed or cancelled',
  }),
  isEveryVisitSettled: (c) => {
    const open = unsettledVisitIds(c);
    return {
      vi: `còn ${open.length} cuộc kiểm tra chưa được xem xét hoặc hủy: ${open.join(', ')}`,
      en: `${open.length} visit(s) neither reviewed nor cancelled: ${open.join(', ')}`,
    };
  },
  isNewRemediation: () => ({ vi: 'việc khắc phục này đã được ghi nhận', en: 'this remediation is already recorded' }),
  isOpenRemediation: () => ({ vi: 'việc khắc phục này không đang mở', en: 'this remediation is not open' }),
  hasNoOpenRemediation: (c) => ({
    vi: `còn ${c.openRemediationIds.length} việc khắc phục chưa xong: ${c.openRemediationIds.join(', ')}`,
    en: `${c.openRemediationIds.length} remediation(s) still open: ${c.openRemediationIds.join(', ')}`,
  }),
};
