import { describe, expect, it } from 'vitest';
import { compliantAnswers, responseInput } from '../checklist/test-support.js';
import { CHECKLIST_ANSWER_LABELS, ChecklistAnswerSchema } from './checklist-answer.js';
import { ChecklistFieldValueSchema } from './checklist-field.js';
import { ChecklistItemResponseSchema, ChecklistResponseSchema } from './checklist-response.js';

describe('ChecklistResponseSchema', () => {
  it('parses a response and keeps its pin to the template version', () => {
    const response = ChecklistResponseSchema.parse(responseInput(compliantAnswers(), '1+qr-verify@1'));
    expect(response.templateVersion).toBe('1+qr-verify@1');
    expect(Object.keys(response.answers)).toEqual(['a1', 'a2', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2']);
  });

  it('labels answers Đạt / Chưa đạt / Không áp dụng', () => {
    expect(ChecklistAnswerSchema.options.map((a) => CHECKLIST_ANSWER_LABELS[a].vi)).toEqual(['Đạt', 'Chưa đạt', 'Không áp dụng']);
    expect(ChecklistItemResponseSchema.safeParse({ answer: 'Đạt', fields: {}, evidence: [] }).success).toBe(false);
  });

  it('NFC-normalises and trims notes and text field values', () => {
    const note = '  Chưa niêm yết mã QR ở bộ phận một cửa '.normalize('NFD');
    const parsed = ChecklistItemResponseSchema.parse({ answer: 'not_met', note, fields: { remark: 'Bảo vệ nhắc quét'.normalize('NFD') }, evidence: [] });
    expect(parsed.note).toBe('Chưa niêm yết mã QR ở bộ phận một cửa'.normalize('NFC'));
    expect(parsed.fields.remark).toBe('Bảo vệ nhắc quét'.normalize('NFC'));
  });

  it('stores field values as finite numbers (no -0), booleans or text', () => {
    expect(Object.is(ChecklistFieldValueSchema.parse(-0), 0)).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, null, [], {}]) expect(ChecklistFieldValueSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects field ids that are not camelCase, with the path to the field', () => {
    const result = ChecklistResponseSchema.safeParse(responseInput({ b1: { answer: 'met', fields: { 'points-count': 1 }, evidence: [] } }));
    expect(result.error?.issues[0]?.path).toEqual(['answers', 'b1', 'fields', 'points-count']);
  });
});
