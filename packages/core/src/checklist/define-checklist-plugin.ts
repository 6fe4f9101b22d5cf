import { z } from 'zod';
import { ChecklistAnswerTypeSchema, ChecklistPluginIdSchema } from '../entities/checklist-field.js';
import { ChecklistRuleSchema } from '../entities/checklist-rule.js';
import { ChecklistItemSchema, ChecklistPluginVersionSchema, ChecklistSectionSchema } from '../entities/checklist-template.js';
import { EvidenceKindSchema } from '../entities/evidence.js';
import { IdSchema } from '../entities/primitives.js';
import type {
  ChecklistEvidenceVerifier,
  ChecklistPlugin,
  ChecklistPluginAnswerType,
  ChecklistPluginDefinition,
  ChecklistRuleContext,
  ChecklistRuleOutcome,
  ChecklistRuleType,
} from './checklist-plugin.js';
import { checklistConfigurationError, customRuleParams, customRulesOf, deepFreeze, parsePluginData, pluginOfRuleType, rulesOfSections } from './plugin-support.js';

const NameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'a camelCase name');
const PluginItemsSchema = z.array(z.strictObject({ sectionId: IdSchema, item: ChecklistItemSchema }));
const ItemRulesSchema = z.record(IdSchema, z.array(ChecklistRuleSchema));
const AnswerTypeDataSchema = ChecklistAnswerTypeSchema.omit({ providedBy: true }).extend({ id: IdSchema });

/**
 * Declares a plugin rule kind with `params` typed from its zod schema.
 *
 * @example
 * ```ts
 * const maxEvidence = defineChecklistRuleType({ name: 'maxEvidence', params: z.strictObject({ max: z.number().int() }),
 *   evaluate: ({ response, params }) =>
 *     response.evidence.length <= params.max ? { satisfied: true } : { satisfied: false, path: ['evidence'] } });
 * ```
 */
export function defineChecklistRuleType<P>(ruleType: {
  name: string;
  params: z.ZodType<P>;
  evaluate(context: ChecklistRuleContext<P>): ChecklistRuleOutcome;
}): ChecklistRuleType<P> {
  return Object.freeze({ name: ruleType.name, params: ruleType.params, evaluate: (context: ChecklistRuleContext<P>) => ruleType.evaluate(context) });
}

/**
 * Validates a checklist plugin and returns it frozen. A plugin adds sections, items (to existing
 * sections), rules to existing items, answer types (typed extra fields with their zod schema),
 * rule kinds with a pure evaluator, and evidence verifiers — without editing core files. Apply it
 * with `applyChecklistPlugins`. Throws `ConfigurationError` on an invalid or self-conflicting
 * definition (ids used twice, a custom rule of this plugin whose type or params do not fit).
 *
 * @example
 * ```ts
 * const qrVerify = defineChecklistPlugin({ id: 'qr-verify', version: '1',
 *   rules: [payloadIsPcCovid], itemRules: { b2: [{ kind: 'custom', type: 'qr-verify:payloadIsPcCovid', when: 'met',
 *     params: {}, message: { vi: 'Mã QR không phải của PC-Covid.', en: 'The QR code is not a PC-Covid code.' } }] } });
 * const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify]); // version '1+qr-verify@1'
 * ```
 */
