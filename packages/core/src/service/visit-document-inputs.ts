import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { Organization } from '../entities/organization.js';
import type { Person } from '../entities/person.js';
import type { RemediationAction } from '../entities/remediation-action.js';
import type { ResultNotice } from '../entities/result-notice.js';
import type { Target } from '../entities/target.js';
import type { LegalReferenceInput } from '../documents/builders/inputs/legal-reference-input.js';
import type { MinutesDocumentInput } from '../documents/builders/minutes-document-input.js';
import type { ReminderLetterDocumentInput } from '../documents/builders/reminder-letter-document-input.js';
import type { ResultNoticeDocumentInput } from '../documents/builders/result-notice-document-input.js';
import type { SanctionProposalDocumentInput } from '../documents/builders/sanction-proposal-document-input.js';
import { findingsConclusion } from '../documents/builders/build-minutes-document.js';
import { MINUTES_REMEDY_DAYS, answerFigures, noticeDeadline, reminderDeadline, remedyRequests } from '../documents/internal/visit-facts.js';
import { stripEnd } from '../documents/internal/vietnamese.js';
import { addCivilDays, civilDateOf, civilTimeOf } from '../text/civil-date.js';
import { formatShortDate } from '../text/decree30-date.js';
import { evidenceLine, issuerInput, legalReference, numberOf, planReference, signerInput, teamMemberInputs, type CampaignDocumentContext } from './document-inputs.js';
import type { CampaignRecord, VisitRecord } from './records.js';
import type { PortalFigures, PortalFiguresUnit } from './portal-figures.js';

const SCOPE = 'việc triển khai hệ thống PC-Covid và quét mã QR';

/** The Inspectorate's abbreviation as drafting unit: the symbol of its letters ("…/STTTT-TTr") and their "Lưu: VT, TTr.". */
export const INSPECTORATE_DRAFTING_UNIT = 'TTr';

/** Each checklist item's section and Vietnamese label, by item id. */
export function itemIndex(template: ChecklistTemplate) {
  const items = new Map<string, { section: string; label: string }>();
  for (const s of template.sections) for (const i of s.items) items.set(i.id, { section: s.id, label: i.label.vi });
  return items;
}

/** The teams' own header for minutes (Decree 30 Mẫu 1.9: the team issues them under the Department). */
function teamIssuer(c: CampaignDocumentContext, teamName: string) {
  const base = issuerInput(c);
  return { parentBody: base.name, name: teamName.toUpperCase(), nameInText: teamName, code: 'TKT', place: base.place };
}

/** The visit's findings with the label, figures and evidence of each item (what every document of the visit prints). */
function visitFindings(visit: VisitRecord, template: ChecklistTemplate) {
  const items = itemIndex(template);
  const answers = visit.response?.answers ?? {};
  return (visit.minutes?.findings ?? []).map((f) => ({
    section: items.get(f.itemId)?.section ?? template.sections[0]?.id ?? 'a',
    itemCode: f.itemId,
    itemId: f.itemId,
    label: items.get(f.itemId)?.label ?? f.itemId,
    verdict: f.verdict,
    note: f.note,
    figures: answerFigures(template, f.itemId, answers[f.itemId]),
    evidence: (answers[f.itemId]?.evidence ?? []).map(evidenceLine),
  }));
}

/** What the minutes ask of the unit: the requests the team wrote, else one per "Chưa đạt" item, due 14 days after the visit. */
export function visitRequests(visit: VisitRecord, template: ChecklistTemplate): { text: string; dueOn: string }[] {
  const m = visit.minutes;
  if (!m) return [];
  if (m.requests.length > 0) return m.requests;
  return remedyRequests(visitFindings(visit, template), visit.response?.answers ?? {}, addCivilDays(civilDateOf(m.endedAt), MINUTES_REMEDY_DAYS));
}

/** The shortcomings of a visit as letters list them: "<item>: <what was seen> (Số liệu: …)". */
export function visitIssues(visit: VisitRecord, template: ChecklistTemplate): string[] {
  return visitFindings(visit, template)
    .filter((f) => f.verdict === 'not_met')
    .map((f) => `${stripEnd(f.label)}: ${stripEnd(f.note ?? 'Chưa đạt')}${f.figures.length > 0 ? ` (số liệu: ${f.figures.join('; ')})` : ''}`);
}

