import { assertEvent, assign, setup } from 'xstate';
import { isPastCivilDate } from './clock-tick-event.js';
import type { CampaignMachineContext, CampaignMachineEvent, CampaignMachineInput } from './campaign-machine-schemas.js';
import type { GuardReasons } from './guard-reason.js';

/**
 * Version of {@link campaignMachine} written into every persisted campaign lifecycle. Bump it
 * (and register a snapshot migration) whenever states or context change shape.
 *
 * @example
 * ```ts
 * persisted.machineVersion === CAMPAIGN_MACHINE_VERSION; // after migratePersisted
 * ```
 */
export const CAMPAIGN_MACHINE_VERSION = 2;

function named(count: number, ids: readonly string[] | undefined): string {
  const list = ids ?? [];
  if (list.length === 0) return '';
  return `: ${list.join(', ')}${count > list.length ? ', …' : ''}`;
}

const tick = { 'clock.tick': { actions: 'closeNominationWindowIfPast' } } as const;
const remediationTracking = { 'remediation.opened': { actions: 'countRemediation' } } as const;

/**
 * The campaign lifecycle (the plan, Kế hoạch, from draft to closed) as a pure XState v5 machine:
 *
 * draft →`plan.issue`→ issued →`nomination.request`→ nominating →`team.form`→ teamFormed
 * →`schedule.fix`→ scheduled →`inspection.begin`→ inspecting →`report.begin`→ reporting
 * →`followUp.begin`→ followingUp →`campaign.close`→ closed.
 *
 * - `nomination.record` (nominating) appends `{ nominationId, receivedOn, late }`; `late` is
 *   `receivedOn > nominationDeadline`. Guard `isNewNomination` refuses a repeat.
 * - `team.form` needs exactly one lead (`hasLead`).
 * - `schedule.fix` carries how many visits the schedule holds (counted by the caller) and is
 *   refused with none (`hasScheduledVisits`); `visit.add` (scheduled, inspecting) counts a visit
 *   added later. Reviews and cancellations of visits are not campaign events: a visit's own
 *   record says whether it is settled, so reviewing visits never writes the campaign.
 * - `report.begin` carries how many visits are neither reviewed, closed nor cancelled, and is
 *   guarded by `isEveryVisitSettled` (that count is 0).
 * - `remediation.opened` (inspecting, reporting, followingUp: the minutes may already set a
 *   deadline) counts remediation; settling one is not a campaign event.
 * - `campaign.close` (reporting or followingUp) carries how many remediation are still open and
 *   is guarded by `hasNoOpenRemediation` (that count is 0). Decision: reporting → closed directly
 *   is allowed when nothing needs follow-up; `followUp.begin` is unguarded (a province may follow
 *   up, e.g. re-check, without formal remediation records).
 * - `clock.tick` (every state but `closed`) sets `nominationWindowClosed` once `today` is
 *   after `nominationDeadline`; nothing else. No `after` timers.
 *
 * Nothing in the context grows with the number of visits, and no guard looks at more than the
 * event and a few fields: a transition costs the same for 10 or 10,000 visits. A caller that
 * adds a visit or opens a remediation sends `visit.add` / `remediation.opened` so that the
 * campaign record is written, which makes a concurrent `report.begin` / `campaign.close`
 * (counted before the addition) fail on the record's version instead of passing unseen.
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
    isNewNomination: ({ context, event }) => event.type === 'nomination.record' && !context.nominations.some((n) => n.nominationId === event.nominationId),
    hasLead: ({ event }) => event.type === 'team.form' && event.members.filter((m) => m.role === 'lead').length === 1,
    hasScheduledVisits: ({ event }) => event.type === 'schedule.fix' && event.visits > 0,
    isEveryVisitSettled: ({ event }) => event.type === 'report.begin' && event.unsettledVisits === 0,
    hasNoOpenRemediation: ({ event }) => event.type === 'campaign.close' && event.openRemediations === 0,
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
      return { visits: event.visits };
    }),
    countVisit: assign(({ context }) => ({ visits: context.visits + 1 })),
    countRemediation: assign(({ context }) => ({ remediations: context.remediations + 1 })),
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
    visits: 0,
    remediations: 0,
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
    teamFormed: { on: { ...tick, 'schedule.fix': { guard: 'hasScheduledVisits', target: 'scheduled', actions: 'fixSchedule' } } },
    scheduled: {
      on: {
        ...tick,
        'visit.add': { actions: 'countVisit' },
        'inspection.begin': { target: 'inspecting' },
      },
    },
    inspecting: {
      on: {
        ...tick,
        ...remediationTracking,
        'visit.add': { actions: 'countVisit' },
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
 * campaignGuardReasons.hasNoOpenRemediation(context, { type: 'campaign.close', openRemediations: 1, openRemediationIds: ['rem-1'] }).en;
 * // '1 remediation(s) still open: rem-1'
 * ```
 */
export const campaignGuardReasons: GuardReasons<CampaignMachineContext, CampaignMachineEvent> = {
  isNewNomination: () => ({ vi: 'đề cử này đã được ghi nhận', en: 'this nomination is already recorded' }),
  hasLead: () => ({ vi: 'tổ kiểm tra phải có đúng một trưởng đoàn', en: 'the team must have exactly one lead' }),
  hasScheduledVisits: () => ({ vi: 'lịch kiểm tra chưa có cuộc kiểm tra nào', en: 'the schedule holds no visit' }),
  isEveryVisitSettled: (_c, e) => {
    const n = e.type === 'report.begin' ? e.unsettledVisits : 0;
    const ids = named(n, e.type === 'report.begin' ? e.unsettledVisitIds : undefined);
    return { vi: `còn ${n} cuộc kiểm tra chưa được xem xét hoặc hủy${ids}`, en: `${n} visit(s) neither reviewed nor cancelled${ids}` };
  },
  hasNoOpenRemediation: (_c, e) => {
    const n = e.type === 'campaign.close' ? e.openRemediations : 0;
    const ids = named(n, e.type === 'campaign.close' ? e.openRemediationIds : undefined);
    return { vi: `còn ${n} việc khắc phục chưa xong${ids}`, en: `${n} remediation(s) still open${ids}` };
  },
};
