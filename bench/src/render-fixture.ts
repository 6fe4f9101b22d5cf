/**
 * The document both render benches lay out: the Hà Tĩnh results report with an annex of 5,000
 * units × 8 columns (~100 pages), built with core's builder.
 */
import { buildResultsReportDocument, type ReportAnnexUnit } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';

export const ANNEX_ROWS = 5000;

const TYPES = ['Bệnh viện', 'Chợ', 'Trường học', 'Công sở', 'Cơ sở sản xuất, kinh doanh', 'Sở, ban, ngành cấp tỉnh'];
const DISTRICTS = [
  'Thành phố Hà Tĩnh',
  'Thị xã Hồng Lĩnh',
  'Huyện Hương Sơn',
  'Huyện Đức Thọ',
  'Huyện Vũ Quang',
  'Huyện Nghi Xuân',
  'Huyện Can Lộc',
  'Huyện Hương Khê',
  'Huyện Thạch Hà',
  'Huyện Cẩm Xuyên',
  'Huyện Kỳ Anh',
  'Huyện Lộc Hà',
  'Thị xã Kỳ Anh',
];

export function annexUnits(rows = ANNEX_ROWS): ReportAnnexUnit[] {
  return Array.from({ length: rows }, (_, k) => ({
    id: `HT-${String(k + 1).padStart(5, '0')}`,
    name: `Cơ sở kinh doanh dịch vụ số ${k + 1}`,
    targetType: TYPES[k % TYPES.length] ?? 'Công sở',
    district: DISTRICTS[k % DISTRICTS.length] ?? 'Thành phố Hà Tĩnh',
    inspectedOn: `2021-12-${String(6 + (k % 18)).padStart(2, '0')}`,
    result: k % 7 === 0 ? 'not_met' : 'met',
    note: k % 7 === 0 ? 'Chưa niêm yết mã QR địa điểm' : '',
  }));
}

export function reportWithAnnex(rows = ANNEX_ROWS): OfficialDocument {
  return buildResultsReportDocument({
    issuer: HA_TINH_2021_PLAN_INPUT.issuer,
    number: 21,
    date: '2021-12-28',
    summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
    addressees: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
    implementing: [{ documentType: 'Kế hoạch', number: '05/KH-STTTT', date: '2021-11-26', issuer: 'Sở Thông tin và Truyền thông' }],
    period: { from: '2021-12-06', to: '2021-12-24' },
    districts: DISTRICTS.map((name, i) => ({ code: String(436 + i), name })),
    targetTypes: TYPES.map((label, i) => ({ code: `t${i}`, label })),
    inspectedCounts: DISTRICTS.flatMap((_, d) => TYPES.map((__, t) => ({ districtCode: String(436 + d), targetType: `t${t}`, count: (d * 7 + t * 13) % 40 }))),
    itemCompliance: [
      { itemCode: 'a.1', label: 'Quán triệt, phổ biến cài đặt PC-Covid', met: 4400, notMet: 600 },
      { itemCode: 'b.1', label: 'Khai báo, tạo mã QR địa điểm', met: 4700, notMet: 300 },
      { itemCode: 'b.2', label: 'Niêm yết đúng mã QR địa điểm', met: 3900, notMet: 1100 },
      { itemCode: 'c.1', label: 'Sử dụng phần mềm thống kê báo cáo', met: 2100, notMet: 900, notApplicable: 2000 },
    ],
    assessments: ['Phần lớn các đơn vị đã tạo và niêm yết mã QR địa điểm; việc hướng dẫn người dân quét mã còn hạn chế.'],
    recommendations: ['Đề nghị UBND tỉnh chỉ đạo các huyện, thành phố, thị xã tiếp tục đôn đốc việc quét mã QR.'],
    annex: { units: annexUnits(rows) },
    recipients: { entries: ['Như trên', 'Giám đốc, các PGĐ Sở'], archive: ['VT', 'TTr'] },
    signer: HA_TINH_2021_PLAN_INPUT.signer,
  });
}
