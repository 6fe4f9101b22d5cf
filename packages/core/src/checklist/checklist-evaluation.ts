import { z } from 'zod';
import { ChecklistAnswerSchema } from '../entities/checklist-answer.js';
import { ChecklistVersionSchema } from '../entities/checklist-template.js';
import { IdSchema } from '../entities/primitives.js';

/**
 * A rule a response breaks, with the path to fix (`['answers', 'b2', 'evidence']`). `rule` is the
 * rule kind (`requireNote`, `minValue`…), a plugin rule or verifier (`qr-verify:payloadIsPcCovid`),
 * or `answerType` when a field does not fit the item's answer type.
 *
 * @example
 * ```ts
 * const v: ChecklistViolation = { rule: 'requireNote', messageVi: 'Chưa đạt phải ghi rõ lý do.',
 *   messageEn: 'A not-met answer needs a note.', path: ['answers', 'b3', 'note'] };
 * ```
 */
export const ChecklistViolationSchema = z.strictObject({
  rule: z.string().min(1),
  messageVi: z.string(),
  messageEn: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
});
export type ChecklistViolation = z.infer<typeof ChecklistViolationSchema>;

/**
 * Why a section or the unit got its verdict:
 * `critical_not_met`, `not_met`, `tolerance_exceeded`, `unanswered`, `invalid`,
 * `unknown_item` (an answer for an item the template lacks) or `all_satisfied`.
 *
 * @example
 * ```ts
 * ChecklistReasonCodeSchema.parse('critical_not_met')
 * ```
 */
export const ChecklistReasonCodeSchema = z.enum(['critical_not_met', 'not_met', 'tolerance_exceeded', 'unanswered', 'invalid', 'unknown_item', 'all_satisfied']);
export type ChecklistReasonCode = z.infer<typeof ChecklistReasonCodeSchema>;

/**
 * One reason, Vietnamese first, naming the item it is about (if any).
 *
 * @example
 * ```ts
 * const r: ChecklistReason = { code: 'critical_not_met', itemId: 'b2',
 *   messageVi: 'Mục b2 (trọng yếu) Chưa đạt: …', messageEn: 'Item b2 (critical) is not met: …' };
 * ```
 */
export const ChecklistReasonSchema = z.strictObject({
  code: ChecklistReasonCodeSchema,
  itemId: IdSchema.nullable(),
  messageVi: z.string(),
  messageEn: z.string(),
});
export type ChecklistReason = z.infer<typeof ChecklistReasonSchema>;

/**
 * The verdict of a section or of the unit: `compliant`, `non_compliant`, or `incomplete`
 * (something must still be answered or fixed before a verdict can be given).
 *
 * @example
 * ```ts
 * ChecklistVerdictSchema.parse('non_compliant')
 * ```
 */
export const ChecklistVerdictSchema = z.enum(['compliant', 'non_compliant', 'incomplete']);
export type ChecklistVerdict = z.infer<typeof ChecklistVerdictSchema>;

/**
 * The verdict of one item: its answer, `unanswered`, or `invalid` when a rule is violated
 * (then `answer` still shows what was answered).
 *
 * @example
 * ```ts
 * ChecklistItemVerdictSchema.parse('invalid')
 * ```
 */
export const ChecklistItemVerdictSchema = z.enum(['met', 'not_met', 'not_applicable', 'unanswered', 'invalid']);
export type ChecklistItemVerdict = z.infer<typeof ChecklistItemVerdictSchema>;

/**
 * The evaluation of one item.
 *
 * @example
 * ```ts
 * evaluation.items.find((i) => i.itemId === 'b2')?.violations
 * ```
 */
export const ChecklistItemEvaluationSchema = z.strictObject({
  itemId: IdSchema,
  sectionId: IdSchema,
  critical: z.boolean(),
  required: z.boolean(),
  answer: ChecklistAnswerSchema.nullable(),
  verdict: ChecklistItemVerdictSchema,
  violations: z.array(ChecklistViolationSchema),
});
export type ChecklistItemEvaluation = z.infer<typeof ChecklistItemEvaluationSchema>;

/**
 * The roll-up of one section: counts per item verdict, a verdict and its reasons. A section is
 * `non_compliant` when any of its items is Chưa đạt (the tolerance applies to the unit only),
 * `incomplete` when none is but one is invalid or required and unanswered, else `compliant`.
 *
 * @example
 * ```ts
 * evaluation.sections.map((s) => `${s.id}: ${s.met}/${s.met + s.notMet}`)
 * ```
 */
export const ChecklistSectionEvaluationSchema = z.strictObject({
  id: IdSchema,
  verdict: ChecklistVerdictSchema,
  met: z.number().int().nonnegative(),
  notMet: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
  unanswered: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  reasons: z.array(ChecklistReasonSchema),
});
export type ChecklistSectionEvaluation = z.infer<typeof ChecklistSectionEvaluationSchema>;

/**
 * The result of `evaluateChecklist`: the unit verdict with its reasons, section roll-ups, item
 * results, and whether every required item has an answer.
 *
 * @example
 * ```ts
 * const { unit } = evaluateChecklist(PC_COVID_CHECKLIST_V1, response);
 * if (unit.verdict === 'non_compliant') unit.reasons.forEach((r) => console.log(r.messageVi));
 * ```
 */
export const ChecklistEvaluationSchema = z.strictObject({
  templateId: IdSchema,
  templateVersion: ChecklistVersionSchema,
  unit: z.strictObject({ verdict: ChecklistVerdictSchema, reasons: z.array(ChecklistReasonSchema) }),
  sections: z.array(ChecklistSectionEvaluationSchema),
  items: z.array(ChecklistItemEvaluationSchema),
  requiredAnswered: z.boolean(),
});
export type ChecklistEvaluation = z.infer<typeof ChecklistEvaluationSchema>;
