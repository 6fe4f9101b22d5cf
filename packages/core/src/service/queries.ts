import { z } from 'zod';
import { lifecycleState } from '../lifecycle/lifecycle-api.js';
import { IdSchema } from '../entities/primitives.js';
import { TargetSchema, type Target } from '../entities/target.js';
import type { Contact } from '../entities/person.js';
import type { ChecklistVerdict } from '../checklist/checklist-evaluation.js';
import type { OutboxRecord } from '../contracts/storage-adapter.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { parseOrThrow } from '../internal/parse.js';
import { authorize } from '../policy/permissions.js';
import { ActorSchema, type Actor } from '../policy/roles.js';
import { canSeeVisit, maskContact } from '../policy/visibility.js';
import { verifyAuditChain, type AuditChainVerification } from './audit-chain.js';
import { personOrNull } from './directory.js';
import { COLLECTIONS, CampaignRecordSchema, RemediationRecordSchema, VisitRecordSchema, stateOf, visitVisibilityFacts, type VisitRecord } from './records.js';
import { load, loadAll, loadOptional, type Loaded, type ServiceContext } from './service-context.js';

/** A visit as a query returns it: only what the actor may see. */
export interface VisitView {
  id: string;
  campaignId: string;
  targetId: string;
  targetName: string;
  districtCode: string;
  scheduledOn: string;
  state: string;
  startedAt: string | null;
  verdict: ChecklistVerdict | null;
  minutesSigned: boolean;
  signatureRefused: boolean;
}

/** A campaign overview, restricted to what the actor may see. */
export interface CampaignOverview {
  id: string;
  title: string;
  form: 'unannounced' | 'announced';
  period: { from: string; to: string };
  planNumberSymbol: string | null;
  state: string;
  team: { personId: string; fullName: string; position: string; role: string; contact: Contact | null }[];
  nominations: { total: number; late: number };
  visits: { total: number; byState: Record<string, number>; byDistrict: Record<string, number> };
  remediation: { total: number; byState: Record<string, number> };
  reportNumberSymbol: string | null;
}

const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