/** The number the team gives the minutes of `visit` among the campaign's visits (1, 2 … in the order they started). */
export function minutesNumber(visit: VisitRecord, all: readonly VisitRecord[]): number | null {
  const withMinutes = all.filter((v) => v.minutes !== null).sort((a, b) => (a.minutes!.startedAt + a.visit.id < b.minutes!.startedAt + b.visit.id ? -1 : 1));
  const i = withMinutes.findIndex((v) => v.visit.id === visit.visit.id);
  return i < 0 ? null : i + 1;
}

/** The minutes of a visit as later documents cite them. */
function minutesReference(campaign: CampaignRecord, visit: VisitRecord, number: number | null): LegalReferenceInput {
  return {
    documentType: 'Biên bản kiểm tra',
    number: number === null ? null : `${String(number).padStart(2, '0')}/BB-TKT`,
    date: civilDateOf(visit.minutes?.endedAt ?? visit.visit.startedAt ?? visit.visit.scheduledOn),
    issuer: campaign.team?.name ?? 'Tổ kiểm tra',
    subject: null,
  };
}

/** The Department of Health of the team (its health member's body), if any. */
function healthBody(campaign: CampaignRecord, bodies: ReadonlyMap<string, Organization>): Organization | null {
  const m = campaign.team?.members.find((t) => t.source === 'health');
  return m ? (bodies.get(m.organizationId) ?? null) : null;
}

/** The portal's figures of the visit's unit as the minutes print them; `null`: none. */
function minutesPortal(portal: PortalFigures | null, targetId: string) {
  const unit = portal?.units.get(targetId);
  return portal && unit ? { ...unit, period: portal.period } : null;
}

/**
 * The visit's unit as the minutes' portal figures count it (`loadPortalFigures`), and the date
 * the figures stop at: the day the minutes were drawn up.
 */
export function minutesPortalUnit(visit: VisitRecord): { date: string; units: PortalFiguresUnit[] } {
  return {
    date: civilDateOf(visit.minutes?.endedAt ?? visit.visit.startedAt ?? visit.visit.scheduledOn),
    units: [{ targetId: visit.visit.targetId, districtCode: visit.visit.districtCode, compliant: visit.verdict === 'compliant' }],
  };
}

/** The minutes (BB) of a visit, from its record: numbered, both sides, findings with figures, conclusion, every signature. */
export function minutesInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
  people: ReadonlyMap<string, Person>,
  bodies: ReadonlyMap<string, Organization>,
  number: number | null = null,
  portal: PortalFigures | null = null,
): MinutesDocumentInput {
  const m = visit.minutes!;
  const members = (campaign.team?.members ?? []).filter((t) => visit.visit.memberIds.includes(t.personId));
  const teamName = campaign.team?.name ?? 'Tổ kiểm tra';
  const basis: LegalReferenceInput[] = [planReference(c)];
  if (campaign.teamDecisionNumberSymbol) {
    basis.push({
      documentType: 'Quyết định',
      number: campaign.teamDecisionNumberSymbol,
      date: campaign.teamDecidedOn,
      issuer: `Giám đốc ${c.issuingBody.name}`,
      subject: `thành lập ${teamName}`,
      subjectConnector: 'về việc',
    });
  }
  const witness = m.refusal && m.representatives[1] ? { ...m.representatives[1], organization: target.name } : null;
  return {
    issuer: teamIssuer(c, teamName),
    number,
    showNumber: true,
    subject: `Kiểm tra ${SCOPE}`,
    unit: { name: target.name, address: target.address },
    start: { date: civilDateOf(m.startedAt), time: civilTimeOf(m.startedAt) },
    end: { date: civilDateOf(m.endedAt), time: civilTimeOf(m.endedAt) },
    basis,
    team: teamMemberInputs(members, people, bodies),
    unitRepresentatives: m.representatives.map((r) => ({ fullName: r.fullName, position: r.position })),
    sections: template.sections.map((s) => ({ code: s.id, title: s.title.vi })),
    findings: visitFindings(visit, template).map(({ section, itemCode, label, verdict, note, figures, evidence }) => ({
      section,
      itemCode,
      label,
      verdict,
      note,
      figures,
      evidence,
    })),
    portal: minutesPortal(portal, visit.visit.targetId),
    unitExplanation: m.explanation,
    assessment: m.assessment,
    requests: visitRequests(visit, template).map((r) => ({ text: r.text, deadline: r.dueOn })),
    refusal: m.refusal ? { reason: m.refusal.reason } : null,
    witness,
  };
}

