import { z } from 'zod';
import { IdSchema, TextSchema } from './primitives.js';

/** An item's verdict: Đạt / Chưa đạt / Không áp dụng. */
export const VerdictSchema = z.enum(['met', 'not_met', 'not_applicable']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Vietnamese and English labels of verdicts. */
export const VERDICT_LABELS: Record<Verdict, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Chưa đạt', en: 'Not met' },
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
};

/**
 * A finding of a visit on one checklist item, as written into the minutes.
 *
 * @example
 * ```ts
 * FindingSchema.parse({ itemId: 'b2', verdict: 'not_met', note: 'Niêm yết mã QR của ứng dụng Bluezone cũ', critical: true })
 * ```
 */
export const FindingSchema = z.object({
  itemId: IdSchema,
  verdict: VerdictSchema,
  note: TextSchema.nullable(),
  critical: z.boolean(),
});
export type Finding = z.infer<typeof FindingSchema>;
