import { match } from 'ts-pattern';
import { z } from 'zod';
import { ChecklistAnswerTypeSchema, ChecklistPluginIdSchema } from './checklist-field.js';
import type { ChecklistAnswerType } from './checklist-field.js';
import { ChecklistRuleSchema } from './checklist-rule.js';
import type { ChecklistRule } from './checklist-rule.js';
import { atMostKeys, BilingualShortTextSchema, BilingualTextSchema, boundedList, CountSchema, IdSchema, INPUT_LIMITS } from './primitives.js';

/** `1`, `1.2` or `1.2.3`. */
const NUMERIC_VERSION = String.raw`\d{1,6}(?:\.\d{1,6}){0,2}`;

/**
 * A template version: a numeric base (`1`, `1.1`, `2.0.1`) followed by one `+<plugin>@<version>`
 * per plugin applied, in order — e.g. `1+qr-verify@1`. A visit is pinned to the exact string.
 *
 * @example
 * ```ts
 * ChecklistVersionSchema.parse('1+qr-verify@1')
 * ```
 */
export const ChecklistVersionSchema = z
  .string()
  .max(INPUT_LIMITS.text.version)
  .regex(new RegExp(`^${NUMERIC_VERSION}(?:\\+[a-z][a-z0-9-]{0,62}@${NUMERIC_VERSION})*$`), 'a version such as "1", "1.2" or "1+qr-verify@1"');
export type ChecklistVersion = z.infer<typeof ChecklistVersionSchema>;

/**
 * A plugin version: `1`, `1.2` or `1.2.3`.
 *
 * @example
 * ```ts
 * ChecklistPluginVersionSchema.parse('1.0.2')
 * ```
 */
export const ChecklistPluginVersionSchema = z.string().regex(new RegExp(`^${NUMERIC_VERSION}$`), 'a version such as "1" or "1.2.3"');
export type ChecklistPluginVersion = z.infer<typeof ChecklistPluginVersionSchema>;

/**
 * One checklist item (a question). `critical` items decide the unit verdict on their own: one
 * critical item Chưa đạt makes the unit non-compliant. `required` items must be answered
 * (Không áp dụng counts as an answer) before the checklist is complete.
 *
 * @example
 * ```ts
 * ChecklistItemSchema.parse({ id: 'b1', label: { vi: 'Đã tạo mã QR địa điểm', en: 'Location QR code created' },
 *   critical: true, required: true, answerType: 'qrPoints', rules: [] })
 * ```
 */
