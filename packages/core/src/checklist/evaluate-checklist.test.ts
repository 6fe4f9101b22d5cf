import { describe, expect, it } from 'vitest';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { ValidationError } from '../errors/validation-error.js';
import { ChecklistEvaluationSchema } from './checklist-evaluation.js';
import { assertChecklistPinned, evaluateChecklist } from './evaluate-checklist.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
import { compliantAnswers, notApplicable, notMet, responseInput, v1Response } from './test-support.js';

const evaluate = (response = v1Response(), template: ChecklistTemplate = PC_COVID_CHECKLIST_V1) => evaluateChecklist(template, response);
const section = (result: ReturnType<typeof evaluate>, id: string) => result.sections.find((s) => s.id === id)!;

describe('evaluateChecklist', () => {
  describe('critical items', () => {
    it('makes the unit non-compliant when a critical item is not met, whatever else holds', () => {
      const result = evaluate(v1Response({ b2: notMet('Chỉ niêm yết mã Bluezone cũ') }));
      expect(result.unit.verdict).toBe('non_compliant');
      expect(result.unit.reasons[0]).toMatchObject({ code: 'critical_not_met', itemId: 'b2' });
      expect(result.unit.reasons[0]?.messageVi).toContain('trọng yếu');
      expect(result.unit.reasons[0]?.messageEn).toContain('critical');
    });

    it('stays non-compliant while other items are still unanswered or invalid', () => {
      const result = evaluate(v1Response({ b1: notMet('Chưa tạo mã QR'), c1: undefined, a2: { answer: 'met', fields: {}, evidence: [] } }));
      expect(result.unit.verdict).toBe('non_compliant');
      expect(result.unit.reasons.map((r) => r.code)).toEqual(['critical_not_met', 'invalid', 'unanswered']);
      expect(result.requiredAnswered).toBe(false);
    });

    it('does not count an invalid critical answer: the response must be fixed first', () => {
      const result = evaluate(v1Response({ b2: { answer: 'not_met', fields: {}, evidence: [] } }));
      expect(result.items.find((i) => i.itemId === 'b2')).toMatchObject({ answer: 'not_met', verdict: 'invalid' });
      expect(result.unit.verdict).toBe('incomplete');
    });
  });

  describe('non-critical items and the tolerance', () => {
    it('makes the unit non-compliant on any non-critical not-met item under V1 (tolerance 0)', () => {
      const result = evaluate(v1Response({ b3: notMet('Không có người hướng dẫn quét mã') }));
      expect(result.unit.verdict).toBe('non_compliant');
      expect(result.unit.reasons.map((r) => [r.code, r.itemId])).toEqual([
        ['tolerance_exceeded', null],
        ['not_met', 'b3'],
      ]);
    });

    it('tolerates up to the template threshold, and says so', () => {
      const lenient: ChecklistTemplate = { ...PC_COVID_CHECKLIST_V1, compliance: { nonCriticalNotMetTolerance: 1 } };
      const one = evaluate(v1Response({ c2: notMet('Chưa dùng để truy vết') }), lenient);
      expect(one.unit.verdict).toBe('compliant');
      expect(one.unit.reasons.map((r) => r.code)).toEqual(['not_met', 'all_satisfied']);
      expect(one.unit.reasons[1]?.messageVi).toContain('trong mức cho phép (1)');
      const two = evaluate(v1Response({ c2: notMet(), b3: notMet() }), lenient);
      expect(two.unit.verdict).toBe('non_compliant');
    });

    it('never counts not applicable against the unit', () => {
      const result = evaluate(v1Response({ a2: notApplicable('Cơ sở kinh doanh'), c1: notApplicable(), c2: notApplicable() }));
      expect(result.unit.verdict).toBe('compliant');
      expect(section(result, 'c')).toMatchObject({ verdict: 'compliant', notApplicable: 2, met: 0 });
    });
  });

  describe('unanswered items', () => {
    it('leaves the unit incomplete and lists each unanswered required item', () => {
      const result = evaluate(v1Response({ a1: undefined, b4: { answer: null, fields: {}, evidence: [] } }));
      expect(result.unit.verdict).toBe('incomplete');
      expect(result.unit.reasons.filter((r) => r.code === 'unanswered').map((r) => r.itemId)).toEqual(['a1', 'b4']);
      expect(result.items.find((i) => i.itemId === 'a1')).toMatchObject({ verdict: 'unanswered', answer: null, violations: [] });
      expect(result.requiredAnswered).toBe(false);
    });

    it('does not wait for items that are not required', () => {
      const optional: ChecklistTemplate = {
        ...PC_COVID_CHECKLIST_V1,
        sections: PC_COVID_CHECKLIST_V1.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.id === 'c2' ? { ...i, required: false } : i)) })),
      };
      const result = evaluate(v1Response({ c2: undefined }), optional);
      expect(result.unit.verdict).toBe('compliant');
      expect(result.requiredAnswered).toBe(true);
      expect(section(result, 'c')).toMatchObject({ verdict: 'compliant', unanswered: 1 });
    });

    it('evaluates an empty response as incomplete without throwing', () => {
      const result = evaluate(ChecklistResponseSchema.parse(responseInput({})));
      expect(result.unit.verdict).toBe('incomplete');
      expect(result.items.every((i) => i.verdict === 'unanswered')).toBe(true);
    });
  });

  describe('section roll-ups', () => {
    it('counts each verdict per section and gives the section its own verdict', () => {
      const result = evaluate(
        v1Response({ a2: notApplicable(), b3: notMet(), b4: { answer: 'met', fields: { observedDays: 7, scansPerDay: 0.4, zeroScanDays: 5 }, evidence: [] }, c2: undefined }),
      );
      expect(result.sections.map(({ reasons: _r, ...counts }) => counts)).toEqual([
        { id: 'a', verdict: 'compliant', met: 1, notMet: 0, notApplicable: 1, unanswered: 0, invalid: 0 },
        { id: 'b', verdict: 'non_compliant', met: 2, notMet: 1, notApplicable: 0, unanswered: 0, invalid: 1 },
        { id: 'c', verdict: 'incomplete', met: 1, notMet: 0, notApplicable: 0, unanswered: 1, invalid: 0 },
      ]);
      expect(section(result, 'b').reasons.map((r) => [r.code, r.itemId])).toEqual([
        ['not_met', 'b3'],
        ['invalid', 'b4'],
      ]);
      expect(section(result, 'a').reasons.map((r) => r.code)).toEqual(['all_satisfied']);
    });

    it('rolls a critical item up as critical in its section', () => {
      expect(section(evaluate(v1Response({ b1: notMet() })), 'b').reasons[0]?.code).toBe('critical_not_met');
    });
  });

  describe('unknown items and pinning', () => {
    it('flags an answer for an item the template lacks', () => {
      const result = evaluate(ChecklistResponseSchema.parse(responseInput({ ...compliantAnswers(), zz: notMet() })));
      expect(result.unit.verdict).toBe('incomplete');
      expect(result.unit.reasons.map((r) => r.code)).toEqual(['unknown_item']);
      expect(result.unit.reasons[0]?.messageEn).toContain('"zz"');
    });

    it('looks items up as own keys only, so "constructor" or "toString" are never found on the prototype', () => {
      const response = v1Response();
      expect(Object.hasOwn(response.answers, 'constructor')).toBe(false);
      expect(evaluate(response).unit.verdict).toBe('compliant');
    });

    it('refuses a response pinned to another version or template with ValidationError', () => {
      const pinned = v1Response({}, '1+qr-verify@1');
      expect(() => evaluate(pinned)).toThrow(ValidationError);
      try {
        evaluate(pinned);
      } catch (error) {
        expect(ValidationError.isInstance(error) && error.issues.map((i) => [i.path, i.code])).toEqual([[['templateVersion'], 'version_mismatch']]);
      }
      const other = { ...v1Response(), templateId: 'other-checklist' };
      expect(() => assertChecklistPinned(PC_COVID_CHECKLIST_V1, other)).toThrow(/templateId/);
    });
  });

  it('keeps NFC-normalised notes from the response', () => {
    const nfd = 'Chưa niêm yết mã QR đúng'.normalize('NFD');
    const response = v1Response({ b2: notMet(nfd) });
    expect(response.answers.b2?.note).toBe('Chưa niêm yết mã QR đúng'.normalize('NFC'));
    expect(response.answers.b2?.note).not.toBe(nfd);
    expect(evaluate(response).items.find((i) => i.itemId === 'b2')?.verdict).toBe('not_met');
  });

  it('is deterministic and returns data that matches its schema', () => {
    const response = v1Response({ b3: notMet(), c1: undefined });
    const first = evaluate(response);
    expect(evaluate(response)).toEqual(first);
    expect(ChecklistEvaluationSchema.parse(first)).toEqual(first);
    expect(first.items.map((i) => i.itemId)).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2']);
  });
});
