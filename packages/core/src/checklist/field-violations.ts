import { match } from 'ts-pattern';
import { z } from 'zod';
import type { ChecklistAnswerType, ChecklistFieldValue, ChecklistValueType } from '../entities/checklist-field.js';
import type { BilingualText } from '../entities/primitives.js';
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number written by the ASCII digits of `value` from `start` to `end`, or -1 if one is not a digit. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * @internal `isCivilDate` (a real `YYYY-MM-DD` day of the proleptic Gregorian calendar) by
 * arithmetic, without a regular expression or `Date`s: it runs for every date field of every response.
 * @example
 * ```ts
 * isCivilDateFast('2021-02-29'); // false
 * ```
 */
export function isCivilDateFast(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * @internal The check of a value type, chosen once (when a template is compiled).
 * @example
 * ```ts
 * valueTypeCheck('count')(2.5); // false
 * ```
 */
export function valueTypeCheck(valueType: ChecklistValueType): (value: ChecklistFieldValue) => boolean {
  return match(valueType)
    .returnType<(value: ChecklistFieldValue) => boolean>()
    .with('count', () => (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    .with('decimal', () => (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0)
    .with('boolean', () => (value) => typeof value === 'boolean')
    .with('text', () => (value) => typeof value === 'string')
    .with('civilDate', () => (value) => typeof value === 'string' && isCivilDateFast(value))
    .with('url', () => (value) => typeof value === 'string' && HttpUrlSchema.safeParse(value).success)
    .exhaustive();
}

/**
 * @internal True when `value` fits `valueType`.
 * @example
 * ```ts
 * fitsValueType('count', 2.5); // false
 * ```
 */
export function fitsValueType(valueType: ChecklistValueType, value: ChecklistFieldValue): boolean {
  return valueTypeCheck(valueType)(value);
}

/**
 * @internal The field check of one item, compiled once per template: appends to `violations`
 * the violations of an item's extra fields against its answer type — unknown fields, values of
 * the wrong type, and issues found by a plugin answer type's schema. A plugin schema that throws
 * is a `ConfigurationError` (plugin code must not throw).
 * @example
 * ```ts
 * const check: CompiledFieldCheck = compileFieldCheck('b1', answerType, undefined);
 * ```
 */
export type CompiledFieldCheck = (fields: Readonly<Record<string, ChecklistFieldValue>>, violations: ChecklistViolation[]) => void;

interface CompiledField {
  fits: (value: ChecklistFieldValue) => boolean;
  messageVi: string;
  messageEn: string;
}

/**
 * @internal Compiles the field check of item `itemId` (see {@link CompiledFieldCheck}).
 * @example
 * ```ts
 * const violations: ChecklistViolation[] = [];
 * compileFieldCheck('b1', answerType, undefined)({ pointsCount: -1 }, violations);
 * violations[0]?.path; // ['answers', 'b1', 'fields', 'pointsCount']
 * ```
 */
export function compileFieldCheck(itemId: string, answerType: ChecklistAnswerType, pluginSchema: z.ZodType | undefined): CompiledFieldCheck {
  const known = new Map<string, CompiledField>();
  for (const [key, definition] of Object.entries(answerType.fields)) {
    const expected = EXPECTED[definition.valueType];
    known.set(key, {
      fits: valueTypeCheck(definition.valueType),
      messageVi: `Trường "${definition.label.vi}" phải là ${expected.vi}.`,
      messageEn: `Field "${definition.label.en}" must be ${expected.en}.`,
    });
  }
  return (fields, violations) => {
    for (const key of Object.keys(fields)) {
      const field = known.get(key);
      if (field === undefined) {
        violations.push({
          rule: 'answerType',
          messageVi: `Trường "${key}" không thuộc nội dung ${itemId} (${answerType.label.vi}); hãy bỏ trường này.`,
          messageEn: `Field "${key}" is not part of item ${itemId} (${answerType.label.en}); remove it.`,
          path: ['answers', itemId, 'fields', key],
        });
      } else if (!field.fits(fields[key] as ChecklistFieldValue)) {
        violations.push({ rule: 'answerType', messageVi: field.messageVi, messageEn: field.messageEn, path: ['answers', itemId, 'fields', key] });
      }
    }
    if (pluginSchema !== undefined) pluginViolations(itemId, answerType, fields, pluginSchema, violations);
  };
}

/**
 * @internal Violations of an item's extra fields against its answer type (compiles the check on
 * the spot: for one-off checks; evaluation uses the checks compiled with the template).
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
  compileFieldCheck(itemId, answerType, pluginSchema)(fields, violations);
  return violations;
}

function pluginViolations(
  itemId: string,
  answerType: ChecklistAnswerType,
  fields: Readonly<Record<string, ChecklistFieldValue>>,
  pluginSchema: z.ZodType,
  violations: ChecklistViolation[],
): void {
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
}
