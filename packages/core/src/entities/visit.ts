import { z } from 'zod';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, InstantSchema, ShortTextSchema, TenantIdSchema, TextSchema } from './primitives.js';

/**
 * A visit (lịch kiểm tra) to one target: the day, the members, the vehicle the Department office
 * provides, and when it really started and ended. For an unannounced campaign nothing about it
 * is visible to the target before `startedAt`.
 *
 * @example
 * ```ts
 * VisitSchema.parse({ tenantId: '42', id: 'v-1', campaignId: 'c-1', targetId: 'tg-1', districtCode: '436',
 *   scheduledOn: '2021-12-07', memberIds: ['p-1', 'p-2'], vehicle: { description: 'Xe 7 chỗ', providedByOrganizationId: 'org-vp' },
 *   checklist: { templateId: 'pc-covid-ii1', version: '1' }, startedAt: null, endedAt: null, cancelledReason: null })
 * ```
 */
export const VisitSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  targetId: IdSchema,
  districtCode: z.string().regex(/^\d{3}$/),
  scheduledOn: CivilDateSchema,
  memberIds: boundedList(IdSchema, INPUT_LIMITS.lists.teamMembers, 'thành viên / members').min(1),
  vehicle: z.strictObject({ description: ShortTextSchema, providedByOrganizationId: IdSchema }).nullable(),
  /** Pinned when the visit is scheduled: the visit keeps this template version. */
  checklist: z.strictObject({ templateId: IdSchema, version: z.string().min(1).max(INPUT_LIMITS.text.version) }),
  startedAt: InstantSchema.nullable(),
  endedAt: InstantSchema.nullable(),
  cancelledReason: TextSchema.nullable(),
});
export type Visit = z.infer<typeof VisitSchema>;
