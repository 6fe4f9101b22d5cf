import { z } from 'zod';
import { applyLifecycleEvent, lifecycleState } from '../lifecycle/lifecycle-api.js';
import type { LifecycleEvent } from '../lifecycle/lifecycle-machines.js';
import type { PersistedLifecycle } from '../lifecycle/persisted-lifecycle.js';
import { ChecklistItemResponseSchema } from '../entities/checklist-response.js';
import { UnitRepresentativeSchema, RemediationRequestSchema, MinutesSchema } from '../entities/minutes.js';
import { IdSchema, InstantSchema, TextSchema } from '../entities/primitives.js';
import { evaluateChecklist } from '../checklist/evaluate-checklist.js';
import { validateChecklistResponse } from '../checklist/validate-checklist-response.js';
import { parseOrThrow } from '../internal/parse.js';
import { campaignWrite, commitMain, type CommitExtras } from './commit-helpers.js';
import { COLLECTIONS, CampaignRecordSchema, VisitRecordSchema, stateOf, visitIndexes, type VisitRecord } from './records.js';
import { runCommand, type CommandResult } from './run-command.js';
import { load, nowIso, templateFor, type ServiceContext } from './service-context.js';
import type { Actor } from '../policy/roles.js';
import type { Action } from '../policy/permissions.js';

const VisitIdInput = z.object({ visitId: IdSchema });

function step(lifecycle: PersistedLifecycle, events: LifecycleEvent<'visit'>[]): PersistedLifecycle {
  return events.reduce((p, e) => applyLifecycleEvent('visit', p, e).persisted, lifecycle);
}

