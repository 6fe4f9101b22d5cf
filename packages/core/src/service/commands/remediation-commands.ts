import { z } from 'zod';
import { applyLifecycleEvent, startLifecycle } from '../../lifecycle/lifecycle-api.js';
import type { LifecycleEvent } from '../../lifecycle/lifecycle-machines.js';
import { boundedList, CivilDateSchema, IdSchema, INPUT_LIMITS, ShortTextSchema, TextSchema } from '../../entities/primitives.js';
import { RemediationRequestSchema } from '../../entities/minutes.js';
import { TargetSchema } from '../../entities/target.js';
import { InvalidTransitionError } from '../../errors/invalid-transition-error.js';
import { campaignWrite, commitMain, type CommitExtras } from '../commit-helpers.js';
import { allocateDocumentNumber } from '../document-numbering.js';
import { bodyAbbreviation } from '../directory.js';
import { COLLECTIONS, RemediationRecordSchema, remediationIndexes, stateOf, type RemediationRecord } from '../records.js';
import { defineCommand } from '../define-command.js';
import type { CommandResult } from '../run-command.js';
import { LEADERSHIP, ON_SITE } from './command-roles.js';
import { load, nowIso, type Loaded, type ServiceContext } from '../service-context.js';
import type { Actor } from '../../policy/roles.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OutboxDraft } from '../unit-of-work.js';
import { parseOrThrow } from '../../internal/parse.js';
import { ValidationError } from '../../errors/validation-error.js';
import type { RemediationAction } from '../../entities/remediation-action.js';
import { templateFor } from '../service-context.js';
import { reminderDeadline, reminderStage, remedyRequests, MINUTES_REMEDY_DAYS } from '../../documents/internal/visit-facts.js';
import { addCivilDays, civilDateOf } from '../../text/civil-date.js';
import { itemIndex } from '../visit-document-inputs.js';
import { STEP_ERRORS, loadCampaign, loadVisit } from './command-common.js';

/**
 * The deadline the unit was last given: the last reminder's own (or, on records written before
 * reminders kept one, its stage's default), else the latest deadline of the requests.
 */
export function lastDeadline(action: Pick<RemediationAction, 'reminders' | 'requests'>): string | null {
  const last = action.reminders.at(-1);
  if (last) return last.dueOn ?? reminderDeadline(last.sentOn, action.reminders.length);
  const dues = action.requests.map((r) => r.dueOn).sort();
  return dues.at(-1) ?? null;
}

/** A typed, stable rejection of a follow-up step dated before the deadline it follows; nothing is written. */
function tooEarly(subject: string, field: string, code: string, on: string, deadline: string): ValidationError {
  return new ValidationError({
    subject,
    issues: [
      {
        path: [field],
        code,
        message: `ngày ${formatShortDate(on)} chưa qua thời hạn ${formatShortDate(deadline)} đã yêu cầu đơn vị / ${on} is not after the deadline the unit was given (${deadline})`,
      },
    ],
    hint: 'Gửi bước tiếp theo sau khi thời hạn trước đã qua / Send the next step once the previous deadline has passed.',
  });
}

const RemediationIdInput = z.strictObject({ remediationId: IdSchema });

const loadRemediation = (ctx: ServiceContext, id: string) => load(ctx, COLLECTIONS.remediations, id, RemediationRecordSchema);

/** Saves a remediation (only the remediation: settling one is counted when the campaign closes). */
async function save(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  loaded: Loaded<RemediationRecord> | null,
  next: RemediationRecord,
  extras: CommitExtras = {},
): Promise<CommandResult> {
  const state = stateOf(next.lifecycle);
  return commitMain(
    ctx,
    actor,
    action,
    { collection: COLLECTIONS.remediations, id: next.action.id, data: next, indexes: remediationIndexes(next), expectedVersion: loaded?.version ?? 0, state },
    extras,
  );
}

