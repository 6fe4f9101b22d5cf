import { describe, expect, it } from 'vitest';
import { ChecklistTemplateSchema } from '../entities/checklist-template.js';
import { evaluateChecklist } from './evaluate-checklist.js';
import { PC_COVID_CHECKLIST_V1 } from './pc-covid-checklist-v1.js';
import { v1Response } from './test-support.js';

const items = PC_COVID_CHECKLIST_V1.sections.flatMap((s) => s.items);
const item = (id: string) => items.find((i) => i.id === id)!;

describe('PC_COVID_CHECKLIST_V1', () => {
  it('is a valid template that parses to itself', () => {
    expect(ChecklistTemplateSchema.parse(PC_COVID_CHECKLIST_V1)).toEqual(PC_COVID_CHECKLIST_V1);
    expect(PC_COVID_CHECKLIST_V1.id).toBe('pc-covid-ii1');
    expect(PC_COVID_CHECKLIST_V1.version).toBe('1');
  });

  it('follows plan item II.1 a) b) c) with their items in order', () => {
    expect(PC_COVID_CHECKLIST_V1.sections.map((s) => [s.id, s.items.map((i) => i.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1', 'b2', 'b3', 'b4']],
      ['c', ['c1', 'c2']],
    ]);
  });

  it("keeps the seed plan's Vietnamese wording with English beside it", () => {
    const [a, b, c] = PC_COVID_CHECKLIST_V1.sections;
    expect(a?.title.vi).toBe('Kiểm tra công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR');
    expect(b?.title.vi).toBe('Kiểm tra số lượng các địa điểm đã khai báo, tạo mã QR điểm kiểm dịch và quét mã QR hàng ngày');
    expect(c?.title.vi).toBe('Kiểm tra việc sử dụng phần mềm thống kê báo cáo');
    expect(item('a1').label.vi).toContain('Việc quán triệt, phổ biến cài đặt ứng dụng PC-Covid, tạo QR trong cơ quan, đơn vị');
    expect(item('a2').label.vi).toContain('khai báo y tế, tạo và quét mã QR tại các công sở, địa điểm kinh doanh');
    expect(item('b2').label.vi).toContain('Niêm yết đúng "mã QR địa điểm"');
    expect(item('b3').label.vi).toBe('Hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR');
    expect(item('c1').label.vi).toContain('http://quanly.pccovid.gov.vn để thống kê báo cáo');
    expect(item('c2').label.vi).toContain('truy vết F1');
    for (const i of items) {
      expect(i.label.en.length).toBeGreaterThan(10);
      expect(i.label.vi).toBe(i.label.vi.normalize('NFC'));
    }
  });

  it('tells inspectors that legacy codes are not correct and gives the 15×15 cm reference', () => {
    const guidance = item('b2').guidance!;
    for (const legacy of ['Bluezone', 'NCOVI', 'tokhaiyte']) {
      expect(guidance.vi).toContain(legacy);
      expect(guidance.en).toContain(legacy);
    }
    expect(guidance.vi).toContain('15×15 cm');
  });

  it('makes b1 (QR created) and b2 (correct code posted) the only critical items, never not applicable', () => {
    expect(items.filter((i) => i.critical).map((i) => i.id)).toEqual(['b1', 'b2']);
    for (const id of ['b1', 'b2']) expect(item(id).rules.some((r) => r.kind === 'notApplicableForbidden')).toBe(true);
    expect(PC_COVID_CHECKLIST_V1.compliance.nonCriticalNotMetTolerance).toBe(0);
  });

  it('requires a note for every not-met answer and a photo for b2 met', () => {
    for (const i of items) expect(i.rules).toContainEqual(expect.objectContaining({ kind: 'requireNote', when: 'not_met' }));
    expect(item('b2').rules).toContainEqual(expect.objectContaining({ kind: 'requireEvidence', evidenceKind: 'photo', when: 'met' }));
    expect(item('b4').rules).toContainEqual(expect.objectContaining({ kind: 'derivedNotMet', field: 'zeroScanDays', greaterThan: 2 }));
  });

  it('is frozen so no caller can change a pinned version', () => {
    expect(Object.isFrozen(PC_COVID_CHECKLIST_V1)).toBe(true);
    expect(Object.isFrozen(item('b2').rules)).toBe(true);
    expect(() => {
      (PC_COVID_CHECKLIST_V1.sections as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('judges a unit that meets every item compliant', () => {
    const result = evaluateChecklist(PC_COVID_CHECKLIST_V1, v1Response());
    expect(result.unit.verdict).toBe('compliant');
    expect(result.items.every((i) => i.verdict === 'met')).toBe(true);
    expect(result.requiredAnswered).toBe(true);
  });
});
