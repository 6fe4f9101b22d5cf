import { describe, expect, it } from 'vitest';
import { buildResultNoticeDocument } from './build-result-notice-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';
import { NOTICE_INPUT } from './sample-inputs.test-support.js';

describe('buildResultNoticeDocument', () => {
  it('writes a TB with its summary naming the unit', () => {
    const doc = buildResultNoticeDocument(NOTICE_INPUT);
    expect(doc.kind).toBe('TB');
    expect(doc.header.number).toEqual({ number: 7, symbol: 'TB-STTTT' });
    expect(doc.title).toEqual({ type: 'THÔNG BÁO', summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại Chợ Thạch Hà' });
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('groups findings met / not met / not applicable, then conclusion and requests', () => {
    const text = officialDocumentPlainText(buildResultNoticeDocument(NOTICE_INPUT));
    expect(text).toContain(
      'Thực hiện Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông về việc kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19, ngày 07/12/2021, Tổ kiểm tra PC-Covid đã tiến hành kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại Chợ Thạch Hà (Thị trấn Thạch Hà, huyện Thạch Hà). Sở Thông tin và Truyền thông thông báo kết quả kiểm tra như sau:',
    );
    const from = text.indexOf('1. Kết quả kiểm tra:');
    expect(text.slice(from, from + 7)).toEqual([
      '1. Kết quả kiểm tra:',
      'a) Nội dung đạt yêu cầu:',
      '- Đã khai báo, tạo mã QR địa điểm: Đạt.',
      'b) Nội dung chưa đạt yêu cầu:',
      '- Niêm yết đúng mã QR địa điểm: Chưa đạt. Mã QR ở cổng phụ là mã Bluezone cũ.',
      'c) Nội dung không áp dụng đối với đơn vị:',
      '- Sử dụng phần mềm truy vết F1: Không áp dụng.',
    ]);
    expect(text).toContain('- Thay mã QR tại cổng phụ bằng mã QR địa điểm của PC-Covid (thời hạn: trước ngày 15/12/2021);');
    expect(text).toContain('- Báo cáo kết quả khắc phục về Sở Thông tin và Truyền thông (qua Thanh tra Sở) trước ngày 16/12/2021.');
    expect(text).toContain('Sở Thông tin và Truyền thông thông báo để Chợ Thạch Hà biết, thực hiện./.');
  });

  it('omits the requests clause when there is nothing to do', () => {
    const doc = buildResultNoticeDocument({ ...NOTICE_INPUT, requests: [], reportBack: null });
    expect(doc.body.some((b) => b.type === 'heading' && b.label === '3.')).toBe(false);
  });

  it('rejects a notice dated before the inspection, and an empty findings list', () => {
    let error: unknown;
    try {
      buildResultNoticeDocument({ ...NOTICE_INPUT, date: '2021-12-01', findings: [] });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['findings']));
    let second: unknown;
    try {
      buildResultNoticeDocument({ ...NOTICE_INPUT, date: '2021-12-01' });
    } catch (e) {
      second = e;
    }
    expect((second as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['inspectedOn']);
  });
});
