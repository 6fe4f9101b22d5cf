import type { z } from 'zod';
import { applyLifecycleEvent } from '../../lifecycle/lifecycle-api.js';
import { CivilDateSchema, IdSchema, TextSchema } from '../../entities/primitives.js';
import { TargetSchema } from '../../entities/target.js';
import type { ResultNotice } from '../../entities/result-notice.js';
import { campaignWrite, commitMain } from '../commit-helpers.js';
import { allocateDocumentNumber } from '../document-numbering.js';
import { bodyAbbreviation } from '../directory.js';
import { COLLECTIONS, VisitRecordSchema, visitIndexes, type CampaignRecord, type VisitRecord } from '../records.js';
import { countOpenRemediations, countUnsettledVisits } from './campaign-facts.js';
import { defineCommand } from '../define-command.js';
import { LEADERSHIP } from './command-roles.js';
import { load, loadAll, nowIso } from '../service-context.js';
import type { OutboxDraft } from '../unit-of-work.js';
import { CampaignIdInput, STEP_ERRORS, loadCampaign } from './command-common.js';

const SETTLED_WITH_MINUTES = ['reviewed', 'closed'];

/** A copy of a visit record whose notice is filled in when its number is taken. */
const withoutNotice = (r: VisitRecord): VisitRecord => ({ ...r, notice: null });

/**
 * Begins reporting — refused (guard `isEveryVisitSettled`) while any visit of the campaign is
 * neither reviewed, closed nor cancelled, as counted from the visits' `state` index: numbers the results report (BC) to
 * the Provincial People's Committee and one results notice (TB) per inspected unit, stores each
 * notice on its visit record, and queues it to the unit's representative — all in one
 * transaction (a failure anywhere writes nothing). The campaign record gets only the report.
 */
