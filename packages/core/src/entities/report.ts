import { NumberSymbolSchema } from './document-reference.js';
import { z } from 'zod';
import { CivilDateSchema, IdSchema, TenantIdSchema, TextSchema } from './primitives.js';

/**
 * The results report (Báo cáo kết quả kiểm tra) to the Provincial People's Committee. Its
 * figures are computed from the campaign's visits; this record keeps what was issued.
 *
 * @example
 * ```ts
 * ReportSchema.parse({ tenantId: '42', id: 'bc-1', campaignId: 'c-1', numberSymbol: '12/BC-STTTT', issuedOn: '2022-01-05',
 *   addressedToOrganizationId: 'org-ubnd-tinh', unitsInspected: 12, unitsCompliant: 9, summary: 'Kết quả kiểm tra …' })
 * ```
 */
export const ReportSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  numberSymbol: NumberSymbolSchema,
  issuedOn: CivilDateSchema,
  addressedToOrganizationId: IdSchema,
  unitsInspected: z.number().int().nonnegative(),
  unitsCompliant: z.number().int().nonnegative(),
  summary: TextSchema,
});
export type Report = z.infer<typeof ReportSchema>;
