import { match } from 'ts-pattern';
import type { ChecklistItem, ChecklistSection, ChecklistTemplate } from '../entities/checklist-template.js';
import type {
  ChecklistEvaluation,
  ChecklistItemEvaluation,
  ChecklistReason,
  ChecklistSectionEvaluation,
  ChecklistVerdict,
} from './checklist-evaluation.js';

/**
 * @internal An item with its evaluation.
 * @example
 * ```ts
 * const entry: EvaluatedItem = { item, evaluation: evaluateItem(template, 'b', item, answer, registry) };
 * ```
 */
export interface EvaluatedItem {
  item: ChecklistItem;
  evaluation: ChecklistItemEvaluation;
}

type ItemReasonCode = 'critical_not_met' | 'not_met' | 'unanswered' | 'invalid';

/**
 * @internal The reason an item contributes, Vietnamese first.
 * @example
 * ```ts
 * itemReason('critical_not_met', entry).messageVi; // 'Nội dung b2 "…" là nội dung trọng yếu và Chưa đạt.'
 * ```
 */
export function itemReason(code: ItemReasonCode, { item, evaluation }: EvaluatedItem): ChecklistReason {
  const vi = `Nội dung ${item.id} "${item.label.vi}"`;
  const en = `Item ${item.id} "${item.label.en}"`;
  const { messageVi, messageEn } = match(code)
    .with('critical_not_met', () => ({ messageVi: `${vi} là nội dung trọng yếu và Chưa đạt.`, messageEn: `${en} is critical and not met.` }))
    .with('not_met', () => ({ messageVi: `${vi} Chưa đạt.`, messageEn: `${en} is not met.` }))
    .with('unanswered', () => ({ messageVi: `${vi} chưa được đánh giá.`, messageEn: `${en} has not been answered.` }))
    .with('invalid', () => ({
      messageVi: `${vi} có ${evaluation.violations.length} lỗi cần sửa trước khi lập biên bản.`,
      messageEn: `${en} breaks ${evaluation.violations.length} rule(s); fix them before drawing up the minutes.`,
    }))
    .exhaustive();
  return { code, itemId: item.id, messageVi, messageEn };
}

/** @internal Item reasons in a fixed order: critical Chưa đạt, Chưa đạt, invalid, unanswered (required only). */
function itemReasons(items: readonly EvaluatedItem[]): { notMet: ChecklistReason[]; critical: ChecklistReason[]; open: ChecklistReason[] } {
  const critical: ChecklistReason[] = [];
  const notMet: ChecklistReason[] = [];
  const invalid: ChecklistReason[] = [];
  const unanswered: ChecklistReason[] = [];
  for (const entry of items) {
    const { verdict, critical: isCritical, required } = entry.evaluation;
    if (verdict === 'not_met') (isCritical ? critical : notMet).push(itemReason(isCritical ? 'critical_not_met' : 'not_met', entry));
    else if (verdict === 'invalid') invalid.push(itemReason('invalid', entry));
    else if (verdict === 'unanswered' && required) unanswered.push(itemReason('unanswered', entry));
  }
  return { critical, notMet, open: [...invalid, ...unanswered] };
}

/**
 * @internal A section's roll-up: `non_compliant` when any item is Chưa đạt, else `incomplete`
 * when an item is invalid or required and unanswered, else `compliant`.
 * @example
 * ```ts
 * rollUpSection(section, entries).verdict; // 'non_compliant'
 * ```
 */
export function rollUpSection(section: ChecklistSection, items: readonly EvaluatedItem[]): ChecklistSectionEvaluation {
  const count = (verdict: ChecklistItemEvaluation['verdict']): number => items.filter((i) => i.evaluation.verdict === verdict).length;
  const { critical, notMet, open } = itemReasons(items);
  const verdict: ChecklistVerdict = critical.length + notMet.length > 0 ? 'non_compliant' : open.length > 0 ? 'incomplete' : 'compliant';
  const reasons = [...critical, ...notMet, ...open];
  if (verdict === 'compliant') {
    reasons.push({
      code: 'all_satisfied',
      itemId: null,
      messageVi: `Các nội dung của mục ${section.id} đều Đạt hoặc Không áp dụng.`,
      messageEn: `Every item of section ${section.id} is met or not applicable.`,
    });
  }
  return {
    id: section.id,
    verdict,
    met: count('met'),
    notMet: count('not_met'),
    notApplicable: count('not_applicable'),
    unanswered: count('unanswered'),
    invalid: count('invalid'),
    reasons,
  };
}

/**
 * @internal The unit verdict. `non_compliant` as soon as it is certain from valid answers: a
 * critical item Chưa đạt, or more non-critical items Chưa đạt than the template tolerates.
 * Otherwise `incomplete` while an item is invalid, a required item unanswered, or an answer names
 * an item the template lacks; otherwise `compliant`.
 * @example
 * ```ts
 * rollUpUnit(template, entries, []).verdict; // 'compliant'
 * ```
 */
export function rollUpUnit(template: ChecklistTemplate, items: readonly EvaluatedItem[], unknownItemIds: readonly string[]): ChecklistEvaluation['unit'] {
  const { critical, notMet, open } = itemReasons(items);
  const tolerance = template.compliance.nonCriticalNotMetTolerance;
  const unknown: ChecklistReason[] = unknownItemIds.map((id) => ({
    code: 'unknown_item',
    itemId: null,
    messageVi: `Có câu trả lời cho nội dung "${id}" không có trong mẫu ${template.id} phiên bản ${template.version}; hãy bỏ câu trả lời này.`,
    messageEn: `There is an answer for item "${id}", which template ${template.id} version ${template.version} lacks; remove it.`,
  }));
  const overTolerance = notMet.length > tolerance;
  const reasons: ChecklistReason[] = [...critical];
  if (overTolerance) {
    reasons.push({
      code: 'tolerance_exceeded',
      itemId: null,
      messageVi: `${notMet.length} nội dung không trọng yếu Chưa đạt, vượt mức cho phép (${tolerance}).`,
      messageEn: `${notMet.length} non-critical item(s) not met, more than the ${tolerance} tolerated.`,
    });
  }
  reasons.push(...notMet, ...open, ...unknown);

  const verdict: ChecklistVerdict =
    critical.length > 0 || overTolerance ? 'non_compliant' : open.length + unknown.length > 0 ? 'incomplete' : 'compliant';
  if (verdict === 'compliant') {
    reasons.push({
      code: 'all_satisfied',
      itemId: null,
      messageVi:
        notMet.length === 0
          ? 'Mọi nội dung bắt buộc đều Đạt hoặc Không áp dụng.'
          : `Mọi nội dung bắt buộc đã được đánh giá; ${notMet.length} nội dung không trọng yếu Chưa đạt, trong mức cho phép (${tolerance}).`,
      messageEn:
        notMet.length === 0
          ? 'Every required item is met or not applicable.'
          : `Every required item is answered; ${notMet.length} non-critical item(s) not met, within the ${tolerance} tolerated.`,
    });
  }
  return { verdict, reasons };
}
