import { match } from 'ts-pattern';
import type { ChecklistAnswer } from '../entities/checklist-answer.js';
import type { ChecklistAnswerType } from '../entities/checklist-field.js';
import type { ChecklistItemResponse } from '../entities/checklist-response.js';
import type { ChecklistRule, ChecklistRuleWhen } from '../entities/checklist-rule.js';
import type { ChecklistItem } from '../entities/checklist-template.js';
import type { ChecklistViolation } from './checklist-evaluation.js';
import type { ChecklistRuleOutcome } from './checklist-plugin.js';
import type { ChecklistRegistry } from './checklist-registry.js';
import { checklistConfigurationError } from './plugin-support.js';

/**
 * @internal An answered item a rule is checked against.
 * @example
 * ```ts
 * ruleViolation(rule, { item, answer: 'met', response, answerType, registry });
 * ```
 */
export interface RuleSubject {
  item: ChecklistItem;
  answer: ChecklistAnswer;
  response: ChecklistItemResponse;
  answerType: ChecklistAnswerType;
  registry: ChecklistRegistry;
}

/**
 * @internal True when a rule with `when` applies to `answer`.
 * @example
 * ```ts
 * ruleApplies('answered', 'not_applicable'); // true
 * ```
 */
export function ruleApplies(when: ChecklistRuleWhen, answer: ChecklistAnswer): boolean {
  return when === 'answered' || when === answer;
}

/**
 * @internal The violation of one rule by an answered item, or `null`. Numeric rules
 * (`minValue`, `fieldAtMost`, `derivedNotMet`) only judge values that are filled in and numeric:
 * a missing value is `requireField`'s business, a wrong type the answer type's.
 * @example
 * ```ts
 * ruleViolation({ kind: 'requireNote', when: 'not_met', message }, subject)?.path; // ['answers', 'b3', 'note']
 * ```
 */
export function ruleViolation(rule: ChecklistRule, subject: RuleSubject): ChecklistViolation | null {
  const { item, answer, response } = subject;
  const violation = (name: string, relative: readonly (string | number)[]): ChecklistViolation => ({
    rule: name,
    messageVi: rule.message.vi,
    messageEn: rule.message.en,
    path: ['answers', item.id, ...relative],
  });
  const numeric = (field: string): number | undefined => {
    const value = Object.hasOwn(response.fields, field) ? response.fields[field] : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const isFilled = (field: string): boolean => Object.hasOwn(response.fields, field) && response.fields[field] !== '';

  return match(rule)
    .with({ kind: 'requireNote' }, (r) =>
      ruleApplies(r.when, answer) && (response.note ?? '').trim() === '' ? violation(r.kind, ['note']) : null,
    )
    .with({ kind: 'requireEvidence' }, (r) =>
      ruleApplies(r.when, answer) && response.evidence.filter((e) => e.kind === r.evidenceKind).length < r.minCount
        ? violation(r.kind, ['evidence'])
        : null,
    )
    .with({ kind: 'requireField' }, (r) => (ruleApplies(r.when, answer) && !isFilled(r.field) ? violation(r.kind, ['fields', r.field]) : null))
    .with({ kind: 'minValue' }, (r) => {
      const value = numeric(r.field);
      return ruleApplies(r.when, answer) && value !== undefined && value < r.min ? violation(r.kind, ['fields', r.field]) : null;
    })
    .with({ kind: 'fieldAtMost' }, (r) => {
      const value = numeric(r.field);
      const limit = numeric(r.otherField);
      return ruleApplies(r.when, answer) && value !== undefined && limit !== undefined && value > limit
        ? violation(r.kind, ['fields', r.field])
        : null;
    })
    .with({ kind: 'notApplicableForbidden' }, (r) => (answer === 'not_applicable' ? violation(r.kind, ['answer']) : null))
    .with({ kind: 'derivedNotMet' }, (r) => {
      const value = numeric(r.field);
      return answer === 'met' && value !== undefined && value > r.greaterThan ? violation(r.kind, ['answer']) : null;
    })
    .with({ kind: 'custom' }, (r) => {
      if (!ruleApplies(r.when, answer)) return null;
      const outcome = runCustomRule(r, subject);
      return outcome.satisfied ? null : violation(r.type, outcome.path ?? []);
    })
    .exhaustive();
}

function runCustomRule(rule: Extract<ChecklistRule, { kind: 'custom' }>, subject: RuleSubject): ChecklistRuleOutcome {
  const { ruleType, params } = subject.registry.custom(rule);
  let outcome: unknown;
  try {
    outcome = ruleType.evaluate({ item: subject.item, answer: subject.answer, response: subject.response, answerType: subject.answerType, params });
  } catch (cause) {
    throw checklistConfigurationError(`quy tắc "${rule.type}" gây lỗi khi đánh giá`, `rule "${rule.type}" threw while evaluating`, cause);
  }
  if (typeof outcome !== 'object' || outcome === null || typeof (outcome as { satisfied?: unknown }).satisfied !== 'boolean') {
    throw checklistConfigurationError(
      `quy tắc "${rule.type}" phải trả về { satisfied: boolean }`,
      `rule "${rule.type}" must return { satisfied: boolean }`,
    );
  }
  const { satisfied, path } = outcome as { satisfied: boolean; path?: unknown };
  if (satisfied) return { satisfied: true };
  const valid = Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number');
  return valid ? { satisfied: false, path: [...path] } : { satisfied: false };
}
