import { NumberSymbolSchema } from './document-reference.js';
import { z } from 'zod';
import { CivilDateSchema, IdSchema, TenantIdSchema } from './primitives.js';

/**
 * A results notice (Thông báo kết quả kiểm tra) sent to an inspected unit after the report.
 *
 * @example
 * ```ts
 * ResultNoticeSchema.parse({ tenantId: '42', id: 'tb-1', campaignId: 'c-1', targetId: 'tg-1',
 *   numberSymbol: '03/TB-STTTT', issuedOn: '2022-01-06', compliant: false })
 * ```
 */
export const ResultNoticeSchema = z.strictObject({
  tenantId: TenantIdSchema,
  id: IdSchema,
  campaignId: IdSchema,
  targetId: IdSchema,
  numberSymbol: NumberSymbolSchema,
  issuedOn: CivilDateSchema,
  compliant: z.boolean(),
});
export type ResultNotice = z.infer<typeof ResultNoticeSchema>;
