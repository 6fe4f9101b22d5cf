import { z } from 'zod';
import type { BilingualText } from './primitives.js';

/**
 * The answer to one checklist item: Đạt (`met`), Chưa đạt (`not_met`) or Không áp dụng
 * (`not_applicable`).
 *
 * @example
 * ```ts
 * ChecklistAnswerSchema.parse('not_met') // 'not_met'
 * ```
 */
export const ChecklistAnswerSchema = z.enum(['met', 'not_met', 'not_applicable']);
export type ChecklistAnswer = z.infer<typeof ChecklistAnswerSchema>;

/**
 * The printed label of each answer, Vietnamese first with English beside it.
 *
 * @example
 * ```ts
 * CHECKLIST_ANSWER_LABELS.not_met.vi // 'Chưa đạt'
 * ```
 */
export const CHECKLIST_ANSWER_LABELS: Readonly<Record<ChecklistAnswer, Readonly<BilingualText>>> = Object.freeze({
  met: Object.freeze({ vi: 'Đạt', en: 'Met' }),
  not_met: Object.freeze({ vi: 'Chưa đạt', en: 'Not met' }),
  not_applicable: Object.freeze({ vi: 'Không áp dụng', en: 'Not applicable' }),
});
