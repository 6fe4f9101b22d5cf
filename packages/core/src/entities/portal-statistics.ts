import { z } from 'zod';
import { CivilDateSchema, CountSchema, IdSchema, TenantIdSchema } from './primitives.js';

/**
 * One day of a target's figures from the management portal (quanly.pccovid.gov.vn):
 * registered points, scans, distinct visitors. High-volume typed rows (millions per province),
 * stored through the adapter's bulk path, not as JSON documents.
 *
 * @example
 * ```ts
 * PortalStatisticsSchema.parse({ tenantId: '42', targetId: 'tg-1', districtCode: '436', date: '2021-12-01',
 *   registeredPoints: 3, scans: 120, distinctVisitors: 95 })
 * ```
 */
export const PortalStatisticsSchema = z.strictObject({
  tenantId: TenantIdSchema,
  targetId: IdSchema,
  districtCode: z.string().regex(/^\d{3}$/),
  date: CivilDateSchema,
  registeredPoints: CountSchema,
  scans: CountSchema,
  distinctVisitors: CountSchema,
});
export type PortalStatistics = z.infer<typeof PortalStatisticsSchema>;
