import { z } from 'zod';
import { applyLifecycleEvent, lifecycleState } from '../../lifecycle/lifecycle-api.js';
import type { LifecycleEvent } from '../../lifecycle/lifecycle-machines.js';
import type { PersistedLifecycle } from '../../lifecycle/persisted-lifecycle.js';
import { ChecklistItemResponseSchema, type ChecklistItemResponse } from '../../entities/checklist-response.js';
import { evidenceLine } from '../document-inputs.js';
import { UnitRepresentativeSchema, RemediationRequestSchema, MinutesSchema } from '../../entities/minutes.js';
import { atMostKeys, boundedList, IdSchema, INPUT_LIMITS, InstantSchema, ShortTextSchema, TextSchema } from '../../entities/primitives.js';
import { evaluateChecklist } from '../../checklist/evaluate-checklist.js';
import { validateChecklistResponseWithRecords } from '../../checklist/validate-checklist-response.js';
import type { VerifierRecordEntry } from '../../checklist/evaluate-item.js';
import type { ChecklistResponse } from '../../entities/checklist-response.js';
import type { Evidence, EvidenceVerification } from '../../entities/evidence.js';
import { parseOrThrow } from '../../internal/parse.js';
import { campaignWrite, commitMain, type CommitExtras } from '../commit-helpers.js';
import type { AggregateWrite } from '../unit-of-work.js';
import { COLLECTIONS, stateOf, visitIndexes, type VisitRecord } from '../records.js';
import { defineCommand } from '../define-command.js';
import type { CommandResult } from '../run-command.js';
import { LEADERSHIP, ON_SITE } from './command-roles.js';
import { nowIso, templateFor, type ServiceContext } from '../service-context.js';
import type { Actor } from '../../policy/roles.js';
import { ForbiddenError } from '../../errors/forbidden-error.js';
import { VisitIdInput, STEP_ERRORS, loadCampaign, loadVisit } from './command-common.js';

/**
 * A command on a visit is done by someone on that visit's team: a team member or the secretary
 * must be among the visit's assigned members; the director and the Chief Inspector cover every
 * visit of the campaign. Anyone else is `FORBIDDEN`, before anything is written.
 */
export function assertOnVisitTeam(actor: Actor, visit: VisitRecord, action: string): void {
  if (LEADERSHIP.includes(actor.role) || visit.visit.memberIds.includes(actor.id)) return;
  throw new ForbiddenError({
    role: actor.role,
    action,
    reasonVi: `người thực hiện không có tên trong đoàn của cuộc kiểm tra ${visit.visit.id}`,
    reasonEn: `the person acting is not on the team of visit ${visit.visit.id}`,
  });
}

function step(lifecycle: PersistedLifecycle, events: LifecycleEvent<'visit'>[]): PersistedLifecycle {
  return events.reduce((p, e) => applyLifecycleEvent('visit', p, e).persisted, lifecycle);
}

/**
 * The note a finding carries into the minutes. A "Chưa đạt" must say what is wrong: when the
 * checklist accepted it without a note (a plugin's rule may accept a photo alone), the evidence
 * says it, so every signed minutes can be drawn up as a document.
 */
function findingNote(answer: string, response: ChecklistItemResponse | undefined): string | null {
  const note = response?.note?.trim() ? response.note : null;
  if (note !== null || answer !== 'not_met') return note;
  const evidence = (response?.evidence ?? []).map(evidenceLine);
  return evidence.length > 0 ? `Chưa đạt, theo bằng chứng: ${evidence.join('; ')}.` : 'Chưa đạt (Tổ kiểm tra không ghi chú thêm).';
}

/**
 * The answers as sent, with every photo's `verification` replaced by what the service stored for
 * the same photo (same SHA-256) on this visit, or dropped. A client never sets a verification: it
 * is the service's record of what a plugin's verifier found. Dropped rather than refused, so
 * answers read back from the visit (verification included) can be sent again unchanged — the
 * value sent is never stored nor seen by a verifier either way.
 */
