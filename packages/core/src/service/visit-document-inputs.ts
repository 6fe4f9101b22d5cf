import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { Organization } from '../entities/organization.js';
import type { Person } from '../entities/person.js';
import type { RemediationAction } from '../entities/remediation-action.js';
import type { ResultNotice } from '../entities/result-notice.js';
import type { Target } from '../entities/target.js';
import type { MinutesDocumentInput } from '../documents/builders/minutes-document-input.js';
import type { ReminderLetterDocumentInput } from '../documents/builders/reminder-letter-document-input.js';
import type { ResultNoticeDocumentInput } from '../documents/builders/result-notice-document-input.js';
import { addCivilDays, civilDateOf, civilTimeOf } from '../text/civil-date.js';
import { evidenceLine, issuerInput, numberOf, planReference, signerInput, teamMemberInputs, type CampaignDocumentContext } from './document-inputs.js';
import type { CampaignRecord, VisitRecord } from './records.js';

const SCOPE = 'việc triển khai hệ thống PC-Covid và quét mã QR';

function itemIndex(template: ChecklistTemplate) {
  const items = new Map<string, { section: string; label: string }>();
  for (const s of template.sections) for (const i of s.items) items.set(i.id, { section: s.id, label: i.label.vi });
  return items;
}

/** The teams' own header for minutes (Decree 30 Mẫu 1.9: the team issues them under the Department). */
function teamIssuer(c: CampaignDocumentContext, teamName: string) {
  const base = issuerInput(c);
  return { parentBody: base.name, name: teamName.toUpperCase(), nameInText: teamName, code: 'TKT', place: base.place };
}

/** The minutes (BB) of a visit, from its record. */
export function minutesInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
  people: ReadonlyMap<string, Person>,
  bodies: ReadonlyMap<string, Organization>,
): MinutesDocumentInput {
  const m = visit.minutes!;
  const items = itemIndex(template);
  const members = (campaign.team?.members ?? []).filter((t) => visit.visit.memberIds.includes(t.personId));
  const teamName = campaign.team?.name ?? 'Tổ kiểm tra';
  const basis = [planReference(c)];
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
  return {
    issuer: teamIssuer(c, teamName),
    number: null,
    showNumber: false,
    subject: `Kiểm tra ${SCOPE}`,
    unit: { name: target.name, address: target.address },
    start: { date: civilDateOf(m.startedAt), time: civilTimeOf(m.startedAt) },
    end: { date: civilDateOf(m.endedAt), time: civilTimeOf(m.endedAt) },
    basis,
    team: teamMemberInputs(members, people, bodies),
    unitRepresentatives: m.representatives.map((r) => ({ fullName: r.fullName, position: r.position })),
    sections: template.sections.map((s) => ({ code: s.id, title: s.title.vi })),
    findings: m.findings.map((f) => ({
      section: items.get(f.itemId)?.section ?? 'a',
      itemCode: f.itemId,
      label: items.get(f.itemId)?.label ?? f.itemId,
      verdict: f.verdict,
      note: f.note,
      evidence: (visit.response?.answers[f.itemId]?.evidence ?? []).map(evidenceLine),
    })),
    unitExplanation: m.explanation,
    assessment: m.assessment,
    requests: m.requests.map((r) => ({ text: r.text, deadline: r.dueOn })),
    refusal: m.refusal ? { reason: m.refusal.reason } : null,
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
): ResultNoticeDocumentInput {
  const items = itemIndex(template);
  const findings = (visit.minutes?.findings ?? []).map((f) => ({ itemCode: f.itemId, label: items.get(f.itemId)?.label ?? f.itemId, verdict: f.verdict, note: f.note }));
  const requests = (visit.minutes?.requests ?? []).map((r) => ({ text: r.text, deadline: r.dueOn }));
  const inspectedOn = civilDateOf(visit.visit.startedAt ?? notice.issuedOn);
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
      findings.length > 0 ? findings : [{ itemCode: '-', label: 'Kết quả kiểm tra', verdict: notice.compliant ? 'met' : 'not_met', note: notice.compliant ? null : 'Chưa đạt' }],
    conclusion: notice.compliant
      ? 'Đơn vị đã triển khai đầy đủ các nội dung về ứng dụng PC-Covid và quét mã QR theo chỉ đạo của UBND tỉnh'
      : 'Đơn vị chưa thực hiện đầy đủ các nội dung về ứng dụng PC-Covid và quét mã QR theo chỉ đạo của UBND tỉnh',
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
    recipients: { entries: [target.name, 'UBND tỉnh (b/c)', 'Lãnh đạo Sở'], archive: ['VT', c.campaign.archiveCode] },
    signer: signerInput(c.campaign),
  };
}

/** The reminder letter (công văn) of one reminder of a remediation. */
export function reminderInput(
  c: CampaignDocumentContext,
  campaign: CampaignRecord,
  action: RemediationAction,
  index: number,
  visit: VisitRecord,
  target: Target,
  template: ChecklistTemplate,
): ReminderLetterDocumentInput {
  const items = itemIndex(template);
  const reminder = action.reminders[index]!;
  const dueOn = action.dueOn && action.dueOn > reminder.sentOn ? action.dueOn : addCivilDays(reminder.sentOn, 7);
  const issues = (visit.minutes?.findings ?? []).filter((f) => f.verdict === 'not_met').map((f) => `${items.get(f.itemId)?.label ?? f.itemId}: ${f.note ?? 'Chưa đạt'}`);
  return {
    issuer: issuerInput(c),
    number: numberOf(reminder.numberSymbol),
    date: reminder.sentOn,
    draftingUnit: reminder.numberSymbol?.split('-').at(-1) ?? 'TTr',
    subject: `nhắc nhở khắc phục tồn tại trong ${SCOPE}`,
    addressee: target.name,
    inspection: { date: civilDateOf(visit.visit.startedAt ?? reminder.sentOn), teamName: campaign.team?.name ?? 'Tổ kiểm tra', scope: SCOPE, record: null },
    issues: issues.length > 0 ? issues : ['Các nội dung chưa đạt nêu tại biên bản kiểm tra'],
    requests: action.requests.map((r) => r.text),
    deadline: dueOn,
    reportTo: c.issuingBody.name,
    reminderNumber: index + 1,
    consequence: index + 1 >= 3 ? 'Quá thời hạn trên, Sở sẽ đề xuất cơ quan có thẩm quyền xử lý theo quy định tại Nghị định số 117/2020/NĐ-CP' : null,
    recipients: { entries: ['Như trên', 'Lãnh đạo Sở'], archive: ['VT', reminder.numberSymbol?.split('-').at(-1) ?? 'TTr'] },
    signer: signerInput(c.campaign),
  };
}
