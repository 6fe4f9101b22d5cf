import { z } from 'zod';
import { buildMinutesDocument } from '../../documents/builders/build-minutes-document.js';
import { buildPlanDocument } from '../../documents/builders/build-plan-document.js';
import { buildReminderLetterDocument } from '../../documents/builders/build-reminder-letter-document.js';
import { buildResultNoticeDocument } from '../../documents/builders/build-result-notice-document.js';
import { buildResultsReportDocument } from '../../documents/builders/build-results-report-document.js';
import { buildTeamDecisionDocument } from '../../documents/builders/build-team-decision-document.js';
import { buildSanctionProposalDocument } from '../../documents/builders/build-sanction-proposal-document.js';
import type { OfficialDocument } from '../../documents/model/official-document.js';
import { OrganizationSchema, type Organization } from '../../entities/organization.js';
import { PersonSchema, type Person } from '../../entities/person.js';
import { CivilDateSchema, IdSchema } from '../../entities/primitives.js';
import { TargetSchema, type Target } from '../../entities/target.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import { InvalidTransitionError } from '../../errors/invalid-transition-error.js';
import type { Actor } from '../../policy/roles.js';
import { defineQuery } from '../define-command.js';
import { READERS } from './command-roles.js';
import { CONTACT_ROLES, canSeeCampaignWide, canSeeVisit, maskContact } from '../../policy/visibility.js';
import { issuerInput, planInput, planNarrative, signerInput, teamMemberInputs, numberOf, type CampaignDocumentContext } from '../document-inputs.js';
import { COLLECTIONS, RemediationRecordSchema, VisitRecordSchema, legacyNoticesByVisit, noticeOf, stateOf, visitVisibilityFacts, type CampaignRecord } from '../records.js';
import { reportInput, reportPortalUnits } from '../report-input.js';
import { loadPortalFigures } from '../portal-figures.js';
import { load, loadAll, templateFor, type ServiceContext } from '../service-context.js';
import { CallSheetEntrySchema } from '../call-sheet.js';
import { buildCallSheetDocument } from '../../documents/builders/build-call-sheet-document.js';
import { civilDateOf, civilTimeOf } from '../../text/civil-date.js';
import { formatShortDate } from '../../text/decree30-date.js';
import { stripEnd } from '../../documents/internal/vietnamese.js';
import {
  INSPECTORATE_DRAFTING_UNIT,
  minutesInput,
  minutesNumber,
  minutesPortalUnit,
  noticeInput,
  reminderInput,
  sanctionProposalInput,
  teamDecisionBasis,
} from '../visit-document-inputs.js';
import type { VisitRecord } from '../records.js';
import { loadCampaign, loadVisit } from './command-common.js';

/** Which document to build. */
export const DocumentRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan'), campaignId: IdSchema }),
  z.strictObject({ kind: z.literal('teamDecision'), campaignId: IdSchema }),
  z.strictObject({ kind: z.literal('report'), campaignId: IdSchema }),
  z.strictObject({ kind: z.literal('minutes'), visitId: IdSchema }),
  z.strictObject({ kind: z.literal('notice'), visitId: IdSchema }),
  z.strictObject({ kind: z.literal('reminder'), remediationId: IdSchema, index: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('sanctionProposal'), remediationId: IdSchema }),
  /** The manual channel's call sheet of a campaign, dated `date` (default: its latest entry): leadership and the secretary only. */
  z.strictObject({ kind: z.literal('callSheet'), campaignId: IdSchema, date: CivilDateSchema.optional() }),
]);
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

/** A document that exists for a campaign, with a file-name stem. */
export interface DocumentListing {
  ref: DocumentRef;
  /** e.g. `KH-01-ke-hoach`, `BB-visit-03` */
  fileStem: string;
  titleVi: string;
}

const SETTLED = new Set(['reviewed', 'closed']);
/** The Vietnamese half of a bilingual message text ("… / …"). */
const vietnameseHalf = (text: string): string => text.split(' / ')[0] ?? text;
/** Who may print the call sheet (it holds phone numbers): leadership and the secretary. */
const CALL_SHEET_ROLES: readonly string[] = CONTACT_ROLES;

