import type { z } from 'zod';
import type { ChecklistAnswer } from '../entities/checklist-answer.js';
import type { ChecklistAnswerType, ChecklistFieldDefinition } from '../entities/checklist-field.js';
import type { ChecklistItemResponse } from '../entities/checklist-response.js';
import type { ChecklistRule, ChecklistRuleSchema } from '../entities/checklist-rule.js';
import type { ChecklistItem, ChecklistItemSchema, ChecklistSection, ChecklistSectionSchema } from '../entities/checklist-template.js';
import type { Evidence, EvidenceKind, EvidenceVerification } from '../entities/evidence.js';
import type { BilingualText } from '../entities/primitives.js';

/**
 * What a plugin rule sees: the item, its (given) answer and recorded response, the answer type,
 * and the rule's params already parsed by the rule type's `params` schema.
 *
 * @example
 * ```ts
 * const evaluate = ({ response, params }: ChecklistRuleContext<{ max: number }>) =>
 *   response.evidence.length <= params.max ? { satisfied: true as const } : { satisfied: false as const, path: ['evidence'] };
 * ```
 */
export interface ChecklistRuleContext<P> {
  item: ChecklistItem;
  answer: ChecklistAnswer;
  response: ChecklistItemResponse;
  answerType: ChecklistAnswerType;
  params: P;
}

/**
 * The result of a plugin rule. When not satisfied, `path` points inside the item's response
 * (e.g. `['fields', 'qrPayload']`); it is prefixed with `['answers', itemId]`.
 *
 * @example
 * ```ts
 * const outcome: ChecklistRuleOutcome = { satisfied: false, path: ['evidence'] };
 * ```
 */
export type ChecklistRuleOutcome = { satisfied: true } | { satisfied: false; path?: (string | number)[] };

/**
 * A rule kind added by a plugin: a name, a zod schema for the rule's `params` (template data),
 * and a pure, deterministic evaluator. Templates use it as
 * `{ kind: 'custom', type: '<plugin id>:<name>', when, params, message }`. Build one with
 * `defineChecklistRuleType` to get `params` typed.
 *
 * @example
 * ```ts
 * const maxEvidence: ChecklistRuleType<{ max: number }> = { name: 'maxEvidence', params: z.strictObject({ max: z.number() }),
 *   evaluate: ({ response, params }) => ({ satisfied: response.evidence.length <= params.max }) as ChecklistRuleOutcome };
 * ```
 */
export interface ChecklistRuleType<P = unknown> {
  /** camelCase name, unique within the plugin. */
  name: string;
  /** Parses the rule's `params` (template data: scalar values keyed by camelCase names). */
  params: z.ZodType<P>;
  /** Pure and deterministic: no I/O, no clock, no randomness. */
  evaluate(context: ChecklistRuleContext<P>): ChecklistRuleOutcome;
}

/**
 * What an evidence verifier found, to be kept with a photo: an `EvidenceVerification` without
 * `by` and `verifiedAt`, which the service fills in (`<plugin id>:<verifier name>`, and the
 * instant the result was first recorded — an unchanged result keeps its earlier instant).
 *
 * @example
 * ```ts
 * const record: ChecklistVerifierRecord = { status: 'match', payload: 'https://qr.pccovid.gov.vn/HT-436-000123',
 *   locationCode: 'HT-436-000123', reasonVi: 'Đúng mã đã đăng ký.', reasonEn: 'The registered code.' };
 * ```
 */
export type ChecklistVerifierRecord = Omit<EvidenceVerification, 'by' | 'verifiedAt'>;

/**
 * The result of an evidence verifier. With `record` (photos only), `recordAnswers` stores what
 * the verifier found on the photo (`evidence.verification`) in the same audited commit as the
 * answer — whether the photo was accepted or not (a refused answer is not stored at all). The
 * next evaluation gets the photo with that stored `verification`: read it there rather than
 * from memory of your own. A `verification` sent in by a client never reaches a verifier.
 *
 * @example
 * ```ts
 * const outcome: ChecklistVerifierOutcome = { ok: false, messageVi: 'Ảnh chưa có mã băm SHA-256.',
 *   messageEn: 'The photo has no SHA-256 digest.' };
 * const recorded: ChecklistVerifierOutcome = { ok: true, record: { status: 'match', reasonVi: 'Đúng mã.', reasonEn: 'The registered code.' } };
 * ```
 */
export type ChecklistVerifierOutcome = ({ ok: true } | { ok: false; messageVi: string; messageEn: string }) & { record?: ChecklistVerifierRecord };

