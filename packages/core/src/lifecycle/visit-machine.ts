import { assertEvent, assign, setup } from 'xstate';
import { isPastCivilDate } from './clock-tick-event.js';
import type { GuardReasons } from './guard-reason.js';
import { withId } from './id-list-schema.js';
import type { VisitMachineContext, VisitMachineEvent, VisitMachineInput } from './visit-machine-schemas.js';

/**
 * Version of {@link visitMachine}. v1 had no `signatureRefused` state: a refusal was a
 * `minutes.sign` with no unit signer, kept as `refused: true` in context. v2 adds the
 * `signatureRefused` state with a required reason, `signature.record`, `members.assign`,
 * `visit.reschedule` and the `windowEnd` / `overdue` deadline data. Snapshots of v1 are upgraded
 * by `visitV1ToV2Migration`.
 *
 * @example
 * ```ts
 * VISIT_MACHINE_VERSION; // 2
 * ```
 */
export const VISIT_MACHINE_VERSION = 2;

/**
 * Required checklist items not answered yet — what keeps `minutes.draft` refused.
 *
 * @example
 * ```ts
 * unansweredRequiredItemIds({ requiredItemIds: ['a1', 'b1'], answeredItemIds: ['a1'] }); // ['b1']
 * ```
 */
export function unansweredRequiredItemIds(context: Pick<VisitMachineContext, 'requiredItemIds' | 'answeredItemIds'>): string[] {
  return context.requiredItemIds.filter((id) => !context.answeredItemIds.includes(id));
}

/**
 * True when the assigned members satisfy the district rule: when the district's
 * Culture-Information office nominated anyone, at least one of them is assigned.
 *
 * @example
 * ```ts
 * hasDistrictRepresentativeAssigned({ nominatedDistrictRepIds: ['r'], assignedMemberIds: ['lead'] }); // false
 * hasDistrictRepresentativeAssigned({ nominatedDistrictRepIds: [], assignedMemberIds: ['lead'] }); // true
 * ```
 */
export function hasDistrictRepresentativeAssigned(context: Pick<VisitMachineContext, 'nominatedDistrictRepIds' | 'assignedMemberIds'>): boolean {
  return context.nominatedDistrictRepIds.length === 0 || context.nominatedDistrictRepIds.some((id) => context.assignedMemberIds.includes(id));
}

const tick = { 'clock.tick': { actions: 'markOverdueIfPastWindow' } } as const;

/**
 * The visit lifecycle (one on-site check of one unit, v2) as a pure XState v5 machine:
 *
 * planned →`visit.start`→ underway →`checklist.complete`→ answered →`minutes.draft`→
 * minutesDrafted →`minutes.sign`→ minutesSigned | →`minutes.refuseSignature`→ signatureRefused;
 * either →`visit.review`→ reviewed →`visit.close`→ closed. planned →`visit.cancel`→ cancelled.
 *
 * - `visit.start` — guard `hasDistrictRepresentative`: when the district's Culture-Information
 *   office nominated representatives, one of them is among `assignedMemberIds` (fix the team
 *   with `members.assign` while planned).
 * - `item.answer` (underway, answered) adds an answered item id; `checklist.complete` ends the
 *   on-site questioning (answers may still be completed from evidence sent afterwards).
 * - `minutes.draft` — guard `hasEveryRequiredItemAnswered`.
 * - `signature.record` (minutesDrafted) records one party's signer; `minutes.sign` — guard
 *   `hasBothSignatures`; `minutes.refuseSignature` — guard `hasRefusalReason` (non-empty
 *   reason, kept in `signatureRefusalReason`).
 * - `clock.tick` is accepted only while planned or underway (the on-site work is still due):
 *   it sets `overdue` once `today` is after `windowEnd` (cleared by `visit.reschedule`). Later
 *   states do not accept it; `tickLifecycle` leaves them unchanged.
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from 'xstate';
 * const [s0] = initialTransition(visitMachine, { visitId: 'v1', districtCode: '443', assignedMemberIds: ['m-lead'] });
 * transition(visitMachine, s0, { type: 'visit.start' })[0].value; // 'underway'
 * ```
 */
