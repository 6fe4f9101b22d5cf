import { z } from 'zod';
import { CivilDateSchema, IdSchema } from '../entities/primitives.js';
import { ClockTickEventSchema } from './clock-tick-event.js';
import { IdListSchema } from './id-list-schema.js';

/** A number of records: a whole number ≥ 0. */
const CountSchema = z.number().int().nonnegative();

/**
 * The states of the campaign lifecycle, in order. `closed` is final.
 *
 * @example
 * ```ts
 * CAMPAIGN_MACHINE_STATES.indexOf('reporting') > CAMPAIGN_MACHINE_STATES.indexOf('inspecting'); // true
 * ```
 */
export const CAMPAIGN_MACHINE_STATES = ['draft', 'issued', 'nominating', 'teamFormed', 'scheduled', 'inspecting', 'reporting', 'followingUp', 'closed'] as const;

/**
 * A state of the campaign lifecycle.
 *
 * @example
 * ```ts
 * const s: CampaignMachineState = 'teamFormed';
 * ```
 */
export type CampaignMachineState = (typeof CAMPAIGN_MACHINE_STATES)[number];

/**
 * What a campaign lifecycle starts from: the campaign id and the nomination deadline stated in
 * the plan (Hà Tĩnh 2021: nominations due 28/11/2021).
 *
 * @example
 * ```ts
 * const input: CampaignMachineInput = { campaignId: 'ht-2021-pccovid', nominationDeadline: '2021-11-28' };
 * ```
 */
export const CampaignMachineInputSchema = z.object({ campaignId: IdSchema, nominationDeadline: CivilDateSchema });
/**
 * Input of the campaign lifecycle (see {@link CampaignMachineInputSchema}).
 *
 * @example
 * ```ts
 * const input: CampaignMachineInput = { campaignId: 'ht-2021', nominationDeadline: '2021-11-28' };
 * ```
 */
export type CampaignMachineInput = z.infer<typeof CampaignMachineInputSchema>;

/**
 * A nomination as the campaign lifecycle keeps it: who was nominated (the nomination record's
 * id), the civil date it was received, and whether that was after the deadline.
 *
 * @example
 * ```ts
 * const n: CampaignNominationRecord = { nominationId: 'nom-443', receivedOn: '2021-11-30', late: true };
 * ```
 */
export const CampaignNominationRecordSchema = z.object({
  nominationId: IdSchema,
  receivedOn: CivilDateSchema,
  late: z.boolean(),
});
/**
 * One recorded nomination (see {@link CampaignNominationRecordSchema}).
 *
 * @example
 * ```ts
 * const late = context.nominations.filter((n: CampaignNominationRecord) => n.late);
 * ```
 */
export type CampaignNominationRecord = z.infer<typeof CampaignNominationRecordSchema>;

/**
 * The campaign lifecycle's context: only what its guards and `clock.tick` need, and nothing that
 * grows with the number of visits. The campaign's content (legal basis, purposes, recipients…)
 * lives in the Campaign entity; which visits and remediation exist, and in which state, lives in
 * their own records — the service counts them when a guard needs it and passes the count in the
 * event (`schedule.fix`, `report.begin`, `campaign.close`).
 *
 * @example
 * ```ts
 * CampaignMachineContextSchema.parse(snapshot.context).visits; // 12
 * ```
 */
export const CampaignMachineContextSchema = z.object({
  campaignId: IdSchema,
  /** Last civil day on which a nomination is on time. */
  nominationDeadline: CivilDateSchema,
  /** Set by `clock.tick` once a tick's `today` is after `nominationDeadline`; never unset. */
  nominationWindowClosed: z.boolean(),
  /** One per nominating body (bounded by the plan's list of bodies, not by the visits). */
  nominations: z.array(CampaignNominationRecordSchema),
  /** The team lead's member id, once `team.form` succeeded. */
  leadMemberId: IdSchema.nullable(),
  /** Visits in the schedule when it was fixed, plus each `visit.add` after (cancelled ones included). */
  visits: CountSchema,
  /** Remediation opened for the campaign's units (`remediation.opened`), settled or not. */
  remediations: CountSchema,
});
/**
 * Context of the campaign lifecycle (see {@link CampaignMachineContextSchema}).
 *
 * @example
 * ```ts
 * const scheduled: number = (result.context as CampaignMachineContext).visits;
 * ```
 */
export type CampaignMachineContext = z.infer<typeof CampaignMachineContextSchema>;

/** A few ids named in a refusal message (at most 20); never the whole list. */
const NamedIdsSchema = IdListSchema.pipe(z.array(IdSchema).max(20)).optional();

/**
 * Every event of the campaign lifecycle (validated before it reaches the machine). The facts a
 * guard needs about visits and remediation are counted by the caller (the service, from its
 * storage) and carried by the event, so applying it costs the same for 10 or 10,000 visits:
 *
 * | event | payload |
 * |---|---|
 * | `plan.issue` | — |
 * | `nomination.request` | — |
 * | `nomination.record` | `nominationId`, `receivedOn` (civil date) |
 * | `team.form` | `members: { memberId, role: 'lead' \| 'deputy' \| 'member' \| 'secretary' }[]` (≥ 1, ids unique) |
 * | `schedule.fix` | `visits`: how many visits the schedule holds (not cancelled) |
 * | `visit.add` | `visitId` (a visit scheduled after the schedule was fixed) |
 * | `inspection.begin` / `followUp.begin` | — |
 * | `report.begin` | `unsettledVisits`: visits neither reviewed, closed nor cancelled; optional `unsettledVisitIds` (≤ 20, for the message) |
 * | `remediation.opened` | `remediationId` |
 * | `campaign.close` | `openRemediations`: remediation neither resolved nor sent for sanction; optional `openRemediationIds` (≤ 20) |
 * | `clock.tick` | `today` (civil date) |
 *
 * @example
 * ```ts
 * CampaignMachineEventSchema.parse({ type: 'report.begin', unsettledVisits: 0 });
 * ```
 */
export const CampaignMachineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan.issue') }),
  z.object({ type: z.literal('nomination.request') }),
  z.object({ type: z.literal('nomination.record'), nominationId: IdSchema, receivedOn: CivilDateSchema }),
  z.object({
    type: z.literal('team.form'),
    members: z
      .array(z.object({ memberId: IdSchema, role: z.enum(['lead', 'deputy', 'member', 'secretary']) }))
      .min(1)
      .refine((ms) => new Set(ms.map((m) => m.memberId)).size === ms.length, { message: 'a member appears twice' }),
  }),
  z.object({ type: z.literal('schedule.fix'), visits: CountSchema }),
  z.object({ type: z.literal('visit.add'), visitId: IdSchema }),
  z.object({ type: z.literal('inspection.begin') }),
  z.object({ type: z.literal('report.begin'), unsettledVisits: CountSchema, unsettledVisitIds: NamedIdsSchema }),
  z.object({ type: z.literal('remediation.opened'), remediationId: IdSchema }),
  z.object({ type: z.literal('followUp.begin') }),
  z.object({ type: z.literal('campaign.close'), openRemediations: CountSchema, openRemediationIds: NamedIdsSchema }),
  ClockTickEventSchema,
]);
/**
 * An event of the campaign lifecycle (see {@link CampaignMachineEventSchema}).
 *
 * @example
 * ```ts
 * const e: CampaignMachineEvent = { type: 'campaign.close', openRemediations: 0 };
 * ```
 */
export type CampaignMachineEvent = z.infer<typeof CampaignMachineEventSchema>;
