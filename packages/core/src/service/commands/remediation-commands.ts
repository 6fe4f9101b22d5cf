import { z } from 'zod';
import { applyLifecycleEvent, startLifecycle } from '../../lifecycle/lifecycle-api.js';
import type { LifecycleEvent } from '../../lifecycle/lifecycle-machines.js';
import { CivilDateSchema, IdSchema, TextSchema } from '../../entities/primitives.js';
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
import { parseOrThrow } from '../../internal/parse.js';
import { STEP_ERRORS, loadCampaign, loadVisit } from './command-common.js';

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
  input: z.strictObject({ remediationId: IdSchema, visitId: IdSchema, requests: z.array(RemediationRequestSchema).default([]) }),
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
    const requests = cmd.requests.length > 0 ? cmd.requests : (visit.data.minutes?.requests ?? []);
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

/** Sends a reminder letter (CV, numbered) to the unit's representative. */
export const sendReminder = defineCommand({
  name: 'reminder.send',
  summary: { vi: 'Gửi công văn nhắc nhở khắc phục', en: "Sends a numbered reminder letter (CV) to the unit's representative" },
  input: RemediationIdInput.extend({ sentOn: CivilDateSchema }),
  roles: [...LEADERSHIP, 'secretary'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const campaign = await loadCampaign(ctx, rem.data.action.campaignId);
    const target = (await load(ctx, COLLECTIONS.targets, rem.data.action.targetId, TargetSchema)).data;
    const lifecycle = advance(rem.data, { type: 'remediation.remind' });
    const abbr = await bodyAbbreviation(ctx, campaign.data.campaign.issuingBodyId);
    const next: RemediationRecord = { ...rem.data, lifecycle };
    const outbox = target.representativePersonId
      ? [
          {
            id: `${rem.id}.reminder.${rem.data.action.reminders.length + 1}`,
            channel: 'document',
            recipient: { role: 'targetRepresentative', id: target.representativePersonId },
            topic: 'remediation.reminded',
            subject: `Nhắc nhở khắc phục tồn tại sau kiểm tra PC-Covid / Reminder to remedy findings`,
            body: `Đề nghị ${target.name} khắc phục các nội dung chưa đạt: ${rem.data.action.requests.map((r) => `${r.text} (hạn ${formatShortDate(r.dueOn)})`).join('; ')}. / Please remedy the findings by their deadlines.`,
            refs: { campaignId: campaign.id, visitId: rem.data.action.visitId, remediationId: rem.id },
            deliverAfter: null,
          },
        ]
      : [];
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
        next.action = { ...next.action, reminders: [...next.action.reminders, { sentOn: cmd.sentOn, channel: 'document', numberSymbol }] };
      },
    });
    return { ...res, numberSymbol };
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
  input: RemediationIdInput.extend({ basis: TextSchema, proposedTo: TextSchema, on: CivilDateSchema }),
  roles: ['director'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const rem = await loadRemediation(ctx, cmd.remediationId);
    const lifecycle = advance(rem.data, { type: 'sanction.propose' });
    return save(ctx, a, 'sanction.propose', rem, { lifecycle, action: { ...rem.data.action, sanctionProposal: { basis: cmd.basis, proposedTo: cmd.proposedTo, on: cmd.on } } });
  },
});