/** The results notice (TB) to one inspected unit: `notice` is the visit's own (see `noticeOf` — stored on the visit record, or on the campaign record by earlier versions). */
export function noticeInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  notice: ResultNotice,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
  bodies: ReadonlyMap<string, Organization> = new Map(),
): ResultNoticeDocumentInput {
  const findings = visitFindings(visit, template).map(({ itemCode, label, verdict, note, figures }) => ({ itemCode, label, verdict, note, figures }));
  const stored = visitRequests(visit, template);
  const latest =
    stored
      .map((r) => r.dueOn)
      .sort()
      .at(-1) ?? null;
  // A notice never requires a remedy by a date it has already passed: the deadline follows its own date.
  const deadline = noticeDeadline(notice.issuedOn, latest);
  const requests = stored.map((r) => ({ text: r.text, deadline: r.dueOn > notice.issuedOn ? r.dueOn : deadline }));
  const inspectedOn = civilDateOf(visit.visit.startedAt ?? notice.issuedOn);
  const directive = c.campaign.legalBasis[0];
  const byDirective = directive
    ? ` theo chỉ đạo của ${directive.issuer} tại ${directive.kindVi} số ${directive.numberSymbol} ngày ${formatShortDate(directive.issuedOn)}`
    : ' theo chỉ đạo của UBND tỉnh';
  const counted = findingsConclusion(target.name, findings);
  const health = healthBody(campaign, bodies);
  const copies = [target.name, ...(target.type === 'hospital' && health ? [`${health.name} (để phối hợp chỉ đạo)`] : []), 'UBND tỉnh (b/c)', 'Lãnh đạo Sở'];
  return {
    issuer: issuerInput(c),
    number: numberOf(notice.numberSymbol),
    date: notice.issuedOn,
    scope: SCOPE,
    unit: { name: target.name, address: target.address },
    inspectedOn,
    teamName: campaign.team?.name ?? 'Tổ kiểm tra',
    implementing: [planReference(c)],
    findings:
      findings.length > 0
        ? findings
        : [{ itemCode: '-', label: 'Kết quả kiểm tra', verdict: notice.compliant ? 'met' : 'not_met', note: notice.compliant ? null : 'Chưa đạt', figures: [] }],
    conclusion: notice.compliant
      ? `${counted}. Đơn vị đã triển khai đầy đủ việc cài đặt ứng dụng PC-Covid, tạo, niêm yết và quét mã QR địa điểm${byDirective}`
      : `${counted}. Đơn vị chưa thực hiện đầy đủ việc triển khai hệ thống PC-Covid và quét mã QR${byDirective}`,
    requests,
    reportBack:
      notice.compliant || requests.length === 0
        ? null
        : {
            to: c.issuingBody.name,
            deadline: requests
              .map((r) => r.deadline)
              .sort()
              .at(-1)!,
          },
    recipients: { entries: copies, archive: ['VT', INSPECTORATE_DRAFTING_UNIT] },
    signer: signerInput(c.campaign),
  };
}

/** The documents that asked a unit to remedy before reminder `index` (0-based), oldest first, with their deadlines. */
function priorDocuments(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  action: RemediationAction,
  upTo: number,
  visit: VisitRecord,
  template: ChecklistTemplate,
  minutesNo: number | null,
) {
  const out: { reference: LegalReferenceInput; deadline: string | null }[] = [];
  const requests = visitRequests(visit, template);
  const minutesDue =
    requests
      .map((r) => r.dueOn)
      .sort()
      .at(-1) ?? null;
  out.push({ reference: minutesReference(campaign, visit, minutesNo), deadline: minutesDue });
  const notice = visit.notice ?? null;
  if (notice) {
    out.push({
      reference: { documentType: 'Thông báo', number: notice.numberSymbol, date: notice.issuedOn, issuer: c.issuingBody.name, subject: null },
      deadline: noticeDeadline(notice.issuedOn, minutesDue),
    });
  }
  action.reminders.slice(0, upTo).forEach((r, i) => {
    out.push({
      reference: { documentType: 'Công văn', number: r.numberSymbol, date: r.sentOn, issuer: c.issuingBody.name, subject: null },
      deadline: r.dueOn ?? reminderDeadline(r.sentOn, i + 1),
    });
  });
  return out;
}