const directory = async (ctx: ServiceContext) => ({
  bodies: new Map((await loadAll(ctx, { collection: COLLECTIONS.organizations }, OrganizationSchema)).map((o) => [o.id, o.data] as [string, Organization])),
  people: new Map((await loadAll(ctx, { collection: COLLECTIONS.people }, PersonSchema)).map((p) => [p.id, p.data] as [string, Person])),
});
const contextOf = (ctx: ServiceContext, record: CampaignRecord, bodies: ReadonlyMap<string, Organization>): CampaignDocumentContext => {
  const issuingBody = bodies.get(record.campaign.issuingBodyId);
  if (!issuingBody) throw new NotFoundError({ collection: COLLECTIONS.organizations, id: record.campaign.issuingBodyId });
  return {
    campaign: record.campaign,
    issuingBody,
    parentBody: record.campaign.parentBodyId ? (bodies.get(record.campaign.parentBodyId) ?? null) : null,
    placeName: ctx.tenant.placeName,
    planNumberSymbol: record.planNumberSymbol,
    bodyNames: new Map([...bodies].map(([id, o]) => [id, o.name] as [string, string])),
  };
};
const notYet = (what: string, state: string) =>
  new InvalidTransitionError({
    machineId: 'document',
    state,
    event: `document.${what}`,
    reasonVi: 'văn bản chưa có ở bước này',
    reasonEn: 'this document does not exist yet at this step',
  });
