/**
 * @internal Sample inputs for the builders' tests. The people and units are invented; the issuer
 * and signer are those of the Hà Tĩnh 2021 plan (`HA_TINH_2021_PLAN_INPUT` of
 * `@pccovid-inspect/province-ha-tinh`), written out so core depends on no province pack. Not
 * exported from the package.
 */
import type { DocumentIssuerInput } from './inputs/document-issuer-input.js';
import type { DocumentSignerInput } from './inputs/document-signer-input.js';
import type { MinutesDocumentInput } from './minutes-document-input.js';
import type { TeamDecisionDocumentInput } from './team-decision-document-input.js';
import type { ResultsReportDocumentInput } from './results-report-document-input.js';
import type { ResultNoticeDocumentInput } from './result-notice-document-input.js';
import type { ReminderLetterDocumentInput } from './reminder-letter-document-input.js';

export const ISSUER: DocumentIssuerInput = Object.freeze({
  parentBody: 'UBND TỈNH HÀ TĨNH',
  name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  nameInText: 'Sở Thông tin và Truyền thông',
  code: 'STTTT',
  place: 'Hà Tĩnh',
});
export const SIGNER: DocumentSignerInput = Object.freeze({ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' });
export const PLAN_REFERENCE = {
  documentType: 'Kế hoạch',
  number: '05/KH-STTTT',
  date: '2021-11-26',
  issuer: 'Sở Thông tin và Truyền thông',
  subject: 'kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
} as const;
export const DECISION_REFERENCE = {
  documentType: 'Quyết định',
  number: '12/QĐ-STTTT',
  date: '2021-11-30',
  issuer: 'Giám đốc Sở Thông tin và Truyền thông',
  subject: 'thành lập Tổ kiểm tra',
} as const;

export const TEAM = [
  { honorific: 'Bà', fullName: 'Trần Thị Bình', position: 'Chuyên viên', organization: 'Sở Y tế Hà Tĩnh', role: 'member' },
  { honorific: 'Ông', fullName: 'Nguyễn Văn An', position: 'Chánh Thanh tra Sở', organization: 'Sở Thông tin và Truyền thông', role: 'lead' },
  { honorific: 'Ông', fullName: 'Lê Hữu Cường', position: 'Phó Trưởng phòng Công nghệ thông tin', organization: 'Sở Thông tin và Truyền thông', role: 'deputy' },
  { honorific: 'Bà', fullName: 'Phạm Thị Dung', position: 'Thanh tra viên', organization: 'Sở Thông tin và Truyền thông', role: 'secretary' },
] as const;

export const TEAM_DECISION_INPUT: TeamDecisionDocumentInput = {
  issuer: ISSUER,
  number: 12,
  date: '2021-11-30',
  subject: 'Tổ kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
  decider: 'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  basis: [
    'Quyết định số 27/2016/QĐ-UBND ngày 05/7/2016 của UBND tỉnh quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Thông tin và Truyền thông',
    PLAN_REFERENCE,
  ],
  proposer: 'Chánh Thanh tra Sở',
  members: [...TEAM],
  duties: [
    'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại các cơ quan, đơn vị, địa điểm theo Kế hoạch số 05/KH-STTTT',
    'Lập biên bản kiểm tra tại từng đơn vị; tổng hợp, báo cáo kết quả về Giám đốc Sở',
  ],
  period: { from: '2021-12-01', to: '2021-12-31' },
  executors: ['Chánh Văn phòng Sở', 'Chánh Thanh tra Sở', 'Trưởng phòng Công nghệ thông tin', 'Thủ trưởng các đơn vị có liên quan'],
  recipients: { entries: ['Như Điều 3', 'Lãnh đạo Sở', 'Sở Y tế'], archive: ['VT', 'TTr'] },
  signer: SIGNER,
};

export const MINUTES_INPUT: MinutesDocumentInput = {
  issuer: { parentBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', name: 'TỔ KIỂM TRA PC-COVID', nameInText: 'Tổ kiểm tra PC-Covid', code: 'TKT', place: 'Hà Tĩnh' },
  subject: 'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR',
  unit: { name: 'Chợ Thạch Hà', address: 'Thị trấn Thạch Hà, huyện Thạch Hà, tỉnh Hà Tĩnh' },
  start: { date: '2021-12-07', time: '08:30' },
  end: { date: '2021-12-07', time: '10:15' },
  basis: [PLAN_REFERENCE, DECISION_REFERENCE],
  team: [...TEAM],
  unitRepresentatives: [
    { honorific: 'Ông', fullName: 'Võ Đình Khải', position: 'Trưởng Ban quản lý chợ' },
    { honorific: 'Bà', fullName: 'Đặng Thị Liên', position: 'Kế toán' },
  ],
  sections: [
    { code: 'a', title: 'Công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR' },
    { code: 'b', title: 'Khai báo, tạo, niêm yết mã QR địa điểm và quét mã QR hằng ngày' },
    { code: 'c', title: 'Sử dụng phần mềm thống kê báo cáo quanly.pccovid.gov.vn' },
  ],
  findings: [
    { section: 'a', itemCode: 'a.1', label: 'Quán triệt, phổ biến cài đặt ứng dụng PC-Covid trong đơn vị', verdict: 'met', evidence: ['Thông báo số 15/TB-BQL ngày 20/11/2021'] },
    { section: 'b', itemCode: 'b.1', label: 'Đã khai báo, tạo mã QR địa điểm', verdict: 'met' },
    {
      section: 'b',
      itemCode: 'b.2',
      label: 'Niêm yết đúng mã QR địa điểm ở nơi dễ thấy',
      verdict: 'not_met',
      note: 'Mã QR niêm yết ở cổng phụ là mã của ứng dụng Bluezone cũ',
      evidence: ['Ảnh chụp mã QR tại cổng phụ'],
    },
    { section: 'b', itemCode: 'b.3', label: 'Bố trí người hướng dẫn, nhắc nhở quét mã QR', verdict: 'not_met', note: 'Không có người hướng dẫn tại cổng chính' },
    { section: 'c', itemCode: 'c.2', label: 'Sử dụng phần mềm phục vụ truy vết F1', verdict: 'not_applicable' },
  ],
  unitExplanation: 'Ban quản lý chợ đã in mã QR mới nhưng chưa kịp thay tại cổng phụ',
  assessment: 'Đơn vị đã triển khai cơ bản việc tạo mã QR địa điểm; còn tồn tại về niêm yết mã và hướng dẫn người dân quét mã',
  requests: [
    { text: 'Thay mã QR tại cổng phụ bằng mã QR địa điểm của PC-Covid', deadline: '2021-12-10' },
    { text: 'Phân công người hướng dẫn, nhắc nhở quét mã QR tại các cổng', deadline: '2021-12-10' },
  ],
};

export const REPORT_INPUT: ResultsReportDocumentInput = {
  issuer: ISSUER,
  number: 21,
  date: '2021-12-28',
  summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
  addressees: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
  implementing: [PLAN_REFERENCE],
  period: { from: '2021-12-06', to: '2021-12-24' },
  districts: [
    { code: '436', name: 'Thành phố Hà Tĩnh' },
    { code: '437', name: 'Thị xã Hồng Lĩnh' },
    { code: '445', name: 'Huyện Thạch Hà' },
  ],
  targetTypes: [
    { code: 'hospital', label: 'Bệnh viện' },
    { code: 'market', label: 'Chợ' },
    { code: 'school', label: 'Trường học' },
  ],
  inspectedCounts: [
    { districtCode: '436', targetType: 'hospital', count: 2 },
    { districtCode: '436', targetType: 'market', count: 3 },
    { districtCode: '437', targetType: 'school', count: 4 },
    { districtCode: '445', targetType: 'market', count: 1 },
  ],
  itemCompliance: [
    { itemCode: 'a.1', label: 'Quán triệt, phổ biến cài đặt PC-Covid', met: 9, notMet: 1 },
    { itemCode: 'b.2', label: 'Niêm yết đúng mã QR địa điểm', met: 6, notMet: 4 },
    { itemCode: 'c.2', label: 'Sử dụng phần mềm truy vết F1', met: 0, notMet: 0, notApplicable: 10 },
  ],
  nonCompliantUnits: [
    { name: 'Chợ Thạch Hà', district: 'Huyện Thạch Hà', issues: 'Niêm yết mã QR Bluezone cũ', proposedAction: 'Nhắc nhở, yêu cầu khắc phục trước ngày 10/12/2021' },
  ],
  assessments: ['Các đơn vị cơ bản đã tạo mã QR địa điểm; việc hướng dẫn người dân quét mã còn hạn chế.'],
  recommendations: ['Đề nghị UBND tỉnh chỉ đạo các huyện, thành phố, thị xã tiếp tục đôn đốc việc quét mã QR.'],
  annex: {
    units: [
      { id: 'HT-0001', name: 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', targetType: 'Bệnh viện', district: 'Thành phố Hà Tĩnh', inspectedOn: '2021-12-06', result: 'met' },
      { id: 'HT-0002', name: 'Chợ Thạch Hà', targetType: 'Chợ', district: 'Huyện Thạch Hà', inspectedOn: '2021-12-07', result: 'not_met', note: 'Mã QR cũ' },
    ],
  },
  recipients: { entries: ['Như trên', 'Giám đốc, các PGĐ Sở', 'Sở Y tế'], archive: ['VT', 'TTr'] },
  signer: SIGNER,
};

export const NOTICE_INPUT: ResultNoticeDocumentInput = {
  issuer: ISSUER,
  number: 7,
  date: '2021-12-09',
  scope: 'việc triển khai hệ thống PC-Covid và quét mã QR',
  unit: { name: 'Chợ Thạch Hà', address: 'Thị trấn Thạch Hà, huyện Thạch Hà' },
  inspectedOn: '2021-12-07',
  teamName: 'Tổ kiểm tra PC-Covid',
  implementing: [PLAN_REFERENCE],
  findings: [
    { itemCode: 'b.1', label: 'Đã khai báo, tạo mã QR địa điểm', verdict: 'met' },
    { itemCode: 'b.2', label: 'Niêm yết đúng mã QR địa điểm', verdict: 'not_met', note: 'Mã QR ở cổng phụ là mã Bluezone cũ' },
    { itemCode: 'c.2', label: 'Sử dụng phần mềm truy vết F1', verdict: 'not_applicable' },
  ],
  conclusion: 'Đơn vị chưa thực hiện đầy đủ việc niêm yết mã QR địa điểm theo chỉ đạo của UBND tỉnh',
  requests: [{ text: 'Thay mã QR tại cổng phụ bằng mã QR địa điểm của PC-Covid', deadline: '2021-12-15' }],
  reportBack: { to: 'Sở Thông tin và Truyền thông (qua Thanh tra Sở)', deadline: '2021-12-16' },
  recipients: { entries: ['Chợ Thạch Hà', 'UBND huyện Thạch Hà (để phối hợp)', 'Lãnh đạo Sở'], archive: ['VT', 'TTr'] },
  signer: SIGNER,
};

export const REMINDER_INPUT: ReminderLetterDocumentInput = {
  issuer: ISSUER,
  number: 125,
  date: '2021-12-17',
  draftingUnit: 'TTr',
  subject: 'nhắc nhở khắc phục tồn tại trong triển khai quét mã QR',
  addressee: 'Ban quản lý Chợ Thạch Hà',
  inspection: {
    date: '2021-12-07',
    teamName: 'Tổ kiểm tra PC-Covid',
    scope: 'việc triển khai hệ thống PC-Covid và quét mã QR',
    record: { documentType: 'Thông báo', number: '07/TB-STTTT', date: '2021-12-09', issuer: 'Sở Thông tin và Truyền thông' },
  },
  issues: ['Mã QR niêm yết tại cổng phụ là mã của ứng dụng Bluezone cũ', 'Chưa bố trí người hướng dẫn quét mã QR'],
  requests: ['Thay mã QR tại cổng phụ bằng mã QR địa điểm của PC-Covid', 'Phân công người hướng dẫn, nhắc nhở quét mã QR tại các cổng'],
  deadline: '2021-12-24',
  reminderNumber: 2,
  recipients: { entries: ['Như trên', 'UBND huyện Thạch Hà', 'Lãnh đạo Sở'], archive: ['VT', 'TTr'] },
  signer: SIGNER,
};
