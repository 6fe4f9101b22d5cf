import { z } from 'zod';
import { CivilDateSchema, IdSchema } from '../entities/primitives.js';
import { ClockTickEventSchema } from './clock-tick-event.js';

/**
 * The states of the remediation lifecycle (follow-up of one finding: reminder → deadline →
 * re-check → sanction proposal). `resolved` and `sanctionProposed` are final.
 *
 * @example
 * ```ts
 * REMEDIATION_MACHINE_STATES[0]; // 'open'
 * ```
 */
export const REMEDIATION_MACHINE_STATES = ['open', 'reminded', 'deadlineSet', 'rechecked', 'resolved', 'sanctionProposed'] as const;

/**
 * A state of the remediation lifecycle.
 *
 * @example
 * ```ts
 * const s: RemediationMachineState = 'rechecked';
 * ```
 */
export type RemediationMachineState = (typeof REMEDIATION_MACHINE_STATES)[number];

/**
 * Default reminder limit: a sanction may be proposed after MORE than this many reminders
 * (Hà Nội's 2021 escalation: "after more than three reminders without a QR", DOMAIN §5.2).
 *
 * @example
 * ```ts
 * DEFAULT_REMINDER_LIMIT; // 3
 * ```
 */
export const DEFAULT_REMINDER_LIMIT = 3;

/**
 * What a remediation lifecycle starts from. `reminderLimit` lets a province use its own
 * escalation rule.
 *
 * @example
 * ```ts
 * const input: RemediationMachineInput = { remediationId: 'rem-443-01' }; // reminderLimit 3
 * ```
 */
export const RemediationMachineInputSchema = z.object({
  remediationId: IdSchema,
  reminderLimit: z.number().int().nonnegative().default(DEFAULT_REMINDER_LIMIT),
});
/**
 * Input of the remediation lifecycle (see {@link RemediationMachineInputSchema}).
 *
 * @example
 * ```ts
 * const input: RemediationMachineInput = { remediationId: 'rem-1', reminderLimit: 2 };
 * ```
 */
export type RemediationMachineInput = z.input<typeof RemediationMachineInputSchema>;

/**
 * A recorded re-check: its outcome and civil date.
 *
 * @example
 * ```ts
 * const r: RemediationRecheck = { outcome: 'notComplied', checkedOn: '2021-12-24' };
 * ```
 */
export const RemediationRecheckSchema = z.object({ outcome: z.enum(['complied', 'notComplied']), checkedOn: CivilDateSchema });
/**
 * A recorded re-check (see {@link RemediationRecheckSchema}).
 *
 * @example
 * ```ts
 * const last: RemediationRecheck | null = context.lastRecheck;
 * ```
 */
export type RemediationRecheck = z.infer<typeof RemediationRecheckSchema>;

/**
 * The remediation lifecycle's context: only what its guards and `clock.tick` need.
 *
 * @example
 * ```ts
 * RemediationMachineContextSchema.parse(snapshot.context).overdue; // true
 * ```
 */
export const RemediationMachineContextSchema = z.object({
  remediationId: IdSchema,
  reminderLimit: z.number().int().nonnegative(),
  reminderCount: z.number().int().nonnegative(),
  /** The current deadline (civil date), once `deadline.set`. */
  dueOn: CivilDateSchema.nullable(),
  /** Set by `clock.tick` once `today` is after `dueOn`; cleared by a new `deadline.set`. */
  overdue: z.boolean(),
  lastRecheck: RemediationRecheckSchema.nullable(),
});
/**
 * Context of the remediation lifecycle (see {@link RemediationMachineContextSchema}).
 *
 * @example
 * ```ts
 * const { reminderCount, overdue }: RemediationMachineContext = result.context;
 * ```
 */
export type RemediationMachineContext = z.infer<typeof RemediationMachineContextSchema>;

/**
 * Every event of the remediation lifecycle:
 *
 * | event | payload |
 * |---|---|
 * | `remediation.remind` | — |
 * | `deadline.set` | `dueOn` (civil date) |
 * | `recheck.record` | `outcome: 'complied' \| 'notComplied'`, `checkedOn` (civil date) |
 * | `sanction.propose` | — |
 * | `clock.tick` | `today` (civil date) |
 *
 * @example
 * ```ts
 * RemediationMachineEventSchema.parse({ type: 'recheck.record', outcome: 'complied', checkedOn: '2021-12-24' });
 * ```
 */
export const RemediationMachineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('remediation.remind') }),
  z.object({ type: z.literal('deadline.set'), dueOn: CivilDateSchema }),
  z.object({ type: z.literal('recheck.record'), outcome: z.enum(['complied', 'notComplied']), checkedOn: CivilDateSchema }),
  z.object({ type: z.literal('sanction.propose') }),
  ClockTickEventSchema,
]);
/**
 * An event of the remediation lifecycle (see {@link RemediationMachineEventSchema}).
 *
 * @example
 * ```ts
 * const e: RemediationMachineEvent = { type: 'deadline.set', dueOn: '2021-12-20' };
 * ```
 */
export type RemediationMachineEvent = z.infer<typeof RemediationMachineEventSchema>;