const target = async (ctx: ServiceContext, id: string): Promise<Target> => (await load(ctx, COLLECTIONS.targets, id, TargetSchema)).data;
/** The head of a unit of the Department as Điều 3 names them: "Chánh Thanh tra Sở", "Trưởng phòng Công nghệ thông tin". */
const headOf = (name: string): string =>
  /^(Thanh tra|Văn phòng)/u.test(name) ? `Chánh ${name}` : /^Phòng /u.test(name) ? `Trưởng ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `Thủ trưởng ${name}`;
/** Every visit of a campaign (to number the minutes in the order the visits started). */
const campaignVisits = async (ctx: ServiceContext, campaignId: string): Promise<VisitRecord[]> =>
  (await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId } }, VisitRecordSchema)).map((v) => v.data);

/**
 * The documents of the campaign as a whole — the plan, the team decision, the results report
 * (which names every unit inspected and its result) — are refused to an actor who may not see
 * the campaign as a whole (`canSeeCampaignWide`: a target's representative), with the error a
 * visit one may not see gets: `NOT_FOUND`, before anything is loaded, so the refusal says
 * nothing about whether the document exists yet.
 */
const CAMPAIGN_WIDE_KINDS: ReadonlySet<DocumentRef['kind']> = new Set(['plan', 'teamDecision', 'report']);

/** Builds one document from what is stored (Decree 30/2020 model), for what the actor may see. */
async function build(ctx: ServiceContext, ref: DocumentRef, actorRole: Actor): Promise<OfficialDocument> {
  if (CAMPAIGN_WIDE_KINDS.has(ref.kind) && !canSeeCampaignWide(actorRole)) {
    throw new NotFoundError({ collection: 'documents', id: `${ref.kind}:${'campaignId' in ref ? ref.campaignId : ''}` });
  }
  const { bodies, people } = await directory(ctx);
  const visitOf = async (visitId: string) => {
    const v = await loadVisit(ctx, visitId);
    if (!canSeeVisit(actorRole, visitVisibilityFacts(v.data))) throw new NotFoundError({ collection: COLLECTIONS.visits, id: visitId });
    const campaign = (await loadCampaign(ctx, v.data.visit.campaignId)).data;
    return { visit: v.data, campaign, c: contextOf(ctx, campaign, bodies), template: templateFor(ctx, v.data.visit.checklist) };
  };
  switch (ref.kind) {
    case 'plan': {
      const record = (await loadCampaign(ctx, ref.campaignId)).data;
      const c = contextOf(ctx, record, bodies);
      const names = (ids: string[]) => ids.map((id) => bodies.get(id)?.name ?? id);
      return buildPlanDocument(
        planInput(
          c,
          planNarrative(c, templateFor(ctx, record.campaign.checklist), { lead: names(record.campaign.leadBodyIds), coordinating: names(record.campaign.nomination.bodyIds) }),
        ),
      );
    }
    case 'teamDecision': {
      const record = (await loadCampaign(ctx, ref.campaignId)).data;
      if (!record.team || !record.teamDecidedOn) throw notYet('teamDecision', stateOf(record.lifecycle));
      const c = contextOf(ctx, record, bodies);
      const lead = record.team.members.find((m) => m.role === 'lead');
      const leadPosition = lead ? people.get(lead.personId)?.position : undefined;
      const health = record.team.members.find((m) => m.source === 'health');
      const healthName = health ? bodies.get(health.organizationId)?.name : undefined;
      const heads = record.campaign.leadBodyIds.map((id) => headOf(bodies.get(id)?.name ?? id));
      return buildTeamDecisionDocument({
        issuer: issuerInput(c),
        number: numberOf(record.teamDecisionNumberSymbol),
        date: record.teamDecidedOn,
        subject: `${record.team.name} ${record.campaign.title.charAt(0).toLowerCase()}${record.campaign.title.slice(1)}`,
        decider: `GIÁM ĐỐC ${c.issuingBody.upperName}`,
        basis: teamDecisionBasis(c),
        proposer: leadPosition ?? 'Chánh Thanh tra Sở',
        members: teamMemberInputs(record.team.members, people, bodies),
        duties: [
          `Kiểm tra theo Kế hoạch số ${record.planNumberSymbol ?? '…'} tại các cơ quan, đơn vị, địa điểm; hình thức kiểm tra: ${record.campaign.form === 'unannounced' ? 'đột xuất' : 'theo kế hoạch'}`,
          'Lập biên bản kiểm tra tại từng đơn vị; tổng hợp, báo cáo kết quả về Giám đốc Sở',
        ],
        period: record.campaign.period,
        executors: [...new Set([...heads, 'Chánh Văn phòng Sở'])],
        recipients: { entries: ['Như Điều 3', 'Lãnh đạo Sở', ...(healthName ? [healthName] : [])], archive: ['VT', INSPECTORATE_DRAFTING_UNIT] },
        signer: signerInput(record.campaign),
      });
    }
    case 'report': {
      const record = (await loadCampaign(ctx, ref.campaignId)).data;
      if (!record.report) throw notYet('report', stateOf(record.lifecycle));
      const visits = (await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId: ref.campaignId }, orderBy: { field: 'scheduledOn' } }, VisitRecordSchema))
        .map((v) => v.data)
        .filter((v) => SETTLED.has(stateOf(v.lifecycle)));
      const targets = new Map<string, Target>();
      for (const v of visits) targets.set(v.visit.targetId, await target(ctx, v.visit.targetId));
      const addressee = bodies.get(record.report.addressedToOrganizationId)?.name ?? record.report.addressedToOrganizationId;
      const portal = await loadPortalFigures(ctx, record.campaign.period, record.report.issuedOn, reportPortalUnits(visits));
      return buildResultsReportDocument(
        reportInput(contextOf(ctx, record, bodies), record, visits, targets, templateFor(ctx, record.campaign.checklist), ctx.adminUnits, addressee, portal),
      );
    }
    case 'minutes': {
      const { visit, campaign, c, template } = await visitOf(ref.visitId);
      if (!visit.minutes) throw notYet('minutes', stateOf(visit.lifecycle));
      const number = minutesNumber(visit, await campaignVisits(ctx, visit.visit.campaignId));
      const unit = minutesPortalUnit(visit);
      const portal = await loadPortalFigures(ctx, campaign.campaign.period, unit.date, unit.units);
      return buildMinutesDocument(minutesInput(c, campaign, visit, await target(ctx, visit.visit.targetId), template, people, bodies, number, portal));
    }
    case 'notice': {
      const { visit, campaign, c, template } = await visitOf(ref.visitId);
      const notice = noticeOf(visit, legacyNoticesByVisit(campaign));
      if (!notice) throw notYet('notice', stateOf(visit.lifecycle));
      return buildResultNoticeDocument(noticeInput(c, campaign, notice, visit, await target(ctx, visit.visit.targetId), template, bodies));
    }
    case 'reminder': {
      const rem = (await load(ctx, COLLECTIONS.remediations, ref.remediationId, RemediationRecordSchema)).data;
      // Whether the actor may see the visit is decided first: nothing about another unit's follow-up leaks.
      const { visit, campaign, c, template } = await visitOf(rem.action.visitId);
      if (!rem.action.reminders[ref.index]) throw new NotFoundError({ collection: 'reminders', id: `${ref.remediationId}#${ref.index}` });
      const number = minutesNumber(visit, await campaignVisits(ctx, visit.visit.campaignId));
      return buildReminderLetterDocument(reminderInput(c, campaign, rem.action, ref.index, visit, await target(ctx, rem.action.targetId), template, number));
    }
    case 'callSheet': {
      if (!CALL_SHEET_ROLES.includes(actorRole.role)) throw new NotFoundError({ collection: 'documents', id: `callSheet:${ref.campaignId}` });
      const record = (await loadCampaign(ctx, ref.campaignId)).data;
      const c = contextOf(ctx, record, bodies);
      const entries = await loadAll(ctx, { collection: COLLECTIONS.callSheet, where: { campaignId: ref.campaignId }, orderBy: { field: 'handedAt' } }, CallSheetEntrySchema);
      const at = (instant: string) => `${civilTimeOf(instant)} ${formatShortDate(civilDateOf(instant))}`;
      const MEANS = { phone: 'điện thoại', document: 'văn bản', in_person: 'trực tiếp' } as const;
      return buildCallSheetDocument({
        issuer: issuerInput(c),
        // As of its latest entry, so the same sheet prints the same on any day; today when empty.
        date: ref.date ?? civilDateOf(entries.map((e) => e.data.acknowledgement?.answeredAt ?? e.data.handedAt).reduce((a, b) => (a > b ? a : b), '') || ctx.clock.now()),
        subject: record.campaign.title.charAt(0).toLowerCase() + record.campaign.title.slice(1),
        lines: entries.map(({ data: e }) => {
          const person = people.get(e.recipient.id);
          const body = bodies.get(e.recipient.organizationId ?? e.recipient.id);
          const who = person
            ? `${person.fullName} — ${person.position}${bodies.get(person.organizationId) ? `, ${bodies.get(person.organizationId)?.name}` : ''}`
            : (body?.name ?? e.recipient.id);
          const ack = e.acknowledgement;
          return {
            recipient: who,
            phone: maskContact(person?.contact ?? null, actorRole.role)?.phone ?? null,
            // A document is in Vietnamese: the messages' English halves stay in the messages.
            say: `${stripEnd(vietnameseHalf(e.subject))}. ${vietnameseHalf(e.body)}`,
            handed: at(e.handedAt),
            acknowledged: ack === null ? null : `${ack.answeredBy}, ${at(ack.answeredAt)} (${MEANS[ack.means]})${ack.note ? `; ${ack.note}` : ''}`,
          };
        }),
      });
    }
    case 'sanctionProposal': {
      const rem = (await load(ctx, COLLECTIONS.remediations, ref.remediationId, RemediationRecordSchema)).data;
      const { visit, campaign, c, template } = await visitOf(rem.action.visitId);
      if (!rem.action.sanctionProposal) throw notYet('sanctionProposal', stateOf(rem.lifecycle));
      const number = minutesNumber(visit, await campaignVisits(ctx, visit.visit.campaignId));
      return buildSanctionProposalDocument(sanctionProposalInput(c, campaign, rem.action, visit, await target(ctx, rem.action.targetId), template, number));
    }
  }
}