export const beginReporting = defineCommand({
  name: 'reporting.begin',
  summary: {
    vi: 'Báo cáo kết quả (cấp số BC) và thông báo kết quả (TB) cho từng đơn vị',
    en: "Numbers the results report (BC) to the Provincial People's Committee and one results notice (TB) per inspected unit",
  },
  input: CampaignIdInput.extend({ issuedOn: CivilDateSchema, addressedToOrganizationId: IdSchema, summary: TextSchema }),
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const campaign = await loadCampaign(ctx, cmd.campaignId);
    const unsettled = await countUnsettledVisits(ctx, cmd.campaignId);
    const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'report.begin', unsettledVisits: unsettled.count, unsettledVisitIds: unsettled.ids });
    const c = campaign.data.campaign;
    const inspected = await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId: c.id, state: { in: [...SETTLED_WITH_MINUTES] } } }, VisitRecordSchema);
    const abbr = await bodyAbbreviation(ctx, c.issuingBodyId);
    const next: CampaignRecord = { ...campaign.data, lifecycle: r.persisted };
    const outbox: OutboxDraft[] = [];
    const targets = new Map<string, z.infer<typeof TargetSchema>>();
    for (const v of inspected) targets.set(v.data.visit.targetId, (await load(ctx, COLLECTIONS.targets, v.data.visit.targetId, TargetSchema)).data);
    // Each unit's notice is written on its own visit record (at the version read above), in the
    // same transaction as the campaign, the numbers and the messages: the campaign record stays
    // the same size whatever the number of units, and a visit changed meanwhile is a CONFLICT.
    const visits = inspected.map((v) => ({ loaded: v, next: withoutNotice(v.data) }));
    const res = await commitMain(ctx, a, 'reporting.begin', campaignWrite(campaign, c.id, next), {
      details: { inspected: inspected.length },
      writes: visits.map(({ loaded, next: nv }) => ({ collection: COLLECTIONS.visits, id: loaded.id, data: nv, indexes: visitIndexes(nv), expectedVersion: loaded.version })),
      outbox,
      within: async (tx) => {
        outbox.length = 0; // `within` may run again (a number taken meanwhile): set, never accumulate
        const number = (typeCode: 'BC' | 'TB', subjectId: string) =>
          allocateDocumentNumber(tx, {
            tenantId: ctx.tenant.id,
            issuingBodyId: c.issuingBodyId,
            bodyAbbreviation: abbr,
            typeCode,
            issuedOn: cmd.issuedOn,
            subjectId,
            updatedAt: nowIso(ctx),
          });
        const bc = await number('BC', `${c.id}.report`);
        next.report = {
          tenantId: ctx.tenant.id,
          id: `${c.id}.report`,
          campaignId: c.id,
          numberSymbol: bc.numberSymbol,
          issuedOn: cmd.issuedOn,
          addressedToOrganizationId: cmd.addressedToOrganizationId,
          unitsInspected: inspected.length,
          unitsCompliant: inspected.filter((v) => v.data.verdict === 'compliant').length,
          summary: cmd.summary,
        };
        // The report goes to the body it is addressed to (the Provincial People's Committee).
        outbox.push({
          id: `${c.id}.report.send`,
          recipient: { role: 'reportRecipient', id: cmd.addressedToOrganizationId, organizationId: cmd.addressedToOrganizationId },
          topic: 'report.issued',
          subject: `Báo cáo số ${bc.numberSymbol}: kết quả ${c.title.charAt(0).toLowerCase()}${c.title.slice(1)} / Results report ${bc.numberSymbol}`,
          body: `Báo cáo kết quả kiểm tra: ${inspected.length} đơn vị được kiểm tra, ${inspected.filter((v) => v.data.verdict === 'compliant').length} đơn vị đạt yêu cầu. / Results: ${inspected.length} units inspected, ${inspected.filter((v) => v.data.verdict === 'compliant').length} compliant.`,
          refs: { campaignId: c.id, documentKind: 'report' },
          deliverAfter: null,
        });
        for (const { loaded: v, next: nv } of visits) {
          const tb = await number('TB', `${v.id}.notice`);
          const notice: ResultNotice = {
            tenantId: ctx.tenant.id,
            id: `${v.id}.notice`,
            campaignId: c.id,
            targetId: v.data.visit.targetId,
            numberSymbol: tb.numberSymbol,
            issuedOn: cmd.issuedOn,
            compliant: v.data.verdict === 'compliant',
          };
          nv.notice = notice;
          const rep = targets.get(notice.targetId)?.representativePersonId;
          if (rep) {
            outbox.push({
              id: `${notice.id}.send`,
              recipient: { role: 'targetRepresentative', id: rep },
              topic: 'result.noticed',
              subject: `Thông báo kết quả kiểm tra số ${notice.numberSymbol} / Results notice ${notice.numberSymbol}`,
              body: notice.compliant
                ? 'Đơn vị đạt yêu cầu về triển khai PC-Covid và quét mã QR. / The unit meets the PC-Covid and QR-code requirements.'
                : 'Đơn vị chưa đạt yêu cầu; đề nghị khắc phục theo biên bản kiểm tra. / The unit does not meet the requirements; remedy as the minutes request.',
              refs: { campaignId: c.id, visitId: v.id, documentKind: 'notice' },
              deliverAfter: null,
            });
          }
        }
      },
    });
    return { ...res, reportNumberSymbol: next.report?.numberSymbol ?? '', notices: visits.length };
  },
});

/** Begins following up non-compliant units. */
export const beginFollowUp = defineCommand({
  name: 'followUp.begin',
  summary: { vi: 'Bắt đầu đôn đốc các đơn vị chưa đạt', en: 'Begins following up non-compliant units' },
  input: CampaignIdInput,
  roles: LEADERSHIP,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const campaign = await loadCampaign(ctx, cmd.campaignId);
    const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'followUp.begin' });
    return commitMain(ctx, a, 'followUp.begin', campaignWrite(campaign, cmd.campaignId, { ...campaign.data, lifecycle: r.persisted }));
  },
});

/** Closes the campaign; refused (guard `hasNoOpenRemediation`) while any remediation of it is open, as counted from the remediation `state` index. */
export const closeCampaign = defineCommand({
  name: 'campaign.close',
  summary: { vi: 'Kết thúc đợt kiểm tra', en: 'Closes the campaign; refused while any remediation is open' },
  input: CampaignIdInput,
  roles: ['director'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const campaign = await loadCampaign(ctx, cmd.campaignId);
    const open = await countOpenRemediations(ctx, cmd.campaignId);
    const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'campaign.close', openRemediations: open.count, openRemediationIds: open.ids });
    return commitMain(ctx, a, 'campaign.close', campaignWrite(campaign, cmd.campaignId, { ...campaign.data, lifecycle: r.persisted }));
  },
});