/** On-site work: start, answers, minutes, signatures, review, close. */
export function visitCommands(ctx: ServiceContext) {
  const loadVisit = (id: string) => load(ctx, COLLECTIONS.visits, id, VisitRecordSchema);
  const loadCampaign = (id: string) => load(ctx, COLLECTIONS.campaigns, id, CampaignRecordSchema);

  async function save(actor: Actor, action: Action, version: number, next: VisitRecord, extras?: CommitExtras): Promise<CommandResult> {
    return commitMain(
      ctx,
      actor,
      action,
      { collection: COLLECTIONS.visits, id: next.visit.id, data: next, indexes: visitIndexes(next), expectedVersion: version, state: stateOf(next.lifecycle) },
      extras,
    );
  }

  /** A simple visit step: one lifecycle event, no other change. */
  const simple = (action: Action, event: LifecycleEvent<'visit'>) => (actor: unknown, input: unknown) =>
    runCommand(ctx, action, VisitIdInput, actor, input, async (a, cmd) => {
      const v = await loadVisit(cmd.visitId);
      return save(a, action, v.version, { ...v.data, lifecycle: step(v.data.lifecycle, [event]) });
    });

  return {
    /**
     * Starts a visit on site. From this instant (and not before) the visit is visible to the
     * target. The campaign moves to `inspecting` with its first started visit.
     */
    startVisit: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'visit.start', VisitIdInput.extend({ at: InstantSchema.optional() }), actor, input, async (a, cmd) => {
        const v = await loadVisit(cmd.visitId);
        const lifecycle = step(v.data.lifecycle, [{ type: 'visit.start' }]);
        const campaign = await loadCampaign(v.data.visit.campaignId);
        const writes = [];
        if (lifecycleState(campaign.data.lifecycle).state === 'scheduled') {
          const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'inspection.begin' });
          writes.push(campaignWrite(campaign, campaign.id, { ...campaign.data, lifecycle: r.persisted }));
        }
        const next: VisitRecord = { ...v.data, lifecycle, visit: { ...v.data.visit, startedAt: cmd.at ?? nowIso(ctx) } };
        return save(a, 'visit.start', v.version, next, { writes });
      }),

    /**
     * Records answers and evidence (merged into what was recorded). Rules are checked as each
     * answer comes; `complete: true` also requires every required item and closes the checklist.
     */
    recordAnswers: (actor: unknown, input: unknown): Promise<CommandResult & { verdict: string | null }> =>
      runCommand(
        ctx,
        'answers.record',
        VisitIdInput.extend({ answers: z.record(IdSchema, ChecklistItemResponseSchema), complete: z.boolean().default(false) }),
        actor,
        input,
        async (a, cmd) => {
          const v = await loadVisit(cmd.visitId);
          const template = templateFor(ctx, v.data.visit.checklist);
          const merged = {
            templateId: template.id,
            templateVersion: template.version,
            targetId: v.data.visit.targetId,
            visitId: v.data.visit.id,
            answers: { ...(v.data.response?.answers ?? {}), ...cmd.answers },
            answeredBy: a.id,
            answeredAt: nowIso(ctx),
          };
          const { response, evaluation } = validateChecklistResponse(template, merged, { allowUnanswered: !cmd.complete, plugins: ctx.plugins });
          const events: LifecycleEvent<'visit'>[] = Object.entries(response.answers)
            .filter(([, ans]) => ans.answer !== null)
            .map(([itemId]) => ({ type: 'item.answer', itemId }));
          if (cmd.complete) events.push({ type: 'checklist.complete' });
          const verdict = cmd.complete ? evaluation.unit.verdict : null;
          const next: VisitRecord = { ...v.data, lifecycle: step(v.data.lifecycle, events), response, verdict };
          const res = await save(a, 'answers.record', v.version, next, { details: { items: Object.keys(cmd.answers).length, verdict } });
          return { ...res, verdict };
        },
      ),

    /** Draws up the minutes from the answers: findings item by item, assessment, requests. */
    draftMinutes: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(
        ctx,
        'minutes.draft',
        VisitIdInput.extend({
          endedAt: InstantSchema,
          place: TextSchema,
          representatives: z.array(UnitRepresentativeSchema).min(1),
          explanation: TextSchema.nullable().default(null),
          assessment: TextSchema,
          requests: z.array(RemediationRequestSchema).default([]),
        }),
        actor,
        input,
        async (a, cmd) => {
          const v = await loadVisit(cmd.visitId);
          const lifecycle = step(v.data.lifecycle, [{ type: 'minutes.draft' }]);
          const template = templateFor(ctx, v.data.visit.checklist);
          const response = v.data.response ?? { templateId: template.id, templateVersion: template.version, targetId: v.data.visit.targetId, visitId: v.id, answers: {} };
          const evaluation = evaluateChecklist(template, response, { plugins: ctx.plugins });
          const findings = evaluation.items
            .filter((i) => i.answer !== null)
            .map((i) => ({ itemId: i.itemId, verdict: i.answer!, note: response.answers[i.itemId]?.note || null, critical: i.critical }));
          const minutes = parseOrThrow(
            MinutesSchema,
            {
              tenantId: ctx.tenant.id,
              id: `${v.id}.minutes`,
              visitId: v.id,
              numberSymbol: null,
              startedAt: v.data.visit.startedAt,
              endedAt: cmd.endedAt,
              place: cmd.place,
              representatives: cmd.representatives,
              findings,
              explanation: cmd.explanation,
              assessment: cmd.assessment,
              requests: cmd.requests,
              signatures: { unitRepresentative: null, teamLead: null },
              refusal: null,
            },
            'Minutes',
          );
          return save(a, 'minutes.draft', v.version, { ...v.data, lifecycle, minutes, visit: { ...v.data.visit, endedAt: cmd.endedAt } });
        },
      ),

    /** Records both signatures (the unit's representative and the team lead). */
    signMinutes: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'minutes.sign', VisitIdInput.extend({ signedAt: InstantSchema }), actor, input, async (a, cmd) => {
        const v = await loadVisit(cmd.visitId);
        const lifecycle = step(v.data.lifecycle, [
          { type: 'signature.record', party: 'inspectedUnit', signerId: v.data.visit.targetId },
          { type: 'signature.record', party: 'teamLead', signerId: a.id },
          { type: 'minutes.sign' },
        ]);
        const minutes = { ...v.data.minutes!, signatures: { unitRepresentative: { signedAt: cmd.signedAt }, teamLead: { signedAt: cmd.signedAt } } };
        return save(a, 'minutes.sign', v.version, { ...v.data, lifecycle, minutes });
      }),

    /** Records that the unit's representative refused to sign, with the reason; the lead signs. */
    refuseSignature: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'minutes.refuseSignature', VisitIdInput.extend({ reason: TextSchema, recordedAt: InstantSchema }), actor, input, async (a, cmd) => {
        const v = await loadVisit(cmd.visitId);
        const lifecycle = step(v.data.lifecycle, [
          { type: 'signature.record', party: 'teamLead', signerId: a.id },
          { type: 'minutes.refuseSignature', reason: cmd.reason },
        ]);
        const minutes = {
          ...v.data.minutes!,
          signatures: { unitRepresentative: null, teamLead: { signedAt: cmd.recordedAt } },
          refusal: { reason: cmd.reason, recordedAt: cmd.recordedAt },
        };
        return save(a, 'minutes.refuseSignature', v.version, { ...v.data, lifecycle, minutes });
      }),

    /** Reviews a visit (its minutes are signed or the refusal recorded); the campaign counts it settled. */
    reviewVisit: (actor: unknown, input: unknown): Promise<CommandResult> =>
      runCommand(ctx, 'visit.review', VisitIdInput, actor, input, async (a, cmd) => {
        const v = await loadVisit(cmd.visitId);
        const lifecycle = step(v.data.lifecycle, [{ type: 'visit.review' }]);
        const campaign = await loadCampaign(v.data.visit.campaignId);
        const cr = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'visit.reviewed', visitId: v.id });
        return save(a, 'visit.review', v.version, { ...v.data, lifecycle }, { writes: [campaignWrite(campaign, campaign.id, { ...campaign.data, lifecycle: cr.persisted })] });
      }),

    /** Closes a reviewed visit. */
    closeVisit: simple('visit.close', { type: 'visit.close' }),
  };
}
