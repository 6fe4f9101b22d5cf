import { assertEvent, assign, setup } from 'xstate';
import { isPastCivilDate } from './clock-tick-event.js';
import type { GuardReasons } from './guard-reason.js';
import { DEFAULT_REMINDER_LIMIT, type RemediationMachineContext, type RemediationMachineEvent, type RemediationMachineInput } from './remediation-machine-schemas.js';

/**
 * Version of {@link remediationMachine}.
 *
 * @example
 * ```ts
 * REMEDIATION_MACHINE_VERSION; // 1
 * ```
 */
export const REMEDIATION_MACHINE_VERSION = 1;

const tick = { 'clock.tick': { actions: 'markOverdueIfPastDue' } } as const;
const remind = { 'remediation.remind': { target: 'reminded', actions: 'countReminder' } } as const;
const setDeadline = { 'deadline.set': { target: 'deadlineSet', actions: 'setDeadline' } } as const;
const recordRecheck = {
  'recheck.record': [
    { guard: 'isComplied', target: 'resolved', actions: 'recordRecheck' },
    { target: 'rechecked', actions: 'recordRecheck' },
  ],
} as const;

/**
 * The remediation lifecycle (follow-up of one finding, DOMAIN §2.2 step 7 and §5.2) as a pure
 * XState v5 machine:
 *
 * - open →`remediation.remind`→ reminded (repeatable: `reminderCount` counts every reminder;
 *   in deadlineSet a reminder is counted and the state stays).
 * - open | reminded | deadlineSet | rechecked →`deadline.set`→ deadlineSet (new `dueOn`,
 *   `overdue` cleared).
 * - open | reminded | deadlineSet | rechecked →`recheck.record`→ resolved when the outcome is
 *   `complied` (guard `isComplied`), otherwise rechecked (non-compliance confirmed: set a new
 *   deadline, re-check again, or propose a sanction).
 * - reminded | deadlineSet →`sanction.propose`→ sanctionProposed — guard
 *   `hasExceededReminderLimit` (more than `reminderLimit` reminders, default 3);
 *   rechecked →`sanction.propose`→ sanctionProposed without a guard (the re-check found
 *   non-compliance).
 * - `clock.tick` (every non-final state) sets `overdue` once `today` is after `dueOn`. No
 *   `after` timers.
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from 'xstate';
 * const [s0] = initialTransition(remediationMachine, { remediationId: 'rem-1' });
 * const [s1] = transition(remediationMachine, s0, { type: 'deadline.set', dueOn: '2021-12-20' });
 * transition(remediationMachine, s1, { type: 'clock.tick', today: '2021-12-21' })[0].context.overdue; // true
 * ```
 */
export const remediationMachine = setup({
  types: {
    context: {} as RemediationMachineContext,
    events: {} as RemediationMachineEvent,
    input: {} as RemediationMachineInput,
  },
  guards: {
    isComplied: ({ event }) => event.type === 'recheck.record' && event.outcome === 'complied',
    hasExceededReminderLimit: ({ context }) => context.reminderCount > context.reminderLimit,
  },
  actions: {
    countReminder: assign(({ context }) => ({ reminderCount: context.reminderCount + 1 })),
    setDeadline: assign(({ event }) => {
      assertEvent(event, 'deadline.set');
      return { dueOn: event.dueOn, overdue: false };
    }),
    recordRecheck: assign(({ event }) => {
      assertEvent(event, 'recheck.record');
      return { lastRecheck: { outcome: event.outcome, checkedOn: event.checkedOn } };
    }),
    markOverdueIfPastDue: assign(({ context, event }) => {
      assertEvent(event, 'clock.tick');
      return { overdue: context.overdue || isPastCivilDate(event.today, context.dueOn) };
    }),
  },
}).createMachine({
  id: 'remediation',
  initial: 'open',
  context: ({ input }) => ({
    remediationId: input.remediationId,
    reminderLimit: input.reminderLimit ?? DEFAULT_REMINDER_LIMIT,
    reminderCount: 0,
    dueOn: null,
    overdue: false,
    lastRecheck: null,
  }),
  states: {
    open: { on: { ...tick, ...remind, ...setDeadline, ...recordRecheck } },
    reminded: {
      on: {
        ...tick,
        ...remind,
        ...setDeadline,
        ...recordRecheck,
        'sanction.propose': { guard: 'hasExceededReminderLimit', target: 'sanctionProposed' },
      },
    },
    deadlineSet: {
      on: {
        ...tick,
        ...setDeadline,
        ...recordRecheck,
        'remediation.remind': { actions: 'countReminder' },
        'sanction.propose': { guard: 'hasExceededReminderLimit', target: 'sanctionProposed' },
      },
    },
    rechecked: { on: { ...tick, ...setDeadline, ...recordRecheck, 'sanction.propose': { target: 'sanctionProposed' } } },
    resolved: { type: 'final' },
    sanctionProposed: { type: 'final' },
  },
});

/**
 * Why each remediation guard refuses, for `InvalidTransitionError.reasonVi` / `reasonEn`.
 *
 * @example
 * ```ts
 * remediationGuardReasons.hasExceededReminderLimit(context, { type: 'sanction.propose' }).en;
 * // 'a sanction may be proposed only after more than 3 reminders (so far 2)'
 * ```
 */
export const remediationGuardReasons: GuardReasons<RemediationMachineContext, RemediationMachineEvent> = {
  isComplied: () => ({ vi: 'kết quả kiểm tra lại chưa đạt', en: 'the re-check did not find compliance' }),
  hasExceededReminderLimit: (c) => ({
    vi: `chỉ đề xuất xử phạt sau khi đã nhắc nhở quá ${c.reminderLimit} lần (đến nay ${c.reminderCount} lần)`,
    en: `a sanction may be proposed only after more than ${c.reminderLimit} reminders (so far ${c.reminderCount})`,
  }),
};