/** Read side. Every query checks the role, then filters by scope and the embargo. */
export function queries(ctx: ServiceContext) {
  const actorOf = (input: unknown): Actor => {
    const actor = parseOrThrow(ActorSchema, input, 'Actor');
    authorize(actor.role, 'campaign.read');
    return actor;
  };
  const targetsCache = async (ids: string[]) => {
    const map = new Map<string, Target>();
    for (const id of new Set(ids)) {
      const t = await loadOptional(ctx, COLLECTIONS.targets, id, TargetSchema);
      if (t) map.set(id, t.data);
    }
    return map;
  };
  const view = (v: Loaded<VisitRecord>, targets: Map<string, Target>): VisitView => ({
    id: v.id,
    campaignId: v.data.visit.campaignId,
    targetId: v.data.visit.targetId,
    targetName: targets.get(v.data.visit.targetId)?.name ?? v.data.visit.targetId,
    districtCode: v.data.visit.districtCode,
    scheduledOn: v.data.visit.scheduledOn,
    state: stateOf(v.data.lifecycle),
    startedAt: v.data.visit.startedAt,
    verdict: v.data.verdict,
    minutesSigned: v.data.minutes?.signatures.unitRepresentative != null,
    signatureRefused: v.data.minutes?.refusal != null,
  });
  const visibleVisits = async (actor: Actor, campaignId: string) =>
    (await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId }, orderBy: { field: 'scheduledOn' } }, VisitRecordSchema)).filter((v) =>
      canSeeVisit(actor, visitVisibilityFacts(v.data)),
    );

  return {
    /** Visits of a campaign the actor may see, optionally by state and district. */
    listVisits: async (actorInput: unknown, input: unknown): Promise<VisitView[]> => {
      const actor = actorOf(actorInput);
      const q = parseOrThrow(z.object({ campaignId: IdSchema, state: z.string().optional(), districtCode: z.string().optional() }), input, 'listVisits');
      const visits = (await visibleVisits(actor, q.campaignId)).filter(
        (v) => (q.state === undefined || stateOf(v.data.lifecycle) === q.state) && (q.districtCode === undefined || v.data.visit.districtCode === q.districtCode),
      );
      const targets = await targetsCache(visits.map((v) => v.data.visit.targetId));
      return visits.map((v) => view(v, targets));
    },

    /** One visit; `NOT_FOUND` when the actor may not see it (an embargoed visit does not exist for its target). */
    getVisit: async (actorInput: unknown, input: unknown): Promise<VisitView> => {
      const actor = actorOf(actorInput);
      const { visitId } = parseOrThrow(z.object({ visitId: IdSchema }), input, 'getVisit');
      const v = await loadOptional(ctx, COLLECTIONS.visits, visitId, VisitRecordSchema);
      if (!v || !canSeeVisit(actor, visitVisibilityFacts(v.data))) throw new NotFoundError({ collection: COLLECTIONS.visits, id: visitId });
      return view(v, await targetsCache([v.data.visit.targetId]));
    },

    /** The campaign at a glance, counted over the visits the actor may see; contacts masked by role. */
    getCampaignOverview: async (actorInput: unknown, input: unknown): Promise<CampaignOverview> => {
      const actor = actorOf(actorInput);
      const { campaignId } = parseOrThrow(z.object({ campaignId: IdSchema }), input, 'getCampaignOverview');
      const c = (await load(ctx, COLLECTIONS.campaigns, campaignId, CampaignRecordSchema)).data;
      const visits = await visibleVisits(actor, campaignId);
      const remediations = actor.role === 'targetRepresentative' ? [] : await loadAll(ctx, { collection: COLLECTIONS.remediations, where: { campaignId } }, RemediationRecordSchema);
      const team = [];
      for (const m of c.team?.members ?? []) {
        const p = await personOrNull(ctx, m.personId);
        team.push({ personId: m.personId, fullName: p?.fullName ?? m.personId, position: p?.position ?? '', role: m.role, contact: maskContact(p?.contact ?? null, actor.role) });
      }
      return {
        id: c.campaign.id,
        title: c.campaign.title,
        form: c.campaign.form,
        period: c.campaign.period,
        planNumberSymbol: c.planNumberSymbol,
        state: String(lifecycleState(c.lifecycle).state),
        team,
        nominations: { total: c.nominations.length, late: c.nominations.filter((n) => n.late).length },
        visits: { total: visits.length, byState: count(visits.map((v) => stateOf(v.data.lifecycle))), byDistrict: count(visits.map((v) => v.data.visit.districtCode)) },
        remediation: { total: remediations.length, byState: count(remediations.map((r) => stateOf(r.data.lifecycle))) },
        reportNumberSymbol: c.report?.numberSymbol ?? null,
      };
    },

    /** Outbox messages: all for leadership; for anyone else only those addressed to them. */
    listMessages: async (actorInput: unknown): Promise<OutboxRecord[]> => {
      const actor = actorOf(actorInput);
      const all: OutboxRecord[] = [];
      for (const status of ['pending', 'sent', 'failed'] as const) all.push(...(await ctx.storage.readOutbox(ctx.tenant.id, { status, limit: 100_000 })));
      all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      return ['director', 'inspectorateLead'].includes(actor.role) ? all : all.filter((m) => m.recipient.id === actor.id);
    },

    /** Checks the tenant's whole audit chain. */
    verifyAudit: async (actorInput: unknown): Promise<AuditChainVerification> => {
      const actor = parseOrThrow(ActorSchema, actorInput, 'Actor');
      authorize(actor.role, 'audit.read');
      const events = [];
      let after = 0;
      for (;;) {
        const page = await ctx.storage.readAudit(ctx.tenant.id, { afterSeq: after, limit: 1000 });
        events.push(...page);
        if (page.length < 1000) break;
        after = page[page.length - 1]!.seq;
      }
      return verifyAuditChain(events);
    },
  };
}