const advance = (r: RemediationRecord, event: LifecycleEvent<'remediation'>) => applyLifecycleEvent('remediation', r.lifecycle, event).persisted;

/**
 * Opens the follow-up of a reviewed visit whose unit was found non-compliant. The campaign is
 * written with it (`remediation.opened`), so a concurrent `campaign.close` that counted the open
 * remediation before this one fails on the campaign's version.
 */
export const openRemediation = defineCommand({
  name: 'remediation.open',
  summary: { vi: 'Mở việc đôn đốc khắc phục của đơn vị chưa đạt', en: 'Opens the follow-up of a reviewed visit whose unit was found non-compliant' },
  input: z.strictObject({
    remediationId: IdSchema,
    visitId: IdSchema,
    requests: boundedList(RemediationRequestSchema, INPUT_LIMITS.lists.requests, 'yêu cầu khắc phục / remediation requests').default([]),
  }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const visit = await loadVisit(ctx, cmd.visitId);
    const visitState = stateOf(visit.data.lifecycle);
    if (!['reviewed', 'closed'].includes(visitState) || visit.data.verdict !== 'non_compliant') {
      throw new InvalidTransitionError({
        machineId: 'visit',
        state: visitState,
        event: 'remediation.open',
        reasonVi: 'chỉ mở việc khắc phục cho đơn vị chưa đạt, sau khi đã xem xét biên bản',
        reasonEn: 'remediation opens only for a non-compliant unit whose visit was reviewed',
      });
    }
    const campaign = await loadCampaign(ctx, visit.data.visit.campaignId);
    const cr = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'remediation.opened', remediationId: cmd.remediationId });
    const minutes = visit.data.minutes;
    let requests = cmd.requests.length > 0 ? cmd.requests : (minutes?.requests ?? []);
    if (requests.length === 0 && minutes) {
      // Minutes that set no request: ask for the remedy of each "Chưa đạt" item, with the visit's own figures.
      const items = itemIndex(templateFor(ctx, visit.data.visit.checklist));
      const findings = minutes.findings.map((f) => ({ itemId: f.itemId, label: items.get(f.itemId)?.label ?? f.itemId, verdict: f.verdict, note: f.note }));
      requests = remedyRequests(findings, visit.data.response?.answers ?? {}, addCivilDays(civilDateOf(minutes.endedAt), MINUTES_REMEDY_DAYS));
    }
    const record: RemediationRecord = {
      action: {
        tenantId: ctx.tenant.id,
        id: cmd.remediationId,
        campaignId: campaign.id,
        visitId: visit.id,
        targetId: visit.data.visit.targetId,
        requests: parseOrThrow(RemediationRequestSchema.array().min(1, 'a remediation needs at least one request'), requests, 'remediation.open requests'),
        reminders: [],
        dueOn: null,
        recheck: null,
        sanctionProposal: null,
      },
      lifecycle: startLifecycle('remediation', { remediationId: cmd.remediationId }),
    };
    return save(ctx, a, 'remediation.open', null, record, { writes: [campaignWrite(campaign, campaign.id, { ...campaign.data, lifecycle: cr.persisted })] });
  },
});

/**
 * Sends a reminder letter (CV, numbered) to the unit's representative. Reminders escalate
 * (nhắc nhở → nhắc nhở lần 2 → ấn định thời hạn → lần cuối) and each gives its own deadline
 * (`dueOn`, default by stage from `sentOn`); a reminder dated on or before the deadline the unit
 * was last given is rejected (`VALIDATION_FAILED`, issue code `reminder_before_deadline`) and
 * nothing is written.
 */
