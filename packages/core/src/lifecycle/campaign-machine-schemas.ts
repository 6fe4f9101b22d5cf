import { z } from 'zod';
import { CivilDateSchema, IdSchema } from '../entities/primitives.js';
import { ClockTickEventSchema } from './clock-tick-event.js';
import { IdListSchema } from './id-list-schema.js';

/**
 * The states of the campaign lifecycle, in order. `closed` is final.
 *
 * @example
 * ```ts
 * CAMPAIGN_MACHINE_STATES.indexOf('reporting') > CAMPAIGN_MACHINE_STATES.indexOf('inspecting'); // true
 * ```
 */
export const CAMPAIGN_MACHINE_STATES = [
  'draft',
  'issued',
  'nominating',
  'teamFormed',
  'scheduled',
  'inspecting',
  'reporting',
  'followingUp',
  'closed',
] as const;

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
 * The campaign lifecycle's context: only what its guards and `clock.tick` need. The campaign's
 * content (legal basis, purposes, recipients…) lives in the Campaign entity, not here.
 *
 * @example
 * ```ts
 * CampaignMachineContextSchema.parse(snapshot.context).openRemediationIds; // ['rem-1']
 * ```
 */
export const CampaignMachineContextSchema = z.object({
  campaignId: IdSchema,
  /** Last civil day on which a nomination is on time. */
  nominationDeadline: CivilDateSchema,
  /** Set by `clock.tick` once a tick's `today` is after `nominationDeadline`; never unset. */
  nominationWindowClosed: z.boolean(),
  nominations: z.array(CampaignNominationRecordSchema),
  /** The team lead's member id, once `team.form` succeeded. */
  leadMemberId: IdSchema.nullable(),
  /** Every visit of the campaign (scheduled or added later). */
  visitIds: IdListSchema,
  reviewedVisitIds: IdListSchema,
  cancelledVisitIds: IdListSchema,
  openRemediationIds: IdListSchema,
  settledRemediationIds: IdListSchema,
});
/**
 * Context of the campaign lifecycle (see {@link CampaignMachineContextSchema}).
 *
 * @example
 * ```ts
 * const open: string[] = (result.context as CampaignMachineContext).openRemediationIds;
 * ```
 */
export type CampaignMachineContext = z.infer<typeof CampaignMachineContextSchema>;

const visitIdEvent = <T extends string>(type: T) => z.object({ type: z.literal(type), visitId: IdSchema });
const remediationIdEvent = <T extends string>(type: T) => z.object({ type: z.literal(type), remediationId: IdSchema });

/**
 * Every event of the campaign lifecycle (validated before it reaches the machine):
 *
 * | event | payload |
 * |---|---|
 * | `plan.issue` | — |
 * | `nomination.request` | — |
 * | `nomination.record` | `nominationId`, `receivedOn` (civil date) |
 * | `team.form` | `members: { memberId, role: 'lead' \| 'deputy' \| 'member' \| 'secretary' }[]` (≥ 1, ids unique) |
 * | `schedule.fix` | `visitIds` (≥ 1, unique) |
 * | `visit.add` / `visit.reviewed` / `visit.cancelled` | `visitId` |
 * | `inspection.begin` / `report.begin` / `followUp.begin` / `campaign.close` | — |
 * | `remediation.opened` / `remediation.settled` | `remediationId` |
 * | `clock.tick` | `today` (civil date) |
 *
 * @example
 * ```ts
 * CampaignMachineEventSchema.parse({ type: 'nomination.record', nominationId: 'nom-443', receivedOn: '2021-11-30' });
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
  z.object({ type: z.literal('schedule.fix'), visitIds: IdListSchema.pipe(z.array(IdSchema).min(1)) }),
  visitIdEvent('visit.add'),
  z.object({ type: z.literal('inspection.begin') }),
  visitIdEvent('visit.reviewed'),
  visitIdEvent('visit.cancelled'),
  z.object({ type: z.literal('report.begin') }),
  remediationIdEvent('remediation.opened'),
  remediationIdEvent('remediation.settled'),
  z.object({ type: z.literal('followUp.begin') }),
  z.object({ type: z.literal('campaign.close') }),
  ClockTickEventSchema,
]);
/**
 * An event of the campaign lifecycle (see {@link CampaignMachineEventSchema}).
 *
 * @example
 * ```ts
 * const e: CampaignMachineEvent = { type: 'visit.reviewed', visitId: 'visit-443-cho-nghen' };
 * ```
 */
export type CampaignMachineEvent = z.infer<typeof CampaignMachineEventSchema>;
