import type { ChecklistResponse } from '../entities/checklist-response.js';
import type { ChecklistSection, ChecklistTemplate } from '../entities/checklist-template.js';
import type { ChecklistEvaluation, ChecklistItemEvaluation, ChecklistSectionEvaluation } from './checklist-evaluation.js';
import type { ChecklistPlugin } from './checklist-plugin.js';
import { createChecklistRegistry, resolveTemplatePlugins } from './checklist-registry.js';
import { rollUpSection, rollUpUnit } from './checklist-roll-up.js';
import type { EvaluatedItem } from './checklist-roll-up.js';
import { compileItem } from './evaluate-item.js';
import type { CompiledItem, VerifierRecordEntry } from './evaluate-item.js';

/**
 * @internal A template compiled with the plugins it was built with: the registry resolved and
 * every item's rules, field checks and verifiers turned into closures, once. Evaluating a
 * response then only runs them and rolls the results up.
 * @example
 * ```ts
 * compiledChecklist(PC_COVID_CHECKLIST_V1, []).evaluate(response).unit.verdict; // 'compliant'
 * ```
 */
export interface CompiledChecklist {
  readonly template: ChecklistTemplate;
  /** The ids of every item of the template. */
  readonly itemIds: ReadonlySet<string>;
  /** Evaluates every item of a response already checked to be pinned to the template, in template order. */
  evaluateItems(response: ChecklistResponse, records?: VerifierRecordEntry[]): EvaluatedItems;
  /** Rolls evaluated items up into sections and the unit. */
  rollUp(evaluated: EvaluatedItems): ChecklistEvaluation;
  /** `rollUp(evaluateItems(response))` (see `evaluateChecklist`). */
  evaluate(response: ChecklistResponse): ChecklistEvaluation;
}

/**
 * @internal The items of a response, evaluated, grouped by section (template order), with the
 * ids of answers the template lacks (sorted).
 * @example
 * ```ts
 * compiled.evaluateItems(response).unknownItemIds; // ['z9']
 * ```
 */
export interface EvaluatedItems {
  readonly bySection: readonly (readonly EvaluatedItem[])[];
  readonly all: readonly EvaluatedItem[];
  readonly unknownItemIds: readonly string[];
}

interface CompiledSection {
  section: ChecklistSection;
  items: CompiledItem[];
}

/**
 * @internal Compiles `template` with `plugins` (those the template lists, already resolved).
 * Throws `ConfigurationError` as `createChecklistRegistry` does.
 * @example
 * ```ts
 * const compiled = compileChecklist(template, resolveTemplatePlugins(template, plugins));
 * ```
 */
export function compileChecklist(template: ChecklistTemplate, plugins: readonly ChecklistPlugin[]): CompiledChecklist {
  const registry = createChecklistRegistry(template, plugins);
  const itemIds = new Set<string>();
  const sections: CompiledSection[] = template.sections.map((section) => ({
    section,
    items: section.items.map((item) => {
      itemIds.add(item.id);
      return compileItem(template, section.id, item, registry);
    }),
  }));

  const evaluateItems = (response: ChecklistResponse, records?: VerifierRecordEntry[]): EvaluatedItems => {
    const answers = response.answers;
    const all: EvaluatedItem[] = [];
    const bySection: EvaluatedItem[][] = [];
    for (const { items } of sections) {
      const evaluated: EvaluatedItem[] = [];
      for (const compiled of items) {
        const id = compiled.item.id;
        const entry = { item: compiled.item, evaluation: compiled.evaluate(Object.hasOwn(answers, id) ? answers[id] : undefined, records) };
        evaluated.push(entry);
        all.push(entry);
      }
      bySection.push(evaluated);
    }
    const unknownItemIds: string[] = [];
    for (const id of Object.keys(answers)) if (!itemIds.has(id)) unknownItemIds.push(id);
    unknownItemIds.sort();
    return { bySection, all, unknownItemIds };
  };

  const rollUp = ({ bySection, all, unknownItemIds }: EvaluatedItems): ChecklistEvaluation => {
    const sectionResults: ChecklistSectionEvaluation[] = [];
    for (let i = 0; i < sections.length; i++) sectionResults.push(rollUpSection((sections[i] as CompiledSection).section, bySection[i] ?? []));
    const items: ChecklistItemEvaluation[] = [];
    let requiredAnswered = true;
    for (const { evaluation } of all) {
      items.push(evaluation);
      if (evaluation.required && evaluation.answer === null) requiredAnswered = false;
    }
    return {
      templateId: template.id,
      templateVersion: template.version,
      unit: rollUpUnit(template, all, unknownItemIds),
      sections: sectionResults,
      items,
      requiredAnswered,
    };
  };

  return { template, itemIds, evaluateItems, rollUp, evaluate: (response) => rollUp(evaluateItems(response)) };
}

/** How many plugin sets are kept per template (a caller building plugin objects per call gets no reuse, but no leak either). */
const MAX_PLUGIN_SETS = 8;

interface CacheEntry {
  plugins: readonly ChecklistPlugin[];
  compiled: CompiledChecklist;
}

const NONE: readonly ChecklistPlugin[] = Object.freeze([]);

const cache = new WeakMap<ChecklistTemplate, CacheEntry[]>();

function samePlugins(a: readonly ChecklistPlugin[], b: readonly ChecklistPlugin[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * @internal The compiled form of `template` with `plugins`, built once and reused: cached by
 * template identity and by the identity of the plugins the template lists (found in `plugins`
 * on every call, so a missing or wrong-version plugin still throws `ConfigurationError`).
 * Templates are immutable values (`PC_COVID_CHECKLIST_V1` and `applyChecklistPlugins` results
 * are deep-frozen); a template object must not be changed once evaluated.
 * @example
 * ```ts
 * compiledChecklist(template, options.plugins ?? []) === compiledChecklist(template, options.plugins ?? []); // true
 * ```
 */
export function compiledChecklist(template: ChecklistTemplate, plugins: readonly ChecklistPlugin[]): CompiledChecklist {
  const resolved = template.plugins.length === 0 ? NONE : resolveTemplatePlugins(template, plugins);
  let entries = cache.get(template);
  if (entries !== undefined) {
    for (const entry of entries) if (samePlugins(entry.plugins, resolved)) return entry.compiled;
  }
  const compiled = compileChecklist(template, resolved);
  if (entries === undefined) {
    entries = [];
    cache.set(template, entries);
  }
  if (entries.length >= MAX_PLUGIN_SETS) entries.shift();
  entries.push({ plugins: resolved, compiled });
  return compiled;
}
