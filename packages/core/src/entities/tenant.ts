import { z } from 'zod';
import { ProvinceCodeSchema, ShortTextSchema } from './primitives.js';

/**
 * A tenant: one province running campaigns. Every record carries its `tenantId`, and records
 * never cross tenants. For Hà Tĩnh the id is its GSO code, `42`.
 *
 * @example
 * ```ts
 * TenantSchema.parse({ id: '42', provinceCode: '42', name: 'Hà Tĩnh', placeName: 'Hà Tĩnh' })
 * ```
 */
export const TenantSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  provinceCode: ProvinceCodeSchema,
  /** The province's name, e.g. "Hà Tĩnh". */
  name: ShortTextSchema,
  /** The place written in the Decree 30 date line ("Hà Tĩnh, ngày …"). */
  placeName: ShortTextSchema,
});
export type Tenant = z.infer<typeof TenantSchema>;