/**
 * A pure check of one piece of evidence of `evidenceKind` (on every item, or only `itemIds`).
 * A failure is a violation at `['answers', itemId, 'evidence', index]`.
 *
 * @example
 * ```ts
 * const hashed: ChecklistEvidenceVerifier = { name: 'photoHashed', evidenceKind: 'photo',
 *   verify: (e) => (e.kind === 'photo' && e.sha256 ? { ok: true } : { ok: false, messageVi: 'Ảnh thiếu SHA-256.', messageEn: 'Photo lacks a SHA-256.' }) };
 * ```
 */
export interface ChecklistEvidenceVerifier {
  /** camelCase name, unique within the plugin; violations name `<plugin id>:<name>`. */
  name: string;
  evidenceKind: EvidenceKind;
  /** Only these items; every item when absent. */
  itemIds?: readonly string[];
  /**
   * Pure and deterministic. A photo recorded before arrives with the `verification` the service
   * stored for it (from this or another verifier: check `by`).
   */
  verify(evidence: Evidence, context: { item: ChecklistItem; answer: ChecklistAnswer | null }): ChecklistVerifierOutcome;
}

/**
 * A new answer type (a kind of typed extra fields) from a plugin: its fields as data (for forms
 * and minutes) plus a zod schema that validates the whole `fields` object beyond value types.
 *
 * @example
 * ```ts
 * const qrPayload: ChecklistPluginAnswerType = { id: 'qrPayload', label: { vi: 'Nội dung mã QR', en: 'QR payload' },
 *   fields: { payload: { label: { vi: 'Chuỗi mã QR', en: 'Decoded payload' }, valueType: 'text' } },
 *   schema: z.strictObject({ payload: z.string().startsWith('https://qr.pccovid.gov.vn/').optional() }) };
 * ```
 */
export interface ChecklistPluginAnswerType {
  id: string;
  label: BilingualText;
  fields: Record<string, ChecklistFieldDefinition>;
  schema: z.ZodType;
}

/**
 * What `defineChecklistPlugin` accepts. Data parts (`sections`, `items`, `itemRules`) are parsed
 * and NFC-normalised; everything is optional except `id` and `version`.
 *
 * @example
 * ```ts
 * const definition: ChecklistPluginDefinition = { id: 'staff-rate', version: '1',
 *   items: [{ sectionId: 'a', item: staffRateItem }] };
 * ```
 */
export interface ChecklistPluginDefinition {
  /** Lower-case kebab-case, e.g. `qr-verify`. */
  id: string;
  /** `1`, `1.2` or `1.2.3`; it becomes part of the derived template version. */
  version: string;
  /** New sections, appended after the existing ones. */
  sections?: readonly z.input<typeof ChecklistSectionSchema>[];
  /** New items appended to existing sections (or to this plugin's own sections). */
  items?: readonly { sectionId: string; item: z.input<typeof ChecklistItemSchema> }[];
  /** Rules appended to existing items, keyed by item id. */
  itemRules?: Readonly<Record<string, readonly z.input<typeof ChecklistRuleSchema>[]>>;
  /** New answer types. */
  answerTypes?: readonly ChecklistPluginAnswerType[];
  /** New rule kinds (used as `{ kind: 'custom', type: '<plugin id>:<name>' }`). */
  rules?: readonly ChecklistRuleType<unknown>[];
  /** Evidence verifiers run on every evaluation of a template this plugin was applied to. */
  evidenceVerifiers?: readonly ChecklistEvidenceVerifier[];
}

/**
 * A validated, frozen plugin (from `defineChecklistPlugin`), ready for `applyChecklistPlugins`
 * and for `evaluateChecklist(template, response, { plugins })`.
 *
 * @example
 * ```ts
 * const plugin: ChecklistPlugin = defineChecklistPlugin({ id: 'qr-verify', version: '1', rules: [payloadRule] });
 * ```
 */
export interface ChecklistPlugin {
  readonly id: string;
  readonly version: string;
  readonly sections: readonly ChecklistSection[];
  readonly items: readonly { readonly sectionId: string; readonly item: ChecklistItem }[];
  readonly itemRules: Readonly<Record<string, readonly ChecklistRule[]>>;
  readonly answerTypes: readonly ChecklistPluginAnswerType[];
  readonly rules: readonly ChecklistRuleType<unknown>[];
  readonly evidenceVerifiers: readonly ChecklistEvidenceVerifier[];
}
