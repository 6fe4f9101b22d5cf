import { z } from 'zod';
import { atMostKeys, BilingualShortTextSchema, INPUT_LIMITS, OptionalTextSchema } from './primitives.js';

/**
 * The value type of an extra field recorded with an answer:
 * - `count`: a non-negative integer (QR points, days, cases);
 * - `decimal`: a non-negative finite number (an average per day, a size in cm);
 * - `boolean`: yes/no;
 * - `text`: free text (NFC);
 * - `civilDate`: a `YYYY-MM-DD` civil date;
 * - `url`: an `http(s)` address.
 *
 * @example
 * ```ts
 * ChecklistValueTypeSchema.parse('count') // 'count'
 * ```
 */
export const ChecklistValueTypeSchema = z.enum(['count', 'decimal', 'boolean', 'text', 'civilDate', 'url']);
export type ChecklistValueType = z.infer<typeof ChecklistValueTypeSchema>;

/**
 * One typed extra field of an answer type, e.g. "Số điểm đã tạo mã QR" (a `count`).
 *
 * @example
 * ```ts
 * ChecklistFieldDefinitionSchema.parse({ label: { vi: 'Cạnh mã QR niêm yết', en: 'Side of the posted QR code' },
 *   valueType: 'decimal', unit: { vi: 'cm', en: 'cm' } })
 * ```
 */
export const ChecklistFieldDefinitionSchema = z.strictObject({
  label: BilingualShortTextSchema,
  valueType: ChecklistValueTypeSchema,
  /** Unit printed after the value, e.g. "cm", "lượt/ngày". */
  unit: BilingualShortTextSchema.optional(),
});
export type ChecklistFieldDefinition = z.infer<typeof ChecklistFieldDefinitionSchema>;

/**
 * A field id: camelCase letters and digits, e.g. `pointsCount`, `zeroScanDays`.
 *
 * @example
 * ```ts
 * ChecklistFieldIdSchema.parse('scansPerDay') // 'scansPerDay'
 * ```
 */
export const ChecklistFieldIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'a field id is camelCase letters and digits, e.g. "pointsCount"');
export type ChecklistFieldId = z.infer<typeof ChecklistFieldIdSchema>;

/**
 * A plugin id: lower-case kebab-case, e.g. `qr-verify`. It namespaces what a plugin adds
 * (`qr-verify:payloadIsPcCovid`) and appears in derived template versions (`1+qr-verify@1`).
 *
 * @example
 * ```ts
 * ChecklistPluginIdSchema.parse('qr-verify') // 'qr-verify'
 * ```
 */
export const ChecklistPluginIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'a plugin id is lower-case kebab-case, e.g. "qr-verify"');
export type ChecklistPluginId = z.infer<typeof ChecklistPluginIdSchema>;

/**
 * An answer type: a named kind of typed extra fields recorded with an answer (the answer
 * itself is always Đạt / Chưa đạt / Không áp dụng). Items name their answer type; several
 * items may share one. `providedBy` names the plugin whose zod schema further validates the
 * fields (see `defineChecklistPlugin`); core answer types have none.
 *
 * @example
 * ```ts
 * ChecklistAnswerTypeSchema.parse({ label: { vi: 'Số điểm mã QR', en: 'QR points' },
 *   fields: { pointsCount: { label: { vi: 'Số điểm đã tạo mã QR', en: 'Points with a QR code' }, valueType: 'count' } } })
 * ```
 */
export const ChecklistAnswerTypeSchema = z.strictObject({
  label: BilingualShortTextSchema,
  fields: z.record(ChecklistFieldIdSchema, ChecklistFieldDefinitionSchema).refine(...atMostKeys(INPUT_LIMITS.lists.checklistFields, 'trường / fields')),
  providedBy: ChecklistPluginIdSchema.optional(),
});
export type ChecklistAnswerType = z.infer<typeof ChecklistAnswerTypeSchema>;

/**
 * The value of one extra field as stored in a response: a finite number (`-0` is stored as
 * `0`), a boolean, or NFC text. The template's answer type says which is expected; the
 * evaluator checks it (a response is parsed without its template).
 *
 * @example
 * ```ts
 * ChecklistFieldValueSchema.parse(12) // 12
 * ```
 */
export const ChecklistFieldValueSchema = z.union([z.number().overwrite((n) => (n === 0 ? 0 : n)), z.boolean(), OptionalTextSchema]);
export type ChecklistFieldValue = z.infer<typeof ChecklistFieldValueSchema>;
