import type { ChecklistAnswerType } from '../entities/checklist-field.js';
import type { ChecklistRule } from '../entities/checklist-rule.js';

const DAYS = { vi: 'ngày', en: 'days' };

/**
 * @internal The answer types (typed extra fields) of `PC_COVID_CHECKLIST_V1`. The yes/no of
 * "used for F1 tracing" is the answer itself; `tracedCases` records how many.
 * @example
 * ```ts
 * PC_COVID_V1_ANSWER_TYPES.qrPoints?.fields.pointsCount?.valueType; // 'count'
 * ```
 */
export const PC_COVID_V1_ANSWER_TYPES: Record<string, ChecklistAnswerType> = {
  none: { label: { vi: 'Không có trường bổ sung', en: 'No extra fields' }, fields: {} },
  dissemination: {
    label: { vi: 'Quán triệt, phổ biến', en: 'Dissemination' },
    fields: {
      staffTotal: { label: { vi: 'Tổng số cán bộ, nhân viên', en: 'Total staff' }, valueType: 'count', unit: { vi: 'người', en: 'people' } },
      staffInstalled: {
        label: { vi: 'Số cán bộ, nhân viên đã cài đặt PC-Covid', en: 'Staff with PC-Covid installed' },
        valueType: 'count',
        unit: { vi: 'người', en: 'people' },
      },
    },
  },
  qrPoints: {
    label: { vi: 'Số điểm mã QR địa điểm', en: 'Location QR points' },
    fields: {
      pointsCount: { label: { vi: 'Số điểm đã khai báo, tạo mã QR', en: 'Points declared with a QR code' }, valueType: 'count', unit: { vi: 'điểm', en: 'points' } },
    },
  },
  qrPosting: {
    label: { vi: 'Niêm yết mã QR', en: 'QR code posting' },
    fields: {
      postedSizeCm: { label: { vi: 'Cạnh mã QR niêm yết', en: 'Side of the posted QR code' }, valueType: 'decimal', unit: { vi: 'cm', en: 'cm' } },
      legacyCodePosted: {
        label: { vi: 'Còn niêm yết mã cũ (Bluezone, NCOVI, tokhaiyte…)', en: 'A legacy code is still posted (Bluezone, NCOVI, tokhaiyte…)' },
        valueType: 'boolean',
      },
    },
  },
  visitorGuidance: {
    label: { vi: 'Hướng dẫn người đến', en: 'Visitor guidance' },
    fields: {
      guideAssigned: { label: { vi: 'Có người được phân công hướng dẫn, kiểm soát quét mã', en: 'Someone assigned to guide and check scanning' }, valueType: 'boolean' },
    },
  },
  scanResults: {
    label: { vi: 'Kết quả quét mã QR', en: 'QR scan results' },
    fields: {
      observedDays: { label: { vi: 'Số ngày đã xem lịch sử quét', en: 'Days of scan history reviewed' }, valueType: 'count', unit: DAYS },
      scansPerDay: { label: { vi: 'Số lượt quét trung bình mỗi ngày', en: 'Average scans per day' }, valueType: 'decimal', unit: { vi: 'lượt/ngày', en: 'scans/day' } },
      zeroScanDays: { label: { vi: 'Số ngày không có lượt quét', en: 'Days without a scan' }, valueType: 'count', unit: DAYS },
    },
  },
  portalUse: {
    label: { vi: 'Sử dụng quanly.pccovid.gov.vn', en: 'Use of quanly.pccovid.gov.vn' },
    fields: {
      accountExists: { label: { vi: 'Có tài khoản quản lý', en: 'Has a management account' }, valueType: 'boolean' },
      lastUsedOn: { label: { vi: 'Ngày sử dụng gần nhất', en: 'Last used on' }, valueType: 'civilDate' },
    },
  },
  f1Tracing: {
    label: { vi: 'Truy vết F1', en: 'F1 tracing' },
    fields: {
      tracedCases: { label: { vi: 'Số trường hợp F1 đã truy vết', en: 'F1 contacts traced' }, valueType: 'count', unit: { vi: 'trường hợp', en: 'contacts' } },
    },
  },
};

/**
 * @internal A not-met answer must say why.
 * @example
 * ```ts
 * rules: [NOTE_WHEN_NOT_MET, NOTE_WHEN_NOT_APPLICABLE]
 * ```
 */
export const NOTE_WHEN_NOT_MET: ChecklistRule = {
  kind: 'requireNote',
  when: 'not_met',
  message: { vi: 'Chưa đạt phải ghi rõ lý do, tồn tại.', en: 'A not-met answer needs a note saying what is wrong.' },
};

/**
 * @internal A not-applicable answer must say why.
 * @example
 * ```ts
 * rules: [NOTE_WHEN_NOT_MET, NOTE_WHEN_NOT_APPLICABLE]
 * ```
 */
export const NOTE_WHEN_NOT_APPLICABLE: ChecklistRule = {
  kind: 'requireNote',
  when: 'not_applicable',
  message: { vi: 'Không áp dụng phải ghi rõ lý do.', en: 'A not-applicable answer needs a note saying why.' },
};

/**
 * @internal Every inspected unit must have and post a location QR code.
 * @example
 * ```ts
 * rules: [NOTE_WHEN_NOT_MET, APPLIES_TO_EVERY_UNIT]
 * ```
 */
export const APPLIES_TO_EVERY_UNIT: ChecklistRule = {
  kind: 'notApplicableForbidden',
  message: {
    vi: 'Nội dung này áp dụng với mọi đơn vị được kiểm tra; không được chọn Không áp dụng.',
    en: 'This item applies to every inspected unit; it cannot be answered not applicable.',
  },
};