/** The reminder letter (công văn) of one reminder of a remediation: its stage, the documents before it, and its own deadline. */
export function reminderInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  action: RemediationAction,
  index: number,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
  minutesNo: number | null = null,
): ReminderLetterDocumentInput {
  const reminder = action.reminders[index]!;
  const dueOn = reminder.dueOn ?? reminderDeadline(reminder.sentOn, index + 1);
  const issues = visitIssues(visit, template);
  const draftingUnit = reminder.numberSymbol?.split('-').at(-1) ?? INSPECTORATE_DRAFTING_UNIT;
  const prior = priorDocuments(c, campaign, action, index, visit, template, minutesNo).filter((p) => p.deadline === null || p.deadline < reminder.sentOn);
  return {
    issuer: issuerInput(c),
    number: numberOf(reminder.numberSymbol),
    date: reminder.sentOn,
    draftingUnit,
    subject: `nhắc nhở khắc phục tồn tại trong ${SCOPE}`,
    addressee: target.name,
    inspection: {
      date: civilDateOf(visit.visit.startedAt ?? reminder.sentOn),
      teamName: campaign.team?.name ?? 'Tổ kiểm tra',
      scope: SCOPE,
      record: minutesReference(campaign, visit, minutesNo),
    },
    issues: issues.length > 0 ? issues : ['Các nội dung chưa đạt nêu tại biên bản kiểm tra'],
    requests: action.requests.map((r) => r.text),
    deadline: dueOn,
    reportTo: c.issuingBody.name,
    reminderNumber: index + 1,
    priorDocuments: prior,
    recipients: { entries: ['Như trên', ...(index >= 2 ? ['UBND tỉnh (b/c)'] : []), 'Lãnh đạo Sở'], archive: ['VT', draftingUnit] },
    signer: signerInput(c.campaign),
  };
}

/** The letter proposing a sanction of a unit that did not remedy, citing every document that asked it to. */
export function sanctionProposalInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  action: RemediationAction,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
  minutesNo: number | null = null,
): SanctionProposalDocumentInput {
  const proposal = action.sanctionProposal!;
  const prior = priorDocuments(c, campaign, action, action.reminders.length, visit, template, minutesNo);
  const draftingUnit = proposal.numberSymbol?.split('-').at(-1) ?? INSPECTORATE_DRAFTING_UNIT;
  const issues = visitIssues(visit, template);
  const cite = (p: { reference: LegalReferenceInput }) =>
    `${p.reference.documentType}${p.reference.number ? ` số ${p.reference.number}` : ''}${p.reference.date ? ` ngày ${formatShortDate(p.reference.date)}` : ''}`;
  return {
    issuer: issuerInput(c),
    number: numberOf(proposal.numberSymbol ?? null),
    date: proposal.on,
    draftingUnit,
    addressee: proposal.proposedTo,
    unit: { name: target.name, address: target.address },
    inspection: { date: civilDateOf(visit.visit.startedAt ?? proposal.on), teamName: campaign.team?.name ?? 'Tổ kiểm tra', scope: SCOPE, implementing: [planReference(c)] },
    issues: issues.length > 0 ? issues : ['Các nội dung chưa đạt nêu tại biên bản kiểm tra'],
    priorDocuments: prior,
    legalBasis: proposal.basis,
    enclosures: prior.map(cite),
    recipients: { entries: ['Như trên', 'UBND tỉnh (b/c)', 'Giám đốc Sở (b/c)', `${target.name} (để biết)`], archive: ['VT', draftingUnit] },
    signer: signerInput(c.campaign),
  };
}

/** The "Căn cứ" lines of the team decision, from data: the Department's competence, what the plan cites, the plan. */
export function teamDecisionBasis(c: CampaignDocumentContext): (string | LegalReferenceInput)[] {
  const competence = `Căn cứ chức năng, nhiệm vụ, quyền hạn của ${c.issuingBody.name}${c.parentBody ? ` do ${c.parentBody.name} quy định` : ''}`;
  return [competence, ...c.campaign.legalBasis.map(legalReference), planReference(c)];
}
