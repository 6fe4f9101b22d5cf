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
  const state: Draft = {
    applied: new Set(template.plugins.map((p) => p.id)),
    answerTypes: { ...template.answerTypes },
    sections: template.sections.map(copySection),
    itemIds: new Set(template.sections.flatMap((s) => s.items.map((i) => i.id))),
    ruleTypes: new Map(),
    added: [],
  };
  for (const plugin of plugins) applyOne(state, plugin);

  for (const rule of customRulesOf(state.added)) {
    const owner = pluginOfRuleType(rule.type);
    if (plugins.some((p) => p.id === owner)) customRuleParams(rule, state.ruleTypes.get(rule.type));
    else if (!state.applied.has(owner)) {
      throw conflict(`quy tắc "${rule.type}" thuộc phần mở rộng "${owner}" chưa được áp dụng`, `rule "${rule.type}" belongs to plugin "${owner}", which is not applied`);
    }
  }

  const candidate = {
    ...template,
    version: template.version + plugins.map((p) => `+${p.id}@${p.version}`).join(''),
    answerTypes: state.answerTypes,
    sections: state.sections,
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

/** The template being built, and what has been claimed so far. */
interface Draft {
  applied: Set<string>;
  answerTypes: Record<string, ChecklistAnswerType>;
  sections: ChecklistSection[];
  itemIds: Set<string>;
  ruleTypes: Map<string, ChecklistRuleType>;
  /** Rules the plugins added, checked once every plugin is in. */
  added: ChecklistRule[];
}

function applyOne(state: Draft, plugin: ChecklistPlugin): void {
  const by = `(phần mở rộng "${plugin.id}")`;
  const byEn = `(plugin "${plugin.id}")`;
  if (state.applied.has(plugin.id)) {
    throw conflict(`phần mở rộng "${plugin.id}" đã được áp dụng cho mẫu này`, `plugin "${plugin.id}" is already applied to this template`);
  }
  state.applied.add(plugin.id);
  for (const ruleType of plugin.rules) state.ruleTypes.set(`${plugin.id}:${ruleType.name}`, ruleType);

  for (const answerType of plugin.answerTypes) {
    if (Object.hasOwn(state.answerTypes, answerType.id)) {
      throw conflict(`kiểu trả lời "${answerType.id}" đã có ${by}`, `answer type "${answerType.id}" already exists ${byEn}`);
    }
    state.answerTypes[answerType.id] = { label: answerType.label, fields: answerType.fields, providedBy: plugin.id };
  }
  for (const section of plugin.sections) {
    if (state.sections.some((s) => s.id === section.id)) {
      throw conflict(`mục lớn "${section.id}" đã có ${by}`, `section "${section.id}" already exists ${byEn}`);
    }
    for (const item of section.items) claimItemId(state.itemIds, item.id, plugin.id);
    state.sections.push(copySection(section));
    state.added.push(...rulesOfSections([section]));
  }
  for (const { sectionId, item } of plugin.items) {
    const section = state.sections.find((s) => s.id === sectionId);
    if (section === undefined) {
      throw conflict(`không có mục lớn "${sectionId}" để thêm nội dung "${item.id}" ${by}`, `there is no section "${sectionId}" to add item "${item.id}" to ${byEn}`);
    }
    claimItemId(state.itemIds, item.id, plugin.id);
    section.items.push(copyItem(item));
    state.added.push(...item.rules);
  }
  for (const [itemId, rules] of Object.entries(plugin.itemRules)) {
    const item = state.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
    if (item === undefined) {
      throw conflict(`không có nội dung "${itemId}" để thêm quy tắc ${by}`, `there is no item "${itemId}" to add rules to ${byEn}`);
    }
    item.rules.push(...rules);
    state.added.push(...rules);
  }
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
