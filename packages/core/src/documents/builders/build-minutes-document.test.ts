import { describe, expect, it } from 'vitest';
import { buildMinutesDocument } from './build-minutes-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';
import { MINUTES_INPUT } from './sample-inputs.test-support.js';

describe('buildMinutesDocument', () => {
  it('follows Mẫu 1.9: number line, no place-and-date line, "BIÊN BẢN" title, no recipients', () => {
    const doc = buildMinutesDocument(MINUTES_INPUT);
    expect(doc.kind).toBe('BB');
    expect(doc.header.placeAndDate).toBeNull();
    expect(doc.header.number).toEqual({ number: null, symbol: 'BB-TKT' });
    expect(doc.header.parentBody).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(doc.title).toEqual({ type: 'BIÊN BẢN', summary: 'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại Chợ Thạch Hà' });
    expect(doc.recipients).toBeNull();
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('records start time, place, basis and who attended', () => {
    const text = officialDocumentPlainText(buildMinutesDocument(MINUTES_INPUT));
    expect(text).toContain('Thời gian bắt đầu: 08 giờ 30 phút, ngày 07 tháng 12 năm 2021.');
    expect(text).toContain('Địa điểm: Chợ Thạch Hà, Thị trấn Thạch Hà, huyện Thạch Hà, tỉnh Hà Tĩnh.');
    expect(text).toContain('Căn cứ Quyết định số 12/QĐ-STTTT ngày 30/11/2021 của Giám đốc Sở Thông tin và Truyền thông về việc thành lập Tổ kiểm tra.');
    expect(text).toContain('- Ông Nguyễn Văn An, Chánh Thanh tra Sở, Sở Thông tin và Truyền thông - Tổ trưởng;');
    expect(text).toContain('- Bà Phạm Thị Dung, Thanh tra viên, Sở Thông tin và Truyền thông - Thư ký.');
    expect(text).toContain('- Ông Võ Đình Khải, Trưởng Ban quản lý chợ;');
    expect(text).toContain('Chủ trì: Ông Nguyễn Văn An - Tổ trưởng.');
    expect(text).toContain('Thư ký: Bà Phạm Thị Dung - Thư ký.');
  });

  it('lists findings item by item under their sections with verdict, note and evidence', () => {
    const doc = buildMinutesDocument(MINUTES_INPUT);
    const text = officialDocumentPlainText(doc);
    expect(text).toContain('a) Công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR:');
    expect(text).toContain('- Quán triệt, phổ biến cài đặt ứng dụng PC-Covid trong đơn vị: Đạt. Minh chứng: Thông báo số 15/TB-BQL ngày 20/11/2021.');
    expect(text).toContain(
      '- Niêm yết đúng mã QR địa điểm ở nơi dễ thấy: Chưa đạt. Mã QR niêm yết ở cổng phụ là mã của ứng dụng Bluezone cũ. Minh chứng: Ảnh chụp mã QR tại cổng phụ.',
    );
    expect(text).toContain('- Sử dụng phần mềm phục vụ truy vết F1: Không áp dụng.');
    const verdictRun = doc.body.flatMap((b) => (b.type === 'bullet' ? b.runs.filter((r) => r.bold).map((r) => r.text) : []));
    expect(verdictRun).toEqual(['Đạt', 'Đạt', 'Chưa đạt', 'Chưa đạt', 'Không áp dụng']);
  });

  it('records the explanation, assessment, requests with deadlines, closing and copies', () => {
    const text = officialDocumentPlainText(buildMinutesDocument(MINUTES_INPUT));
    expect(text).toContain('Ban quản lý chợ đã in mã QR mới nhưng chưa kịp thay tại cổng phụ.');
    expect(text).toContain('- Thay mã QR tại cổng phụ bằng mã QR địa điểm của PC-Covid (thời hạn: trước ngày 10/12/2021);');
    expect(text).toContain('Biên bản kết thúc vào hồi 10 giờ 15 phút cùng ngày.');
    expect(text).toContain('Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản. Các thành viên tham dự đã đọc lại, nhất trí ký tên vào biên bản./.');
  });

  it('has every team member sign, the unit left and the team lead right; or only the lead (and secretary) when asked', () => {
    const doc = buildMinutesDocument(MINUTES_INPUT);
    const titles = doc.signature?.signers.map((s) => s.title) ?? [];
    expect(titles[0]).toBe('ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA');
    expect(titles.at(-1)).toBe('TỔ TRƯỞNG TỔ KIỂM TRA');
    expect(titles).toContain('THƯ KÝ');
    expect(doc.signature?.signers.map((s) => s.fullName)).toEqual(expect.arrayContaining(['Võ Đình Khải', 'Nguyễn Văn An', 'Phạm Thị Dung']));
    const leadOnly = buildMinutesDocument({ ...MINUTES_INPUT, membersSign: false });
    expect(leadOnly.signature?.signers.map((s) => [s.title, s.fullName])).toEqual([
      ['ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', 'Võ Đình Khải'],
      ['TỔ TRƯỞNG TỔ KIỂM TRA', 'Nguyễn Văn An'],
    ]);
    const doan = buildMinutesDocument({ ...MINUTES_INPUT, teamKind: 'doan', secretarySigns: true, membersSign: false });
    expect(doan.signature?.signers.map((s) => s.title)).toEqual(['ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', 'NGƯỜI LẬP BIÊN BẢN', 'TRƯỞNG ĐOÀN KIỂM TRA']);
  });

  it('concludes with the counts of the findings, and prints each item’s figures', () => {
    const findings = MINUTES_INPUT.findings.map((f) => (f.itemCode === 'b.1' ? { ...f, figures: ['Số điểm đã khai báo, tạo mã QR: 3 điểm'] } : f));
    const text = officialDocumentPlainText(buildMinutesDocument({ ...MINUTES_INPUT, findings })).join('\n');
    expect(text).toMatch(/Chợ Thạch Hà đạt 0\d\/0\d nội dung kiểm tra áp dụng đối với đơn vị, chưa đạt 0\d nội dung: /u);
    expect(text).toContain('Số liệu: Số điểm đã khai báo, tạo mã QR: 3 điểm.');
  });

  it('records a refusal to sign instead of the agreement, and leaves the unit name blank', () => {
    const doc = buildMinutesDocument({ ...MINUTES_INPUT, refusal: { reason: 'chưa được Giám đốc ủy quyền ký' } });
    const text = officialDocumentPlainText(doc);
    expect(text).toContain(
      'Đại diện đơn vị Chợ Thạch Hà (Ông Võ Đình Khải - Trưởng Ban quản lý chợ) từ chối ký biên bản; lý do: chưa được Giám đốc ủy quyền ký. Tổ kiểm tra ghi nhận việc từ chối ký và các thành viên Tổ kiểm tra ký tên vào biên bản./.',
    );
    expect(text.join('\n')).not.toContain('nhất trí ký tên');
    expect(doc.signature?.signers[0]).toMatchObject({ refusal: '(Từ chối ký)', fullName: null });
  });

  it('records who witnessed a refusal, in the text and in a signature column', () => {
    const witness = { fullName: 'Đặng Thị Liên', position: 'Kế toán', organization: 'Chợ Thạch Hà' };
    const doc = buildMinutesDocument({ ...MINUTES_INPUT, refusal: { reason: 'chưa được ủy quyền' }, witness });
    expect(officialDocumentPlainText(doc).join('\n')).toContain('từ chối ký biên bản trước sự chứng kiến của Đặng Thị Liên - Kế toán, Chợ Thạch Hà; lý do: chưa được ủy quyền.');
    expect(doc.signature?.signers[1]).toMatchObject({ title: 'NGƯỜI CHỨNG KIẾN', fullName: 'Đặng Thị Liên' });
  });

  it('writes the end date when the minutes close on another day, and other copy counts', () => {
    const text = officialDocumentPlainText(buildMinutesDocument({ ...MINUTES_INPUT, end: { date: '2021-12-08', time: '09:00' }, copies: 3 }));
    expect(text).toContain('Biên bản kết thúc vào hồi 09 giờ 00 phút, ngày 08 tháng 12 năm 2021.');
    expect(text.join('\n')).toContain('Biên bản được lập thành 03 bản có giá trị như nhau, đơn vị được kiểm tra giữ 01 bản, Tổ kiểm tra giữ 02 bản.');
  });

  it('rejects bad input with paths: a not-met finding without note, unknown section, end before start, bad time', () => {
    let error: unknown;
    try {
      buildMinutesDocument({
        ...MINUTES_INPUT,
        start: { date: '2021-12-07', time: '25:00' },
        end: { date: '2021-12-06', time: '10:00' },
        findings: [{ section: 'z', itemCode: 'b.2', label: 'Niêm yết', verdict: 'not_met' }],
      });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['start.time', 'findings.0.note']));
  });

  it('rejects a finding in an unknown section and an end before the start', () => {
    let error: unknown;
    try {
      buildMinutesDocument({
        ...MINUTES_INPUT,
        end: { date: '2021-12-06', time: '10:00' },
        findings: [{ section: 'z', itemCode: 'b.2', label: 'Niêm yết', verdict: 'met' }],
      });
    } catch (e) {
      error = e;
    }
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['end', 'findings.0.section']));
  });

  it('prints the PC-Covid portal figures of the unit under the findings', () => {
    const doc = buildMinutesDocument({ ...MINUTES_INPUT, portal: { period: { from: '2021-12-01', to: '2021-12-07' }, qrPoints: 3, scans: 1250, days: 7, zeroScanDays: 1 } });
    const text = officialDocumentPlainText(doc);
    const line =
      'Số liệu trên hệ thống quản lý PC-Covid (từ ngày 01/12/2021 đến ngày 07/12/2021): 3 điểm mã QR đã khai báo; 1.250 lượt quét trong 7 ngày có số liệu, 1 ngày không có lượt quét.';
    expect(text).toContain(line);
    // Under the findings, before the unit's explanation.
    expect(text.indexOf(line)).toBeLessThan(text.indexOf('II. Ý KIẾN GIẢI TRÌNH CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA'));
    expect(text.indexOf(line)).toBeGreaterThan(text.indexOf('I. KẾT QUẢ KIỂM TRA'));
    const none = officialDocumentPlainText(
      buildMinutesDocument({ ...MINUTES_INPUT, portal: { period: { from: '2021-12-01', to: '2021-12-07' }, qrPoints: 2, scans: 90, days: 7, zeroScanDays: 0 } }),
    );
    expect(none).toContain(
      'Số liệu trên hệ thống quản lý PC-Covid (từ ngày 01/12/2021 đến ngày 07/12/2021): 2 điểm mã QR đã khai báo; 90 lượt quét trong 7 ngày có số liệu, không có ngày nào không có lượt quét.',
    );
  });

  it('says in one line that the portal has no figures for the unit', () => {
    const text = officialDocumentPlainText(buildMinutesDocument(MINUTES_INPUT));
    expect(text).toContain('Số liệu trên hệ thống quản lý PC-Covid: Chưa có số liệu từ hệ thống quản lý PC-Covid về đơn vị.');
    expect(text.join('\n')).not.toMatch(/điểm mã QR đã khai báo/u);
  });

  it('refuses portal figures after the minutes, or more zero-scan days than days', () => {
    let error: unknown;
    try {
      buildMinutesDocument({ ...MINUTES_INPUT, portal: { period: { from: '2021-12-01', to: '2021-12-09' }, qrPoints: 3, scans: 0, days: 2, zeroScanDays: 3 } });
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['portal.period.to', 'portal.zeroScanDays']);
  });
});
