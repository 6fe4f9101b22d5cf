import type { ChecklistItemResponse } from '../entities/checklist-response.js';
import type { ChecklistItem, ChecklistTemplate } from '../entities/checklist-template.js';
import { EvidenceKindSchema, EvidenceVerificationSchema, type EvidenceVerification } from '../entities/evidence.js';
import type { ChecklistItemEvaluation, ChecklistViolation } from './checklist-evaluation.js';
import type { ChecklistEvidenceVerifier, ChecklistVerifierOutcome, ChecklistVerifierRecord } from './checklist-plugin.js';
import type { ChecklistRegistry } from './checklist-registry.js';
import { compileFieldCheck } from './field-violations.js';
import type { CompiledFieldCheck } from './field-violations.js';
import { checklistConfigurationError } from './plugin-support.js';
import { compileRule } from './rule-violation.js';
import type { CompiledRule } from './rule-violation.js';

/**
 * @internal One item of a template, compiled once: its rules, field check and evidence verifiers
 * resolved, so evaluating a response only runs closures.
 * @example
 * ```ts
 * compileItem(template, 'b', item, registry).evaluate(response.answers.b2).verdict; // 'invalid'
 * ```
 */
export interface CompiledItem {
  readonly item: ChecklistItem;
  readonly sectionId: string;
  /**
   * Evaluates the item's response (`undefined` when the item is not answered). With `records`,
   * what the evidence verifiers found (their `record`s) is appended there.
   */
  evaluate(response: ChecklistItemResponse | undefined, records?: VerifierRecordEntry[]): ChecklistItemEvaluation;
}

/**
 * @internal What an evidence verifier returned to be kept on a photo: the item, the photo's index
 * in its evidence, and the verification without its instant (the service stamps it).
 * @example
 * ```ts
 * const entry: VerifierRecordEntry = { itemId: 'b2', index: 0, verification: { by: 'qr-verify:postedCodeMatches', status: 'match', reasonVi: '…', reasonEn: '…' } };
 * ```
 */
export interface VerifierRecordEntry {
  itemId: string;
  index: number;
  verification: Omit<EvidenceVerification, 'verifiedAt'>;
}

const RecordSchema = EvidenceVerificationSchema.omit({ by: true, verifiedAt: true });

type Verifier = { pluginId: string; verifier: ChecklistEvidenceVerifier };

const NO_VERIFIERS: readonly Verifier[] = Object.freeze([]);

/**
 * @internal Compiles one item. Evaluation checks fields and evidence whenever something was
 * recorded (even on a draft without an answer); rules only once the item is answered. Any
 * violation makes the item `invalid`; otherwise its verdict is its answer, or `unanswered`.
 * @example
 * ```ts
 * compileItem(template, 'b', item, registry).evaluate(response.answers.b2).verdict; // 'invalid'
 * ```
 */
