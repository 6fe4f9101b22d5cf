import { z } from 'zod';
import { ChecklistAnswerSchema } from './checklist-answer.js';
import { ChecklistFieldIdSchema, ChecklistFieldValueSchema } from './checklist-field.js';
import { ChecklistVersionSchema } from './checklist-template.js';
import { EvidenceSchema } from './evidence.js';
import { atMostKeys, boundedList, IdSchema, INPUT_LIMITS, InstantSchema, OptionalTextSchema } from './primitives.js';

/**
 * The answer recorded for one checklist item: Đạt / Chưa đạt / Không áp dụng (or `null` while
 * still a draft), an optional note (NFC), the typed extra fields of the item's answer type, and
 * the evidence gathered. The template's rules are checked by `evaluateChecklist`, not here.
 *
 * @example
 * ```ts
 * ChecklistItemResponseSchema.parse({ answer: 'met', fields: { pointsCount: 3 }, evidence: [] })
 * ```
 */
export const ChecklistItemResponseSchema = z.strictObject({
  answer: ChecklistAnswerSchema.nullable(),
  /** Free-text note (ghi chú), e.g. why the item is Chưa đạt. */
  note: OptionalTextSchema.optional(),
  /** Extra field values keyed by field id (see the item's answer type). */
  fields: z.record(ChecklistFieldIdSchema, ChecklistFieldValueSchema).refine(...atMostKeys(INPUT_LIMITS.lists.checklistFields, 'trường / fields')),
  evidence: boundedList(EvidenceSchema, INPUT_LIMITS.lists.evidence, 'minh chứng / evidence items'),
});
export type ChecklistItemResponse = z.infer<typeof ChecklistItemResponseSchema>;

/**
 * The checklist filled in during one visit to one target unit. It is pinned to the template it
 * was started with (`templateId` + `templateVersion`): evaluating it against any other version is
 * a `ValidationError`. Items missing from `answers` are unanswered.
 *
 * @example
 * ```ts
 * ChecklistResponseSchema.parse({ templateId: 'pc-covid-qr', templateVersion: '1', targetId: 't-42-001',
 *   visitId: 'v-2021-12-14-01', answers: { b1: { answer: 'met', fields: { pointsCount: 2 }, evidence: [] } } })
 * ```
 */
export const ChecklistResponseSchema = z.strictObject({
  templateId: IdSchema,
  templateVersion: ChecklistVersionSchema,
  /** The inspected unit. */
  targetId: IdSchema,
  /** The visit during which the checklist was filled in. */
  visitId: IdSchema,
  /** Answers keyed by item id. */
  answers: z.record(IdSchema, ChecklistItemResponseSchema).refine(...atMostKeys(INPUT_LIMITS.lists.answers, 'câu trả lời / answers')),
  /** Person id of the team member who recorded the answers. */
  answeredBy: IdSchema.optional(),
  /** When the answers were last recorded (UTC instant). */
  answeredAt: InstantSchema.optional(),
});
export type ChecklistResponse = z.infer<typeof ChecklistResponseSchema>;