function withStoredVerifications(answers: Record<string, ChecklistItemResponse>, stored: VisitRecord['response']): Record<string, ChecklistItemResponse> {
  const bySha = new Map<string, EvidenceVerification>();
  for (const answer of Object.values(stored?.answers ?? {})) {
    for (const e of answer.evidence) if (e.kind === 'photo' && e.sha256 !== undefined && e.verification !== undefined && !bySha.has(e.sha256)) bySha.set(e.sha256, e.verification);
  }
  const out: Record<string, ChecklistItemResponse> = {};
  for (const [itemId, answer] of Object.entries(answers)) {
    if (!answer.evidence.some((e) => e.kind === 'photo')) {
      out[itemId] = answer;
      continue;
    }
    const evidence = answer.evidence.map((e): Evidence => {
      if (e.kind !== 'photo') return e;
      const { verification: _sent, ...photo } = e;
      const kept = photo.sha256 === undefined ? undefined : bySha.get(photo.sha256);
      return kept === undefined ? photo : { ...photo, verification: kept };
    });
    out[itemId] = { ...answer, evidence };
  }
  return out;
}

const verificationKey = (v: Omit<EvidenceVerification, 'verifiedAt'>): string =>
  JSON.stringify([v.by, v.status, v.payload ?? null, v.locationCode ?? null, v.reasonVi, v.reasonEn]);

/**
 * The response with what the evidence verifiers found stamped on each photo they returned a
 * record for. A result equal to the one the photo already carries keeps its `verifiedAt`.
 */
function stampVerifications(response: ChecklistResponse, records: readonly VerifierRecordEntry[], at: string): ChecklistResponse {
  if (records.length === 0) return response;
  const answers = { ...response.answers };
  for (const { itemId, index, verification } of records) {
    const answer = answers[itemId]!;
    const photo = answer.evidence[index];
    if (photo?.kind !== 'photo') continue;
    const same = photo.verification !== undefined && verificationKey(photo.verification) === verificationKey(verification);
    const evidence = [...answer.evidence];
    evidence[index] = { ...photo, verification: same ? photo.verification! : { ...verification, verifiedAt: at } };
    answers[itemId] = { ...answer, evidence };
  }
  return { ...response, answers };
}

async function save(ctx: ServiceContext, actor: Actor, action: string, version: number, next: VisitRecord, extras?: CommitExtras): Promise<CommandResult> {
  return commitMain(
    ctx,
    actor,
    action,
    { collection: COLLECTIONS.visits, id: next.visit.id, data: next, indexes: visitIndexes(next), expectedVersion: version, state: stateOf(next.lifecycle) },
    extras,
  );
}

/**
 * Starts a visit on site. From this instant (and not before) the visit is visible to the
 * target. The campaign moves to `inspecting` with its first started visit. `at` defaults to the
 * service clock.
 */
export const startVisit = defineCommand({
  name: 'visit.start',
  summary: { vi: 'Bắt đầu cuộc kiểm tra tại đơn vị', en: 'Starts a visit on site; from this instant the visit is visible to the target' },
  input: VisitIdInput.extend({ at: InstantSchema.optional() }),
  roles: ON_SITE,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    assertOnVisitTeam(a, v.data, 'visit.start');
    const { next, writes } = await startedVisit(ctx, v.data, cmd.at ?? nowIso(ctx));
    return save(ctx, a, 'visit.start', v.version, next, { writes });
  },
});

/** A visit as started at `at`, and the campaign write when it is the campaign's first started visit. */
export async function startedVisit(ctx: ServiceContext, visit: VisitRecord, at: string): Promise<{ next: VisitRecord; writes: AggregateWrite[] }> {
  const lifecycle = step(visit.lifecycle, [{ type: 'visit.start' }]);
  const campaign = await loadCampaign(ctx, visit.visit.campaignId);
  const writes: AggregateWrite[] = [];
  if (lifecycleState(campaign.data.lifecycle).state === 'scheduled') {
    const r = applyLifecycleEvent('campaign', campaign.data.lifecycle, { type: 'inspection.begin' });
    writes.push(campaignWrite(campaign, campaign.id, { ...campaign.data, lifecycle: r.persisted }));
  }
  return { next: { ...visit, lifecycle, visit: { ...visit.visit, startedAt: at } }, writes };
}

