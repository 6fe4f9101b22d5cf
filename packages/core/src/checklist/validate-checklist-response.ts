import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistResponse } from '../entities/checklist-response.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import type { ChecklistEvaluation } from './checklist-evaluation.js';
import type { ChecklistPlugin } from './checklist-plugin.js';
import { compiledChecklist } from './compiled-checklist.js';
import type { VerifierRecordEntry } from './evaluate-item.js';
import { assertChecklistPinned } from './evaluate-checklist.js';
import type { EvaluateChecklistOptions } from './evaluate-checklist.js';

const NO_PLUGINS: readonly ChecklistPlugin[] = Object.freeze([]);

/**
 * Options of `validateChecklistResponse`.
 *
 * @example
 * ```ts
 * validateChecklistResponse(template, draft, { allowUnanswered: true });
 * ```
 */
export interface ValidateChecklistResponseOptions extends EvaluateChecklistOptions {
  /**
   * Accept required items that are not answered yet (to check a draft). Minutes need `false`.
   * @default false
   */
  allowUnanswered?: boolean;
}

/**
 * Parses a response (NFC-normalising its text) and checks it against its template: it must be
 * pinned to the template's id and version, break no rule, record only fields of each item's
 * answer type, answer only items the template has, and (unless `allowUnanswered`) answer every
 * required item. Returns the parsed response with its evaluation; otherwise throws one
 * `ValidationError` listing every problem, with paths such as `['answers', 'b2', 'evidence']`
 * and the rule kind as the issue `code`. Used before minutes are drawn up.
 *
 * @example
 * ```ts
 * try { validateChecklistResponse(PC_COVID_CHECKLIST_V1, input) } catch (e) {
 *   if (ValidationError.isInstance(e)) e.issues.map((i) => i.path.join('.')); // ['answers.b2.evidence']
 * }
 * ```
 */
export function validateChecklistResponse(
  template: ChecklistTemplate,
  input: unknown,
  options: ValidateChecklistResponseOptions = {},
): { response: ChecklistResponse; evaluation: ChecklistEvaluation } {
  const { response, evaluation } = validateChecklistResponseWithRecords(template, input, options);
  return { response, evaluation };
}

/**
 * @internal `validateChecklistResponse`, also returning what the evidence verifiers found on
 * photos (their `record`s), for the service to stamp on the evidence before it commits.
 * @example
 * ```ts
 * const { response, records } = validateChecklistResponseWithRecords(template, merged, { plugins });
 * ```
 */
export function validateChecklistResponseWithRecords(
  template: ChecklistTemplate,
  input: unknown,
  options: ValidateChecklistResponseOptions = {},
): { response: ChecklistResponse; evaluation: ChecklistEvaluation; records: VerifierRecordEntry[] } {
  const response = parseOrThrow(ChecklistResponseSchema, input, 'ChecklistResponse');
  assertChecklistPinned(template, response);
  const compiled = compiledChecklist(template, options.plugins ?? NO_PLUGINS);
  const records: VerifierRecordEntry[] = [];
  const evaluated = compiled.evaluateItems(response, records);
  const issues: ValidationIssue[] = [];
  let hint = ''; // built as one string: nothing needs the lines apart
  const addHint = (line: string): void => {
    hint = hint === '' ? line : `${hint}\n${line}`;
  };
  for (const { evaluation: item } of evaluated.all) {
    for (const violation of item.violations) {
      issues.push({ path: violation.path, code: violation.rule, message: violation.messageEn });
      addHint(`${violation.messageVi} / ${violation.messageEn}`);
    }
    if (!options.allowUnanswered && item.required && item.answer === null) {
      issues.push({ path: ['answers', item.itemId, 'answer'], code: 'unanswered', message: `item ${item.itemId} must be answered` });
      addHint(`Nội dung ${item.itemId} chưa được đánh giá. / Item ${item.itemId} must be answered.`);
    }
  }
  for (const id of evaluated.unknownItemIds) {
    issues.push({ path: ['answers', id], code: 'unknown_item', message: `template ${template.id} version ${template.version} has no item "${id}"` });
    addHint(`Mẫu ${template.id} phiên bản ${template.version} không có nội dung "${id}". / Template ${template.id} version ${template.version} has no item "${id}".`);
  }
  if (issues.length > 0) throw new ValidationError({ subject: 'ChecklistResponse', issues, hint });
  // Rolled up only once the response is known to be valid: a refused one needs no verdicts.
  const evaluation = compiled.rollUp(evaluated);
  return { response, evaluation, records };
}