/** Builds one official document from what is stored (only what the actor may see). */
export const getDocument = defineQuery({
  name: 'document.get',
  summary: { vi: 'Dựng một văn bản (thể thức Nghị định 30/2020) từ dữ liệu đã lưu', en: 'Builds one official document (Decree 30/2020 model) from what is stored' },
  input: DocumentRefSchema,
  roles: READERS,
  errors: ['NOT_FOUND', 'INVALID_TRANSITION'],
  run: (ctx, actor, ref): Promise<OfficialDocument> => build(ctx, ref, actor),
});

/**
 * Every document a campaign has so far that the actor may see, in the order they were issued. A
 * target's representative gets only their own unit's: its minutes, its notice, the reminders and
 * the letter proposing a sanction about it — never the plan, the team decision or the report.
 */
export const listDocuments = defineQuery({
  name: 'documents.list',
  summary: { vi: 'Danh sách văn bản của đợt kiểm tra', en: 'Every document a campaign has so far, in the order they were issued' },
  input: z.strictObject({ campaignId: IdSchema }),
  roles: READERS,
  errors: ['NOT_FOUND'],
  async run(ctx, actor, { campaignId }): Promise<DocumentListing[]> {
    const record = (await loadCampaign(ctx, campaignId)).data;
    const wide = canSeeCampaignWide(actor);
    const out: DocumentListing[] = wide ? [{ ref: { kind: 'plan', campaignId }, fileStem: 'KH-ke-hoach', titleVi: 'Kế hoạch kiểm tra' }] : [];
    if (wide && record.teamDecidedOn) out.push({ ref: { kind: 'teamDecision', campaignId }, fileStem: 'QD-thanh-lap-to-kiem-tra', titleVi: 'Quyết định thành lập Tổ kiểm tra' });
    const visits = await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId }, orderBy: { field: 'scheduledOn' } }, VisitRecordSchema);
    const legacy = legacyNoticesByVisit(record);
    const noticed: string[] = [];
    const visible = new Set<string>();
    for (const v of visits) {
      if (!canSeeVisit(actor, visitVisibilityFacts(v.data))) continue;
      visible.add(v.id);
      if (v.data.minutes) out.push({ ref: { kind: 'minutes', visitId: v.id }, fileStem: `BB-${v.id}`, titleVi: 'Biên bản kiểm tra' });
      if (noticeOf(v.data, legacy)) noticed.push(v.id);
    }
    if (
      CALL_SHEET_ROLES.includes(actor.role) &&
      (await ctx.storage.query({ collection: COLLECTIONS.callSheet, tenantId: ctx.tenant.id, where: { campaignId }, limit: 1 })).items.length > 0
    ) {
      out.push({ ref: { kind: 'callSheet', campaignId }, fileStem: 'DS-lien-he-thong-bao', titleVi: 'Danh sách liên hệ thông báo (phiếu gọi)' });
    }
    if (wide && record.report) out.push({ ref: { kind: 'report', campaignId }, fileStem: 'BC-bao-cao-ket-qua', titleVi: 'Báo cáo kết quả kiểm tra' });
    // Notices in the order they were numbered: `reporting.begin` numbers them by visit id.
    noticed.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const visitId of noticed) out.push({ ref: { kind: 'notice', visitId }, fileStem: `TB-${visitId}`, titleVi: 'Thông báo kết quả kiểm tra' });
    for (const r of await loadAll(ctx, { collection: COLLECTIONS.remediations, where: { campaignId } }, RemediationRecordSchema)) {
      // The letters about a unit go with its visit: whoever may see the visit may see them.
      if (!visible.has(r.data.action.visitId)) continue;
      r.data.action.reminders.forEach((_, index) =>
        out.push({ ref: { kind: 'reminder', remediationId: r.id, index }, fileStem: `CV-nhac-nho-${r.id}-${index + 1}`, titleVi: 'Công văn nhắc nhở' }),
      );
      if (r.data.action.sanctionProposal) {
        out.push({ ref: { kind: 'sanctionProposal', remediationId: r.id }, fileStem: `CV-de-nghi-xu-ly-${r.id}`, titleVi: 'Công văn đề nghị xử lý vi phạm' });
      }
    }
    return out;
  },
});
