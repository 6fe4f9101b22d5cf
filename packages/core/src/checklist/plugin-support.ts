import type { z } from 'zod';
import type { ChecklistRule } from '../entities/checklist-rule.js';
import type { ChecklistSection } from '../entities/checklist-template.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import type { ChecklistRuleType } from './checklist-plugin.js';

/**
 * @internal A `ConfigurationError` about checklist plugins or templates.
 * @example
 * ```ts
 * throw checklistConfigurationError('mục "b" đã có', 'section "b" already exists');
 * ```
 */
export function checklistConfigurationError(problemVi: string, problemEn: string, cause?: unknown): ConfigurationError {
  return new ConfigurationError({
    problemVi,
    problemEn,
    hint: 'Check the plugin definitions and the list passed to applyChecklistPlugins / evaluateChecklist.',
    cause,
  });
}

/**
 * @internal Parses plugin data, turning a schema failure into a `ConfigurationError`.
 * @example
 * ```ts
 * const id = parsePluginData(ChecklistPluginIdSchema, definition.id, definition.id, 'id');
 * ```
 */
export function parsePluginData<S extends z.ZodType>(schema: S, input: unknown, pluginId: string, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
  throw checklistConfigurationError(
    `phần mở rộng "${pluginId}" có ${what} không hợp lệ${where}: ${issue?.message ?? ''}`,
    `plugin "${pluginId}" has an invalid ${what}${where}: ${issue?.message ?? ''}`,
    result.error,
  );
}

/**
 * @internal Every custom rule in some sections, items or item rules.
 * @example
 * ```ts
 * customRulesOf(item.rules).map((r) => r.type); // ['qr-verify:payloadStartsWith']
 * ```
 */
export function customRulesOf(rules: Iterable<ChecklistRule>): Extract<ChecklistRule, { kind: 'custom' }>[] {
  const found: Extract<ChecklistRule, { kind: 'custom' }>[] = [];
  for (const rule of rules) if (rule.kind === 'custom') found.push(rule);
  return found;
}

/**
 * @internal Every rule of every item of some sections.
 * @example
 * ```ts
 * [...rulesOfSections(template.sections)].length;
 * ```
 */
export function* rulesOfSections(sections: readonly ChecklistSection[]): Generator<ChecklistRule> {
  for (const section of sections) for (const item of section.items) yield* item.rules;
}

/**
 * @internal The plugin id of a rule type id `<plugin>:<name>`.
 * @example
 * ```ts
 * pluginOfRuleType('qr-verify:payloadStartsWith'); // 'qr-verify'
 * ```
 */
export function pluginOfRuleType(type: string): string {
  return type.slice(0, type.indexOf(':'));
}

/**
 * @internal Parses a custom rule's params with its rule type, or throws `ConfigurationError`
 * when the type is missing or the params do not fit.
 * @example
 * ```ts
 * const params = customRuleParams(rule, ruleTypes.get(rule.type));
 * ```
 */
export function customRuleParams(rule: Extract<ChecklistRule, { kind: 'custom' }>, ruleType: ChecklistRuleType | undefined): unknown {
  if (ruleType === undefined) {
    throw checklistConfigurationError(
      `không có loại quy tắc "${rule.type}"; hãy khai báo nó trong phần mở rộng tương ứng`,
      `no rule type "${rule.type}" is defined; declare it in its plugin's rules`,
    );
  }
  let result: ReturnType<z.ZodType['safeParse']>;
  try {
    result = ruleType.params.safeParse(rule.params);
  } catch (cause) {
    throw checklistConfigurationError(`không kiểm tra được tham số của quy tắc "${rule.type}"`, `the params schema of rule "${rule.type}" threw`, cause);
  }
  if (!result.success) {
    throw checklistConfigurationError(
      `tham số của quy tắc "${rule.type}" không hợp lệ: ${result.error.issues[0]?.message ?? ''}`,
      `the params of rule "${rule.type}" are invalid: ${result.error.issues[0]?.message ?? ''}`,
      result.error,
    );
  }
  return result.data;
}

/**
 * @internal Freezes plain data (objects and arrays) all the way down; returns it.
 * @example
 * ```ts
 * const template = deepFreeze({ id: 'x', sections: [] }); Object.isFrozen(template.sections); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
