/**
 * One document of every type the builders make — from core's sample inputs (kept in step with the
 * builders by their tests) and the testkit's layouts — for the layout tests of both renderers
 * (`render-docx` imports this file too).
 */
import type { OfficialDocument } from '@pccovid-inspect/core';
import {
  buildMinutesDocument,
  buildPlanDocument,
  buildReminderLetterDocument,
  buildResultNoticeDocument,
  buildResultsReportDocument,
  buildSanctionProposalDocument,
  buildTeamDecisionDocument,
} from '@pccovid-inspect/core/documents';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
import { annexReportDocument, longInputsDocument, otherLayoutDocuments } from '@pccovid-inspect/testkit/renderer';
import {
  ISSUER,
  MINUTES_INPUT,
  NOTICE_INPUT,
  PLAN_REFERENCE,
  REMINDER_INPUT,
  REPORT_INPUT,
  SIGNER,
  TEAM_DECISION_INPUT,
} from '../../core/src/documents/builders/sample-inputs.test-support.js';

/** The proposal to sanction the unit of the sample notice and reminder, after their deadlines. */
function sanctionProposal(): OfficialDocument {
  return buildSanctionProposalDocument({
    issuer: ISSUER,
    number: 140,
    date: '2022-01-05',
    draftingUnit: 'TTr',
    addressee: 'Ủy ban nhân dân huyện Thạch Hà',
    unit: { name: 'Chợ Thạch Hà', address: 'Thị trấn Thạch Hà, huyện Thạch Hà' },
    inspection: { date: '2021-12-07', teamName: 'Tổ kiểm tra PC-Covid', scope: 'việc triển khai hệ thống PC-Covid và quét mã QR', implementing: [PLAN_REFERENCE] },
    issues: ['Mã QR niêm yết tại cổng phụ là mã của ứng dụng Bluezone cũ', 'Chưa bố trí người hướng dẫn quét mã QR'],
    priorDocuments: [
      { reference: { documentType: 'Thông báo', number: '07/TB-STTTT', date: '2021-12-09', issuer: 'Sở Thông tin và Truyền thông' }, deadline: '2021-12-15' },
      { reference: { documentType: 'Công văn', number: '125/STTTT-TTr', date: '2021-12-17', issuer: 'Sở Thông tin và Truyền thông' }, deadline: '2021-12-24' },
    ],
    legalBasis: 'Nghị định số 117/2020/NĐ-CP ngày 28/9/2020 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực y tế',
    recipients: { entries: ['Như trên', 'Lãnh đạo Sở'], archive: ['VT', 'TTr'] },
    signer: SIGNER,
  });
}

/** Every document type, named. */
export function everyDocumentType(): { name: string; doc: OfficialDocument }[] {
  return [
    { name: 'KH plan', doc: buildPlanDocument(HA_TINH_2021_PLAN_INPUT) },
    { name: 'QĐ team decision', doc: buildTeamDecisionDocument(TEAM_DECISION_INPUT) },
    { name: 'BB minutes', doc: buildMinutesDocument(MINUTES_INPUT) },
    { name: 'BB minutes, unit refused to sign', doc: otherLayoutDocuments()[0] as OfficialDocument },
    { name: 'TB results notice', doc: buildResultNoticeDocument(NOTICE_INPUT) },
    { name: 'CV reminder letter', doc: buildReminderLetterDocument(REMINDER_INPUT) },
    { name: 'CV proposal to sanction', doc: sanctionProposal() },
    { name: 'BC results report', doc: buildResultsReportDocument(REPORT_INPUT) },
    { name: 'BC report with a 400-row annex', doc: annexReportDocument(400) },
    { name: 'BC very long inputs', doc: longInputsDocument() },
  ];
}
