import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { APPLIES_TO_EVERY_UNIT, NOTE_WHEN_NOT_APPLICABLE, NOTE_WHEN_NOT_MET, PC_COVID_V1_ANSWER_TYPES } from './pc-covid-v1-answer-types.js';
import { deepFreeze } from './plugin-support.js';

/**
 * Version 1 of the checklist of plan item II.1 (Hà Tĩnh DIC, December 2021): sections a) b) c)
 * in the plan's Vietnamese wording with English beside. Frozen data; extend it with plugins.
 *
 * Critical items (one Chưa đạt ⇒ the unit is non-compliant): **b1** the location QR code is
 * created and **b2** the correct PC-Covid code is posted where visitors see it. They are the
 * core obligation of 7641/UBND-VX1 and NQ 128/NQ-CP, the defects inspections most often found
 * (no QR, a legacy or non-PC-Covid QR), and what Decree 117/2020/NĐ-CP sanctions; neither may be
 * answered Không áp dụng. `nonCriticalNotMetTolerance` is 0: any item Chưa đạt makes the unit
 * non-compliant, because the plan's purpose is to remind and follow up every shortfall
 * ("đôn đốc, nhắc nhở, xử lý đối với đơn vị chưa triển khai").
 *
 * Rules: every Chưa đạt needs a note, and so does every Không áp dụng where it is allowed;
 * a2 Đạt needs a directive document (number, date, summary); b1 Đạt needs ≥ 1 point; b2 Đạt
 * needs a photo and the posted size (≥ 15×15 cm is reference guidance, not a rule); b4 Đạt needs
 * the figures, and more than 2 zero-scan days in the reviewed period cannot be Đạt; c1 Đạt needs a
 * screenshot of the portal statistics; c2 Đạt needs ≥ 1 traced F1 contact.
 *
 * @example
 * ```ts
 * const result = evaluateChecklist(PC_COVID_CHECKLIST_V1, response);
 * PC_COVID_CHECKLIST_V1.sections.map((s) => s.id); // ['a', 'b', 'c']
 * ```
 */
