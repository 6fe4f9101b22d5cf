import type { z } from 'zod';
import { ChecklistResponseSchema } from '../entities/checklist-response.js';
import type { ChecklistItemResponseSchema, ChecklistResponse } from '../entities/checklist-response.js';
import type { CountEvidenceSchema, DocumentEvidenceSchema, PhotoEvidenceSchema, ScreenshotEvidenceSchema } from '../entities/evidence.js';

/**
 * @internal Fixtures for the checklist tests (not exported): evidence of each kind, and a
 * response to `PC_COVID_CHECKLIST_V1` in which every item is Đạt with what its rules need.
 */

type ItemInput = z.input<typeof ChecklistItemResponseSchema>;

/**
 * A directive document, as item a2 needs.
 * @example
 * ```ts
 * v1Response({ a2: { answer: 'met', fields: {}, evidence: [DIRECTIVE] } });
 * ```
 */
export const DIRECTIVE: z.input<typeof DocumentEvidenceSchema> = {
  kind: 'document',
  id: 'ev-doc-1',
  numberSymbol: '125/UBND-VP',
  issuedOn: '2021-11-15',
  issuer: 'UBND huyện Can Lộc',
  summary: 'Về việc triển khai cài đặt ứng dụng PC-Covid và tạo mã QR địa điểm',
};

/**
 * A photo of the posted code, as item b2 needs.
 * @example
 * ```ts
 * v1Response({ b2: { answer: 'met', fields: { postedSizeCm: 20 }, evidence: [QR_PHOTO] } });
 * ```
 */
export const QR_PHOTO: z.input<typeof PhotoEvidenceSchema> = {
  kind: 'photo',
  id: 'ev-photo-1',
  uri: 'visits/v-1/b2-gate.jpg',
  sha256: 'a'.repeat(64),
  caption: 'Mã QR PC-Covid niêm yết tại cổng chính',
  takenAt: '2021-12-14T02:30:00Z',
};

/**
 * A screenshot of the portal statistics, as item c1 needs.
 * @example
 * ```ts
 * v1Response({ c1: { answer: 'met', fields: {}, evidence: [PORTAL_SCREENSHOT] } });
 * ```
 */
export const PORTAL_SCREENSHOT: z.input<typeof ScreenshotEvidenceSchema> = {
  kind: 'screenshot',
  id: 'ev-shot-1',
  uri: 'visits/v-1/c1.png',
  caption: 'Thống kê lượt quét 7 ngày trên quanly.pccovid.gov.vn',
  takenAt: '2021-12-14T03:00:00Z',
  sourceUrl: 'http://quanly.pccovid.gov.vn',
};

/**
 * A counted figure.
 * @example
 * ```ts
 * v1Response({ b4: { answer: 'met', fields: { observedDays: 7, scansPerDay: 5, zeroScanDays: 0 }, evidence: [SCAN_COUNT] } });
 * ```
 */
export const SCAN_COUNT: z.input<typeof CountEvidenceSchema> = { kind: 'count', id: 'ev-count-1', what: 'Lượt quét mã QR ngày 13/12/2021', value: 37, asOf: '2021-12-13' };

/**
 * Every V1 item answered Đạt, with the fields and evidence its rules need.
 * @example
 * ```ts
 * responseInput({ ...compliantAnswers(), b3: notMet() });
 * ```
 */
export function compliantAnswers(): Record<string, ItemInput> {
  return {
    a1: { answer: 'met', fields: { staffTotal: 40, staffInstalled: 38 }, evidence: [] },
    a2: { answer: 'met', fields: {}, evidence: [DIRECTIVE] },
    b1: { answer: 'met', fields: { pointsCount: 3 }, evidence: [] },
    b2: { answer: 'met', fields: { postedSizeCm: 20, legacyCodePosted: false }, evidence: [QR_PHOTO] },
    b3: { answer: 'met', fields: { guideAssigned: true }, evidence: [] },
    b4: { answer: 'met', fields: { observedDays: 7, scansPerDay: 41.5, zeroScanDays: 2 }, evidence: [SCAN_COUNT] },
    c1: { answer: 'met', fields: { accountExists: true, lastUsedOn: '2021-12-13' }, evidence: [PORTAL_SCREENSHOT] },
    c2: { answer: 'met', fields: { tracedCases: 12 }, evidence: [] },
  };
}

/**
 * A response input (not parsed) for a template version, with the given answers.
 * @example
 * ```ts
 * ChecklistResponseSchema.parse(responseInput(compliantAnswers(), '1+qr-verify@1'));
 * ```
 */
export function responseInput(answers: Record<string, ItemInput>, version = '1', templateId = 'pc-covid-ii1'): z.input<typeof ChecklistResponseSchema> {
  return {
    templateId,
    templateVersion: version,
    targetId: 'tg-42-436-001',
    visitId: 'v-2021-12-14-01',
    answers,
    answeredBy: 'p-thanh-tra-1',
    answeredAt: '2021-12-14T04:00:00Z',
  };
}

/**
 * A parsed V1 response: every item Đạt, with `changes` replacing whole items (`undefined` removes one).
 * @example
 * ```ts
 * evaluateChecklist(PC_COVID_CHECKLIST_V1, v1Response({ b2: notMet('Mã Bluezone cũ'), c1: undefined }));
 * ```
 */
export function v1Response(changes: Record<string, ItemInput | undefined> = {}, version = '1'): ChecklistResponse {
  const answers: Record<string, ItemInput> = compliantAnswers();
  for (const [id, answer] of Object.entries(changes)) {
    if (answer === undefined) delete answers[id];
    else answers[id] = answer;
  }
  return ChecklistResponseSchema.parse(responseInput(answers, version));
}

/**
 * An answer Chưa đạt with a note, no fields, no evidence.
 * @example
 * ```ts
 * v1Response({ b3: notMet('Không có người hướng dẫn') });
 * ```
 */
export function notMet(note = 'Chưa thực hiện'): ItemInput {
  return { answer: 'not_met', note, fields: {}, evidence: [] };
}

/**
 * An answer Không áp dụng with a note.
 * @example
 * ```ts
 * v1Response({ c2: notApplicable('Chưa có ca F0 trên địa bàn') });
 * ```
 */
export function notApplicable(note = 'Đơn vị không có chức năng này'): ItemInput {
  return { answer: 'not_applicable', note, fields: {}, evidence: [] };
}
