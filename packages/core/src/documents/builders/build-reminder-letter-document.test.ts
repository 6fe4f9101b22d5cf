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
    expect(doc.header.subjectLine).toBe('V/v nhắc nhở khắc phục tồn tại trong triển khai quét mã QR');
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
    expect(text).toContain('Đây là lần nhắc nhở thứ 2. Để thực hiện nghiêm chỉ đạo của UBND tỉnh, Sở Thông tin và Truyền thông đề nghị Ban quản lý Chợ Thạch Hà:');
    expect(text).toContain('Thời hạn hoàn thành việc khắc phục và báo cáo kết quả về Sở Thông tin và Truyền thông: trước ngày 24/12/2021.');
    expect(text).toContain(
      'Quá thời hạn trên, nếu đơn vị không khắc phục, Sở Thông tin và Truyền thông sẽ tổng hợp, báo cáo UBND tỉnh và đề xuất cơ quan có thẩm quyền xử lý theo quy định./.',
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

  it('rejects a drafting unit with spaces', () => {
    expect(() => buildReminderLetterDocument({ ...REMINDER_INPUT, draftingUnit: 'T Tr' })).toThrow(ValidationError);
  });
});