export const visitMachine = setup({
  types: {
    context: {} as VisitMachineContext,
    events: {} as VisitMachineEvent,
    input: {} as VisitMachineInput,
  },
  guards: {
    hasDistrictRepresentative: ({ context }) => hasDistrictRepresentativeAssigned(context),
    hasEveryRequiredItemAnswered: ({ context }) => unansweredRequiredItemIds(context).length === 0,
    hasBothSignatures: ({ context }) => context.signatures.inspectedUnit !== null && context.signatures.teamLead !== null,
    hasRefusalReason: ({ event }) => event.type === 'minutes.refuseSignature' && event.reason.trim().length > 0,
  },
  actions: {
    assignMembers: assign(({ event }) => {
      assertEvent(event, 'members.assign');
      return { assignedMemberIds: [...event.memberIds] };
    }),
    reschedule: assign(({ event }) => {
      assertEvent(event, 'visit.reschedule');
      return { windowEnd: event.windowEnd, overdue: false };
    }),
    recordAnswer: assign(({ context, event }) => {
      assertEvent(event, 'item.answer');
      return { answeredItemIds: withId(context.answeredItemIds, event.itemId) };
    }),
    recordSignature: assign(({ context, event }) => {
      assertEvent(event, 'signature.record');
      return { signatures: { ...context.signatures, [event.party]: event.signerId } };
    }),
    recordRefusal: assign(({ event }) => {
      assertEvent(event, 'minutes.refuseSignature');
      return { signatureRefusalReason: event.reason.trim() };
    }),
    markOverdueIfPastWindow: assign(({ context, event }) => {
      assertEvent(event, 'clock.tick');
      return { overdue: context.overdue || isPastCivilDate(event.today, context.windowEnd) };
    }),
  },
}).createMachine({
  id: 'visit',
  initial: 'planned',
  context: ({ input }) => ({
    visitId: input.visitId,
    districtCode: input.districtCode,
    nominatedDistrictRepIds: [...(input.nominatedDistrictRepIds ?? [])],
    assignedMemberIds: [...input.assignedMemberIds],
    requiredItemIds: [...(input.requiredItemIds ?? [])],
    answeredItemIds: [],
    signatures: { inspectedUnit: null, teamLead: null },
    signatureRefusalReason: null,
    windowEnd: input.windowEnd ?? null,
    overdue: false,
  }),
  states: {
    planned: {
      on: {
        ...tick,
        'members.assign': { actions: 'assignMembers' },
        'visit.reschedule': { actions: 'reschedule' },
        'visit.start': { guard: 'hasDistrictRepresentative', target: 'underway' },
        'visit.cancel': { target: 'cancelled' },
      },
    },
    underway: {
      on: { ...tick, 'item.answer': { actions: 'recordAnswer' }, 'checklist.complete': { target: 'answered' } },
    },
    answered: {
      on: {
        'item.answer': { actions: 'recordAnswer' },
        'minutes.draft': { guard: 'hasEveryRequiredItemAnswered', target: 'minutesDrafted' },
      },
    },
    minutesDrafted: {
      on: {
        'signature.record': { actions: 'recordSignature' },
        'minutes.sign': { guard: 'hasBothSignatures', target: 'minutesSigned' },
        'minutes.refuseSignature': { guard: 'hasRefusalReason', target: 'signatureRefused', actions: 'recordRefusal' },
      },
    },
    minutesSigned: { on: { 'visit.review': { target: 'reviewed' } } },
    signatureRefused: { on: { 'visit.review': { target: 'reviewed' } } },
    reviewed: { on: { 'visit.close': { target: 'closed' } } },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/**
 * Why each visit guard refuses, for `InvalidTransitionError.reasonVi` / `reasonEn`.
 *
 * @example
 * ```ts
 * visitGuardReasons.hasEveryRequiredItemAnswered(context, { type: 'minutes.draft' }).en; // 'required checklist items unanswered: b1'
 * ```
 */
export const visitGuardReasons: GuardReasons<VisitMachineContext, VisitMachineEvent> = {
  hasDistrictRepresentative: (c) => ({
    vi: `đoàn chưa có đại diện Phòng Văn hóa – Thông tin đã được cử của huyện ${c.districtCode} (${c.nominatedDistrictRepIds.join(', ')})`,
    en: `the team lacks a nominated Culture-Information representative of district ${c.districtCode} (${c.nominatedDistrictRepIds.join(', ')})`,
  }),
  hasEveryRequiredItemAnswered: (c) => ({
    vi: `còn mục bắt buộc chưa trả lời: ${unansweredRequiredItemIds(c).join(', ')}`,
    en: `required checklist items unanswered: ${unansweredRequiredItemIds(c).join(', ')}`,
  }),
  hasBothSignatures: (c) => {
    const missing = (['inspectedUnit', 'teamLead'] as const).filter((p) => c.signatures[p] === null);
    return { vi: `biên bản còn thiếu chữ ký: ${missing.join(', ')}`, en: `the minutes lack the signature of: ${missing.join(', ')}` };
  },
  hasRefusalReason: () => ({
    vi: 'phải ghi rõ lý do đơn vị từ chối ký biên bản',
    en: "state the unit's reason for refusing to sign the minutes",
  }),
};
