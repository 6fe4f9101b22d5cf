import type { ChecklistItem, ChecklistSection, ChecklistTemplate } from '../entities/checklist-template.js';
import type { ChecklistEvaluation, ChecklistItemEvaluation, ChecklistReason, ChecklistSectionEvaluation, ChecklistVerdict } from './checklist-evaluation.js';

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

/** How reasons name each item (`Nội dung b2 "…"`), built once per item of a template. */
const prefixes = new WeakMap<ChecklistItem, { vi: string; en: string }>();

function itemPrefix(item: ChecklistItem): { vi: string; en: string } {
  let prefix = prefixes.get(item);
  if (prefix === undefined) {
    prefix = { vi: `Nội dung ${item.id} "${item.label.vi}"`, en: `Item ${item.id} "${item.label.en}"` };
    prefixes.set(item, prefix);
  }
  return prefix;
}

function pushAll<T>(target: T[], source: readonly T[]): void {
  for (const value of source) target.push(value);
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
  const { vi, en } = itemPrefix(item);
  let messageVi: string;
  let messageEn: string;
  switch (code) {
    case 'critical_not_met':
      messageVi = `${vi} là nội dung trọng yếu và Chưa đạt.`;
      messageEn = `${en} is critical and not met.`;
      break;
    case 'not_met':
      messageVi = `${vi} Chưa đạt.`;
      messageEn = `${en} is not met.`;
      break;
    case 'unanswered':
      messageVi = `${vi} chưa được đánh giá.`;
      messageEn = `${en} has not been answered.`;
      break;
    case 'invalid':
      messageVi = `${vi} có ${evaluation.violations.length} lỗi cần sửa trước khi lập biên bản.`;
      messageEn = `${en} breaks ${evaluation.violations.length} rule(s); fix them before drawing up the minutes.`;
      break;
    default:
      return code satisfies never;
  }
  return { code, itemId: item.id, messageVi, messageEn };
}

/** @internal Item reasons in a fixed order: critical Chưa đạt, Chưa đạt, invalid, unanswered (required only). */
function itemReasons(items: readonly EvaluatedItem[]): { notMet: ChecklistReason[]; critical: ChecklistReason[]; open: ChecklistReason[] } {
  const critical: ChecklistReason[] = [];
  const notMet: ChecklistReason[] = [];
  const open: ChecklistReason[] = [];
  let unanswered: ChecklistReason[] | undefined;
  for (const entry of items) {
    const { verdict, critical: isCritical, required } = entry.evaluation;
    if (verdict === 'not_met') {
      if (isCritical) critical.push(itemReason('critical_not_met', entry));
      else notMet.push(itemReason('not_met', entry));
    } else if (verdict === 'invalid') open.push(itemReason('invalid', entry));
    else if (verdict === 'unanswered' && required) (unanswered ??= []).push(itemReason('unanswered', entry));
  }
  if (unanswered !== undefined) for (const reason of unanswered) open.push(reason);
  return { critical, notMet, open };
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
  let met = 0;
  let notMetCount = 0;
  let notApplicable = 0;
  let unanswered = 0;
  let invalid = 0;
  for (const { evaluation } of items) {
    const itemVerdict: ChecklistItemEvaluation['verdict'] = evaluation.verdict;
    switch (itemVerdict) {
      case 'met':
        met++;
        break;
      case 'not_met':
        notMetCount++;
        break;
      case 'not_applicable':
        notApplicable++;
        break;
      case 'unanswered':
        unanswered++;
        break;
      case 'invalid':
        invalid++;
        break;
      default:
        itemVerdict satisfies never;
    }
  }
  const { critical, notMet, open } = itemReasons(items);
  const verdict: ChecklistVerdict = critical.length + notMet.length > 0 ? 'non_compliant' : open.length > 0 ? 'incomplete' : 'compliant';
  const reasons: ChecklistReason[] = [];
  pushAll(reasons, critical);
  pushAll(reasons, notMet);
  pushAll(reasons, open);
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
    met,
    notMet: notMetCount,
    notApplicable,
    unanswered,
    invalid,
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
  const reasons: ChecklistReason[] = [];
  pushAll(reasons, critical);
  if (overTolerance) {
    reasons.push({
      code: 'tolerance_exceeded',
      itemId: null,
      messageVi: `${notMet.length} nội dung không trọng yếu Chưa đạt, vượt mức cho phép (${tolerance}).`,
      messageEn: `${notMet.length} non-critical item(s) not met, more than the ${tolerance} tolerated.`,
    });
  }
  pushAll(reasons, notMet);
  pushAll(reasons, open);
  pushAll(reasons, unknown);

  const verdict: ChecklistVerdict = critical.length > 0 || overTolerance ? 'non_compliant' : open.length + unknown.length > 0 ? 'incomplete' : 'compliant';
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
