import { z } from 'zod';
import { CHECKLIST_ANSWER_LABELS, ChecklistAnswerSchema, type ChecklistAnswer } from './checklist-answer.js';
import { IdSchema, TextSchema } from './primitives.js';

/** An item's verdict: Đạt / Chưa đạt / Không áp dụng — the checklist answer itself. */
export const VerdictSchema = ChecklistAnswerSchema;
export type Verdict = ChecklistAnswer;

/** Vietnamese and English labels of verdicts (the checklist answer labels). */
export const VERDICT_LABELS = CHECKLIST_ANSWER_LABELS;

/**
 * A finding of a visit on one checklist item, as written into the minutes.
 *
 * @example
 * ```ts
 * FindingSchema.parse({ itemId: 'b2', verdict: 'not_met', note: 'Niêm yết mã QR của ứng dụng Bluezone cũ', critical: true })
 * ```
 */
export const FindingSchema = z.strictObject({
  itemId: IdSchema,
  verdict: VerdictSchema,
  note: TextSchema.nullable(),
  critical: z.boolean(),
});
export type Finding = z.infer<typeof FindingSchema>;
