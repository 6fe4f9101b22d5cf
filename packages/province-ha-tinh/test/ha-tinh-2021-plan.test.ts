import { describe, expect, it } from 'vitest';
import { PlanDocumentInputSchema, buildPlanDocument, officialDocumentPlainText } from '@pccovid-inspect/core/documents';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';

/** The seed plan (docs/seed/ha-tinh-2021-plan.vi.txt) line by line, as the document should read. */
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

describe('HA_TINH_2021_PLAN_INPUT', () => {
  it('rebuilds the Hà Tĩnh 2021 seed plan word for word', () => {
    const doc = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
    expect(officialDocumentPlainText(doc)).toEqual(SEED_PLAN_TEXT);
  });

  it('is complete: parsing it changes nothing', () => {
    expect(PlanDocumentInputSchema.parse(HA_TINH_2021_PLAN_INPUT)).toEqual(HA_TINH_2021_PLAN_INPUT);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(HA_TINH_2021_PLAN_INPUT)).toBe(true);
    expect(Object.isFrozen(HA_TINH_2021_PLAN_INPUT.purposes)).toBe(true);
    expect(Object.isFrozen(HA_TINH_2021_PLAN_INPUT.issuer)).toBe(true);
    expect(() => HA_TINH_2021_PLAN_INPUT.purposes.push('x')).toThrow(TypeError);
  });
});
