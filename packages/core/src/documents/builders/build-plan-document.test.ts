import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from './build-plan-document.js';
import { PlanDocumentInputSchema } from './plan-document-input.js';
import { HA_TINH_2021_PLAN_INPUT } from '../seed/ha-tinh-2021-plan.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';

/** The seed plan (shared/seed/000_…txt) line by line, as the document should read. */
const SEED_PLAN_TEXT = [
  'UBND TỈNH HÀ TĨNH',
  'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  'Số:       /KH-STTTT',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Hà Tĩnh, ngày 26 tháng 11 năm 2021',
  'KẾ HOẠCH',
  'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
  'Thực hiện Văn bản số 7641/UBND-VX1 ngày 12/11/2021 của UBND tỉnh về việc triển khai đồng bộ hệ thống PC-Covid và quét mã QR phục vụ phòng, chống dịch COVID-19, Sở Thông tin và Truyền thông ban hành Kế hoạch kiểm tra tình hình triển khai ứng dụng phần mềm PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh, cụ thể như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '- Kiểm tra việc chấp hành, thực hiện các nội dung chỉ đạo của UBND tỉnh Hà Tĩnh đối với việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 tại Văn bản số 7641/UBND-VX1 ngày 12/11/2021.',
  '- Nắm bắt tình hình cài đặt, ứng dụng PC-Covid và quét mã QR tại các cơ quan, điểm kinh doanh, địa điểm công cộng trên địa bàn tỉnh; tổng hợp báo cáo UBND tỉnh; đồng thời đôn đốc, nhắc nhở, xử lý đối với đơn vị chưa triển khai.',
  'II. NỘI DUNG, THỜI GIAN VÀ ĐỊA ĐIỂM',
  '1. Nội dung kiểm tra:',
  'a) Kiểm tra công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR:',
  '- Việc quán triệt, phổ biến cài đặt ứng dụng PC-Covid, tạo QR trong cơ quan, đơn vị và các tổ chức, cá nhân trên địa bàn;',
  '- Ban hành văn bản chỉ đạo, tuyên truyền triển khai cài đặt ứng dụng PC-Covid, khai báo y tế, tạo và quét mã QR tại các công sở, địa điểm kinh doanh, các địa điểm công cộng có tập trung đông người,.... trên địa bàn.',
  'b) Kiểm tra số lượng các địa điểm đã khai báo, tạo mã QR điểm kiểm dịch và quét mã QR hàng ngày:',
  'Việc tạo “mã QR địa điểm”, niêm yết đúng “mã QR địa điểm” và hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR tại các cơ quan, tổ chức, địa điểm kinh doanh, điểm công cộng; kết quả quét mã QR.',
  'c) Kiểm tra việc sử dụng phần mềm thống kê báo cáo:',
  '- Tình hình khai thác, sử dụng phần mềm http://quanly.pccovid.gov.vn để thống kê báo cáo phục vụ công tác chỉ đạo, tuyên truyền quét mã QR trên địa bàn;',
  '- Ứng dụng phần mềm http://quanly.pccovid.gov.vn phục vụ công tác truy vết f1 trong phòng chống dịch.',
  '2. Thời gian, địa điểm và hình thức kiểm tra:',
  '- Thời gian kiểm tra: Trong tháng 12 năm 2021. (Thời gian cụ thể sẽ thông báo qua điện thoại hoặc văn bản trước khi tiến hành kiểm tra).',
  '- Địa điểm: Các sở, ban, ngành cấp tỉnh; các cơ quan Trung ương đóng trên địa bàn tỉnh; UBND các huyện, thành phố, thị xã; các cơ sở sản xuất, kinh doanh, bệnh viện, chợ, công sở, trường học, … trên địa bàn tỉnh.',
  '- Hình thức kiểm tra: Đột xuất.',
  '3. Thành phần Tổ Kiểm tra:',
  '- Chủ trì: Sở Thông tin và Truyền thông (Thanh tra và Phòng CNTT);',
  '- Đơn vị phối hợp: Đại diện Sở Y tế Hà Tĩnh; phòng VHTT các huyện, thị xã, thành phố. Đề nghị Sở Y tế và Phòng VHTT các huyện, thị xã, thành phố cử cán bộ tham gia Tổ kiểm tra, văn bản gửi về Sở Thông tin và Truyền thông trước ngày 28/11/2021.',
  'III. TỔ CHỨC THỰC HIỆN',
  '1. Sở Thông tin và Truyền thông:',
  '- Giao Thanh tra Sở chủ trì, phối hợp với Phòng Công nghệ thông tin tham mưu thành lập Tổ công tác kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 (gọi tắt là Tổ Kiểm tra PC-Covid); Văn phòng Sở bố trí phương tiện phục vụ Đoàn kiểm tra theo lịch trình cụ thể.',
  '- Thanh tra sở trực tiếp báo lịch kiểm tra cho cán bộ đại diện của Sở Y tế, cán bộ đại diện của phòng VHTT các huyện, thị xã, thành phố liên quan địa điểm và đơn vị được kiểm tra.',
  '2. Các sở ban ngành và UBND các huyện, thị xã, thành phố: Phối hợp và tạo điều kiện khi được kiểm tra.',
  'Kính đề nghị các Sở, Ban, Ngành, các cơ quan Trung ương đóng trên địa bàn tỉnh, UBND các huyện, thành phố, thị xã căn cứ Văn bản chỉ đạo của UBND tỉnh và Kế hoạch này, phối hợp và hỗ trợ Tổ công tác trong quá trình kiểm tra./.',
  'KT. GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
  'Đậu Tùng Lâm',
  'Nơi nhận:',
  '- UBND tỉnh (b/c);',
  '- Các Sở, Ban, Ngành cấp tỉnh;',
  '- Các cơ quan TW trên địa bàn;',
  '- UBND các huyện, tp, thị xã;',
  '- Lãnh đạo Sở;',
  '- Lưu: VT, CNTT4.',
];

describe('buildPlanDocument', () => {
  it('rebuilds the Hà Tĩnh 2021 seed plan word for word', () => {
    const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    expect(officialDocumentPlainText(doc)).toEqual(SEED_PLAN_TEXT);
  });

  it('lays the plan out as parts I–III, clauses 1–3 and points a)–c)', () => {
    const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    const outline = doc.body.flatMap((b) => (b.type === 'heading' ? [`${b.level}:${b.label}`] : []));
    expect(outline).toEqual([
      'part:I.', 'part:II.', 'clause:1.', 'point:a)', 'point:b)', 'point:c)', 'clause:2.', 'clause:3.', 'part:III.', 'clause:1.', 'clause:2.',
    ]);
    expect(doc.kind).toBe('KH');
    expect(doc.header.placeAndDate).toEqual({ place: 'Hà Tĩnh', date: '2021-11-26', blankDay: false });
    expect(doc.signature?.signers).toEqual([
      { authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', instruction: null, fullName: 'Đậu Tùng Lâm', refusal: null },
    ]);
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

  it('keeps the seed constant complete: parsing it changes nothing', () => {
    expect(PlanDocumentInputSchema.parse(HA_TINH_2021_PLAN_INPUT)).toEqual(HA_TINH_2021_PLAN_INPUT);
  });

  it('keeps the seed constant frozen', () => {
    expect(Object.isFrozen(HA_TINH_2021_PLAN_INPUT.purposes)).toBe(true);
    expect(() => (HA_TINH_2021_PLAN_INPUT.purposes as string[]).push('x')).toThrow(TypeError);
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