export const ChecklistItemSchema = z.strictObject({
  id: IdSchema,
  label: BilingualShortTextSchema,
  /** What inspectors should look at or record (not part of the question itself). */
  guidance: BilingualTextSchema.optional(),
  critical: z.boolean(),
  required: z.boolean(),
  /** Key into the template's `answerTypes`: which typed extra fields are recorded. */
  answerType: IdSchema,
  rules: boundedList(ChecklistRuleSchema, INPUT_LIMITS.lists.checklistRules, 'quy tắc / rules'),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/**
 * A section of the checklist: `a`, `b`, `c` of plan item II.1, or one a plugin adds.
 *
 * @example
 * ```ts
 * ChecklistSectionSchema.parse({ id: 'c', title: { vi: 'Sử dụng phần mềm', en: 'Software use' }, items: [item] })
 * ```
 */
export const ChecklistSectionSchema = z.strictObject({
  id: IdSchema,
  title: BilingualShortTextSchema,
  items: boundedList(ChecklistItemSchema, INPUT_LIMITS.lists.checklistItems, 'mục / items').min(1),
});
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;

/**
 * How item results roll up to the unit verdict. Any critical item Chưa đạt makes the unit
 * non-compliant; beyond that, more than `nonCriticalNotMetTolerance` non-critical items
 * Chưa đạt also do (`0`: any Chưa đạt does).
 *
 * @example
 * ```ts
 * ChecklistComplianceSchema.parse({ nonCriticalNotMetTolerance: 0 })
 * ```
 */
export const ChecklistComplianceSchema = z.strictObject({ nonCriticalNotMetTolerance: CountSchema });
export type ChecklistCompliance = z.infer<typeof ChecklistComplianceSchema>;

/**
 * A plugin applied to a template, as recorded in the template.
 *
 * @example
 * ```ts
 * ChecklistPluginRefSchema.parse({ id: 'qr-verify', version: '1' })
 * ```
 */
export const ChecklistPluginRefSchema = z.strictObject({ id: ChecklistPluginIdSchema, version: ChecklistPluginVersionSchema });
export type ChecklistPluginRef = z.infer<typeof ChecklistPluginRefSchema>;

/**
 * A versioned checklist template (data, not code). Besides field shapes it checks that ids are
 * unique, that every item's answer type exists, that rules name fields of that answer type
 * (numeric ones where they compare numbers), that plugin-provided parts name an applied plugin,
 * and that `version` ends with one `+id@version` per applied plugin.
 *
 * @example
 * ```ts
 * const template = ChecklistTemplateSchema.parse(PC_COVID_CHECKLIST_V1);
 * ```
 */
export const ChecklistTemplateSchema = z
  .object({
    id: IdSchema,
    version: ChecklistVersionSchema,
    title: BilingualShortTextSchema,
    answerTypes: z.record(IdSchema, ChecklistAnswerTypeSchema).refine(...atMostKeys(INPUT_LIMITS.lists.answerTypes, 'kiểu trả lời / answer types')),
    sections: boundedList(ChecklistSectionSchema, INPUT_LIMITS.lists.checklistSections, 'phần / sections').min(1),
    compliance: ChecklistComplianceSchema,
    plugins: boundedList(ChecklistPluginRefSchema, INPUT_LIMITS.lists.plugins, 'plugin / plugins'),
  })
  .superRefine((template, ctx) => {
    const report = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const pluginIds = new Set<string>();
    template.plugins.forEach((plugin, index) => {
      if (pluginIds.has(plugin.id)) report(['plugins', index, 'id'], `plugin "${plugin.id}" is listed twice`);
      pluginIds.add(plugin.id);
    });
    const suffix = template.plugins.map((p) => `+${p.id}@${p.version}`).join('');
    const plus = template.version.indexOf('+');
    if ((plus === -1 ? '' : template.version.slice(plus)) !== suffix) {
      report(['version'], `the version must end with "${suffix}" (one +id@version per applied plugin, in order)`);
    }
    for (const [id, answerType] of Object.entries(template.answerTypes)) {
      if (answerType.providedBy !== undefined && !pluginIds.has(answerType.providedBy)) {
        report(['answerTypes', id, 'providedBy'], `plugin "${answerType.providedBy}" is not applied to this template`);
      }
    }
    const sectionIds = new Set<string>();
    const itemIds = new Set<string>();
    template.sections.forEach((section, s) => {
      if (sectionIds.has(section.id) || section.id === '__proto__') report(['sections', s, 'id'], `section id "${section.id}" is reserved or used twice`);
      sectionIds.add(section.id);
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        if (itemIds.has(item.id) || item.id === '__proto__') report([...path, 'id'], `item id "${item.id}" is reserved or used twice`);
        itemIds.add(item.id);
        if (!Object.hasOwn(template.answerTypes, item.answerType)) {
          report([...path, 'answerType'], `answer type "${item.answerType}" is not defined in answerTypes`);
          return;
        }
        const answerType = template.answerTypes[item.answerType] as ChecklistAnswerType;
        item.rules.forEach((rule, r) => {
          for (const problem of ruleProblems(rule, answerType, pluginIds)) report([...path, 'rules', r, problem.key], problem.message);
        });
      });
    });
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

/** Why a rule does not fit its item's answer type, keyed by the offending rule property. */
function ruleProblems(rule: ChecklistRule, answerType: ChecklistAnswerType, pluginIds: ReadonlySet<string>): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const need = (key: string, field: string, numeric: boolean): void => {
    const definition = Object.hasOwn(answerType.fields, field) ? answerType.fields[field] : undefined;
    if (definition === undefined) problems.push({ key, message: `field "${field}" is not a field of this item's answer type` });
    else if (numeric && definition.valueType !== 'count' && definition.valueType !== 'decimal') {
      problems.push({ key, message: `field "${field}" must be a count or decimal field for a ${rule.kind} rule` });
    }
  };
  match(rule)
    .with({ kind: 'requireNote' }, { kind: 'requireEvidence' }, { kind: 'notApplicableForbidden' }, () => undefined)
    .with({ kind: 'requireField' }, (r) => need('field', r.field, false))
    .with({ kind: 'minValue' }, { kind: 'derivedNotMet' }, (r) => need('field', r.field, true))
    .with({ kind: 'fieldAtMost' }, (r) => {
      need('field', r.field, true);
      need('otherField', r.otherField, true);
      if (r.field === r.otherField) problems.push({ key: 'otherField', message: 'a field cannot be compared with itself' });
    })
    .with({ kind: 'custom' }, (r) => {
      const pluginId = r.type.slice(0, r.type.indexOf(':'));
      if (!pluginIds.has(pluginId)) problems.push({ key: 'type', message: `plugin "${pluginId}" is not applied to this template` });
    })
    .exhaustive();
  return problems;
}
