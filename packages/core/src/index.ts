/**
 * `@pccovid-inspect/core` — the pure domain core of an inspection campaign (plan → team →
 * unannounced visits → minutes → report → follow-up). No I/O; runs in Node, browsers and mobile
 * JavaScript runtimes.
 *
 * The root holds what an app needs: the service and its command table, errors, the adapter
 * contracts, the checklist API with the shipped PC-Covid template, actors and visibility.
 * Everything else sits behind a subpath:
 * - `@pccovid-inspect/core/schemas` — the zod schema of every entity;
 * - `@pccovid-inspect/core/documents` — the `OfficialDocument` model, layout and builders;
 * - `@pccovid-inspect/core/lifecycle` — the XState machines and the lifecycle API;
 * - `@pccovid-inspect/core/adapter-kit` — checks and helpers for writing a storage adapter;
 * - `@pccovid-inspect/core/text` — NFC, civil dates and the Decree 30 date line.
 *
 * One province's data (units, bodies, the seed plan) is a province pack, e.g.
 * `@pccovid-inspect/province-ha-tinh`.
 *
 * @example
 * ```ts
 * import { createInspectionService } from '@pccovid-inspect/core';
 * import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
 * import { HA_TINH_2021 } from '@pccovid-inspect/province-ha-tinh';
 *
 * const service = createInspectionService({ storage: createSqliteStorage(), tenant: HA_TINH_2021.tenant, adminUnits: HA_TINH_2021.adminUnits });
 * ```
 *
 * @packageDocumentation
 */

// The service and its command table
export { createInspectionService } from './service/create-inspection-service.js';
export type { InspectionServiceOptions } from './service/create-inspection-service.js';
export type { DeliveryReport } from './service/outbox-delivery.js';
export type { DeliveryOptions } from './service/delivery-options.js';
export { messageDocumentRef } from './service/message-channels.js';
export { VisitPacketSchema, VISIT_PACKET_FORMAT } from './service/commands/packet-commands.js';
export type { VisitPacket, PacketConflict } from './service/commands/packet-commands.js';

// Planning: risk scores and seeded stratified sampling
export { scoreTargetRisk, DEFAULT_RISK_WEIGHTS } from './planning/risk-score.js';
export type { RiskScore, RiskReason, RiskReasonCode, RiskInput, RiskOptions, RiskWeights } from './planning/risk-score.js';
export { sampleTargets } from './planning/sample-targets.js';
export type { SampleInput, SampledTarget, StratumAllocation, TargetSample } from './planning/sample-targets.js';
export { planSchedule } from './planning/schedule-visits.js';
export { hashSeed, mulberry32 } from './planning/seeded-random.js';
export type { ScheduleInput, ScheduleVehicle, SchedulePlan, PlannedVisit, UnscheduledTarget } from './planning/schedule-visits.js';
export { foldVietnamese } from './text/fold-vietnamese.js';
export type { InspectionService, CommandMethods, ActorInput } from './service/inspection-service.js';
export { COMMANDS, PERMISSIONS, isAllowed } from './service/command-table.js';
export type { CommandName, CommandOf, CommandInput, CommandOutput } from './service/command-table.js';
export type { CommandDefinition, CommandSummary, MethodName } from './service/define-command.js';
export type { CommandResult } from './service/run-command.js';
export type { VisitView, VisitPage, CampaignOverview } from './service/commands/queries.js';
export type { TargetRegistration, TargetSearchHit, TargetSearchResult } from './service/commands/target-commands.js';
export type { DocumentRef, DocumentListing } from './service/commands/document-queries.js';
export type { AuditChainVerification } from './service/audit-chain.js';
export type { AuditVerification, AuditVerificationFacts, AuditFailureReason, AuditCheckpoint } from './service/audit-verification.js';
export type { AuditKey } from './service/audit-key.js';

// Errors
export {
  InspectError,
  ValidationError,
  InvalidTransitionError,
  NotFoundError,
  ConflictError,
  ForbiddenError,
  EmbargoedError,
  StorageError,
  NotificationError,
  RenderError,
  ImportError,
  ConfigurationError,
} from './errors/index.js';
export type { ErrorCode, InspectErrorOptions, ValidationIssue } from './errors/index.js';

