/**
 * fast-check arbitraries that build VALID entities of `@pccovid-inspect/core`: Vietnamese text
 * with diacritics (NFC, trimmed), real civil dates, UTC instants, well-formed ids and codes, and
 * every cross-field rule of the schemas (from ≤ to, exactly one team lead, signer head = position…).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import {
  AdminUnitSchema,
  AuditEventSchema,
  CampaignSchema,
  DocumentNumberSchema,
  DocumentReferenceSchema,
  FindingSchema,
  LocationQrPointSchema,
  MinutesSchema,
  NominationRequestSchema,
  NominationSchema,
  NotificationSchema,
  OrganizationSchema,
  PersonSchema,
  PortalStatisticsSchema,
  RemediationActionSchema,
  ReportSchema,
  ResultNoticeSchema,
  SignerSchema,
  TargetSchema,
  TeamSchema,
  TenantSchema,
  VisitSchema,
  formatNumberSymbol,
} from '@pccovid-inspect/core/schemas';
import {
  BUILT_IN_TARGET_TYPES,
  type AdminUnit,
  type AuditEvent,
  type Campaign,
  type DocumentNumber,
  type DocumentReference,
  type DocumentTypeCode,
  type Finding,
  type LocationQrPoint,
  type Minutes,
  type Nomination,
  type NominationRequest,
  type Notification,
  type Organization,
  type Person,
  type PortalStatistics,
  type RemediationAction,
  type Report,
  type ResultNotice,
  type Signer,
  type Target,
  type Team,
  type TeamMember,
  type Tenant,
  type Visit,
} from '@pccovid-inspect/core';
import {
  viText,
  viUpperText,
  id,
  tenantId,
  provinceCode,
  districtCode,
  civilDate,
  civilDateRange,
  instant,
  instantPair,
  nullable,
  symbolPart,
  numberSymbol,
  hash,
} from './arbitrary-primitives.js';

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

export const tenant: fc.Arbitrary<Tenant> = fc.record({ id: tenantId, provinceCode, name: viText, placeName: viText });

export const adminUnit: fc.Arbitrary<AdminUnit> = fc.record({
  code: fc.stringMatching(/^\d{2,5}$/),
  provinceCode,
  name: viText,
  shortName: viText,
  kind: fc.constantFrom('province', 'provincial_city', 'town', 'rural_district', 'ward', 'commune', 'commune_town'),
  era: fc.constantFrom('pre2025', 'post2025'),
  validFrom: nullable(civilDate),
  validTo: nullable(civilDate),
});

export const organization: fc.Arbitrary<Organization> = fc.record({
  tenantId,
  id,
  kind: fc.constantFrom('provincial_peoples_committee', 'department', 'department_unit', 'district_peoples_committee', 'district_office', 'target_unit', 'other'),
  name: viText,
  upperName: viUpperText,
  abbreviation: nullable(fc.oneof(symbolPart, fc.constantFrom('TTra', 'VHTT', 'SVHTT&DL'))),
  parentId: nullable(id),
  districtCode: nullable(fc.stringMatching(/^\d{3}$/)),
});

const phone = fc.stringMatching(/^\+?[0-9]{8,12}$/);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.constantFrom('hatinh.gov.vn', 'stttt.hatinh.gov.vn', 'example.com')).map(([u, d]) => `${u}@${d}`);

export const person: fc.Arbitrary<Person> = fc.record({
  tenantId,
  id,
  fullName: viText,
  position: viText,
  organizationId: id,
  contact: nullable(fc.record({ phone: nullable(phone), email: nullable(email) })),
});

export const documentReference: fc.Arbitrary<DocumentReference> = fc.record({
  numberSymbol,
  issuedOn: civilDate,
  issuer: viText,
  kindVi: fc.constantFrom('Văn bản', 'Quyết định', 'Nghị định', 'Kế hoạch', 'Công văn'),
  summary: viText,
});

export const signer: fc.Arbitrary<Signer> = fc.oneof(
  fc.record({ authority: fc.constantFrom('TM', 'KT', 'Q', 'TL', 'TUQ'), headTitle: viUpperText, position: viUpperText, fullName: viText, personId: nullable(id) }),
  fc
    .record({ title: viUpperText, fullName: viText, personId: nullable(id) })
    .map(({ title, fullName, personId }) => ({ authority: null, headTitle: title, position: title, fullName, personId })),
);

const targetType = fc.oneof(fc.constantFrom(...BUILT_IN_TARGET_TYPES), fc.stringMatching(/^[a-z][a-z0-9_]{1,20}$/));

export const campaign: fc.Arbitrary<Campaign> = fc.record({
  tenantId,
  id,
  number: nullable(fc.integer({ min: 1, max: 9999 })),
  symbol: fc.tuple(symbolPart, fc.array(symbolPart, { minLength: 1, maxLength: 2 })).map(([h, r]) => [h, ...r].join('-')),
  issuedOn: civilDate,
  issuingBodyId: id,
  parentBodyId: nullable(id),
  title: viText,
  legalBasis: fc.array(documentReference, { minLength: 1, maxLength: 3 }),
  purposes: fc.array(viText, { minLength: 1, maxLength: 3 }),
  period: civilDateRange,
  form: fc.constantFrom('unannounced', 'announced'),
  targetTypes: fc.array(targetType, { minLength: 1, maxLength: 8 }),
  checklist: fc.record({ templateId: id, version: fc.stringMatching(/^[0-9][0-9.]{0,5}$/) }),
  leadBodyIds: fc.array(id, { minLength: 1, maxLength: 3 }),
  nomination: fc.record({ bodyIds: fc.array(id, { maxLength: 14 }), deadline: civilDate }),
  signer,
  recipients: fc.array(fc.record({ name: viText, note: nullable(fc.constantFrom('b/c', 't/h', 'để biết')) }), { minLength: 1, maxLength: 6 }),
  archiveCode: fc.constantFrom('VT, CNTT4', 'CNTT4', 'TTr'),
  planNarrative: fc.constant(null),
});

export const nominationRequest: fc.Arbitrary<NominationRequest> = fc
  .record({ tenantId, id, campaignId: id, bodyIds: fc.array(id, { minLength: 1, maxLength: 14 }), range: civilDateRange })
  .map(({ range, ...r }) => ({ ...r, sentOn: range.from, deadline: range.to }));

export const nomination: fc.Arbitrary<Nomination> = fc.record({
  tenantId,
  id,
  campaignId: id,
  organizationId: id,
  personId: id,
  receivedOn: civilDate,
  late: fc.boolean(),
  districtCode: nullable(fc.stringMatching(/^\d{3}$/)),
  note: nullable(viText),
});

const memberSource = fc.constantFrom('inspectorate', 'it_division', 'health', 'district_culture_info', 'other');

export const team: fc.Arbitrary<Team> = fc
  .record({
    tenantId,
    id,
    campaignId: id,
    name: viText,
    people: fc.uniqueArray(id, { minLength: 1, maxLength: 8 }),
    leadIndex: fc.nat(),
    details: fc.array(
      fc.record({
        role: fc.constantFrom('deputy', 'member', 'secretary'),
        organizationId: id,
        source: memberSource,
        districtCode: nullable(districtCode),
        fallbackDistrict: districtCode,
      }),
      { minLength: 8, maxLength: 8 },
    ),
  })
  .map(({ people, leadIndex, details, ...t }) => {
    const lead = leadIndex % people.length;
    const members: TeamMember[] = people.map((personId, i) => {
      const d = details[i]!;
      return {
        personId,
        role: i === lead ? 'lead' : d.role,
        organizationId: d.organizationId,
        source: d.source,
        districtCode: d.source === 'district_culture_info' ? (d.districtCode ?? d.fallbackDistrict) : d.districtCode,
      };
    });
    return { ...t, members };
  });

export const locationQrPoint = (targetId: fc.Arbitrary<string>): fc.Arbitrary<LocationQrPoint> =>
  fc.record({
    id,
    targetId,
    label: viText,
    source: fc.constantFrom('pc_covid', 'bluezone', 'ncovi', 'tokhaiyte', 'zalo', 'other', 'none'),
    posted: fc.boolean(),
    visible: fc.boolean(),
    sizeCm: nullable(fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0.5, 14.8, 21, 29.7))),
    registeredOn: nullable(civilDate),
  });

export const target: fc.Arbitrary<Target> = id.chain((targetId) =>
  fc.record({
    tenantId,
    id: fc.constant(targetId),
    campaignId: id,
    name: viText,
    type: targetType,
    districtCode: fc.stringMatching(/^\d{3}$/),
    address: viText,
    organizationId: nullable(id),
    representativePersonId: nullable(id),
    qrPoints: fc.array(locationQrPoint(fc.constant(targetId)), { maxLength: 4 }),
  }),
);

export const portalStatistics: fc.Arbitrary<PortalStatistics> = fc.record({
  tenantId,
  targetId: id,
  districtCode: fc.stringMatching(/^\d{3}$/),
  date: civilDate,
  registeredPoints: fc.nat({ max: 10_000 }),
  scans: fc.nat(),
  distinctVisitors: fc.nat(),
});

export const visit: fc.Arbitrary<Visit> = fc.record({
  tenantId,
  id,
  campaignId: id,
  targetId: id,
  districtCode: fc.stringMatching(/^\d{3}$/),
  scheduledOn: civilDate,
  memberIds: fc.array(id, { minLength: 1, maxLength: 6 }),
  vehicle: nullable(fc.record({ description: viText, providedByOrganizationId: id })),
  checklist: fc.record({ templateId: id, version: fc.stringMatching(/^[0-9][0-9.]{0,5}$/) }),
  startedAt: nullable(instant),
  endedAt: nullable(instant),
  cancelledReason: nullable(viText),
});

export const finding: fc.Arbitrary<Finding> = fc.record({
  itemId: id,
  verdict: fc.constantFrom('met', 'not_met', 'not_applicable'),
  note: nullable(viText),
  critical: fc.boolean(),
});

const remediationRequest = fc.record({ text: viText, dueOn: civilDate });

export const minutes: fc.Arbitrary<Minutes> = fc
  .record({
    tenantId,
    id,
    visitId: id,
    numberSymbol: nullable(numberSymbol),
    times: instantPair,
    place: viText,
    representatives: fc.array(fc.record({ fullName: viText, position: viText }), { minLength: 1, maxLength: 3 }),
    findings: fc.array(finding, { maxLength: 6 }),
    explanation: nullable(viText),
    assessment: viText,
    requests: fc.array(remediationRequest, { maxLength: 3 }),
    teamLead: nullable(fc.record({ signedAt: instant })),
    unitSide: fc.oneof(
      fc.record({ unitRepresentative: fc.record({ signedAt: instant }), refusal: fc.constant(null) }),
      fc.record({ unitRepresentative: fc.constant(null), refusal: nullable(fc.record({ reason: viText, recordedAt: instant })) }),
    ),
  })
  .map(({ times, teamLead, unitSide, ...m }) => ({
    ...m,
    startedAt: times[0],
    endedAt: times[1],
    signatures: { unitRepresentative: unitSide.unitRepresentative, teamLead },
    refusal: unitSide.refusal,
  }));

export const report: fc.Arbitrary<Report> = fc.record({
  tenantId,
  id,
  campaignId: id,
  numberSymbol,
  issuedOn: civilDate,
  addressedToOrganizationId: id,
  unitsInspected: fc.nat({ max: 5000 }),
  unitsCompliant: fc.nat({ max: 5000 }),
  summary: viText,
});

export const resultNotice: fc.Arbitrary<ResultNotice> = fc.record({
  tenantId,
  id,
  campaignId: id,
  targetId: id,
  numberSymbol,
  issuedOn: civilDate,
  compliant: fc.boolean(),
});

export const remediationAction: fc.Arbitrary<RemediationAction> = fc.record({
  tenantId,
  id,
  campaignId: id,
  visitId: id,
  targetId: id,
  requests: fc.array(remediationRequest, { minLength: 1, maxLength: 3 }),
  reminders: fc.array(fc.record({ sentOn: civilDate, channel: fc.constantFrom('document', 'phone', 'email'), numberSymbol: nullable(numberSymbol) }), { maxLength: 3 }),
  dueOn: nullable(civilDate),
  recheck: nullable(fc.record({ on: civilDate, complied: fc.boolean(), note: nullable(viText) })),
  sanctionProposal: nullable(fc.record({ basis: viText, proposedTo: viText, on: civilDate })),
});

export const notification: fc.Arbitrary<Notification> = fc.record({
  tenantId,
  id,
  createdAt: instant,
  channel: fc.constantFrom('email', 'webhook', 'console', 'sms'),
  recipient: fc.record({ role: fc.constantFrom('healthRepresentative', 'districtRepresentative', 'teamLead', 'target'), id, organizationId: id }, { requiredKeys: ['role', 'id'] }),
  topic: fc.constantFrom('visit.scheduled', 'visit.started', 'minutes.signed', 'nomination.requested', 'remediation.reminderSent'),
  subject: viText,
  body: viText,
  refs: fc.dictionary(fc.constantFrom('visitId', 'campaignId', 'targetId', 'minutesId'), id),
  deliverAfter: nullable(instant),
  fallbackChannels: fc.array(fc.constantFrom('manual', 'document', 'email'), { maxLength: 3 }),
  status: fc.constantFrom('pending', 'sending', 'sent', 'dead'),
  version: fc.integer({ min: 1, max: 50 }),
  dueAt: nullable(instant),
  leaseOwner: nullable(fc.constantFrom('deliverer-1', 'deliverer-2')),
  attempts: fc.nat({ max: 20 }),
  providerMessageId: nullable(fc.string({ minLength: 1, maxLength: 30 })),
  lastError: nullable(fc.string({ maxLength: 60 })),
});

/**
 * Audit details as storage hands them back. JSON text has no negative zero (`JSON.stringify(-0)`
 * is `"0"`, and the audit hash is taken over canonical JSON, where -0 is `0` too), so no stored
 * event holds -0; `fc.jsonValue` does generate it, because `JSON.parse('-0')` is -0.
 */
