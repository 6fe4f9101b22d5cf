import { z } from 'zod';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, TenantIdSchema, TextSchema } from './primitives.js';

/**
 * A request to coordinating bodies (the Department of Health, each district's Culture and
 * Information office) to nominate members to the team by a deadline (28/11/2021 in the seed).
 *
 * @example
 * ```ts
 * NominationRequestSchema.parse({ tenantId: '42', id: 'nr-1', campaignId: 'c-1',
 *   bodyIds: ['org-syt'], deadline: '2021-11-28', sentOn: '2021-11-26' })
 * ```
 */
export const NominationRequestSchema = z
  .object({
    tenantId: TenantIdSchema,
    id: IdSchema,
    campaignId: IdSchema,
    bodyIds: boundedList(IdSchema, INPUT_LIMITS.lists.bodies, 'cơ quan / bodies').min(1),
    deadline: CivilDateSchema,
    sentOn: CivilDateSchema,
  })
  .refine((r) => r.sentOn <= r.deadline, { message: 'the request must be sent before its deadline', path: ['sentOn'] });
export type NominationRequest = z.infer<typeof NominationRequestSchema>;

/**
 * A body's nomination of a member. One received after the deadline is accepted but recorded
 * as late (`late: true`).
 *
 * @example
 * ```ts
 * NominationSchema.parse({ tenantId: '42', id: 'n-1', campaignId: 'c-1', organizationId: 'org-syt',
 *   personId: 'p-1', receivedOn: '2021-11-29', late: true, districtCode: null, note: null })
 * ```
 */
export const NominationSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  organizationId: IdSchema,
  personId: IdSchema,
  receivedOn: CivilDateSchema,
  late: z.boolean(),
  /** The district the nominee represents (for a district Culture and Information office). */
  districtCode: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
  note: TextSchema.nullable(),
});
export type Nomination = z.infer<typeof NominationSchema>;
