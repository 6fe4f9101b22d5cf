import { z } from 'zod';
import { IdSchema, INPUT_LIMITS, ShortTextSchema, TenantIdSchema } from './primitives.js';

/** What role an organisation plays in campaigns. */
export const OrganizationKindSchema = z.enum([
  'provincial_peoples_committee',
  'department',
  'department_unit',
  'district_peoples_committee',
  'district_office',
  'target_unit',
  'other',
]);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/**
 * A body: the issuing department, its inspectorate and IT division, the Department of Health,
 * each district's Culture and Information office, the Provincial People's Committee…
 *
 * @example
 * ```ts
 * OrganizationSchema.parse({ tenantId: '42', id: 'org-stttt', kind: 'department',
 *   name: 'Sở Thông tin và Truyền thông', upperName: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
 *   abbreviation: 'STTTT', parentId: 'org-ubnd-tinh', districtCode: null })
 * ```
 */
export const OrganizationSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  kind: OrganizationKindSchema,
  /** Name in normal case, e.g. "Sở Thông tin và Truyền thông". */
  name: ShortTextSchema,
  /** Name as written in a Decree 30 header, e.g. "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  upperName: ShortTextSchema,
  /** Abbreviation used in document symbols, e.g. "STTTT" in "05/KH-STTTT". */
  abbreviation: z
    .string()
    .max(INPUT_LIMITS.text.code)
    .regex(/^[\p{L}\d&]+$/u, 'letters, digits or &')
    .nullable(),
  /** Parent body (the Provincial People's Committee for a department), if any. */
  parentId: IdSchema.nullable(),
  /** GSO district code, for district-level bodies. */
  districtCode: z
    .string()
    .regex(/^\d{3}$/)
    .nullable(),
});
export type Organization = z.infer<typeof OrganizationSchema>;
