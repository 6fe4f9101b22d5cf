import type { ChecklistAnswerType } from '../entities/checklist-field.js';
import type { ChecklistRule } from '../entities/checklist-rule.js';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import type { ChecklistItem, ChecklistSection, ChecklistTemplate } from '../entities/checklist-template.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ChecklistPlugin, ChecklistRuleType } from './checklist-plugin.js';
import { checklistConfigurationError, customRuleParams, customRulesOf, deepFreeze, pluginOfRuleType, rulesOfSections } from './plugin-support.js';

/**
 * Returns a new template with the plugins applied in order; the input is not changed. The new
 * version is derived: `1` + `qr-verify@1` → `1+qr-verify@1`, and `plugins` records what was
 * applied, so a visit pinned to the new version can always be told apart from one on `1`.
 * Throws `ConfigurationError` when ids conflict (a plugin listed twice or already applied; a
 * section, item or answer type id that exists), when items or rules target a section or item
 * that does not exist, or when the result is not a valid template.
 *
 * @example
 * ```ts
 * const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify]);
 * template.version; // '1+qr-verify@1'
 * ```
 */
export function applyChecklistPlugins(template: ChecklistTemplate, plugins: readonly ChecklistPlugin[]): ChecklistTemplate {
  const applied = new Set(template.plugins.map((p) => p.id));
  const answerTypes: Record<string, ChecklistAnswerType> = { ...template.answerTypes };
  const sections: ChecklistSection[] = template.sections.map(copySection);
  const ruleTypes = new Map<string, ChecklistRuleType>();
  const itemIds = new Set(sections.flatMap((s) => s.items.map((i) => i.id)));
  const added: ChecklistRule[] = [];

  for (const plugin of plugins) {
    if (applied.has(plugin.id)) {
      throw conflict(`phần mở rộng "${plugin.id}" đã được áp dụng cho mẫu này`, `plugin "${plugin.id}" is already applied to this template`);
    }
    applied.add(plugin.id);
    for (const ruleType of plugin.rules) ruleTypes.set(`${plugin.id}:${ruleType.name}`, ruleType);

    for (const answerType of plugin.answerTypes) {
      if (Object.hasOwn(answerTypes, answerType.id)) {
        throw conflict(`kiểu trả lời "${answerType.id}" đã có (phần mở rộng "${plugin.id}")`, `answer type "${answerType.id}" already exists (plugin "${plugin.id}")`);
      }
      answerTypes[answerType.id] = { label: answerType.label, fields: answerType.fields, providedBy: plugin.id };
    }
    for (const section of plugin.sections) {
      if (sections.some((s) => s.id === section.id)) {
        throw conflict(`mục lớn "${section.id}" đã có (phần mở rộng "${plugin.id}")`, `section "${section.id}" already exists (plugin "${plugin.id}")`);
      }
      for (const item of section.items) claimItemId(itemIds, item.id, plugin.id);
      sections.push(copySection(section));
      added.push(...rulesOfSections([section]));
    }
    for (const { sectionId, item } of plugin.items) {
      const section = sections.find((s) => s.id === sectionId);
      if (section === undefined) {
        throw conflict(`không có mục lớn "${sectionId}" để thêm nội dung "${item.id}" (phần mở rộng "${plugin.id}")`, `there is no section "${sectionId}" to add item "${item.id}" to (plugin "${plugin.id}")`);
      }
      claimItemId(itemIds, item.id, plugin.id);
      section.items.push(copyItem(item));
      added.push(...item.rules);
    }
    for (const [itemId, rules] of Object.entries(plugin.itemRules)) {
      const item = sections.flatMap((s) => s.items).find((i) => i.id === itemId);
      if (item === undefined) {
        throw conflict(`không có nội dung "${itemId}" để thêm quy tắc (phần mở rộng "${plugin.id}")`, `there is no item "${itemId}" to add rules to (plugin "${plugin.id}")`);
      }
      item.rules.push(...rules);
      added.push(...rules);
    }
  }

  for (const rule of customRulesOf(added)) {
    const owner = pluginOfRuleType(rule.type);
    if (plugins.some((p) => p.id === owner)) customRuleParams(rule, ruleTypes.get(rule.type));
    else if (!applied.has(owner)) {
      throw conflict(`quy tắc "${rule.type}" thuộc phần mở rộng "${owner}" chưa được áp dụng`, `rule "${rule.type}" belongs to plugin "${owner}", which is not applied`);
    }
  }

  const candidate = {
    ...template,
    version: template.version + plugins.map((p) => `+${p.id}@${p.version}`).join(''),
    answerTypes,
    sections,
    plugins: [...template.plugins, ...plugins.map((p) => ({ id: p.id, version: p.version }))],
  };
  const result = ChecklistTemplateSchema.safeParse(candidate);
  if (!result.success) {
    const error = ValidationError.fromZod('ChecklistTemplate', result.error);
    throw checklistConfigurationError(
      `áp dụng phần mở rộng tạo ra mẫu không hợp lệ: ${error.messageVi}`,
      `applying the plugins produced an invalid template: ${error.messageEn}`,
      error,
    );
  }
  return deepFreeze(result.data);
}

function conflict(problemVi: string, problemEn: string): Error {
  return checklistConfigurationError(problemVi, problemEn);
}

function claimItemId(itemIds: Set<string>, itemId: string, pluginId: string): void {
  if (itemIds.has(itemId)) {
    throw conflict(`nội dung "${itemId}" đã có (phần mở rộng "${pluginId}")`, `item "${itemId}" already exists (plugin "${pluginId}")`);
  }
  itemIds.add(itemId);
}

/** A copy whose `rules` can be appended to; the final parse copies everything else. */
function copyItem(item: ChecklistItem): ChecklistItem {
  return { ...item, rules: [...item.rules] };
}

function copySection(section: ChecklistSection): ChecklistSection {
  return { ...section, items: section.items.map(copyItem) };
}
