import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
import { compliantAnswers, notMet, responseInput } from './test-support.js';
import { validateChecklistResponse } from './validate-checklist-response.js';

/** The ValidationError a call throws (fails the test if it does not throw one). */
function validationErrorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('validateChecklistResponse', () => {
  it('returns the parsed response and its evaluation when nothing is wrong', () => {
    const { response, evaluation } = validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput(compliantAnswers()));
    expect(response.answers.b1?.fields).toEqual({ pointsCount: 3 });
    expect(evaluation.unit.verdict).toBe('compliant');
  });

  it('accepts a valid not-compliant response: validity is not compliance', () => {
    const input = responseInput({ ...compliantAnswers(), b2: notMet('Mã QR của NCOVI') });
    expect(validateChecklistResponse(PC_COVID_CHECKLIST_V1, input).evaluation.unit.verdict).toBe('non_compliant');
  });

  it('lists every rule violation with its path and rule kind', () => {
    const answers = {
      ...compliantAnswers(),
      b2: { answer: 'met' as const, fields: { postedSizeCm: 20 }, evidence: [] },
      b3: { answer: 'not_met' as const, fields: {}, evidence: [] },
      b1: { answer: 'not_applicable' as const, note: 'Không có', fields: {}, evidence: [] },
    };
    const error = validationErrorOf(() => validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput(answers)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.subject).toBe('ChecklistResponse');
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'b1', 'answer'], 'notApplicableForbidden'],
      [['answers', 'b2', 'evidence'], 'requireEvidence'],
      [['answers', 'b3', 'note'], 'requireNote'],
    ]);
    expect(error.hint).toContain('Đạt phải kèm ảnh chụp mã QR đã niêm yết.');
  });

  it('requires every required item to be answered, unless checking a draft', () => {
    const { b4: _b4, ...answers } = compliantAnswers();
    const error = validationErrorOf(() => validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput(answers)));
    expect(error.issues).toEqual([{ path: ['answers', 'b4', 'answer'], code: 'unanswered', message: 'item b4 must be answered' }]);
    expect(validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput(answers), { allowUnanswered: true }).evaluation.unit.verdict).toBe('incomplete');
  });

  it('rejects answers for items the template lacks', () => {
    const error = validationErrorOf(() => validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput({ ...compliantAnswers(), d9: notMet() })));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([[['answers', 'd9'], 'unknown_item']]);
  });

  it('rejects input that does not match the response schema, with zod paths', () => {
    const input = responseInput({ ...compliantAnswers(), b1: { answer: 'yes', fields: {}, evidence: [] } as never });
    const error = validationErrorOf(() => validateChecklistResponse(PC_COVID_CHECKLIST_V1, input));
    expect(error.issues[0]?.path).toEqual(['answers', 'b1', 'answer']);
  });

  it('rejects a response pinned to another version', () => {
    const error = validationErrorOf(() => validateChecklistResponse(PC_COVID_CHECKLIST_V1, responseInput(compliantAnswers(), '2')));
    expect(error.issues[0]?.path).toEqual(['templateVersion']);
  });
});
