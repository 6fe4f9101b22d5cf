import { z } from 'zod';
import { ChecklistFieldIdSchema, ChecklistFieldValueSchema } from './checklist-field.js';
import { EvidenceKindSchema } from './evidence.js';
import { atMostKeys, BilingualTextSchema, INPUT_LIMITS } from './primitives.js';

/**
 * When a rule applies: to one answer, or to any given answer (`answered`). Rules never
 * apply to an unanswered item.
 *
 * @example
 * ```ts
 * ChecklistRuleWhenSchema.parse('not_met') // 'not_met'
 * ```
 */
export const ChecklistRuleWhenSchema = z.enum(['met', 'not_met', 'not_applicable', 'answered']);
export type ChecklistRuleWhen = z.infer<typeof ChecklistRuleWhenSchema>;

/**
 * The id of a rule kind added by a plugin: `<plugin id>:<name>`, e.g. `qr-verify:payloadIsPcCovid`.
 *
 * @example
 * ```ts
 * ChecklistRuleTypeIdSchema.parse('qr-verify:payloadIsPcCovid')
 * ```
 */
export const ChecklistRuleTypeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}:[A-Za-z][A-Za-z0-9]{0,63}$/, 'a rule type is "<plugin id>:<name>", e.g. "qr-verify:payloadIsPcCovid"');
export type ChecklistRuleTypeId = z.infer<typeof ChecklistRuleTypeIdSchema>;

/** Every rule carries the message shown when it is violated, Vietnamese first. */
const message = BilingualTextSchema;

/** A finite threshold; `-0` is stored as `0` so a template survives a JSON round trip. */
const ThresholdSchema = z.number().overwrite((n) => (n === 0 ? 0 : n));

/**
 * A checklist rule, as data (the SafetyCulture "logic field" and ODK `constraint` /
 * `required` ideas). A violated rule makes the item `invalid`: the response must be fixed
 * before minutes are drawn up. Kinds:
 * - `requireNote` — a note must be written when the answer matches `when`;
 * - `requireEvidence` — at least `minCount` pieces of evidence of `evidenceKind`;
 * - `requireField` — the extra field must be filled in (non-empty);
 * - `minValue` — a numeric field, when filled in, must be ≥ `min`;
 * - `fieldAtMost` — a numeric field must not exceed another (e.g. zero-scan days ≤ days reviewed);
 * - `notApplicableForbidden` — the item may not be answered Không áp dụng;
 * - `derivedNotMet` — when a numeric field is greater than `greaterThan`, the facts make the item
 *   Chưa đạt, so answering Đạt contradicts them;
 * - `custom` — a rule kind added by a plugin (`type` = `<plugin id>:<name>`), with scalar `params`.
 *
 * @example
 * ```ts
 * ChecklistRuleSchema.parse({ kind: 'requireEvidence', evidenceKind: 'photo', minCount: 1, when: 'met',
 *   message: { vi: 'Đạt phải kèm ảnh chụp mã QR đã niêm yết.', en: 'A met answer needs a photo of the posted QR code.' } })
 * ```
 */
export const ChecklistRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('requireNote'), when: ChecklistRuleWhenSchema, message }),
  z.strictObject({
    kind: z.literal('requireEvidence'),
    evidenceKind: EvidenceKindSchema,
    minCount: z.number().int().min(1).max(1000),
    when: ChecklistRuleWhenSchema,
    message,
  }),
  z.strictObject({ kind: z.literal('requireField'), field: ChecklistFieldIdSchema, when: ChecklistRuleWhenSchema, message }),
  z.strictObject({
    kind: z.literal('minValue'),
    field: ChecklistFieldIdSchema,
    min: ThresholdSchema,
    when: ChecklistRuleWhenSchema,
    message,
  }),
  z.strictObject({
    kind: z.literal('fieldAtMost'),
    field: ChecklistFieldIdSchema,
    otherField: ChecklistFieldIdSchema,
    when: ChecklistRuleWhenSchema,
    message,
  }),
  z.strictObject({ kind: z.literal('notApplicableForbidden'), message }),
  z.strictObject({ kind: z.literal('derivedNotMet'), field: ChecklistFieldIdSchema, greaterThan: ThresholdSchema, message }),
  z.strictObject({
    kind: z.literal('custom'),
    type: ChecklistRuleTypeIdSchema,
    when: ChecklistRuleWhenSchema,
    params: z.record(ChecklistFieldIdSchema, ChecklistFieldValueSchema).refine(...atMostKeys(INPUT_LIMITS.lists.checklistFields, 'tham số / params')),
    message,
  }),
]);
export type ChecklistRule = z.infer<typeof ChecklistRuleSchema>;

/**
 * The kind of a rule (`requireNote`, `requireEvidence`, …, `custom`).
 *
 * @example
 * ```ts
 * const kind: ChecklistRuleKind = 'minValue';
 * ```
 */
export type ChecklistRuleKind = ChecklistRule['kind'];
