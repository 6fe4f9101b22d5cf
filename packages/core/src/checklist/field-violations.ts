import { match } from 'ts-pattern';
import { z } from 'zod';
import type { ChecklistAnswerType, ChecklistFieldValue, ChecklistValueType } from '../entities/checklist-field.js';
import type { BilingualText } from '../entities/primitives.js';
import { isCivilDate } from '../text/civil-date.js';
import type { ChecklistViolation } from './checklist-evaluation.js';
import { checklistConfigurationError } from './plugin-support.js';

const HttpUrlSchema = z.url({ protocol: /^https?$/ });

/** @internal What a value of each type must be, for messages. */
const EXPECTED: Readonly<Record<ChecklistValueType, BilingualText>> = {
  count: { vi: 'một số nguyên không âm', en: 'a non-negative whole number' },
  decimal: { vi: 'một số không âm', en: 'a non-negative number' },
  boolean: { vi: 'có/không (true/false)', en: 'yes/no (true/false)' },
  text: { vi: 'văn bản', en: 'text' },
  civilDate: { vi: 'một ngày dạng YYYY-MM-DD', en: 'a YYYY-MM-DD date' },
  url: { vi: 'một địa chỉ http(s)', en: 'an http(s) address' },
};

/**
 * @internal True when `value` fits `valueType`.
 * @example
 * ```ts
 * fitsValueType('count', 2.5); // false
 * ```
 */
export function fitsValueType(valueType: ChecklistValueType, value: ChecklistFieldValue): boolean {
  return match(valueType)
    .with('count', () => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    .with('decimal', () => typeof value === 'number' && Number.isFinite(value) && value >= 0)
    .with('boolean', () => typeof value === 'boolean')
    .with('text', () => typeof value === 'string')
    .with('civilDate', () => typeof value === 'string' && isCivilDate(value))
    .with('url', () => typeof value === 'string' && HttpUrlSchema.safeParse(value).success)
    .exhaustive();
}

/**
 * @internal Violations of an item's extra fields against its answer type: unknown fields,
 * values of the wrong type, and issues found by a plugin answer type's schema. A plugin schema
 * that throws is a `ConfigurationError` (plugin code must not throw).
 * @example
 * ```ts
 * fieldViolations('b1', answerType, { pointsCount: -1 }, undefined)[0]?.path; // ['answers', 'b1', 'fields', 'pointsCount']
 * ```
 */
export function fieldViolations(
  itemId: string,
  answerType: ChecklistAnswerType,
  fields: Readonly<Record<string, ChecklistFieldValue>>,
  pluginSchema: z.ZodType | undefined,
): ChecklistViolation[] {
  const violations: ChecklistViolation[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const path = ['answers', itemId, 'fields', key];
    const definition = Object.hasOwn(answerType.fields, key) ? answerType.fields[key] : undefined;
    if (definition === undefined) {
      violations.push({
        rule: 'answerType',
        messageVi: `Trường "${key}" không thuộc nội dung ${itemId} (${answerType.label.vi}); hãy bỏ trường này.`,
        messageEn: `Field "${key}" is not part of item ${itemId} (${answerType.label.en}); remove it.`,
        path,
      });
    } else if (!fitsValueType(definition.valueType, value)) {
      const expected = EXPECTED[definition.valueType];
      violations.push({
        rule: 'answerType',
        messageVi: `Trường "${definition.label.vi}" phải là ${expected.vi}.`,
        messageEn: `Field "${definition.label.en}" must be ${expected.en}.`,
        path,
      });
    }
  }
  if (pluginSchema === undefined) return violations;
  let result: ReturnType<z.ZodType['safeParse']>;
  try {
    result = pluginSchema.safeParse(fields);
  } catch (cause) {
    throw checklistConfigurationError(
      `lược đồ của kiểu trả lời "${answerType.label.vi}" (phần mở rộng "${answerType.providedBy ?? ''}") gây lỗi`,
      `the schema of answer type "${answerType.label.en}" (plugin "${answerType.providedBy ?? ''}") threw`,
      cause,
    );
  }
  if (!result.success) {
    for (const issue of result.error.issues) {
      violations.push({
        rule: 'answerType',
        messageVi: `Trường không hợp lệ theo kiểu trả lời "${answerType.label.vi}": ${issue.message}.`,
        messageEn: `Invalid field for answer type "${answerType.label.en}": ${issue.message}.`,
        path: ['answers', itemId, 'fields', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      });
    }
  }
  return violations;
}
