import type { z } from 'zod';
import type { ChecklistRule } from '../entities/checklist-rule.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { EvidenceKind } from '../entities/evidence.js';
import type { ChecklistEvidenceVerifier, ChecklistPlugin, ChecklistRuleType } from './checklist-plugin.js';
import { checklistConfigurationError, customRuleParams, customRulesOf, rulesOfSections } from './plugin-support.js';

/**
 * @internal The plugin code a template needs at evaluation time, resolved once.
 * @example
 * ```ts
 * const schema = registry.answerTypeSchema('qrPayload');
 * ```
 */
export interface ChecklistRegistry {
  /** The plugin schema of an answer type, if a plugin provides it. */
  answerTypeSchema(answerTypeId: string): z.ZodType | undefined;
  /** The rule type and parsed params of a custom rule of the template. */
  custom(rule: Extract<ChecklistRule, { kind: 'custom' }>): { ruleType: ChecklistRuleType; params: unknown };
  /** Verifiers that apply to evidence of `kind` on `itemId`, with their plugin id. */
  verifiers(itemId: string, kind: EvidenceKind): readonly { pluginId: string; verifier: ChecklistEvidenceVerifier }[];
}

let registryBuilds = 0;

/**
 * @internal Test-only: how many registries have been built in this process (the compiled-template
 * cache of `compiled-checklist.ts` builds one per template and plugin set, not one per call).
 * @example
 * ```ts
 * const before = checklistRegistryBuildCount(); evaluateChecklist(template, response); // +1 at most
 * ```
 */
export function checklistRegistryBuildCount(): number {
  return registryBuilds;
}

/**
 * @internal The plugins of `plugins` that `template` was built with, in the order of
 * `template.plugins`. Throws `ConfigurationError` when one of them is not passed (or is passed
 * in another version). Plugins the template does not list are left out.
 * @example
 * ```ts
 * resolveTemplatePlugins(template, options.plugins ?? []).map((p) => p.id); // ['qr-verify']
 * ```
 */
export function resolveTemplatePlugins(template: ChecklistTemplate, plugins: readonly ChecklistPlugin[]): ChecklistPlugin[] {
  const resolved: ChecklistPlugin[] = [];
  for (const ref of template.plugins) {
    const plugin = plugins.find((p) => p.id === ref.id);
    if (plugin === undefined || plugin.version !== ref.version) {
      const wanted = `${ref.id}@${ref.version}`;
      throw checklistConfigurationError(
        `mẫu "${template.id}" phiên bản ${template.version} được tạo với phần mở rộng ${wanted}; ` +
          `hãy truyền đúng phần mở rộng này trong options.plugins${plugin === undefined ? '' : ` (đang có phiên bản ${plugin.version})`}`,
        `template "${template.id}" version ${template.version} was built with plugin ${wanted}; ` +
          `pass that plugin in options.plugins${plugin === undefined ? '' : ` (got version ${plugin.version})`}`,
      );
    }
    resolved.push(plugin);
  }
  return resolved;
}

/**
 * @internal Resolves the plugins a template was built with. Throws `ConfigurationError` when one
 * of them is not passed (or is passed in another version), or when the template names an answer
 * type or rule type that plugin does not provide. Plugins the template does not list are ignored.
 * Built once per template and plugin set by `compiledChecklist`, never per evaluation.
 * @example
 * ```ts
 * const registry = createChecklistRegistry(template, options.plugins ?? []);
 * ```
 */
export function createChecklistRegistry(template: ChecklistTemplate, plugins: readonly ChecklistPlugin[]): ChecklistRegistry {
  registryBuilds++;
  const byId = new Map<string, ChecklistPlugin>();
  for (const plugin of resolveTemplatePlugins(template, plugins)) byId.set(plugin.id, plugin);
  const answerTypeSchemas = new Map<string, z.ZodType>();
  for (const [id, answerType] of Object.entries(template.answerTypes)) {
    if (answerType.providedBy === undefined) continue;
    const provided = byId.get(answerType.providedBy)?.answerTypes.find((a) => a.id === id);
    if (provided === undefined) {
      throw checklistConfigurationError(
        `phần mở rộng "${answerType.providedBy}" không cung cấp kiểu trả lời "${id}"`,
        `plugin "${answerType.providedBy}" does not provide answer type "${id}"`,
      );
    }
    answerTypeSchemas.set(id, provided.schema);
  }

  const customs = new Map<ChecklistRule, { ruleType: ChecklistRuleType; params: unknown }>();
  for (const rule of customRulesOf(rulesOfSections(template.sections))) {
    const [pluginId, name] = rule.type.split(':') as [string, string];
    const ruleType = byId.get(pluginId)?.rules.find((r) => r.name === name);
    const params = customRuleParams(rule, ruleType);
    if (ruleType !== undefined) customs.set(rule, { ruleType, params });
  }

  const verifiers = [...byId.values()].flatMap((plugin) => plugin.evidenceVerifiers.map((verifier) => ({ pluginId: plugin.id, verifier })));

  return {
    answerTypeSchema: (answerTypeId) => answerTypeSchemas.get(answerTypeId),
    custom: (rule) => {
      const found = customs.get(rule);
      if (found !== undefined) return found;
      throw checklistConfigurationError(`quy tắc "${rule.type}" không thuộc mẫu này`, `rule "${rule.type}" is not part of this template`);
    },
    verifiers: (itemId, kind) => verifiers.filter(({ verifier }) => verifier.evidenceKind === kind && (verifier.itemIds === undefined || verifier.itemIds.includes(itemId))),
  };
}
