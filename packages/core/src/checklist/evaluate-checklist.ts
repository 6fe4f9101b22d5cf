import type { ChecklistResponse } from '../entities/checklist-response.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import type { ChecklistEvaluation } from './checklist-evaluation.js';
import type { ChecklistPlugin } from './checklist-plugin.js';
import { compiledChecklist } from './compiled-checklist.js';

const NO_PLUGINS: readonly ChecklistPlugin[] = Object.freeze([]);

/**
 * Options of `evaluateChecklist` and `validateChecklistResponse`.
 *
 * @example
 * ```ts
 * const options: EvaluateChecklistOptions = { plugins: [qrVerify] };
 * ```
 */
export interface EvaluateChecklistOptions {
  /**
   * The plugins the template was built with (`template.plugins`), in the same versions; their
   * answer-type schemas, rule kinds and evidence verifiers take part. Others are ignored.
   * @default []
   */
  plugins?: readonly ChecklistPlugin[];
}

/**
 * Throws `ValidationError` unless `response` was started with this very template (same `id`
 * and `version`): a visit stays pinned to the template version it started with.
 *
 * @example
 * ```ts
 * assertChecklistPinned(PC_COVID_CHECKLIST_V1, response); // throws if response.templateVersion !== '1'
 * ```
 */
export function assertChecklistPinned(template: ChecklistTemplate, response: Pick<ChecklistResponse, 'templateId' | 'templateVersion'>): void {
  const issues: ValidationIssue[] = [];
  if (response.templateId !== template.id) {
    issues.push({
      path: ['templateId'],
      code: 'template_mismatch',
      message: `the response belongs to template "${response.templateId}", not "${template.id}"`,
    });
  }
  if (response.templateVersion !== template.version) {
    issues.push({
      path: ['templateVersion'],
      code: 'version_mismatch',
      message: `the response is pinned to version ${response.templateVersion}; evaluate it against that version, not ${template.version}`,
    });
  }
  if (issues.length > 0) {
    throw new ValidationError({
      subject: 'ChecklistResponse',
      issues,
      hint:
        `Mẫu kiểm tra của một lượt kiểm tra được cố định theo phiên bản lúc bắt đầu (${response.templateVersion}); hãy dùng đúng phiên bản đó. / ` +
        'A visit is pinned to the template version it started with.',
    });
  }
}

/**
 * Evaluates a checklist response against the template it is pinned to. Pure and deterministic.
 *
 * - An item with a rule violation (or a field that does not fit its answer type, or evidence a
 *   plugin verifier rejects) is `invalid`: the response must be fixed.
 * - The unit is `non_compliant` when a critical item is validly Chưa đạt, or when more
 *   non-critical items are Chưa đạt than `template.compliance.nonCriticalNotMetTolerance`
 *   (0 in `PC_COVID_CHECKLIST_V1`: any Chưa đạt). Otherwise it is `incomplete` while an item is
 *   invalid, a required item unanswered or an answer names an unknown item; else `compliant`.
 * - A section is `non_compliant` when any of its items is Chưa đạt, `incomplete` when one is
 *   invalid or required and unanswered, else `compliant`.
 *
 * Throws `ValidationError` when the response is pinned to another template id or version, and
 * `ConfigurationError` when the template's plugins are not passed or their code misbehaves.
 *
 * @example
 * ```ts
 * const result = evaluateChecklist(PC_COVID_CHECKLIST_V1, response);
 * result.unit.verdict;                                 // 'non_compliant'
 * result.items.find((i) => i.itemId === 'b2')?.verdict; // 'not_met'
 * ```
 */
export function evaluateChecklist(template: ChecklistTemplate, response: ChecklistResponse, options: EvaluateChecklistOptions = {}): ChecklistEvaluation {
  assertChecklistPinned(template, response);
  return compiledChecklist(template, options.plugins ?? NO_PLUGINS).evaluate(response);
}