/**
 * Records answers and evidence (merged into what was recorded). Rules are checked as each
 * answer comes; `complete: true` also requires every required item and closes the checklist.
 */
export const recordAnswers = defineCommand({
  name: 'answers.record',
  summary: { vi: 'Ghi nhận kết quả kiểm tra theo từng nội dung', en: 'Records answers and evidence, merged into what was recorded; complete: true closes the checklist' },
  input: VisitIdInput.extend({
    answers: z.record(IdSchema, ChecklistItemResponseSchema).refine(...atMostKeys(INPUT_LIMITS.lists.answers, 'câu trả lời / answers')),
    complete: z.boolean().default(false),
  }),
  roles: ON_SITE,
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    assertOnVisitTeam(a, v.data, 'answers.record');
    return saveAnswers(ctx, a, 'answers.record', v, cmd.answers, cmd.complete);
  },
});

/**
 * Merges answers into a visit's checklist response, checks them against the pinned template (and
 * the plugins), steps the lifecycle (and closes the checklist with `complete`), and commits under
 * `action` with the visit's version as read.
 */
export async function saveAnswers(
  ctx: ServiceContext,
  a: Actor,
  action: string,
  v: { version: number; data: VisitRecord },
  answers: Record<string, ChecklistItemResponse>,
  complete: boolean,
  details: Record<string, unknown> = {},
  writes: AggregateWrite[] = [],
): Promise<CommandResult & { verdict: VisitRecord['verdict'] }> {
  const template = templateFor(ctx, v.data.visit.checklist);
  const at = nowIso(ctx);
  const merged = {
    templateId: template.id,
    templateVersion: template.version,
    targetId: v.data.visit.targetId,
    visitId: v.data.visit.id,
    answers: { ...(v.data.response?.answers ?? {}), ...withStoredVerifications(answers, v.data.response) },
    answeredBy: a.id,
    answeredAt: at,
  };
  const checked = validateChecklistResponseWithRecords(template, merged, { allowUnanswered: !complete, plugins: ctx.plugins });
  const { evaluation } = checked;
  const response = stampVerifications(checked.response, checked.records, at);
  const events: LifecycleEvent<'visit'>[] = Object.entries(response.answers)
    .filter(([, ans]) => ans.answer !== null)
    .map(([itemId]) => ({ type: 'item.answer', itemId }));
  if (complete) events.push({ type: 'checklist.complete' });
  const verdict = complete ? evaluation.unit.verdict : null;
  const next: VisitRecord = { ...v.data, lifecycle: step(v.data.lifecycle, events), response, verdict };
  const res = await save(ctx, a, action, v.version, next, { details: { items: Object.keys(answers).length, verdict, ...details }, writes });
  return { ...res, verdict };
}

