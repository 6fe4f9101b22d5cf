import { describe, expect, it } from 'vitest';
import { buildResultsReportDocument } from './build-results-report-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import type { TableBlock } from '../model/table-block.js';
import type { BarChartBlock } from '../model/bar-chart-block.js';
import { ValidationError } from '../../errors/validation-error.js';
import { REPORT_INPUT } from './sample-inputs.test-support.js';
import type { ReportAnnexUnit } from './results-report-document-input.js';

const tables = (doc: ReturnType<typeof buildResultsReportDocument>) => doc.body.filter((b): b is TableBlock => b.type === 'table');
const charts = (doc: ReturnType<typeof buildResultsReportDocument>) => doc.body.filter((b): b is BarChartBlock => b.type === 'barChart');

describe('buildResultsReportDocument', () => {
  it('addresses the province and opens with the plan it reports on', () => {
    const doc = buildResultsReportDocument(REPORT_INPUT);
    const text = officialDocumentPlainText(doc);
    expect(doc.kind).toBe('BC');
    expect(text).toContain('Số: 21/BC-STTTT');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.');
    expect(text).toContain(
      'Thực hiện Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông về việc kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19, Sở Thông tin và Truyền thông báo cáo kết quả kiểm tra như sau:',
    );
    expect(text).toContain(
      'Từ ngày 06/12/2021 đến ngày 24/12/2021, Tổ kiểm tra đã kiểm tra đột xuất 10 đơn vị trên địa bàn 3 huyện, thành phố, thị xã (danh sách tại Phụ lục I), cụ thể như sau:',
    );
    expect(text).toContain('Sở Thông tin và Truyền thông kính báo cáo Ủy ban nhân dân tỉnh Hà Tĩnh./.');
  });

  it('tabulates units by district × target type with totals', () => {
    const [byDistrict] = tables(buildResultsReportDocument(REPORT_INPUT));
    expect(byDistrict?.columns.map((c) => c.title)).toEqual(['TT', 'Địa bàn', 'Bệnh viện', 'Chợ', 'Trường học', 'Tổng']);
    expect(byDistrict?.rows).toEqual([
      ['1', 'Thành phố Hà Tĩnh', '2', '3', '0', '5'],
      ['2', 'Thị xã Hồng Lĩnh', '0', '0', '4', '4'],
      ['3', 'Huyện Thạch Hà', '0', '1', '0', '1'],
    ]);
    expect(byDistrict?.footerRows).toEqual([['', 'Tổng cộng', '2', '4', '4', '10']]);
    expect(byDistrict?.repeatHeader).toBe(true);
  });

  it('computes the pass rate per checklist item, "—" when nothing was assessed', () => {
    const byItem = tables(buildResultsReportDocument(REPORT_INPUT)).find((t) => t.caption?.includes('theo nội dung kiểm tra'));
    expect(byItem?.rows).toEqual([
      ['a.1', 'Quán triệt, phổ biến cài đặt PC-Covid', '10', '9', '1', '90,0'],
      ['b.2', 'Niêm yết đúng mã QR địa điểm', '10', '6', '4', '60,0'],
      ['c.2', 'Sử dụng phần mềm truy vết F1', '0', '0', '0', '—'],
    ]);
  });

  it('charts pass and fail per district (from the annex) and the pass rate per item as data', () => {
    const [perDistrict, perItem] = charts(buildResultsReportDocument(REPORT_INPUT));
    expect(perDistrict).toMatchObject({
      categories: ['Thành phố Hà Tĩnh', 'Huyện Thạch Hà'],
      series: [
        { name: 'Đạt', values: [1, 0] },
        { name: 'Chưa đạt', values: [0, 1] },
      ],
    });
    expect(perItem).toMatchObject({ unit: '%', maxValue: 100, series: [{ name: 'Tỷ lệ đạt', values: [90, 60, 0] }] });
    const [counts] = charts(buildResultsReportDocument({ ...REPORT_INPUT, annex: null }));
    expect(counts).toMatchObject({ categories: ['Thành phố Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Huyện Thạch Hà'], series: [{ name: 'Số đơn vị', values: [5, 4, 1] }] });
  });

  it('reports figures by district and type, QR points and scans where known, and shortcomings with their causes', () => {
    const units: ReportAnnexUnit[] = [
      { ...REPORT_INPUT.annex!.units[0]!, qrPoints: 4, scansPerDay: 318, observedDays: 7, zeroScanDays: 0, staff: { installed: 776, total: 812 } },
      { ...REPORT_INPUT.annex!.units[1]!, qrPoints: 2, scansPerDay: 1.4, observedDays: 7, zeroScanDays: 5 },
    ];
    const doc = buildResultsReportDocument({
      ...REPORT_INPUT,
      annex: { units },
      purposes: ['Kiểm tra việc chấp hành chỉ đạo của UBND tỉnh.'],
      shortcomings: [{ text: 'Một chợ còn niêm yết mã QR Bluezone cũ', cause: 'Ban quản lý chưa in mã mới' }],
    });
    const text = officialDocumentPlainText(doc).join('\n');
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text).toContain('Bảng 2. Kết quả kiểm tra theo địa bàn');
    expect(text).toContain('Bảng 3. Kết quả kiểm tra theo loại hình');
    expect(text).toContain('1 | Thành phố Hà Tĩnh | 1 | 1 | 0 | 4 | 318 | 0');
    expect(text).toContain('2 | Huyện Thạch Hà | 1 | 0 | 1 | 2 | 1,4 | 5');
    expect(text).toContain('- 2 đơn vị đã khai báo, tạo 6 điểm mã QR địa điểm;');
    expect(text).toContain('Chợ Thạch Hà (5/7 ngày)');
    expect(text).toContain('- Một chợ còn niêm yết mã QR Bluezone cũ; nguyên nhân: Ban quản lý chưa in mã mới.');
    expect(doc.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect((doc.appendices[1]?.blocks[0] as TableBlock).rows[0]).toEqual(['1', 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', '4', '318', '7', '0', '776/812']);
  });

  it('prints the PC-Covid portal figures by district, and per unit next to its verdict', () => {
    const units: ReportAnnexUnit[] = [
      { ...REPORT_INPUT.annex!.units[0]!, portal: { qrPoints: 4, scans: 7630, days: 24, zeroScanDays: 0 } },
      { ...REPORT_INPUT.annex!.units[1]!, portal: null },
    ];
    const portal = {
      period: { from: '2021-12-01', to: '2021-12-24' },
      districts: [
        { name: 'Thành phố Hà Tĩnh', inspected: 1, compliant: 1, withFigures: 1, qrPoints: 4, scans: 7630, days: 24, zeroScanDays: 0 },
        { name: 'Huyện Thạch Hà', inspected: 1, compliant: 0, withFigures: 0, qrPoints: 0, scans: 0, days: 0, zeroScanDays: 0 },
      ],
    };
    const doc = buildResultsReportDocument({ ...REPORT_INPUT, annex: { units }, portal });
    const text = officialDocumentPlainText(doc).join('\n');
    expect(text).toContain('3. Số liệu từ hệ thống quản lý PC-Covid:');
    expect(text).toContain(
      'Theo số liệu trên hệ thống quản lý PC-Covid từ ngày 01/12/2021 đến ngày 24/12/2021, 1/2 đơn vị được kiểm tra có số liệu, cụ thể theo địa bàn như sau (số liệu từng đơn vị tại Phụ lục II):',
    );
    const byDistrict = tables(doc).find((t) => t.caption?.includes('hệ thống quản lý PC-Covid'));
    expect(byDistrict?.caption).toBe('Bảng 5. Số liệu từ hệ thống quản lý PC-Covid theo địa bàn');
    expect(byDistrict?.columns.map((c) => c.title)).toEqual([
      'TT',
      'Địa bàn',
      'Số đơn vị được kiểm tra',
      'Đạt',
      'Có số liệu',
      'Điểm mã QR đã khai báo',
      'Lượt quét',
      'Ngày không có lượt quét',
    ]);
    expect(byDistrict?.rows).toEqual([
      ['1', 'Thành phố Hà Tĩnh', '1', '1', '1', '4', '7.630', '0'],
      ['2', 'Huyện Thạch Hà', '1', '0', '0', '0', '0', '0'],
    ]);
    expect(byDistrict?.footerRows).toEqual([['', 'Tổng cộng', '2', '1', '1', '4', '7.630', '0']]);
    expect(doc.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    const annex = doc.appendices[1]!;
    expect(annex.title).toBe('SỐ LIỆU TỪ HỆ THỐNG QUẢN LÝ PC-COVID CỦA CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA');
    expect((annex.blocks[1] as TableBlock).rows).toEqual([
      ['1', 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', 'Thành phố Hà Tĩnh', 'Đạt', '4', '7.630', '24', '0'],
      ['2', 'Chợ Thạch Hà', 'Huyện Thạch Hà', 'Chưa đạt', '—', '—', '—', '—'],
    ]);
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
    // With the team's own figures too, the portal's per-unit annex comes third.
    const both = buildResultsReportDocument({ ...REPORT_INPUT, annex: { units: units.map((u) => ({ ...u, qrPoints: 2, scansPerDay: 10 })) }, portal });
    expect(both.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II', 'Phụ lục III']);
    expect(officialDocumentPlainText(both).join('\n')).toContain('(số liệu từng đơn vị tại Phụ lục III):');
  });

  it('says in one line that the portal has no figures, and invents none', () => {
    const doc = buildResultsReportDocument(REPORT_INPUT);
    const text = officialDocumentPlainText(doc);
    expect(text).toContain('Chưa có số liệu từ hệ thống quản lý PC-Covid về các đơn vị được kiểm tra.');
    expect(tables(doc).some((t) => t.caption?.includes('hệ thống quản lý PC-Covid'))).toBe(false);
    expect(doc.appendices.map((a) => a.label)).toEqual(['Phụ lục I']);
  });

  it('refuses portal figures dated after the report, or more units compliant than inspected', () => {
    const district = { name: 'Thành phố Hà Tĩnh', inspected: 1, compliant: 2, withFigures: 1, qrPoints: 4, scans: 10, days: 2, zeroScanDays: 3 };
    let error: unknown;
    try {
      buildResultsReportDocument({ ...REPORT_INPUT, portal: { period: { from: '2021-12-01', to: '2021-12-31' }, districts: [district] } });
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual(['portal.period.to', 'portal.districts.0', 'portal.districts.0.zeroScanDays']);
  });

  it('refuses a report dated before the inspections it reports, or inspection days outside its period', () => {
    expect(() => buildResultsReportDocument({ ...REPORT_INPUT, date: '2021-12-20' })).toThrow(ValidationError);
    expect(() => buildResultsReportDocument({ ...REPORT_INPUT, inspectionDays: ['2021-12-01'] })).toThrow(ValidationError);
  });

  it('lists non-compliant units with proposed actions, or says there are none', () => {
    const doc = buildResultsReportDocument(REPORT_INPUT);
    expect(tables(doc).find((t) => t.caption?.includes('chưa đạt và đề xuất'))?.rows).toEqual([
      ['1', 'Chợ Thạch Hà', 'Huyện Thạch Hà', 'Niêm yết mã QR Bluezone cũ', 'Nhắc nhở, yêu cầu khắc phục trước ngày 10/12/2021'],
    ]);
    const none = buildResultsReportDocument({ ...REPORT_INPUT, nonCompliantUnits: [], recommendations: [] });
    expect(officialDocumentPlainText(none)).toContain('Không có đơn vị chưa đạt yêu cầu.');
    expect(none.body.some((b) => b.type === 'heading' && b.label === 'III.')).toBe(false);
  });

  it('adds an annex of every unit, 7 columns and no internal ids, with a reference line', () => {
    const doc = buildResultsReportDocument(REPORT_INPUT);
    const annex = doc.appendices[0];
    expect(annex?.label).toBe('Phụ lục I');
    expect(annex?.title).toBe('DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA');
    expect(annex?.reference).toBe('(Kèm theo Báo cáo số 21/BC-STTTT ngày 28/12/2021 của Sở Thông tin và Truyền thông)');
    const table = annex?.blocks[0] as TableBlock;
    expect(table.columns).toHaveLength(7);
    expect(table.rows[1]).toEqual(['2', 'Chợ Thạch Hà', 'Chợ', 'Huyện Thạch Hà', '07/12/2021', 'Chưa đạt', 'Mã QR cũ']);
    expect(doc.appendices).toHaveLength(1);
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('builds a 5,000-unit annex', () => {
    const units: ReportAnnexUnit[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `HT-${String(i + 1).padStart(5, '0')}`,
      name: `Cơ sở kinh doanh số ${i + 1}`,
      targetType: 'Cơ sở sản xuất, kinh doanh',
      district: 'Huyện Kỳ Anh',
      inspectedOn: '2021-12-15',
      result: i % 7 === 0 ? 'not_met' : 'met',
    }));
    const doc = buildResultsReportDocument({ ...REPORT_INPUT, annex: { units } });
    const rows = (doc.appendices[0]?.blocks[0] as TableBlock).rows;
    expect(rows).toHaveLength(5000);
    expect(rows[4999]?.[1]).toBe('Cơ sở kinh doanh số 5000');
  });

  it('rejects counts for unknown districts or types, with paths', () => {
    let error: unknown;
    try {
      buildResultsReportDocument({
        ...REPORT_INPUT,
        inspectedCounts: [{ districtCode: '999', targetType: 'zoo', count: -1 }],
        addressees: [],
      });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['addressees', 'inspectedCounts.0.count']));
  });

  it('rejects unknown district and target codes', () => {
    let error: unknown;
    try {
      buildResultsReportDocument({ ...REPORT_INPUT, inspectedCounts: [{ districtCode: '999', targetType: 'zoo', count: 1 }] });
    } catch (e) {
      error = e;
    }
    const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['inspectedCounts.0.districtCode', 'inspectedCounts.0.targetType']);
  });
});
