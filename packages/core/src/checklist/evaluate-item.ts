import type { ChecklistItemResponse } from '../entities/checklist-response.js';
import type { ChecklistItem, ChecklistTemplate } from '../entities/checklist-template.js';
import type { ChecklistItemEvaluation, ChecklistViolation } from './checklist-evaluation.js';
import type { ChecklistVerifierOutcome } from './checklist-plugin.js';
import type { ChecklistRegistry } from './checklist-registry.js';
import { fieldViolations } from './field-violations.js';
import { checklistConfigurationError } from './plugin-support.js';
import { ruleViolation } from './rule-violation.js';

/**
 * @internal Evaluates one item. Fields and evidence are checked whenever something was recorded
 * (even on a draft without an answer); rules only once the item is answered. Any violation makes
 * the item `invalid`; otherwise its verdict is its answer, or `unanswered`.
 * @example
 * ```ts
 * evaluateItem(template, 'b', item, response.answers.b2, registry).verdict; // 'invalid'
 * ```
 */
export function evaluateItem(
  template: ChecklistTemplate,
  sectionId: string,
  item: ChecklistItem,
  response: ChecklistItemResponse | undefined,
  registry: ChecklistRegistry,
): ChecklistItemEvaluation {
  const base = { itemId: item.id, sectionId, critical: item.critical, required: item.required, answer: response?.answer ?? null };
  if (response === undefined) return { ...base, verdict: 'unanswered', violations: [] };

  const violations: ChecklistViolation[] = [];
  const answerType = Object.hasOwn(template.answerTypes, item.answerType) ? template.answerTypes[item.answerType] : undefined;
  if (answerType === undefined) {
    violations.push({
      rule: 'answerType',
      messageVi: `Mẫu không định nghĩa kiểu trả lời "${item.answerType}" của nội dung ${item.id}.`,
      messageEn: `The template does not define answer type "${item.answerType}" of item ${item.id}.`,
      path: ['answers', item.id],
    });
  } else {
    violations.push(...fieldViolations(item.id, answerType, response.fields, registry.answerTypeSchema(item.answerType)));
  }

  response.evidence.forEach((evidence, index) => {
    for (const { pluginId, verifier } of registry.verifiers(item.id, evidence.kind)) {
      const outcome = runVerifier(pluginId, verifier.name, () => verifier.verify(evidence, { item, answer: response.answer }));
      if (!outcome.ok) {
        violations.push({
          rule: `${pluginId}:${verifier.name}`,
          messageVi: outcome.messageVi,
          messageEn: outcome.messageEn,
          path: ['answers', item.id, 'evidence', index],
        });
      }
    }
  });

  if (response.answer !== null && answerType !== undefined) {
    for (const rule of item.rules) {
      const violation = ruleViolation(rule, { item, answer: response.answer, response, answerType, registry });
      if (violation !== null) violations.push(violation);
    }
  }

  return { ...base, verdict: violations.length > 0 ? 'invalid' : (response.answer ?? 'unanswered'), violations };
}

function runVerifier(pluginId: string, name: string, verify: () => ChecklistVerifierOutcome): ChecklistVerifierOutcome {
  let outcome: unknown;
  try {
    outcome = verify();
  } catch (cause) {
    throw checklistConfigurationError(`bộ kiểm tra chứng cứ "${pluginId}:${name}" gây lỗi`, `evidence verifier "${pluginId}:${name}" threw`, cause);
  }
  const candidate = outcome as { ok?: unknown; messageVi?: unknown; messageEn?: unknown } | null;
  if (typeof candidate === 'object' && candidate !== null) {
    if (candidate.ok === true) return { ok: true };
    const { messageVi, messageEn } = candidate;
    if (candidate.ok === false && typeof messageVi === 'string' && typeof messageEn === 'string') return { ok: false, messageVi, messageEn };
  }
  throw checklistConfigurationError(
    `bộ kiểm tra chứng cứ "${pluginId}:${name}" phải trả về { ok: true } hoặc { ok: false, messageVi, messageEn }`,
    `evidence verifier "${pluginId}:${name}" must return { ok: true } or { ok: false, messageVi, messageEn }`,
  );
}
