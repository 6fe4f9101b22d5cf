import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from './build-plan-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';
// Sample data only: the Hà Tĩnh plan itself is tested in @pccovid-inspect/province-ha-tinh.
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';

describe('buildPlanDocument', () => {
  it('lays the plan out as parts I–III, clauses 1–3 and points a)–c)', () => {
    const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    const outline = doc.body.flatMap((b) => (b.type === 'heading' ? [`${b.level}:${b.label}`] : []));
    expect(outline).toEqual(['part:I.', 'part:II.', 'clause:1.', 'point:a)', 'point:b)', 'point:c)', 'clause:2.', 'clause:3.', 'part:III.', 'clause:1.', 'clause:2.']);
    expect(doc.kind).toBe('KH');
    expect(doc.header.placeAndDate).toEqual({ place: 'Hà Tĩnh', date: '2021-11-26', blankDay: false });
    expect(doc.signature?.signers).toEqual([{ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', instruction: null, fullName: 'Đậu Tùng Lâm', refusal: null }]);
    expect(doc.recipients?.archive).toEqual(['VT', 'CNTT4']);
  });

  it('produces a complete, valid OfficialDocument (parsing it changes nothing)', () => {
    const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('prints a registered number with a leading zero and can leave the day blank', () => {
    const doc = buildPlanDocument({ ...HA_TINH_2021_PLAN_INPUT, number: 5, blankDay: true });
    const text = officialDocumentPlainText(doc);
    expect(text).toContain('Số: 05/KH-STTTT');
    expect(text).toContain('Hà Tĩnh, ngày      tháng 11 năm 2021');
  });

  it('adds italic "Căn cứ" lines for legal bases and keeps text NFC', () => {
    const doc = buildPlanDocument({
      ...HA_TINH_2021_PLAN_INPUT,
      pursuantTo: [{ documentType: 'Luật Thanh tra năm 2010'.normalize('NFD') }],
    });
    expect(doc.body[0]).toEqual({ type: 'basis', text: 'Căn cứ Luật Thanh tra năm 2010;' });
    expect(doc.body[0]?.type === 'basis' && doc.body[0].text.normalize('NFC') === doc.body[0].text).toBe(true);
  });

  it('writes an announced form and no nomination sentence when none is asked', () => {
    const doc = buildPlanDocument({
      ...HA_TINH_2021_PLAN_INPUT,
      schedule: { ...HA_TINH_2021_PLAN_INPUT.schedule, form: 'announced' },
      team: { ...HA_TINH_2021_PLAN_INPUT.team, nomination: null },
    });
    const text = officialDocumentPlainText(doc);
    expect(text).toContain('- Hình thức kiểm tra: Theo kế hoạch, có thông báo trước.');
    expect(text).toContain('- Đơn vị phối hợp: Đại diện Sở Y tế Hà Tĩnh; phòng VHTT các huyện, thị xã, thành phố.');
  });

  it('rejects bad input with VALIDATION_FAILED and the path of every fault', () => {
    const bad = {
      ...HA_TINH_2021_PLAN_INPUT,
      date: '2021-11-31',
      purposes: [],
      issuer: { ...HA_TINH_2021_PLAN_INPUT.issuer, code: 'st tt' },
      signer: { ...HA_TINH_2021_PLAN_INPUT.signer, authorityOf: null },
      implementation: [{ party: 'Sở Y tế' }],
    };
    let error: unknown;
    try {
      buildPlanDocument(bad);
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['date', 'purposes', 'issuer.code', 'signer.authorityOf', 'implementation.0.tasks']));
    expect((error as ValidationError).code).toBe('VALIDATION_FAILED');
    expect((error as ValidationError).subject).toBe('PlanDocumentInput');
  });
});
