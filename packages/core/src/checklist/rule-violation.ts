import { match } from 'ts-pattern';
import type { ChecklistAnswer } from '../entities/checklist-answer.js';
import type { ChecklistAnswerType } from '../entities/checklist-field.js';
import type { ChecklistItemResponse } from '../entities/checklist-response.js';
import type { ChecklistRule, ChecklistRuleWhen } from '../entities/checklist-rule.js';
import type { ChecklistItem } from '../entities/checklist-template.js';
import type { ChecklistViolation } from './checklist-evaluation.js';
import type { ChecklistRuleOutcome, ChecklistRuleType } from './checklist-plugin.js';
import type { ChecklistRegistry } from './checklist-registry.js';
import { checklistConfigurationError } from './plugin-support.js';

/**
 * @internal An answered item a rule is checked against.
 * @example
 * ```ts
 * compileRule(rule, item, answerType, registry)({ item, answer: 'met', response, answerType, registry });
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
 * @internal A rule compiled for one item of one template: the violation of an answered item's
 * response, or `null`.
 * @example
 * ```ts
 * const check: CompiledRule = compileRule(rule, item, answerType, registry); check('met', response);
 * ```
 */
export type CompiledRule = (answer: ChecklistAnswer, response: ChecklistItemResponse) => ChecklistViolation | null;

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

function numericField(fields: ChecklistItemResponse['fields'], field: string): number | undefined {
  const value = Object.hasOwn(fields, field) ? fields[field] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isFilled(fields: ChecklistItemResponse['fields'], field: string): boolean {
  return Object.hasOwn(fields, field) && fields[field] !== '';
}

/**
 * @internal Compiles one rule of `item` into a closure, once per template (the rule kind is
 * matched here, not per evaluation). Numeric rules (`minValue`, `fieldAtMost`, `derivedNotMet`)
 * only judge values that are filled in and numeric: a missing value is `requireField`'s business,
 * a wrong type the answer type's. A custom rule's type and parsed params come from `registry`.
 * @example
 * ```ts
 * compileRule({ kind: 'requireNote', when: 'not_met', message }, item, answerType, registry)('not_met', response)?.path; // ['answers', 'b3', 'note']
 * ```
 */
export function compileRule(rule: ChecklistRule, item: ChecklistItem, answerType: ChecklistAnswerType, registry: ChecklistRegistry): CompiledRule {
  const itemId = item.id;
  const messageVi = rule.message.vi;
  const messageEn = rule.message.en;
  const violation = (name: string, relative: readonly (string | number)[]): ChecklistViolation => ({
    rule: name,
    messageVi,
    messageEn,
    path: ['answers', itemId, ...relative],
  });

  return match(rule)
    .returnType<CompiledRule>()
    .with(
      { kind: 'requireNote' },
      ({ kind, when }) =>
        (answer, response) =>
          ruleApplies(when, answer) && (response.note ?? '').trim() === '' ? violation(kind, ['note']) : null,
    )
    .with({ kind: 'requireEvidence' }, ({ kind, when, evidenceKind, minCount }) => (answer, response) => {
      if (!ruleApplies(when, answer)) return null;
      let count = 0;
      for (const evidence of response.evidence) if (evidence.kind === evidenceKind) count++;
      return count < minCount ? violation(kind, ['evidence']) : null;
    })
    .with(
      { kind: 'requireField' },
      ({ kind, when, field }) =>
        (answer, response) =>
          ruleApplies(when, answer) && !isFilled(response.fields, field) ? violation(kind, ['fields', field]) : null,
    )
    .with({ kind: 'minValue' }, ({ kind, when, field, min }) => (answer, response) => {
      if (!ruleApplies(when, answer)) return null;
      const value = numericField(response.fields, field);
      return value !== undefined && value < min ? violation(kind, ['fields', field]) : null;
    })
    .with({ kind: 'fieldAtMost' }, ({ kind, when, field, otherField }) => (answer, response) => {
      if (!ruleApplies(when, answer)) return null;
      const value = numericField(response.fields, field);
      const limit = numericField(response.fields, otherField);
      return value !== undefined && limit !== undefined && value > limit ? violation(kind, ['fields', field]) : null;
    })
    .with(
      { kind: 'notApplicableForbidden' },
      ({ kind }) =>
        (answer) =>
          answer === 'not_applicable' ? violation(kind, ['answer']) : null,
    )
    .with({ kind: 'derivedNotMet' }, ({ kind, field, greaterThan }) => (answer, response) => {
      if (answer !== 'met') return null;
      const value = numericField(response.fields, field);
      return value !== undefined && value > greaterThan ? violation(kind, ['answer']) : null;
    })
    .with({ kind: 'custom' }, (r) => {
      const { ruleType, params } = registry.custom(r);
      return (answer, response) => {
        if (!ruleApplies(r.when, answer)) return null;
        const outcome = runCustomRule(r, ruleType, params, { item, answer, response, answerType, registry });
        return outcome.satisfied ? null : violation(r.type, outcome.path ?? []);
      };
    })
    .exhaustive();
}

/**
 * @internal The violation of one rule by an answered item, or `null` (compiles the rule on the
 * spot: for one-off checks; evaluation uses the rules compiled with the template).
 * @example
 * ```ts
 * ruleViolation({ kind: 'requireNote', when: 'not_met', message }, subject)?.path; // ['answers', 'b3', 'note']
 * ```
 */
export function ruleViolation(rule: ChecklistRule, subject: RuleSubject): ChecklistViolation | null {
  return compileRule(rule, subject.item, subject.answerType, subject.registry)(subject.answer, subject.response);
}

function runCustomRule(rule: Extract<ChecklistRule, { kind: 'custom' }>, ruleType: ChecklistRuleType, params: unknown, subject: RuleSubject): ChecklistRuleOutcome {
  let outcome: unknown;
  try {
    outcome = ruleType.evaluate({ item: subject.item, answer: subject.answer, response: subject.response, answerType: subject.answerType, params });
  } catch (cause) {
    throw checklistConfigurationError(`quy tắc "${rule.type}" gây lỗi khi đánh giá`, `rule "${rule.type}" threw while evaluating`, cause);
  }
  if (typeof outcome !== 'object' || outcome === null || typeof (outcome as { satisfied?: unknown }).satisfied !== 'boolean') {
    throw checklistConfigurationError(`quy tắc "${rule.type}" phải trả về { satisfied: boolean }`, `rule "${rule.type}" must return { satisfied: boolean }`);
  }
  const { satisfied, path } = outcome as { satisfied: boolean; path?: unknown };
  if (satisfied) return { satisfied: true };
  const valid = Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number');
  return valid ? { satisfied: false, path: [...path] } : { satisfied: false };
}
