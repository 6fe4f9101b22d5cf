import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistItemResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistRuleSchema } from '../entities/checklist-rule.js';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import { evaluateChecklist } from './evaluate-checklist.js';
import { DIRECTIVE, QR_PHOTO, responseInput } from './test-support.js';

type RuleInput = z.input<typeof ChecklistRuleSchema>;
type ItemInput = z.input<typeof ChecklistItemResponseSchema>;

const message = { vi: 'Vi phạm quy tắc', en: 'Rule broken' };

/** Evaluates one item carrying one rule, and returns that item's result. */
function evaluateRule(rule: RuleInput, response: ItemInput) {
  const template = ChecklistTemplateSchema.parse({
    id: 'rules',
    version: '1',
    title: { vi: 'Thử quy tắc', en: 'Rule test' },
    answerTypes: {
      figures: {
        label: { vi: 'Số liệu', en: 'Figures' },
        fields: {
          points: { label: { vi: 'Số điểm', en: 'Points' }, valueType: 'count' },
          days: { label: { vi: 'Số ngày', en: 'Days' }, valueType: 'count' },
          size: { label: { vi: 'Kích thước', en: 'Size' }, valueType: 'decimal' },
          remark: { label: { vi: 'Nhận xét', en: 'Remark' }, valueType: 'text' },
        },
      },
    },
    sections: [
      {
        id: 's',
        title: { vi: 'Mục', en: 'Section' },
        items: [{ id: 'x', label: { vi: 'Nội dung', en: 'Item' }, critical: false, required: true, answerType: 'figures', rules: [rule] }],
      },
    ],
    compliance: { nonCriticalNotMetTolerance: 0 },
    plugins: [],
  });
  const parsed = ChecklistResponseSchema.parse(responseInput({ x: response }, '1', 'rules'));
  const [item] = evaluateChecklist(template, parsed).items;
  return item!;
}

const answered = (answer: 'met' | 'not_met' | 'not_applicable', extra: Partial<ItemInput> = {}): ItemInput => ({ answer, fields: {}, evidence: [], ...extra });