export const sendReminder = defineCommand({
  name: 'reminder.send',
  summary: { vi: 'Gửi công văn nhắc nhở khắc phục', en: "Sends a numbered reminder letter (CV) to the unit's representative" },
  input: RemediationIdInput.extend({ sentOn: CivilDateSchema, dueOn: CivilDateSchema.optional() }),
  roles: [...LEADERSHIP, 'secretary'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const campaign = await loadCampaign(ctx, rem.data.action.campaignId);
    const target = (await load(ctx, COLLECTIONS.targets, rem.data.action.targetId, TargetSchema)).data;
    const lifecycle = advance(rem.data, { type: 'remediation.remind' });
    const previous = lastDeadline(rem.data.action);
    if (previous !== null && cmd.sentOn <= previous) throw tooEarly('reminder.send', 'sentOn', 'reminder_before_deadline', cmd.sentOn, previous);
    const reminderNumber = rem.data.action.reminders.length + 1;
    const dueOn = cmd.dueOn ?? reminderDeadline(cmd.sentOn, reminderNumber);
    if (dueOn <= cmd.sentOn) throw tooEarly('reminder.send', 'dueOn', 'deadline_not_after_letter', dueOn, cmd.sentOn);
    const abbr = await bodyAbbreviation(ctx, campaign.data.campaign.issuingBodyId);
    const stage = reminderStage(reminderNumber);
    const what = stage === 'final' ? 'Nhắc nhở lần cuối' : stage === 'deadline' ? 'Ấn định thời hạn khắc phục' : `Nhắc nhở khắc phục (lần ${reminderNumber})`;
    const outbox = target.representativePersonId
      ? [
          {
            id: `${rem.id}.reminder.${reminderNumber}`,
            recipient: { role: 'targetRepresentative', id: target.representativePersonId },
            topic: 'remediation.reminded',
            subject: `${what} sau kiểm tra PC-Covid / Reminder ${reminderNumber} to remedy findings`,
            body: `Đề nghị ${target.name} khắc phục các nội dung chưa đạt: ${rem.data.action.requests.map((r) => r.text).join('; ')}; thời hạn: trước ngày ${formatShortDate(dueOn)}. / Please remedy the findings by ${dueOn}.`,
            refs: { campaignId: campaign.id, visitId: rem.data.action.visitId, remediationId: rem.id, documentKind: 'reminder', documentIndex: String(reminderNumber - 1) },
            deliverAfter: null,
          },
        ]
      : [];
    // Rebuilt from the loaded record inside `within`, so a retried transaction never appends twice.
    const next: RemediationRecord = { ...rem.data, lifecycle };
    let numberSymbol = '';
    const res = await save(ctx, a, 'reminder.send', rem, next, {
      outbox,
      within: async (tx) => {
        const n = await allocateDocumentNumber(tx, {
          tenantId: ctx.tenant.id,
          issuingBodyId: campaign.data.campaign.issuingBodyId,
          bodyAbbreviation: abbr,
          typeCode: 'CV',
          draftingUnit: 'TTr',
          issuedOn: cmd.sentOn,
          subjectId: rem.id,
          updatedAt: nowIso(ctx),
        });
        numberSymbol = n.numberSymbol;
        next.action = { ...rem.data.action, reminders: [...rem.data.action.reminders, { sentOn: cmd.sentOn, channel: 'document', numberSymbol, dueOn }] };
      },
    });
    return { ...res, numberSymbol, dueOn };
  },
});

/** Sets (or moves) the deadline to remedy. */
export const setRemediationDeadline = defineCommand({
  name: 'remediationDeadline.set',
  summary: { vi: 'Đặt (hoặc gia hạn) thời hạn khắc phục', en: 'Sets (or moves) the deadline to remedy' },
  input: RemediationIdInput.extend({ dueOn: CivilDateSchema }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const next: RemediationRecord = { lifecycle: advance(rem.data, { type: 'deadline.set', dueOn: cmd.dueOn }), action: { ...rem.data.action, dueOn: cmd.dueOn } };
    return save(ctx, a, 'remediationDeadline.set', rem, next);
  },
});

