export {
  INPUT_LIMITS,
  TextSchema,
  ShortTextSchema,
  OptionalTextSchema,
  BilingualShortTextSchema,
  forbiddenCharacterIn,
  IdSchema,
  TenantIdSchema,
  CivilDateSchema,
  InstantSchema,
  CivilDateRangeSchema,
  BilingualTextSchema,
  CountSchema,
  ProvinceCodeSchema,
} from './primitives.js';
export type { CivilDateRange, BilingualText } from './primitives.js';
export { validate } from './validate.js';
export { TenantSchema } from './tenant.js';
export type { Tenant } from './tenant.js';
export { AdminUnitSchema, AdminUnitKindSchema, AdminUnitEraSchema } from './admin-unit.js';
export type { AdminUnit, AdminUnitKind, AdminUnitEra } from './admin-unit.js';
export { OrganizationSchema, OrganizationKindSchema } from './organization.js';
export type { Organization, OrganizationKind } from './organization.js';
export { PersonSchema, ContactSchema } from './person.js';
export type { Person, Contact } from './person.js';
export { DocumentReferenceSchema, NumberSymbolSchema } from './document-reference.js';
export type { DocumentReference } from './document-reference.js';
export { SignerSchema, SigningAuthoritySchema, signerTitleLines } from './signer.js';
export type { Signer, SigningAuthority } from './signer.js';
export { TargetTypeSchema, BUILT_IN_TARGET_TYPES, TARGET_TYPE_LABELS, isBuiltInTargetType } from './target-type.js';
export type { TargetType, BuiltInTargetType } from './target-type.js';
export { CampaignSchema, InspectionFormSchema, RecipientSchema, PlanNarrativeSchema } from './campaign.js';
export type { Campaign, InspectionForm, Recipient, PlanNarrative } from './campaign.js';
export { NominationRequestSchema, NominationSchema } from './nomination.js';
export type { NominationRequest, Nomination } from './nomination.js';
export { TeamSchema, TeamMemberSchema, TeamRoleSchema, MemberSourceSchema, TEAM_ROLE_LABELS } from './team.js';
export type { Team, TeamMember, TeamRole, MemberSource } from './team.js';
export { LocationQrPointSchema, QrCodeSourceSchema, isCorrectlyPosted } from './location-qr-point.js';
export type { LocationQrPoint, QrCodeSource } from './location-qr-point.js';
export { PortalStatisticsSchema } from './portal-statistics.js';
export type { PortalStatistics } from './portal-statistics.js';
export { TargetSchema } from './target.js';
export type { Target } from './target.js';
export { VisitSchema } from './visit.js';
export type { Visit } from './visit.js';
export { FindingSchema, VerdictSchema, VERDICT_LABELS } from './finding.js';
export type { Finding, Verdict } from './finding.js';
export { MinutesSchema, UnitRepresentativeSchema, RemediationRequestSchema } from './minutes.js';
export type { Minutes, UnitRepresentative, RemediationRequest } from './minutes.js';
export { ReportSchema } from './report.js';
export type { Report } from './report.js';
export { ResultNoticeSchema } from './result-notice.js';
export type { ResultNotice } from './result-notice.js';
export { RemediationActionSchema } from './remediation-action.js';
export type { RemediationAction } from './remediation-action.js';
export { NotificationSchema } from './notification.js';
export type { Notification } from './notification.js';
export { AuditEventSchema } from './audit-event.js';
export type { AuditEvent } from './audit-event.js';
export { DocumentNumberSchema, DocumentTypeCodeSchema, formatNumberSymbol } from './document-number.js';
export type { DocumentNumber, DocumentTypeCode } from './document-number.js';
export {
  EvidenceSchema,
  EvidenceKindSchema,
  EvidenceVerificationSchema,
  DocumentEvidenceSchema,
  PhotoEvidenceSchema,
  ScreenshotEvidenceSchema,
  CountEvidenceSchema,
} from './evidence.js';
export type { Evidence, EvidenceKind, EvidenceVerification, DocumentEvidence, PhotoEvidence, ScreenshotEvidence, CountEvidence } from './evidence.js';
export { ChecklistAnswerSchema, CHECKLIST_ANSWER_LABELS } from './checklist-answer.js';
export type { ChecklistAnswer } from './checklist-answer.js';
export {
  ChecklistValueTypeSchema,
  ChecklistFieldDefinitionSchema,
  ChecklistFieldIdSchema,
  ChecklistPluginIdSchema,
  ChecklistAnswerTypeSchema,
  ChecklistFieldValueSchema,
} from './checklist-field.js';
export type { ChecklistValueType, ChecklistFieldDefinition, ChecklistFieldId, ChecklistPluginId, ChecklistAnswerType, ChecklistFieldValue } from './checklist-field.js';
export { ChecklistRuleSchema, ChecklistRuleWhenSchema, ChecklistRuleTypeIdSchema } from './checklist-rule.js';
export type { ChecklistRule, ChecklistRuleWhen, ChecklistRuleTypeId, ChecklistRuleKind } from './checklist-rule.js';
export {
  ChecklistTemplateSchema,
  ChecklistSectionSchema,
  ChecklistItemSchema,
  ChecklistComplianceSchema,
  ChecklistPluginRefSchema,
  ChecklistVersionSchema,
  ChecklistPluginVersionSchema,
} from './checklist-template.js';
export type {
  ChecklistTemplate,
  ChecklistSection,
  ChecklistItem,
  ChecklistCompliance,
  ChecklistPluginRef,
  ChecklistVersion,
  ChecklistPluginVersion,
} from './checklist-template.js';
export { ChecklistResponseSchema, ChecklistItemResponseSchema } from './checklist-response.js';
export type { ChecklistResponse, ChecklistItemResponse } from './checklist-response.js';