export function defineChecklistPlugin(definition: ChecklistPluginDefinition): ChecklistPlugin {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    throw checklistConfigurationError('định nghĩa phần mở rộng phải là một object { id, version, … }', 'a plugin definition must be an object { id, version, … }');
  }
  const rawId = (definition as { id?: unknown }).id;
  // Named in the error only when it is text: String() of an object without a prototype throws.
  const idLabel = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : '(?)';
  const id = parsePluginData(ChecklistPluginIdSchema, rawId, idLabel, 'id');
  const version = parsePluginData(ChecklistPluginVersionSchema, definition.version, id, 'version');
  const sections = parsePluginData(z.array(ChecklistSectionSchema), definition.sections ?? [], id, 'sections');
  const items = parsePluginData(PluginItemsSchema, definition.items ?? [], id, 'items');
  const itemRules = parsePluginData(ItemRulesSchema, definition.itemRules ?? {}, id, 'itemRules');
  const answerTypes = (definition.answerTypes ?? []).map((answerType) => checkAnswerType(id, answerType));
  const rules = (definition.rules ?? []).map((ruleType) => checkRuleType(id, ruleType));
  const evidenceVerifiers = (definition.evidenceVerifiers ?? []).map((verifier) => checkVerifier(id, verifier));

  unique(
    id,
    'section',
    sections.map((s) => s.id),
  );
  unique(id, 'item', [...sections.flatMap((s) => s.items.map((i) => i.id)), ...items.map((i) => i.item.id)]);
  unique(
    id,
    'answer type',
    answerTypes.map((a) => a.id),
  );
  unique(
    id,
    'rule type',
    rules.map((r) => r.name),
  );
  unique(
    id,
    'evidence verifier',
    evidenceVerifiers.map((v) => v.name),
  );

  const ownRuleTypes = new Map(rules.map((r) => [`${id}:${r.name}`, r]));
  const allRules = [...rulesOfSections(sections), ...items.flatMap((i) => i.item.rules), ...Object.values(itemRules).flat()];
  for (const rule of customRulesOf(allRules)) {
    if (pluginOfRuleType(rule.type) === id) customRuleParams(rule, ownRuleTypes.get(rule.type));
  }

  return Object.freeze({
    id,
    version,
    sections: deepFreeze(sections),
    items: deepFreeze(items),
    itemRules: deepFreeze(itemRules),
    answerTypes: Object.freeze(answerTypes),
    rules: Object.freeze(rules),
    evidenceVerifiers: Object.freeze(evidenceVerifiers),
  });
}

function unique(pluginId: string, what: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw checklistConfigurationError(`phần mở rộng "${pluginId}" khai báo ${what} "${id}" hai lần`, `plugin "${pluginId}" declares ${what} "${id}" twice`);
    }
    seen.add(id);
  }
}

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';
}

function checkAnswerType(pluginId: string, answerType: ChecklistPluginAnswerType): ChecklistPluginAnswerType {
  const data = parsePluginData(AnswerTypeDataSchema, { id: answerType.id, label: answerType.label, fields: answerType.fields }, pluginId, 'answer type');
  if (!isZodSchema(answerType.schema)) {
    throw checklistConfigurationError(
      `kiểu trả lời "${data.id}" của phần mở rộng "${pluginId}" thiếu lược đồ zod (schema)`,
      `answer type "${data.id}" of plugin "${pluginId}" needs a zod schema`,
    );
  }
  return Object.freeze({ ...data, schema: answerType.schema });
}

function checkRuleType(pluginId: string, ruleType: ChecklistRuleType): ChecklistRuleType {
  const name = parsePluginData(NameSchema, ruleType.name, pluginId, 'rule type name');
  if (!isZodSchema(ruleType.params) || typeof ruleType.evaluate !== 'function') {
    throw checklistConfigurationError(
      `loại quy tắc "${name}" của phần mở rộng "${pluginId}" cần lược đồ params và hàm evaluate`,
      `rule type "${name}" of plugin "${pluginId}" needs a params schema and an evaluate function`,
    );
  }
  return Object.freeze({ name, params: ruleType.params, evaluate: (context: ChecklistRuleContext<unknown>) => ruleType.evaluate(context) });
}

function checkVerifier(pluginId: string, verifier: ChecklistEvidenceVerifier): ChecklistEvidenceVerifier {
  const name = parsePluginData(NameSchema, verifier.name, pluginId, 'evidence verifier name');
  const evidenceKind = parsePluginData(EvidenceKindSchema, verifier.evidenceKind, pluginId, 'evidence kind');
  const itemIds = verifier.itemIds === undefined ? undefined : parsePluginData(z.array(IdSchema), verifier.itemIds, pluginId, 'verifier item ids');
  if (typeof verifier.verify !== 'function') {
    throw checklistConfigurationError(
      `bộ kiểm tra chứng cứ "${name}" của phần mở rộng "${pluginId}" thiếu hàm verify`,
      `evidence verifier "${name}" of plugin "${pluginId}" needs a verify function`,
    );
  }
  const checked: ChecklistEvidenceVerifier = { name, evidenceKind, verify: (evidence, context) => verifier.verify(evidence, context) };
  if (itemIds !== undefined) checked.itemIds = Object.freeze(itemIds);
  return Object.freeze(checked);
}
