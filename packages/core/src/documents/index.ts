/**
 * Official documents: the renderer-agnostic `OfficialDocument` model (Decree 30/2020 blocks),
 * the layout numbers renderers share, and pure builders that make each document of an
 * inspection campaign from plain data.
 */
export { DocumentKindSchema, DOCUMENT_KIND_TITLES } from './model/document-kind.js';
export type { DocumentKind } from './model/document-kind.js';
export { InlineRunSchema, runsText } from './model/inline-run.js';
export type { InlineRun } from './model/inline-run.js';
export { NumberAndSymbolSchema, formatDocumentNumber, formatDocumentNumberShort } from './model/number-and-symbol.js';
export type { NumberAndSymbol } from './model/number-and-symbol.js';
export { PlaceAndDateSchema, formatPlaceAndDate } from './model/place-and-date.js';
export type { PlaceAndDate } from './model/place-and-date.js';
export { DocumentHeaderSchema, NATIONAL_TITLE, NATIONAL_MOTTO } from './model/document-header.js';
export type { DocumentHeader } from './model/document-header.js';
export { DocumentTitleSchema } from './model/document-title.js';
export type { DocumentTitle } from './model/document-title.js';
export { ParagraphBlockSchema } from './model/paragraph-block.js';
export type { ParagraphBlock } from './model/paragraph-block.js';
export { HeadingBlockSchema } from './model/heading-block.js';
export type { HeadingBlock } from './model/heading-block.js';
export { BulletBlockSchema } from './model/bullet-block.js';
export type { BulletBlock } from './model/bullet-block.js';
export { BasisBlockSchema } from './model/basis-block.js';
export type { BasisBlock } from './model/basis-block.js';
export { TableColumnSchema, TableBlockSchema } from './model/table-block.js';
export type { TableColumn, TableBlock } from './model/table-block.js';
export { BarChartSeriesSchema, BarChartBlockSchema, barChartScale, formatChartValue } from './model/bar-chart-block.js';
export type { BarChartSeries, BarChartBlock } from './model/bar-chart-block.js';
export { BodyBlockSchema } from './model/body-block.js';
export type { BodyBlock, BodyBlockInput } from './model/body-block.js';
export { DocumentSigningAuthoritySchema, SignerColumnSchema, SignatureBlockSchema, signerHeadingLines } from './model/signature-block.js';
export type { DocumentSigningAuthority, SignerColumn, SignatureBlock } from './model/signature-block.js';
export { RecipientsBlockSchema, formatRecipientLines } from './model/recipients-block.js';
export type { RecipientsBlock } from './model/recipients-block.js';
export { formatAddresseeLines } from './model/addressee-lines.js';
export { DocumentAppendixSchema } from './model/document-appendix.js';
export type { DocumentAppendix } from './model/document-appendix.js';
export { OfficialDocumentSchema, parseOfficialDocument, describeOfficialDocument } from './model/official-document.js';
export type { OfficialDocument, OfficialDocumentInput } from './model/official-document.js';
export { officialDocumentPlainText, bodyBlockPlainText } from './model/document-plain-text.js';

export { DECREE30_LAYOUT, mmToPt, mmToTwip, decree30TextWidthPt, decree30HeaderColumnsPt, decree30LinePitchPt } from './layout/decree30-layout.js';
export { measureTimesText } from './layout/times-metrics.js';
export type { TimesStyle } from './layout/times-metrics.js';
export {
  DECREE30_KEEP,
  barChartPieces,
  keepsWithNext,
  estimateBlockLines,
  estimateBlocksHeightPt,
  signatureKeepStart,
  decree30TextHeightPt,
  officialDocumentDate,
  officialDocumentAuthor,
} from './layout/keep-rules.js';
export type { BarChartPiece } from './layout/keep-rules.js';

export { DocumentIssuerInputSchema } from './builders/inputs/document-issuer-input.js';
export type { DocumentIssuerInput } from './builders/inputs/document-issuer-input.js';
export { DocumentSignerInputSchema } from './builders/inputs/document-signer-input.js';
export type { DocumentSignerInput } from './builders/inputs/document-signer-input.js';
export { LegalReferenceInputSchema, formatLegalReference } from './builders/inputs/legal-reference-input.js';
export type { LegalReferenceInput } from './builders/inputs/legal-reference-input.js';
export { DocumentTeamMemberInputSchema, InspectionTeamKindSchema, INSPECTION_TEAM_WORDS } from './builders/inputs/team-member-input.js';
export type { DocumentTeamMemberInput, InspectionTeamKind } from './builders/inputs/team-member-input.js';
export { DocumentFindingInputSchema, DocumentRequestInputSchema } from './builders/inputs/finding-input.js';
export type { DocumentFindingInput, DocumentRequestInput } from './builders/inputs/finding-input.js';
export { formatRequestText } from './builders/inputs/format-request.js';

export { PlanDocumentInputSchema, PlanContentItemSchema, PlanDetailLineSchema, PlanImplementationTaskSchema } from './builders/plan-document-input.js';
export type { PlanDocumentInput } from './builders/plan-document-input.js';
export { buildPlanDocument } from './builders/build-plan-document.js';
export { TeamDecisionDocumentInputSchema } from './builders/team-decision-document-input.js';
export type { TeamDecisionDocumentInput } from './builders/team-decision-document-input.js';
export { buildTeamDecisionDocument } from './builders/build-team-decision-document.js';
export { LocalMomentSchema, MinutesDocumentInputSchema } from './builders/minutes-document-input.js';
export type { MinutesDocumentInput } from './builders/minutes-document-input.js';
export { buildMinutesDocument } from './builders/build-minutes-document.js';
export { ReportAnnexUnitSchema, ResultsReportDocumentInputSchema } from './builders/results-report-document-input.js';
export type { ReportAnnexUnit, ResultsReportDocumentInput } from './builders/results-report-document-input.js';
export { buildResultsReportDocument } from './builders/build-results-report-document.js';
export { ResultNoticeDocumentInputSchema } from './builders/result-notice-document-input.js';
export type { ResultNoticeDocumentInput } from './builders/result-notice-document-input.js';
export { buildResultNoticeDocument } from './builders/build-result-notice-document.js';
export { ReminderLetterDocumentInputSchema } from './builders/reminder-letter-document-input.js';
export type { ReminderLetterDocumentInput } from './builders/reminder-letter-document-input.js';
export { buildReminderLetterDocument } from './builders/build-reminder-letter-document.js';
export { SanctionProposalDocumentInputSchema } from './builders/sanction-proposal-document-input.js';
export type { SanctionProposalDocumentInput } from './builders/sanction-proposal-document-input.js';
export { buildSanctionProposalDocument } from './builders/build-sanction-proposal-document.js';