const storedDetailValue = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as fc.JsonValue);

export const auditEvent: fc.Arbitrary<AuditEvent> = fc.record({
  tenantId,
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  id,
  at: instant,
  actor: fc.record({ role: fc.constantFrom('departmentOfficer', 'teamLead', 'system'), id }),
  action: fc.constantFrom('campaign.issue', 'visit.start', 'minutes.sign'),
  subject: fc.record({ collection: fc.constantFrom('campaigns', 'visits', 'minutes'), id }),
  details: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), storedDetailValue, { maxKeys: 4 }),
  prevHash: hash,
  hash,
});

const documentTypeCode = fc.constantFrom<DocumentTypeCode>('KH', 'QĐ', 'BB', 'BC', 'TB', 'CV', 'GM', 'TTr');

export const documentNumber: fc.Arbitrary<DocumentNumber> = fc
  .record({ tenantId, issuingBodyId: id, typeCode: documentTypeCode, number: fc.integer({ min: 1, max: 9999 }), body: symbolPart, issuedOn: civilDate, subjectId: id })
  .map(({ body, ...d }) => ({ ...d, year: Number(d.issuedOn.slice(0, 4)), numberSymbol: formatNumberSymbol(d.number, d.typeCode, body) }));

/** One valid-entity arbitrary per entity, with the schema it must pass. */
export const VALID_ENTITIES: Record<string, { schema: z.ZodType; arb: fc.Arbitrary<unknown> }> = {
  Tenant: { schema: TenantSchema, arb: tenant },
  AdminUnit: { schema: AdminUnitSchema, arb: adminUnit },
  Organization: { schema: OrganizationSchema, arb: organization },
  Person: { schema: PersonSchema, arb: person },
  Campaign: { schema: CampaignSchema, arb: campaign },
  NominationRequest: { schema: NominationRequestSchema, arb: nominationRequest },
  Nomination: { schema: NominationSchema, arb: nomination },
  Team: { schema: TeamSchema, arb: team },
  Target: { schema: TargetSchema, arb: target },
  LocationQrPoint: { schema: LocationQrPointSchema, arb: locationQrPoint(id) },
  PortalStatistics: { schema: PortalStatisticsSchema, arb: portalStatistics },
  Visit: { schema: VisitSchema, arb: visit },
  Finding: { schema: FindingSchema, arb: finding },
  Minutes: { schema: MinutesSchema, arb: minutes },
  Report: { schema: ReportSchema, arb: report },
  ResultNotice: { schema: ResultNoticeSchema, arb: resultNotice },
  RemediationAction: { schema: RemediationActionSchema, arb: remediationAction },
  Notification: { schema: NotificationSchema, arb: notification },
  AuditEvent: { schema: AuditEventSchema, arb: auditEvent },
  DocumentNumber: { schema: DocumentNumberSchema, arb: documentNumber },
  DocumentReference: { schema: DocumentReferenceSchema, arb: documentReference },
  Signer: { schema: SignerSchema, arb: signer },
};
