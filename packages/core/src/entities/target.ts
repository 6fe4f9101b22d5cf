import { z } from 'zod';
import { LocationQrPointSchema } from './location-qr-point.js';
import { boundedList, IdSchema, INPUT_LIMITS, ShortTextSchema, TenantIdSchema } from './primitives.js';
import { TargetTypeSchema } from './target-type.js';

/**
 * An inspected unit: an agency, business, hospital, market, office or school, in a district.
 * Its representative's contact is personal data, masked for roles that need not see it.
 *
 * @example
 * ```ts
 * TargetSchema.parse({ tenantId: '42', id: 'tg-1', campaignId: 'c-1', name: 'Chợ Hà Tĩnh', type: 'market',
 *   districtCode: '436', address: 'Phường Nam Hà, TP Hà Tĩnh', organizationId: null,
 *   representativePersonId: null, qrPoints: [] })
 * ```
 */
export const TargetSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  name: ShortTextSchema,
  type: TargetTypeSchema,
  /** GSO district code (2021 era). */
  districtCode: z.string().regex(/^\d{3}$/),
  address: ShortTextSchema,
  organizationId: IdSchema.nullable(),
  /** The person who represents the unit (receives results notices; may see its own visits once started). */
  representativePersonId: IdSchema.nullable(),
  qrPoints: boundedList(LocationQrPointSchema, INPUT_LIMITS.lists.qrPoints, 'điểm mã QR / QR points'),
});
export type Target = z.infer<typeof TargetSchema>;