// Contracts
export { systemClock, createFixedClock, randomIds, createSequentialIds, STORAGE_CONTRACT_VERSION } from './contracts/index.js';
export type {
  Clock,
  IdGenerator,
  IndexValue,
  StoredRecord,
  PutRequest,
  CountByRequest,
  CountGroup,
  CountByResult,
  IndexFilter,
  QueryRequest,
  QueryPage,
  AuditRecord,
  OutboxStatus,
  OutboxRecord,
  OutboxUpdate,
  ReadOutboxOptions,
  PortalStatisticsRow,
  PortalStatisticsSummary,
  StorageCapabilities,
  CommitBatch,
  StorageAdapter,
  OutboundMessage,
  Notifier,
  MessageAttachment,
  SendResult,
  SendOptions,
  DocumentRenderer,
  DocumentRenderOptions,
  RenderedDocument,
} from './contracts/index.js';
export type { OfficialDocument } from './documents/model/official-document.js';

// The checklist
export {
  PC_COVID_CHECKLIST_V1,
  evaluateChecklist,
  assertChecklistPinned,
  validateChecklistResponse,
  defineChecklistPlugin,
  defineChecklistRuleType,
  applyChecklistPlugins,
} from './checklist/index.js';
export type {
  EvaluateChecklistOptions,
  ValidateChecklistResponseOptions,
  ChecklistPlugin,
  ChecklistPluginDefinition,
  ChecklistPluginAnswerType,
  ChecklistRuleType,
  ChecklistRuleContext,
  ChecklistRuleOutcome,
  ChecklistEvidenceVerifier,
  ChecklistVerifierOutcome,
  ChecklistVerifierRecord,
  ChecklistViolation,
  ChecklistReasonCode,
  ChecklistReason,
  ChecklistVerdict,
  ChecklistItemVerdict,
  ChecklistItemEvaluation,
  ChecklistSectionEvaluation,
  ChecklistEvaluation,
} from './checklist/index.js';

// Actors and visibility
export { RoleSchema, ActorSchema, isEmbargoed, canSeeVisit, maskContact, resolveActor } from './policy/index.js';
export type { Role, Actor, VisitVisibilityFacts, VerifiedIdentity, RoleGrant } from './policy/index.js';

// Labels an app shows beside codes
export { BUILT_IN_TARGET_TYPES, TARGET_TYPE_LABELS, VERDICT_LABELS, CHECKLIST_ANSWER_LABELS, TEAM_ROLE_LABELS } from './entities/index.js';

// Entity types (their schemas: `@pccovid-inspect/core/schemas`)
export type {
  CivilDateRange,
  BilingualText,
  Tenant,
  AdminUnit,
  AdminUnitKind,
  AdminUnitEra,
  Organization,
  OrganizationKind,
  Person,
  Contact,
  DocumentReference,
  Signer,
  SigningAuthority,
  TargetType,
  BuiltInTargetType,
  Campaign,
  InspectionForm,
  Recipient,
  PlanNarrative,
  NominationRequest,
  Nomination,
  Team,
  TeamMember,
  TeamRole,
  MemberSource,
  LocationQrPoint,
  QrCodeSource,
  PortalStatistics,
  Target,
  Visit,
  Finding,
  Verdict,
  Minutes,
  UnitRepresentative,
  RemediationRequest,
  Report,
  ResultNotice,
  RemediationAction,
  Notification,
  AuditEvent,
  DocumentNumber,
  DocumentTypeCode,
  Evidence,
  EvidenceKind,
  DocumentEvidence,
  PhotoEvidence,
  EvidenceVerification,
  ScreenshotEvidence,
  CountEvidence,
  ChecklistAnswer,
  ChecklistValueType,
  ChecklistFieldDefinition,
  ChecklistFieldId,
  ChecklistPluginId,
  ChecklistAnswerType,
  ChecklistFieldValue,
  ChecklistRule,
  ChecklistRuleWhen,
  ChecklistRuleTypeId,
  ChecklistRuleKind,
  ChecklistTemplate,
  ChecklistSection,
  ChecklistItem,
  ChecklistCompliance,
  ChecklistPluginRef,
  ChecklistVersion,
  ChecklistPluginVersion,
  ChecklistResponse,
  ChecklistItemResponse,
} from './entities/index.js';