export function compileItem(template: ChecklistTemplate, sectionId: string, item: ChecklistItem, registry: ChecklistRegistry): CompiledItem {
  const { id: itemId, critical, required } = item;
  const answerType = Object.hasOwn(template.answerTypes, item.answerType) ? template.answerTypes[item.answerType] : undefined;
  const checkFields: CompiledFieldCheck =
    answerType === undefined
      ? (_fields, violations) => {
          violations.push({
            rule: 'answerType',
            messageVi: `Mẫu không định nghĩa kiểu trả lời "${item.answerType}" của nội dung ${itemId}.`,
            messageEn: `The template does not define answer type "${item.answerType}" of item ${itemId}.`,
            path: ['answers', itemId],
          });
        }
      : compileFieldCheck(itemId, answerType, registry.answerTypeSchema(item.answerType));
  const rules: readonly CompiledRule[] = answerType === undefined ? [] : item.rules.map((rule) => compileRule(rule, item, answerType, registry));

  const verifiersByKind = new Map<string, readonly Verifier[]>();
  for (const kind of EvidenceKindSchema.options) {
    const verifiers = registry.verifiers(itemId, kind);
    if (verifiers.length > 0) verifiersByKind.set(kind, verifiers);
  }

  const evaluate = (response: ChecklistItemResponse | undefined, records?: VerifierRecordEntry[]): ChecklistItemEvaluation => {
    if (response === undefined) return { itemId, sectionId, critical, required, answer: null, verdict: 'unanswered', violations: [] };
    const answer = response.answer ?? null;
    const violations: ChecklistViolation[] = [];
    checkFields(response.fields, violations);

    if (verifiersByKind.size > 0) {
      response.evidence.forEach((evidence, index) => {
        let recordedBy: string | null = null;
        for (const { pluginId, verifier } of verifiersByKind.get(evidence.kind) ?? NO_VERIFIERS) {
          const outcome = runVerifier(pluginId, verifier.name, () => verifier.verify(evidence, { item, answer: response.answer }));
          if (outcome.record !== undefined) {
            const by = `${pluginId}:${verifier.name}`;
            if (evidence.kind !== 'photo') {
              throw checklistConfigurationError(
                `bộ kiểm tra chứng cứ "${by}" trả về record cho chứng cứ loại "${evidence.kind}"; chỉ ảnh (photo) lưu được kết quả kiểm tra`,
                `evidence verifier "${by}" returned a record for "${evidence.kind}" evidence; only photos keep a verification`,
              );
            }
            if (recordedBy !== null) {
              throw checklistConfigurationError(
                `hai bộ kiểm tra chứng cứ ("${recordedBy}", "${by}") cùng trả về record cho một ảnh; mỗi ảnh chỉ lưu một kết quả`,
                `two evidence verifiers ("${recordedBy}", "${by}") returned a record for one photo; a photo keeps one verification`,
              );
            }
            recordedBy = by;
            records?.push({ itemId, index, verification: { by, ...outcome.record } });
          }
          if (!outcome.ok) {
            violations.push({
              rule: `${pluginId}:${verifier.name}`,
              messageVi: outcome.messageVi,
              messageEn: outcome.messageEn,
              path: ['answers', itemId, 'evidence', index],
            });
          }
        }
      });
    }

    if (response.answer !== null) {
      for (const rule of rules) {
        const violation = rule(response.answer, response);
        if (violation !== null) violations.push(violation);
      }
    }

    return { itemId, sectionId, critical, required, answer, verdict: violations.length > 0 ? 'invalid' : (response.answer ?? 'unanswered'), violations };
  };
  return { item, sectionId, evaluate };
}

function runVerifier(pluginId: string, name: string, verify: () => ChecklistVerifierOutcome): ChecklistVerifierOutcome {
  let outcome: unknown;
  try {
    outcome = verify();
  } catch (cause) {
    throw checklistConfigurationError(`bộ kiểm tra chứng cứ "${pluginId}:${name}" gây lỗi`, `evidence verifier "${pluginId}:${name}" threw`, cause);
  }
  const candidate = outcome as { ok?: unknown; messageVi?: unknown; messageEn?: unknown; record?: unknown } | null;
  if (typeof candidate === 'object' && candidate !== null) {
    const record = candidate.record === undefined ? {} : { record: checkRecord(pluginId, name, candidate.record) };
    if (candidate.ok === true) return { ok: true, ...record };
    const { messageVi, messageEn } = candidate;
    if (candidate.ok === false && typeof messageVi === 'string' && typeof messageEn === 'string') return { ok: false, messageVi, messageEn, ...record };
  }
  throw checklistConfigurationError(
    `bộ kiểm tra chứng cứ "${pluginId}:${name}" phải trả về { ok: true } hoặc { ok: false, messageVi, messageEn } (kèm record nếu có)`,
    `evidence verifier "${pluginId}:${name}" must return { ok: true } or { ok: false, messageVi, messageEn } (with an optional record)`,
  );
}

function checkRecord(pluginId: string, name: string, record: unknown): ChecklistVerifierRecord {
  const parsed = RecordSchema.safeParse(record);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
  throw checklistConfigurationError(
    `record của bộ kiểm tra chứng cứ "${pluginId}:${name}" không hợp lệ (${issues})`,
    `the record of evidence verifier "${pluginId}:${name}" is not valid (${issues})`,
    parsed.error,
  );
}
