import { z } from 'zod';
import { lifecycleState } from '../../lifecycle/lifecycle-api.js';
import { IdSchema } from '../../entities/primitives.js';
import { TargetSchema, type Target } from '../../entities/target.js';
import type { Contact } from '../../entities/person.js';
import type { ChecklistVerdict } from '../../checklist/checklist-evaluation.js';
import type { OutboxRecord } from '../../contracts/storage-adapter.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { Actor } from '../../policy/roles.js';
import { defineQuery } from '../define-command.js';
import { READERS } from './command-roles.js';
import { canSeeVisit, maskContact } from '../../policy/visibility.js';
import { verifyAuditChain, type AuditChainVerification } from '../audit-chain.js';
import { personOrNull } from '../directory.js';
import { COLLECTIONS, CampaignRecordSchema, RemediationRecordSchema, VisitRecordSchema, stateOf, visitVisibilityFacts, type VisitRecord } from '../records.js';
import { load, loadAll, loadOptional, type Loaded, type ServiceContext } from '../service-context.js';

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

const CampaignIdInput = z.strictObject({ campaignId: IdSchema });

  const targetsCache = async (ctx: ServiceContext, ids: string[]) => {
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
  const visibleVisits = async (ctx: ServiceContext, actor: Actor, campaignId: string) =>
    (await loadAll(ctx, { collection: COLLECTIONS.visits, where: { campaignId }, orderBy: { field: 'scheduledOn' } }, VisitRecordSchema)).filter((v) =>
      canSeeVisit(actor, visitVisibilityFacts(v.data)),
    );

/** Visits of a campaign the actor may see, optionally by state and district. */
export const listVisits = defineQuery({
  name: 'visits.list',
  summary: { vi: 'Danh sách cuộc kiểm tra người dùng được xem', en: 'Visits of a campaign the actor may see, optionally by state and district' },
  input: CampaignIdInput.extend({ state: z.string().optional(), districtCode: z.string().optional() }),
  roles: READERS,
  errors: [],
  async run(ctx, actor, q): Promise<VisitView[]> {
      const visits = (await visibleVisits(ctx, actor, q.campaignId)).filter(
        (v) => (q.state === undefined || stateOf(v.data.lifecycle) === q.state) && (q.districtCode === undefined || v.data.visit.districtCode === q.districtCode),
      );
      const targets = await targetsCache(ctx, visits.map((v) => v.data.visit.targetId));
      return visits.map((v) => view(v, targets));
  },
});

/** One visit; `NOT_FOUND` when the actor may not see it (an embargoed visit does not exist for its target). */
export const getVisit = defineQuery({
  name: 'visit.get',
  summary: { vi: 'Một cuộc kiểm tra (không tồn tại với người không được xem)', en: 'One visit; NOT_FOUND when the actor may not see it' },
  input: z.strictObject({ visitId: IdSchema }),
  roles: READERS,
  errors: ['NOT_FOUND'],
  async run(ctx, actor, { visitId }): Promise<VisitView> {
      const v = await loadOptional(ctx, COLLECTIONS.visits, visitId, VisitRecordSchema);
      if (!v || !canSeeVisit(actor, visitVisibilityFacts(v.data))) throw new NotFoundError({ collection: COLLECTIONS.visits, id: visitId });
      return view(v, await targetsCache(ctx, [v.data.visit.targetId]));
  },
});

/** The campaign at a glance, counted over the visits the actor may see; contacts masked by role. */
export const getCampaignOverview = defineQuery({
  name: 'campaignOverview.get',
  summary: { vi: 'Tổng quan đợt kiểm tra', en: 'The campaign at a glance, over the visits the actor may see; contacts masked by role' },
  input: CampaignIdInput,
  roles: READERS,
  errors: ['NOT_FOUND'],
  async run(ctx, actor, { campaignId }): Promise<CampaignOverview> {
      const c = (await load(ctx, COLLECTIONS.campaigns, campaignId, CampaignRecordSchema)).data;
      const visits = await visibleVisits(ctx, actor, campaignId);
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
});

/** Outbox messages: all for leadership; for anyone else only those addressed to them. */
export const listMessages = defineQuery({
  name: 'messages.list',
  summary: { vi: 'Thư, thông báo trong hộp thư đi', en: 'Outbox messages: all for leadership; for anyone else only those addressed to them' },
  input: z.strictObject({}),
  roles: READERS,
  errors: [],
  async run(ctx, actor): Promise<OutboxRecord[]> {
      const all: OutboxRecord[] = [];
      for (const status of ['pending', 'sent', 'failed'] as const) all.push(...(await ctx.storage.readOutbox(ctx.tenant.id, { status, limit: 100_000 })));
      all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
      return ['director', 'inspectorateLead'].includes(actor.role) ? all : all.filter((m) => m.recipient.id === actor.id);
  },
});

/** Checks the tenant's whole audit chain. */
export const verifyAudit = defineQuery({
  name: 'audit.verify',
  summary: { vi: 'Kiểm tra tính toàn vẹn của nhật ký', en: "Checks the tenant's whole audit chain" },
  input: z.strictObject({}),
  roles: ['director', 'inspectorateLead', 'provincialViewer'],
  errors: [],
  async run(ctx): Promise<AuditChainVerification> {
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
});
