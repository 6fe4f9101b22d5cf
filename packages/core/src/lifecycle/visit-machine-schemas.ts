import { z } from 'zod';
import { CivilDateSchema, IdSchema, OptionalTextSchema, TextSchema } from '../entities/primitives.js';
import { ClockTickEventSchema } from './clock-tick-event.js';
import { IdListSchema } from './id-list-schema.js';

/**
 * The states of the visit lifecycle (v2). `closed` and `cancelled` are final.
 *
 * @example
 * ```ts
 * VISIT_MACHINE_STATES.includes('signatureRefused'); // true (new in v2)
 * ```
 */
export const VISIT_MACHINE_STATES = ['planned', 'underway', 'answered', 'minutesDrafted', 'minutesSigned', 'signatureRefused', 'reviewed', 'closed', 'cancelled'] as const;

/**
 * A state of the visit lifecycle.
 *
 * @example
 * ```ts
 * const s: VisitMachineState = 'signatureRefused';
 * ```
 */
export type VisitMachineState = (typeof VISIT_MACHINE_STATES)[number];

/**
 * What a visit lifecycle starts from. The service computes the data; the machine checks it:
 * `nominatedDistrictRepIds` are the member ids nominated by the district's Culture-Information
 * office (Phòng VHTT) for `districtCode` (empty when none was nominated), `requiredItemIds` the
 * required checklist items of the pinned template version, `windowEnd` the last civil day of the
 * visit's planned window (`null`: no window).
 *
 * @example
 * ```ts
 * const input: VisitMachineInput = {
 *   visitId: 'visit-443-01', districtCode: '443', nominatedDistrictRepIds: ['m-vhtt-443'],
 *   assignedMemberIds: ['m-lead', 'm-vhtt-443'], requiredItemIds: ['a1', 'b1'], windowEnd: '2021-12-10',
 * };
 * ```
 */
export const VisitMachineInputSchema = z.object({
  visitId: IdSchema,
  districtCode: z.string().regex(/^\d{3}$/, 'a GSO district code has three digits'),
  nominatedDistrictRepIds: IdListSchema.default([]),
  assignedMemberIds: IdListSchema.pipe(z.array(IdSchema).min(1, 'assign at least one member')),
  requiredItemIds: IdListSchema.default([]),
  windowEnd: CivilDateSchema.nullable().default(null),
});
/**
 * Input of the visit lifecycle (see {@link VisitMachineInputSchema}).
 *
 * @example
 * ```ts
 * const input: VisitMachineInput = { visitId: 'v1', districtCode: '443', assignedMemberIds: ['m-lead'] };
 * ```
 */
export type VisitMachineInput = z.input<typeof VisitMachineInputSchema>;

/**
 * The two signatures of the minutes (biên bản): the inspected unit's representative (left
 * column, "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA") and the team lead (right, "TRƯỞNG ĐOÀN"). Each holds
 * the signer's person id, or `null` while unsigned.
 *
 * @example
 * ```ts
 * const s: VisitSignatures = { inspectedUnit: null, teamLead: 'm-lead' };
 * ```
 */
export const VisitSignaturesSchema = z.object({ inspectedUnit: IdSchema.nullable(), teamLead: IdSchema.nullable() });
/**
 * Signatures of the minutes (see {@link VisitSignaturesSchema}).
 *
 * @example
 * ```ts
 * const { inspectedUnit, teamLead }: VisitSignatures = context.signatures;
 * ```
 */
export type VisitSignatures = z.infer<typeof VisitSignaturesSchema>;

/**
 * The visit lifecycle's context (v2): only what its guards and `clock.tick` need.
 *
 * @example
 * ```ts
 * VisitMachineContextSchema.parse(snapshot.context).signatureRefusalReason; // null
 * ```
 */
export const VisitMachineContextSchema = z.object({
  visitId: IdSchema,
  districtCode: z.string().regex(/^\d{3}$/),
  nominatedDistrictRepIds: IdListSchema,
  assignedMemberIds: IdListSchema,
  requiredItemIds: IdListSchema,
  answeredItemIds: IdListSchema,
  signatures: VisitSignaturesSchema,
  /** The unit's stated reason for refusing to sign; `null` unless refused. */
  signatureRefusalReason: TextSchema.nullable(),
  windowEnd: CivilDateSchema.nullable(),
  /** Set by `clock.tick` while planned or underway once `today` is after `windowEnd`. */
  overdue: z.boolean(),
});
/**
 * Context of the visit lifecycle (see {@link VisitMachineContextSchema}).
 *
 * @example
 * ```ts
 * const missing = unansweredRequiredItemIds(result.context as VisitMachineContext);
 * ```
 */
export type VisitMachineContext = z.infer<typeof VisitMachineContextSchema>;

/**
 * Every event of the visit lifecycle (v2):
 *
 * | event | payload |
 * |---|---|
 * | `members.assign` | `memberIds` (≥ 1, unique) — replaces the assigned members |
 * | `visit.reschedule` | `windowEnd` (civil date) |
 * | `visit.start` / `checklist.complete` / `minutes.draft` / `minutes.sign` / `visit.review` / `visit.close` | — |
 * | `visit.cancel` | `reason` (non-empty text) |
 * | `item.answer` | `itemId` |
 * | `signature.record` | `party: 'inspectedUnit' \| 'teamLead'`, `signerId` |
 * | `minutes.refuseSignature` | `reason` (text; the guard refuses it empty) |
 * | `clock.tick` | `today` (civil date) |
 *
 * @example
 * ```ts
 * VisitMachineEventSchema.parse({ type: 'signature.record', party: 'teamLead', signerId: 'm-lead' });
 * ```
 */
export const VisitMachineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('members.assign'), memberIds: IdListSchema.pipe(z.array(IdSchema).min(1)) }),
  z.object({ type: z.literal('visit.reschedule'), windowEnd: CivilDateSchema }),
  z.object({ type: z.literal('visit.start') }),
  z.object({ type: z.literal('visit.cancel'), reason: TextSchema }),
  z.object({ type: z.literal('item.answer'), itemId: IdSchema }),
  z.object({ type: z.literal('checklist.complete') }),
  z.object({ type: z.literal('minutes.draft') }),
  z.object({ type: z.literal('signature.record'), party: z.enum(['inspectedUnit', 'teamLead']), signerId: IdSchema }),
  z.object({ type: z.literal('minutes.sign') }),
  z.object({ type: z.literal('minutes.refuseSignature'), reason: OptionalTextSchema }),
  z.object({ type: z.literal('visit.review') }),
  z.object({ type: z.literal('visit.close') }),
  ClockTickEventSchema,
]);
/**
 * An event of the visit lifecycle (see {@link VisitMachineEventSchema}).
 *
 * @example
 * ```ts
 * const e: VisitMachineEvent = { type: 'minutes.refuseSignature', reason: 'Không đồng ý kết luận' };
 * ```
 */
export type VisitMachineEvent = z.infer<typeof VisitMachineEventSchema>;