export const PC_COVID_CHECKLIST_V1: ChecklistTemplate = /* @__PURE__ */ deepFreeze<ChecklistTemplate>({
  id: 'pc-covid-ii1',
  version: '1',
  title: {
    vi: 'Nội dung kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
    en: 'Checklist: deployment of the PC-Covid system and QR-code scanning for COVID-19 prevention and control',
  },
  answerTypes: PC_COVID_V1_ANSWER_TYPES,
  compliance: { nonCriticalNotMetTolerance: 0 },
  plugins: [],
  sections: [
    {
      id: 'a',
      title: {
        vi: 'Kiểm tra công tác chỉ đạo cài đặt ứng dụng PC-Covid, tạo mã QR',
        en: 'Direction of PC-Covid installation and QR-code creation',
      },
      items: [
        {
          id: 'a1',
          label: {
            vi: 'Việc quán triệt, phổ biến cài đặt ứng dụng PC-Covid, tạo QR trong cơ quan, đơn vị và các tổ chức, cá nhân trên địa bàn',
            en: 'Instructing and informing the agency or unit, and organisations and individuals in the area, on installing PC-Covid and creating QR codes',
          },
          guidance: {
            vi: 'Ghi nhận hình thức quán triệt (hội nghị, văn bản, nhóm tin nhắn…) và, nếu có, số cán bộ đã cài đặt PC-Covid trên tổng số cán bộ.',
            en: 'Record how it was done (meeting, document, message group…) and, if known, how many staff have installed PC-Covid out of all staff.',
          },
          critical: false,
          required: true,
          answerType: 'dissemination',
          rules: [
            NOTE_WHEN_NOT_MET,
            NOTE_WHEN_NOT_APPLICABLE,
            {
              kind: 'fieldAtMost',
              field: 'staffInstalled',
              otherField: 'staffTotal',
              when: 'answered',
              message: {
                vi: 'Số cán bộ đã cài đặt PC-Covid không thể lớn hơn tổng số cán bộ.',
                en: 'Staff with PC-Covid installed cannot exceed total staff.',
              },
            },
          ],
        },
        {
          id: 'a2',
          label: {
            vi: 'Ban hành văn bản chỉ đạo, tuyên truyền triển khai cài đặt ứng dụng PC-Covid, khai báo y tế, tạo và quét mã QR tại các công sở, địa điểm kinh doanh, các địa điểm công cộng có tập trung đông người trên địa bàn',
            en: 'Directive and publicity documents issued on installing PC-Covid, health declaration, and creating and scanning QR codes at offices, businesses and crowded public places in the area',
          },
          guidance: {
            vi: 'Ghi số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu của từng văn bản. Không áp dụng với đơn vị không có chức năng chỉ đạo (ví dụ cơ sở kinh doanh), kèm ghi chú.',
            en: "Record each document's number and symbol, issue date, issuer and summary. Not applicable to a unit with no directing role (e.g. a business), with a note.",
          },
          critical: false,
          required: true,
          answerType: 'none',
          rules: [
            {
              kind: 'requireEvidence',
              evidenceKind: 'document',
              minCount: 1,
              when: 'met',
              message: {
                vi: 'Đạt phải kèm ít nhất một văn bản (số, ký hiệu, ngày ban hành, trích yếu).',
                en: 'A met answer needs at least one document (number and symbol, issue date, summary).',
              },
            },
            NOTE_WHEN_NOT_MET,
            NOTE_WHEN_NOT_APPLICABLE,
          ],
        },
      ],
    },
    {
      id: 'b',
      title: {
        vi: 'Kiểm tra số lượng các địa điểm đã khai báo, tạo mã QR điểm kiểm dịch và quét mã QR hàng ngày',
        en: 'Locations declared, QR check-in codes created, and daily QR scanning',
      },
      items: [
        {
          id: 'b1',
          label: {
            vi: 'Việc tạo "mã QR địa điểm" (số điểm đã khai báo, tạo mã)',
            en: 'Location QR code ("mã QR địa điểm") declared and created (number of points)',
          },
          guidance: {
            vi: 'Mỗi địa điểm một mã; cơ quan có thể có mã riêng cho phòng họp, bộ phận một cửa. Đăng ký tại qr.pccovid.gov.vn hoặc trong ứng dụng PC-Covid.',
            en: 'One code per location; an agency may have separate codes for meeting rooms and one-stop desks. Registered at qr.pccovid.gov.vn or in the PC-Covid app.',
          },
          critical: true,
          required: true,
          answerType: 'qrPoints',
          rules: [
            {
              kind: 'requireField',
              field: 'pointsCount',
              when: 'met',
              message: { vi: 'Đạt phải ghi số điểm đã tạo mã QR.', en: 'A met answer needs the number of points with a QR code.' },
            },
            {
              kind: 'minValue',
              field: 'pointsCount',
              min: 1,
              when: 'met',
              message: { vi: 'Đạt phải có ít nhất một điểm đã tạo mã QR.', en: 'A met answer needs at least one point with a QR code.' },
            },
            NOTE_WHEN_NOT_MET,
            APPLIES_TO_EVERY_UNIT,
          ],
        },
        {
          id: 'b2',
          label: {
            vi: 'Niêm yết đúng "mã QR địa điểm" của PC-Covid ở vị trí người đến dễ thấy',
            en: 'The correct PC-Covid location QR code posted where visitors can see it',
          },
          guidance: {
            vi: 'Chỉ mã QR địa điểm của PC-Covid là đúng; mã cũ của Bluezone, NCOVI, tokhaiyte (qr.tokhaiyte.vn) hay mã Zalo không phải mã đúng — nếu chỉ có mã cũ thì đánh giá Chưa đạt. Kích thước tham khảo: tối thiểu 15×15 cm. Đạt phải kèm ảnh chụp mã đã niêm yết.',
            en: 'Only the PC-Covid location code is correct; legacy Bluezone, NCOVI or tokhaiyte (qr.tokhaiyte.vn) codes and Zalo codes are not — if only a legacy code is posted, answer Not met. Reference size: at least 15×15 cm. A met answer needs a photo of the posted code.',
          },
          critical: true,
          required: true,
          answerType: 'qrPosting',
          rules: [
            {
              kind: 'requireEvidence',
              evidenceKind: 'photo',
              minCount: 1,
              when: 'met',
              message: { vi: 'Đạt phải kèm ảnh chụp mã QR đã niêm yết.', en: 'A met answer needs a photo of the posted QR code.' },
            },
            {
              kind: 'requireField',
              field: 'postedSizeCm',
              when: 'met',
              message: { vi: 'Đạt phải ghi kích thước cạnh mã QR niêm yết (cm).', en: 'A met answer needs the side of the posted QR code (cm).' },
            },
            NOTE_WHEN_NOT_MET,
            APPLIES_TO_EVERY_UNIT,
          ],
        },
        {
          id: 'b3',
          label: {
            vi: 'Hướng dẫn, nhắc nhở người đến giao dịch thực hiện quét mã QR',
            en: 'Visitors guided and reminded to scan the QR code',
          },
          guidance: {
            vi: 'Có người được phân công hướng dẫn, kiểm soát việc quét mã (lễ tân, bảo vệ) hoặc biển nhắc quét mã.',
            en: 'Someone assigned to guide and check scanning (receptionist, guard), or signs reminding visitors to scan.',
          },
          critical: false,
          required: true,
          answerType: 'visitorGuidance',
          rules: [NOTE_WHEN_NOT_MET, NOTE_WHEN_NOT_APPLICABLE],
        },
        {
          id: 'b4',
          label: { vi: 'Kết quả quét mã QR', en: 'QR scanning results' },
          guidance: {
            vi: 'Xem lịch sử quét trong ứng dụng hoặc trên qr.pccovid.gov.vn cho khoảng thời gian gần nhất (thường 7 ngày). Quá 2 ngày không có lượt quét trong khoảng đó thì không thể đánh giá Đạt.',
            en: 'Check the scan history in the app or on qr.pccovid.gov.vn for the latest period (usually 7 days). More than 2 days without a scan in that period cannot be Met.',
          },
          critical: false,
          required: true,
          answerType: 'scanResults',
          rules: [
            ...(['observedDays', 'scansPerDay', 'zeroScanDays'] as const).map((field) => ({
              kind: 'requireField' as const,
              field,
              when: 'met' as const,
              message: {
                vi: 'Đạt phải ghi số ngày đã xem, số lượt quét mỗi ngày và số ngày không có lượt quét.',
                en: 'A met answer needs the days reviewed, the scans per day and the days without a scan.',
              },
            })),
            {
              kind: 'fieldAtMost',
              field: 'zeroScanDays',
              otherField: 'observedDays',
              when: 'answered',
              message: {
                vi: 'Số ngày không có lượt quét không thể lớn hơn số ngày đã xem.',
                en: 'Days without a scan cannot exceed the days reviewed.',
              },
            },
            {
              kind: 'derivedNotMet',
              field: 'zeroScanDays',
              greaterThan: 2,
              message: {
                vi: 'Có hơn 2 ngày không có lượt quét nên không thể đánh giá Đạt; hãy chọn Chưa đạt hoặc sửa số liệu.',
                en: 'More than 2 days without a scan cannot be met; answer not met or correct the figures.',
              },
            },
            NOTE_WHEN_NOT_MET,
            NOTE_WHEN_NOT_APPLICABLE,
          ],
        },
      ],
    },
    {
      id: 'c',
      title: { vi: 'Kiểm tra việc sử dụng phần mềm thống kê báo cáo', en: 'Use of the statistics and reporting software' },
      items: [
        {
          id: 'c1',
          label: {
            vi: 'Tình hình khai thác, sử dụng phần mềm http://quanly.pccovid.gov.vn để thống kê báo cáo phục vụ công tác chỉ đạo, tuyên truyền quét mã QR trên địa bàn',
            en: 'Use of http://quanly.pccovid.gov.vn for statistics and reports that direct and promote QR scanning in the area',
          },
          guidance: {
            vi: 'Áp dụng với cơ quan có tài khoản quản lý (sở, ngành, UBND cấp huyện, xã); Không áp dụng với cơ sở kinh doanh, kèm ghi chú. Đạt phải kèm ảnh chụp màn hình thống kê.',
            en: "Applies to bodies with a management account (departments, district and commune People's Committees); not applicable to businesses, with a note. A met answer needs a screenshot of the statistics.",
          },
          critical: false,
          required: true,
          answerType: 'portalUse',
          rules: [
            {
              kind: 'requireEvidence',
              evidenceKind: 'screenshot',
              minCount: 1,
              when: 'met',
              message: {
                vi: 'Đạt phải kèm ảnh chụp màn hình thống kê trên quanly.pccovid.gov.vn.',
                en: 'A met answer needs a screenshot of the statistics on quanly.pccovid.gov.vn.',
              },
            },
            NOTE_WHEN_NOT_MET,
            NOTE_WHEN_NOT_APPLICABLE,
          ],
        },
        {
          id: 'c2',
          label: {
            vi: 'Ứng dụng phần mềm http://quanly.pccovid.gov.vn phục vụ công tác truy vết F1 trong phòng, chống dịch',
            en: 'Use of http://quanly.pccovid.gov.vn for F1 contact tracing',
          },
          guidance: {
            vi: 'Không áp dụng nếu trên địa bàn chưa có ca F0 cần truy vết trong kỳ, kèm ghi chú.',
            en: 'Not applicable when no F0 case in the area needed tracing in the period, with a note.',
          },
          critical: false,
          required: true,
          answerType: 'f1Tracing',
          rules: [
            {
              kind: 'requireField',
              field: 'tracedCases',
              when: 'met',
              message: { vi: 'Đạt phải ghi số trường hợp F1 đã truy vết.', en: 'A met answer needs the number of F1 contacts traced.' },
            },
            {
              kind: 'minValue',
              field: 'tracedCases',
              min: 1,
              when: 'met',
              message: { vi: 'Đạt phải có ít nhất một trường hợp F1 đã truy vết.', en: 'A met answer needs at least one traced F1 contact.' },
            },
            NOTE_WHEN_NOT_MET,
            NOTE_WHEN_NOT_APPLICABLE,
          ],
        },
      ],
    },
  ],
});
