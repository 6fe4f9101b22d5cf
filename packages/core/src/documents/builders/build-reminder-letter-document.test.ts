import { describe, expect, it } from 'vitest';
import { buildReminderLetterDocument } from './build-reminder-letter-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';
import { REMINDER_INPUT } from './sample-inputs.test-support.js';

describe('buildReminderLetterDocument', () => {
  it('is an official letter: no title block, symbol agency-unit, "V/v …" under the number', () => {
    const doc = buildReminderLetterDocument(REMINDER_INPUT);
    expect(doc.kind).toBe('CV');
    expect(doc.title).toBeNull();
    expect(doc.header.number).toEqual({ number: 125, symbol: 'STTTT-TTr' });
    expect(doc.header.subjectLine).toBe('V/v nhắc nhở khắc phục tồn tại trong triển khai quét mã QR (lần 2)');
    expect(doc.addressees).toEqual(['Ban quản lý Chợ Thạch Hà']);
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('states the findings, the requests, the deadline and the consequence, ending "./."', () => {
    const text = officialDocumentPlainText(buildReminderLetterDocument(REMINDER_INPUT));
    expect(text).toContain('Số: 125/STTTT-TTr');
    expect(text).toContain('Kính gửi: Ban quản lý Chợ Thạch Hà.');
    expect(text).toContain(
      'Ngày 07/12/2021, Tổ kiểm tra PC-Covid đã tiến hành kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại Ban quản lý Chợ Thạch Hà (Thông báo số 07/TB-STTTT ngày 09/12/2021 của Sở Thông tin và Truyền thông). Qua kiểm tra, đơn vị còn các tồn tại sau:',
    );
    expect(text).toContain('- Chưa bố trí người hướng dẫn quét mã QR.');
    expect(text).toContain('Sở Thông tin và Truyền thông nhắc nhở lần thứ 2 và đề nghị Ban quản lý Chợ Thạch Hà khẩn trương:');
    expect(text).toContain('Thời hạn hoàn thành việc khắc phục và báo cáo kết quả về Sở Thông tin và Truyền thông: trước ngày 24/12/2021.');
    expect(text).toContain(
      'Quá thời hạn trên, nếu đơn vị chưa khắc phục, Sở Thông tin và Truyền thông sẽ ấn định thời hạn khắc phục cuối cùng và báo cáo UBND tỉnh về việc đơn vị chậm khắc phục./.',
    );
    expect(text).toContain('- Như trên;');
  });

  it('rejects a deadline on or before the letter date and a letter before the inspection', () => {
    let error: unknown;
    try {
      buildReminderLetterDocument({ ...REMINDER_INPUT, deadline: '2021-12-17', inspection: { ...REMINDER_INPUT.inspection, date: '2021-12-20' } });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['deadline', 'inspection.date']);
  });

  it('escalates by stage — reminder, deadline letter, last reminder — each with its own subject and consequence', () => {
    const at = (reminderNumber: number) => buildReminderLetterDocument({ ...REMINDER_INPUT, reminderNumber });
    const subjects = [1, 2, 3, 4].map((n) => at(n).header.subjectLine);
    expect(new Set(subjects).size).toBe(4);
    expect(subjects[2]).toBe('V/v ấn định thời hạn khắc phục tồn tại trong triển khai quét mã QR');
    expect(subjects[3]).toBe('V/v nhắc nhở khắc phục tồn tại trong triển khai quét mã QR (lần cuối)');
    const third = officialDocumentPlainText(at(3)).join('\n');
    const fourth = officialDocumentPlainText(at(4)).join('\n');
    expect(third).toContain('Đây là thời hạn cuối cùng Sở Thông tin và Truyền thông ấn định.');
    expect(fourth).toContain('Đây là lần nhắc nhở thứ 4 và là lần cuối.');
    expect(fourth).not.toContain('Đây là thời hạn cuối cùng');
  });

  it('recalls the documents that already asked for a remedy and that their deadline passed; refuses one whose deadline has not', () => {
    const priorDocuments = [
      { reference: { documentType: 'Thông báo', number: '07/TB-STTTT', date: '2021-12-09', issuer: 'Sở Thông tin và Truyền thông' }, deadline: '2021-12-15' },
    ];
    const text = officialDocumentPlainText(buildReminderLetterDocument({ ...REMINDER_INPUT, priorDocuments })).join('\n');
    expect(text).toContain('Thông báo số 07/TB-STTTT ngày 09/12/2021 của Sở Thông tin và Truyền thông (thời hạn khắc phục: trước ngày 15/12/2021)');
    expect(text).toContain('Tuy nhiên, đã quá thời hạn ngày 15/12/2021, đơn vị chưa khắc phục');
    expect(() => buildReminderLetterDocument({ ...REMINDER_INPUT, priorDocuments: [{ ...priorDocuments[0]!, deadline: REMINDER_INPUT.date }] })).toThrow(ValidationError);
  });

  it('rejects a drafting unit with spaces', () => {
    expect(() => buildReminderLetterDocument({ ...REMINDER_INPUT, draftingUnit: 'T Tr' })).toThrow(ValidationError);
  });
});
