import type { PlanDocumentInput } from '@pccovid-inspect/core/documents';
import { deepFreeze } from './internal/deep-freeze.js';

/**
 * The Hà Tĩnh Department of Information and Communications' plan of November 2021 for an
 * unannounced check, in December 2021, of PC-Covid and location QR-code deployment — as data,
 * worded exactly as the original (only its line breaks and the "KT.GIÁM ĐỐC" spacing differ).
 * `buildPlanDocument(HA_TINH_2021_PLAN_INPUT)` rebuilds the plan; examples and the testkit's
 * fixtures start from it. The number is blank (`Số:      /KH-STTTT`): set `number` once registered.
 * Every default is written out, so the object equals its own parse (`PlanDocumentInputSchema`)
 * and is deeply frozen: spread it to change a field.
 *
 * @example
 * ```ts
 * import { buildPlanDocument } from '@pccovid-inspect/core/documents';
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const plan = buildPlanDocument({ ...HA_TINH_2021_PLAN_INPUT, number: 5 }); // "Số: 05/KH-STTTT"
 * ```
 */
export const HA_TINH_2021_PLAN_INPUT: PlanDocumentInput = deepFreeze({
  issuer: {
    parentBody: 'UBND TỈNH HÀ TĨNH',
    name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    nameInText: 'Sở Thông tin và Truyền thông',
    code: 'STTTT',
    place: 'Hà Tĩnh',
  },
  number: null,
  date: '2021-11-26',
  blankDay: false,
  summary: 'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
  pursuantTo: [],
  implementing: [
    {
      documentType: 'Văn bản',
      number: '7641/UBND-VX1',
      date: '2021-11-12',
      issuer: 'UBND tỉnh',
      subject: 'triển khai đồng bộ hệ thống PC-Covid và quét mã QR phục vụ phòng, chống dịch COVID-19',
      subjectConnector: 'về việc',
    },
  ],
  planSubject: 'kiểm tra tình hình triển khai ứng dụng phần mềm PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh',
  purposes: [
    'Kiểm tra việc chấp hành, thực hiện các nội dung chỉ đạo của UBND tỉnh Hà Tĩnh đối với việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 tại Văn bản số 7641/UBND-VX1 ngày 12/11/2021.',
    'Nắm bắt tình hình cài đặt, ứng dụng PC-Covid và quét mã QR tại các cơ quan, điểm kinh doanh, địa điểm công cộng trên địa bàn tỉnh; tổng hợp báo cáo UBND tỉnh; đồng thời đôn đốc, nhắc nhở, xử lý đối với đơn vị chưa triển khai.',
  ],
  contentItems: [
    {
      title: 'Kiểm tra công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR',
      details: [
        { text: 'Việc quán triệt, phổ biến cài đặt ứng dụng PC-Covid, tạo QR trong cơ quan, đơn vị và các tổ chức, cá nhân trên địa bàn;', style: 'bullet' },
        {
          text: 'Ban hành văn bản chỉ đạo, tuyên truyền triển khai cài đặt ứng dụng PC-Covid, khai báo y tế, tạo và quét mã QR tại các công sở, địa điểm kinh doanh, các địa điểm công cộng có tập trung đông người,.... trên địa bàn.',
          style: 'bullet',
        },
      ],
    },
    {
      title: 'Kiểm tra số lượng các địa điểm đã khai báo, tạo mã QR điểm kiểm dịch và quét mã QR hàng ngày',
      details: [
        {
          text: 'Việc tạo “mã QR địa điểm”, niêm yết đúng “mã QR địa điểm” và hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR tại các cơ quan, tổ chức, địa điểm kinh doanh, điểm công cộng; kết quả quét mã QR.',
          style: 'paragraph',
        },
      ],
    },
    {
      title: 'Kiểm tra việc sử dụng phần mềm thống kê báo cáo',
      details: [
        {
          text: 'Tình hình khai thác, sử dụng phần mềm http://quanly.pccovid.gov.vn để thống kê báo cáo phục vụ công tác chỉ đạo, tuyên truyền quét mã QR trên địa bàn;',
          style: 'bullet',
        },
        { text: 'Ứng dụng phần mềm http://quanly.pccovid.gov.vn phục vụ công tác truy vết f1 trong phòng chống dịch.', style: 'bullet' },
      ],
    },
  ],
  schedule: {
    time: 'Trong tháng 12 năm 2021. (Thời gian cụ thể sẽ thông báo qua điện thoại hoặc văn bản trước khi tiến hành kiểm tra).',
    places:
      'Các sở, ban, ngành cấp tỉnh; các cơ quan Trung ương đóng trên địa bàn tỉnh; UBND các huyện, thành phố, thị xã; các cơ sở sản xuất, kinh doanh, bệnh viện, chợ, công sở, trường học, … trên địa bàn tỉnh.',
    form: 'unannounced',
  },
  team: {
    lead: 'Sở Thông tin và Truyền thông (Thanh tra và Phòng CNTT)',
    coordinating: 'Đại diện Sở Y tế Hà Tĩnh; phòng VHTT các huyện, thị xã, thành phố',
    nomination: { bodies: 'Sở Y tế và Phòng VHTT các huyện, thị xã, thành phố', deadline: '2021-11-28' },
  },
  implementation: [
    {
      party: 'Sở Thông tin và Truyền thông',
      tasks: [
        'Giao Thanh tra Sở chủ trì, phối hợp với Phòng Công nghệ thông tin tham mưu thành lập Tổ công tác kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19 (gọi tắt là Tổ Kiểm tra PC-Covid); Văn phòng Sở bố trí phương tiện phục vụ Đoàn kiểm tra theo lịch trình cụ thể.',
        'Thanh tra sở trực tiếp báo lịch kiểm tra cho cán bộ đại diện của Sở Y tế, cán bộ đại diện của phòng VHTT các huyện, thị xã, thành phố liên quan địa điểm và đơn vị được kiểm tra.',
      ],
      text: null,
    },
    {
      party: 'Các sở ban ngành và UBND các huyện, thị xã, thành phố',
      tasks: [],
      text: 'Phối hợp và tạo điều kiện khi được kiểm tra.',
    },
  ],
  closingRequest:
    'Kính đề nghị các Sở, Ban, Ngành, các cơ quan Trung ương đóng trên địa bàn tỉnh, UBND các huyện, thành phố, thị xã căn cứ Văn bản chỉ đạo của UBND tỉnh và Kế hoạch này, phối hợp và hỗ trợ Tổ công tác trong quá trình kiểm tra./.',
  recipients: {
    label: 'Nơi nhận:',
    entries: ['UBND tỉnh (b/c)', 'Các Sở, Ban, Ngành cấp tỉnh', 'Các cơ quan TW trên địa bàn', 'UBND các huyện, tp, thị xã', 'Lãnh đạo Sở'],
    archive: ['VT', 'CNTT4'],
  },
  signer: { authority: 'KT.', authorityOf: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' },
} satisfies PlanDocumentInput);