/** Draws up the minutes from the answers: findings item by item, assessment, requests. `endedAt` defaults to the service clock. */
export const draftMinutes = defineCommand({
  name: 'minutes.draft',
  summary: { vi: 'Lập biên bản kiểm tra từ kết quả', en: 'Draws up the minutes from the answers: findings item by item, assessment, requests' },
  input: VisitIdInput.extend({
    endedAt: InstantSchema.optional(),
    place: ShortTextSchema,
    representatives: boundedList(UnitRepresentativeSchema, INPUT_LIMITS.lists.representatives, 'người đại diện / representatives').min(1),
    explanation: TextSchema.nullable().default(null),
    assessment: TextSchema,
    requests: boundedList(RemediationRequestSchema, INPUT_LIMITS.lists.requests, 'yêu cầu khắc phục / remediation requests').default([]),
  }),
  roles: ['inspectorateLead', 'secretary'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    assertOnVisitTeam(a, v.data, 'minutes.draft');
    const endedAt = cmd.endedAt ?? nowIso(ctx);
    const lifecycle = step(v.data.lifecycle, [{ type: 'minutes.draft' }]);
    const template = templateFor(ctx, v.data.visit.checklist);
    const response = v.data.response ?? { templateId: template.id, templateVersion: template.version, targetId: v.data.visit.targetId, visitId: v.id, answers: {} };
    const evaluation = evaluateChecklist(template, response, { plugins: ctx.plugins });
    const findings = evaluation.items
      .filter((i) => i.answer !== null)
      .map((i) => ({ itemId: i.itemId, verdict: i.answer!, note: findingNote(i.answer!, response.answers[i.itemId]), critical: i.critical }));
    const minutes = parseOrThrow(
      MinutesSchema,
      {
        tenantId: ctx.tenant.id,
        id: `${v.id}.minutes`,
        visitId: v.id,
        numberSymbol: null,
        startedAt: v.data.visit.startedAt,
        endedAt,
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
    return save(ctx, a, 'minutes.draft', v.version, { ...v.data, lifecycle, minutes, visit: { ...v.data.visit, endedAt } });
  },
});

/** Records both signatures (the unit's representative and the team lead). `signedAt` defaults to the service clock. */
export const signMinutes = defineCommand({
  name: 'minutes.sign',
  summary: { vi: 'Ký biên bản (đại diện đơn vị và Trưởng đoàn)', en: "Records both signatures (the unit's representative and the team lead)" },
  input: VisitIdInput.extend({ signedAt: InstantSchema.optional() }),
  roles: ['inspectorateLead'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    const lifecycle = step(v.data.lifecycle, [
      { type: 'signature.record', party: 'inspectedUnit', signerId: v.data.visit.targetId },
      { type: 'signature.record', party: 'teamLead', signerId: a.id },
      { type: 'minutes.sign' },
    ]);
    const signedAt = cmd.signedAt ?? nowIso(ctx);
    const minutes = { ...v.data.minutes!, signatures: { unitRepresentative: { signedAt }, teamLead: { signedAt } } };
    return save(ctx, a, 'minutes.sign', v.version, { ...v.data, lifecycle, minutes });
  },
});

/** Records that the unit's representative refused to sign, with the reason; the lead signs. `recordedAt` defaults to the service clock. */
export const refuseSignature = defineCommand({
  name: 'signature.refuse',
  summary: { vi: 'Ghi nhận việc đại diện đơn vị từ chối ký biên bản', en: "Records that the unit's representative refused to sign, with the reason; the lead signs" },
  input: VisitIdInput.extend({ reason: TextSchema, recordedAt: InstantSchema.optional() }),
  roles: ['inspectorateLead'],
  errors: STEP_ERRORS,
  async run(ctx, a, cmd) {
    const v = await loadVisit(ctx, cmd.visitId);
    const lifecycle = step(v.data.lifecycle, [
      { type: 'signature.record', party: 'teamLead', signerId: a.id },
      { type: 'minutes.refuseSignature', reason: cmd.reason },
    ]);
    const recordedAt = cmd.recordedAt ?? nowIso(ctx);
    const minutes = {
      ...v.data.minutes!,
      signatures: { unitRepresentative: null, teamLead: { signedAt: recordedAt } },
      refusal: { reason: cmd.reason, recordedAt },
    };
    return save(ctx, a, 'signature.refuse', v.version, { ...v.data, lifecycle, minutes });
  },
});

/** A leadership step on one visit whose lifecycle event has the command's name and changes nothing else. */
function visitStep<const N extends 'visit.review' | 'visit.close'>(name: N, summary: { vi: string; en: string }) {
  return defineCommand({
    name,
    summary,
    input: VisitIdInput,
    roles: LEADERSHIP,
    errors: STEP_ERRORS,
    async run(ctx, a, cmd) {
      const v = await loadVisit(ctx, cmd.visitId);
      return save(ctx, a, name, v.version, { ...v.data, lifecycle: step(v.data.lifecycle, [{ type: name }]) });
    },
  });
}

/**
 * Reviews a visit (its minutes are signed or the refusal recorded). Only the visit is written:
 * reviews of different visits of one campaign never conflict, and the reviewed visit counts as
 * settled when reporting begins.
 */
export const reviewVisit = visitStep('visit.review', { vi: 'Xem xét kết quả cuộc kiểm tra', en: 'Reviews a visit whose minutes are signed or whose refusal is recorded' });

/** Closes a reviewed visit. */
export const closeVisit = visitStep('visit.close', { vi: 'Kết thúc cuộc kiểm tra đã xem xét', en: 'Closes a reviewed visit' });