describe('checklist rules', () => {
  describe('requireNote', () => {
    const rule: RuleInput = { kind: 'requireNote', when: 'not_met', message };
    it('is satisfied by a note', () => expect(evaluateRule(rule, answered('not_met', { note: 'Chưa niêm yết' })).verdict).toBe('not_met'));
    it('is violated without a note, or with only whitespace', () => {
      for (const note of [undefined, '   ']) {
        const item = evaluateRule(rule, answered('not_met', note === undefined ? {} : { note }));
        expect(item.verdict).toBe('invalid');
        expect(item.answer).toBe('not_met');
        expect(item.violations).toEqual([{ rule: 'requireNote', messageVi: 'Vi phạm quy tắc', messageEn: 'Rule broken', path: ['answers', 'x', 'note'] }]);
      }
    });
    it('does not apply to another answer', () => expect(evaluateRule(rule, answered('met')).verdict).toBe('met'));
    it('applies to every answer when `when` is answered', () => {
      const always: RuleInput = { kind: 'requireNote', when: 'answered', message };
      expect(evaluateRule(always, answered('met')).verdict).toBe('invalid');
      expect(evaluateRule(always, answered('not_applicable')).verdict).toBe('invalid');
    });
  });

  describe('requireEvidence', () => {
    const rule: RuleInput = { kind: 'requireEvidence', evidenceKind: 'photo', minCount: 2, when: 'met', message };
    const second = { ...QR_PHOTO, id: 'ev-photo-2' };
    it('is satisfied by enough evidence of the kind', () => expect(evaluateRule(rule, answered('met', { evidence: [QR_PHOTO, second] })).verdict).toBe('met'));
    it('is violated by too little evidence, and evidence of another kind does not count', () => {
      const item = evaluateRule(rule, answered('met', { evidence: [QR_PHOTO, DIRECTIVE] }));
      expect(item.verdict).toBe('invalid');
      expect(item.violations[0]?.path).toEqual(['answers', 'x', 'evidence']);
    });
    it('does not apply to another answer', () => expect(evaluateRule(rule, answered('not_met')).verdict).toBe('not_met'));
  });

  describe('requireField', () => {
    const rule: RuleInput = { kind: 'requireField', field: 'remark', when: 'met', message };
    it('is satisfied by a filled-in value', () => expect(evaluateRule(rule, answered('met', { fields: { remark: 'ok' } })).verdict).toBe('met'));
    it('is violated by a missing or empty value', () => {
      expect(evaluateRule(rule, answered('met')).violations[0]?.path).toEqual(['answers', 'x', 'fields', 'remark']);
      expect(evaluateRule(rule, answered('met', { fields: { remark: '  ' } })).verdict).toBe('invalid');
    });
    it('counts zero and false as filled in', () => {
      expect(evaluateRule({ ...rule, field: 'points' }, answered('met', { fields: { points: 0 } })).verdict).toBe('met');
    });
    it('does not apply to another answer', () => expect(evaluateRule(rule, answered('not_applicable')).verdict).toBe('not_applicable'));
  });

  describe('minValue', () => {
    const rule: RuleInput = { kind: 'minValue', field: 'size', min: 15, when: 'met', message };
    it('is satisfied at or above the minimum', () => expect(evaluateRule(rule, answered('met', { fields: { size: 15 } })).verdict).toBe('met'));
    it('is violated below it', () => {
      const item = evaluateRule(rule, answered('met', { fields: { size: 14.9 } }));
      expect(item.violations.map((v) => [v.rule, v.path])).toEqual([['minValue', ['answers', 'x', 'fields', 'size']]]);
    });
    it('leaves a missing value to requireField', () => expect(evaluateRule(rule, answered('met')).verdict).toBe('met'));
    it('does not apply to another answer', () => expect(evaluateRule(rule, answered('not_met', { fields: { size: 3 } })).verdict).toBe('not_met'));
  });

  describe('fieldAtMost', () => {
    const rule: RuleInput = { kind: 'fieldAtMost', field: 'points', otherField: 'days', when: 'answered', message };
    it('is satisfied when the field does not exceed the other', () => expect(evaluateRule(rule, answered('met', { fields: { points: 7, days: 7 } })).verdict).toBe('met'));
    it('is violated when it does', () => {
      expect(evaluateRule(rule, answered('not_met', { note: 'x', fields: { points: 8, days: 7 } })).violations[0]?.path).toEqual(['answers', 'x', 'fields', 'points']);
    });
    it('does not judge when either value is missing', () => expect(evaluateRule(rule, answered('met', { fields: { points: 8 } })).verdict).toBe('met'));
    it('does not apply to another answer', () => {
      const onlyMet: RuleInput = { ...rule, when: 'met' };
      expect(evaluateRule(onlyMet, answered('not_met', { fields: { points: 8, days: 7 } })).verdict).toBe('not_met');
    });
  });

  describe('notApplicableForbidden', () => {
    const rule: RuleInput = { kind: 'notApplicableForbidden', message };
    it('is satisfied by met and not met', () => {
      expect(evaluateRule(rule, answered('met')).verdict).toBe('met');
      expect(evaluateRule(rule, answered('not_met')).verdict).toBe('not_met');
    });
    it('is violated by not applicable', () => {
      expect(evaluateRule(rule, answered('not_applicable')).violations[0]).toMatchObject({ rule: 'notApplicableForbidden', path: ['answers', 'x', 'answer'] });
    });
    it('does not apply to an unanswered item', () => expect(evaluateRule(rule, { answer: null, fields: {}, evidence: [] }).verdict).toBe('unanswered'));
  });

  describe('derivedNotMet', () => {
    const rule: RuleInput = { kind: 'derivedNotMet', field: 'days', greaterThan: 2, message };
    it('is satisfied by met when the figure is within the threshold', () => expect(evaluateRule(rule, answered('met', { fields: { days: 2 } })).verdict).toBe('met'));
    it('is violated by met when the figure says not met', () => {
      expect(evaluateRule(rule, answered('met', { fields: { days: 3 } })).violations[0]).toMatchObject({ rule: 'derivedNotMet', path: ['answers', 'x', 'answer'] });
    });
    it('does not apply to a not-met answer, which agrees with the figure', () => {
      expect(evaluateRule(rule, answered('not_met', { fields: { days: 5 } })).verdict).toBe('not_met');
    });
  });

  describe('answer type fields', () => {
    const rule: RuleInput = { kind: 'requireNote', when: 'not_met', message };
    it('reports a field the answer type lacks', () => {
      const item = evaluateRule(rule, answered('met', { fields: { colour: 'xanh' } }));
      expect(item.violations).toEqual([expect.objectContaining({ rule: 'answerType', path: ['answers', 'x', 'fields', 'colour'] })]);
    });
    it('reports a value of the wrong type, even on a draft without an answer', () => {
      expect(evaluateRule(rule, answered('met', { fields: { points: 2.5 } })).violations[0]?.messageVi).toBe('Trường "Số điểm" phải là một số nguyên không âm.');
      expect(evaluateRule(rule, answered('met', { fields: { size: -1 } })).verdict).toBe('invalid');
      expect(evaluateRule(rule, answered('met', { fields: { remark: true } })).verdict).toBe('invalid');
      expect(evaluateRule(rule, { answer: null, fields: { days: 'bảy' }, evidence: [] }).verdict).toBe('invalid');
    });
  });
});