/** Records a re-check: complied → resolved; not complied → back to a deadline or a sanction proposal. */
export const recordRecheck = defineCommand({
  name: 'recheck.record',
  summary: { vi: 'Ghi nhận kết quả kiểm tra lại', en: 'Records a re-check: complied → resolved; not complied → a new deadline or a sanction proposal' },
  input: RemediationIdInput.extend({ on: CivilDateSchema, complied: z.boolean(), note: TextSchema.nullable().default(null) }),
  roles: ON_SITE,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const lifecycle = advance(rem.data, { type: 'recheck.record', outcome: cmd.complied ? 'complied' : 'notComplied', checkedOn: cmd.on });
    return save(ctx, a, 'recheck.record', rem, { lifecycle, action: { ...rem.data.action, recheck: { on: cmd.on, complied: cmd.complied, note: cmd.note } } });
  },
});

/** Proposes a sanction to the competent authority (the team proposes; it does not fine). */
export const proposeSanction = defineCommand({
  name: 'sanction.propose',
  summary: { vi: 'Đề xuất cơ quan có thẩm quyền xử lý vi phạm', en: 'Proposes a sanction to the competent authority (the team proposes; it does not fine)' },
  input: RemediationIdInput.extend({ basis: TextSchema, proposedTo: ShortTextSchema, on: CivilDateSchema }),
  roles: ['director'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const lifecycle = advance(rem.data, { type: 'sanction.propose' });
    const previous = lastDeadline(rem.data.action);
    if (previous !== null && cmd.on <= previous) throw tooEarly('sanction.propose', 'on', 'sanction_before_deadline', cmd.on, previous);
    const campaign = await loadCampaign(ctx, rem.data.action.campaignId);
    const abbr = await bodyAbbreviation(ctx, campaign.data.campaign.issuingBodyId);
    const next: RemediationRecord = {
      lifecycle,
      action: { ...rem.data.action, sanctionProposal: { basis: cmd.basis, proposedTo: cmd.proposedTo, on: cmd.on, numberSymbol: null } },
    };
    let numberSymbol = '';
    // Escalation: the Provincial People's Committee the campaign reports to learns of the proposal.
    const parent = campaign.data.campaign.parentBodyId;
    const outbox: OutboxDraft[] = [];
    const res = await save(ctx, a, 'sanction.propose', rem, next, {
      outbox,
      // The proposal is its own letter (CV), numbered like the reminders; rebuilt from the loaded record on a retry.
      within: async (tx) => {
        const n = await allocateDocumentNumber(tx, {
          tenantId: ctx.tenant.id,
          issuingBodyId: campaign.data.campaign.issuingBodyId,
          bodyAbbreviation: abbr,
          typeCode: 'CV',
          draftingUnit: 'TTr',
          issuedOn: cmd.on,
          subjectId: `${rem.id}.sanction`,
          updatedAt: nowIso(ctx),
        });
        numberSymbol = n.numberSymbol;
        next.action = { ...rem.data.action, sanctionProposal: { basis: cmd.basis, proposedTo: cmd.proposedTo, on: cmd.on, numberSymbol } };
        outbox.splice(
          0,
          outbox.length,
          ...(parent === null
            ? []
            : [
                {
                  id: `${rem.id}.sanction.escalate`,
                  recipient: { role: 'escalation', id: parent, organizationId: parent },
                  topic: 'sanction.proposed',
                  subject: `Đề nghị xử lý vi phạm số ${numberSymbol} / Sanction proposal ${numberSymbol}`,
                  body: `Sau ${rem.data.action.reminders.length} lần nhắc nhở, đơn vị chưa khắc phục; đã đề nghị ${cmd.proposedTo} xử lý theo ${cmd.basis}. / After ${rem.data.action.reminders.length} reminders the unit has not complied; a sanction was proposed to ${cmd.proposedTo}.`,
                  refs: { campaignId: campaign.id, visitId: rem.data.action.visitId, remediationId: rem.id, documentKind: 'sanctionProposal' },
                  deliverAfter: null,
                },
              ]),
        );
      },
    });
    return { ...res, numberSymbol };
  },
});
