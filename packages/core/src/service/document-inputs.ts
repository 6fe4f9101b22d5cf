import type { Campaign, PlanNarrative } from '../entities/campaign.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { DocumentReference } from '../entities/document-reference.js';
import type { Evidence } from '../entities/evidence.js';
import type { Organization } from '../entities/organization.js';
import type { Person } from '../entities/person.js';
import type { TeamMember } from '../entities/team.js';
import type { DocumentIssuerInput } from '../documents/builders/inputs/document-issuer-input.js';
import type { DocumentSignerInput } from '../documents/builders/inputs/document-signer-input.js';
import type { LegalReferenceInput } from '../documents/builders/inputs/legal-reference-input.js';
import type { DocumentTeamMemberInput } from '../documents/builders/inputs/team-member-input.js';
import type { PlanDocumentInput } from '../documents/builders/plan-document-input.js';
import { formatShortDate } from '../text/decree30-date.js';

/** The pieces every document of a campaign shares, resolved from the directory. */
export interface CampaignDocumentContext {
  campaign: Campaign;
  issuingBody: Organization;
  parentBody: Organization | null;
  placeName: string;
  planNumberSymbol: string | null;
  /** Names of the directory's bodies by id (for copies: e.g. the Department of Health). */
  bodyNames?: ReadonlyMap<string, string>;
}

/** The issuer block: parent body, issuing body, its code, and the place of the date line. */
export function issuerInput(c: CampaignDocumentContext): DocumentIssuerInput {
  return {
    parentBody: c.parentBody?.upperName ?? null,
    name: c.issuingBody.upperName,
    nameInText: c.issuingBody.name,
    code: c.issuingBody.abbreviation ?? c.issuingBody.id.toUpperCase(),
    place: c.placeName,
  };
}

/** The campaign's signer as a document signer ("KT." + "GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name). */
export function signerInput(campaign: Campaign): DocumentSignerInput {
  const s = campaign.signer;
  return s.authority === null
    ? { authority: null, authorityOf: null, position: s.position, fullName: s.fullName }
    : { authority: `${s.authority}.` as DocumentSignerInput['authority'], authorityOf: s.headTitle, position: s.position, fullName: s.fullName };
}

/** "Nơi nhận" from the campaign's recipients, ending "- Lưu: VT, <archive code>." */
export function recipientsInput(campaign: Campaign, extra: string[] = []): { entries: string[]; archive: string[] } {
  return {
    entries: [...extra, ...campaign.recipients.map((r) => (r.note ? `${r.name} (${r.note})` : r.name))],
    archive: ['VT', campaign.archiveCode],
  };
}

/** A cited document as a legal reference ("Văn bản số 7641/UBND-VX1 ngày 12/11/2021 của UBND tỉnh về việc …"). */
export function legalReference(ref: DocumentReference): LegalReferenceInput {
  const subject = ref.summary.replace(/^về việc\s+/u, '');
  return { documentType: ref.kindVi, number: ref.numberSymbol, date: ref.issuedOn, issuer: ref.issuer, subject };
}

/** The plan itself as a reference, for minutes and notices ("Kế hoạch số 01/KH-STTTT ngày 26/11/2021 …"). */
export function planReference(c: CampaignDocumentContext): LegalReferenceInput {
  return {
    documentType: 'Kế hoạch',
    number: c.planNumberSymbol,
    date: c.campaign.issuedOn,
    issuer: c.issuingBody.name,
    subject: c.campaign.title.charAt(0).toLowerCase() + c.campaign.title.slice(1),
    // "Kế hoạch … về kiểm tra việc …", not "về việc kiểm tra việc …".
    subjectConnector: /^kiểm tra\s/iu.test(c.campaign.title) ? 'về' : 'về việc',
  };
}

/** The plan's narrative: the campaign's own, or derived from its checklist and fields. */
export function planNarrative(c: CampaignDocumentContext, template: ChecklistTemplate, bodies: { lead: string[]; coordinating: string[] }): PlanNarrative {
  if (c.campaign.planNarrative) return c.campaign.planNarrative;
  const { period, form, nomination } = c.campaign;
  return {
    planSubject: c.campaign.title.charAt(0).toLowerCase() + c.campaign.title.slice(1),
    contentItems: template.sections.map((s) => ({ title: s.title.vi, details: s.items.map((i) => ({ text: `${i.label.vi};`, style: 'bullet' as const })) })),
    schedule: { time: `Từ ngày ${formatShortDate(period.from)} đến ngày ${formatShortDate(period.to)}.`, places: 'Các cơ quan, đơn vị, địa điểm trong phạm vi kiểm tra.', form },
    team: {
      lead: bodies.lead.join(', '),
      coordinating: bodies.coordinating.join('; ') || 'Không',
      nomination: nomination.bodyIds.length > 0 ? { bodies: bodies.coordinating.join('; '), deadline: nomination.deadline } : null,
    },
    implementation: [{ party: c.issuingBody.name, tasks: ['Thành lập Tổ kiểm tra, tổ chức kiểm tra và báo cáo kết quả theo Kế hoạch này.'], text: null }],
    closingRequest: 'Đề nghị các cơ quan, đơn vị liên quan phối hợp thực hiện./.',
  };
}

/** The plan (KH) input. */
export function planInput(c: CampaignDocumentContext, narrative: PlanNarrative): PlanDocumentInput {
  return {
    issuer: issuerInput(c),
    number: c.campaign.number,
    date: c.campaign.issuedOn,
    summary: c.campaign.title,
    implementing: c.campaign.legalBasis.map(legalReference),
    purposes: c.campaign.purposes,
    ...narrative,
    recipients: recipientsInput(c.campaign),
    signer: signerInput(c.campaign),
  };
}

/** Team members as documents list them (name, position, body, role). */
export function teamMemberInputs(members: readonly TeamMember[], people: ReadonlyMap<string, Person>, bodies: ReadonlyMap<string, Organization>): DocumentTeamMemberInput[] {
  return members.map((m) => ({
    fullName: people.get(m.personId)?.fullName ?? m.personId,
    position: people.get(m.personId)?.position ?? '',
    organization: bodies.get(m.organizationId)?.name ?? m.organizationId,
    role: m.role,
  }));
}

/** One line per piece of evidence, as the minutes cite it. */
export function evidenceLine(e: Evidence): string {
  switch (e.kind) {
    case 'document':
      return `Văn bản số ${e.numberSymbol} ngày ${formatShortDate(e.issuedOn)} của ${e.issuer} ${e.summary}`;
    case 'photo':
      return `Ảnh chụp: ${e.caption}`;
    case 'screenshot':
      return `Ảnh chụp màn hình: ${e.caption}`;
    case 'count':
      return `${e.what}: ${e.value}`;
  }
}

/** The number part of "05/KH-STTTT", or null. */
export function numberOf(numberSymbol: string | null | undefined): number | null {
  const n = numberSymbol ? Number.parseInt(numberSymbol.split('/')[0] ?? '', 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}
