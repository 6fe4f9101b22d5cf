import { z } from 'zod';
import { IdSchema } from '../../entities/primitives.js';
import { TargetSchema, type Target } from '../../entities/target.js';
import type { Contact } from '../../entities/person.js';
import type { ChecklistVerdict } from '../../checklist/checklist-evaluation.js';
import type { CountGroup, IndexFilter, OutboxRecord } from '../../contracts/storage-adapter.js';
import type { InspectionForm } from '../../entities/campaign.js';
import { NotFoundError } from '../../errors/not-found-error.js';
import type { Actor } from '../../policy/roles.js';
import { defineQuery } from '../define-command.js';
import { READERS } from './command-roles.js';
import { canSeeCampaignWide, canSeeVisit, isEmbargoed, maskContact } from '../../policy/visibility.js';
import { AuditCheckpointSchema, takeAuditCheckpoint, verifyTenantAudit, type AuditCheckpoint, type AuditVerification } from '../audit-verification.js';
import { personOrNull } from '../directory.js';
import { COLLECTIONS, VisitListingSchema, VisitRecordSchema, stateOf, visitVisibilityFacts, type VisitListing } from '../records.js';
import { checkedRecord, loadAll, loadOptional, nowIso, type Loaded, type ServiceContext } from '../service-context.js';
import { embargoHold } from '../outbox-delivery.js';
import { CampaignIdInput, loadCampaign } from './command-common.js';

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

/** Sums grouped counts by one key field (a null key, which index fields never hold here, is `'null'`). */
const sumBy = (groups: readonly CountGroup[], field: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const g of groups) {
    const k = String(g.key[field] ?? null);
    out[k] = (out[k] ?? 0) + g.count;
  }
  return out;
};
const totalOf = (groups: readonly CountGroup[]): number => groups.reduce((n, g) => n + g.count, 0);

/**
 * The part of a campaign's visits an actor may see, as index filters — the same rule as
 * `canSeeVisit`: everything for the roles that see the whole schedule, a district's visits for its
 * representative, a target's visits for its representative (`embargoFor`: their started ones
 * only, in an unannounced campaign), nothing for anyone else (`null`).
 */
interface VisitScope {
  where: Record<string, IndexFilter>;
  /** The target's representative: the embargo (`isEmbargoed`) still applies. */
  embargoFor: string | null;
}
function visitScope(actor: Actor): VisitScope | null {
  if (actor.role === 'districtRepresentative') {
    return actor.districtCode === undefined ? null : { where: { districtCode: actor.districtCode }, embargoFor: null };
  }
  if (actor.role === 'targetRepresentative') {
    return actor.targetId === undefined ? null : { where: { targetId: actor.targetId }, embargoFor: actor.targetId };
  }
  // For every other role, seeing a visit does not depend on the visit: ask the rule itself.
  return canSeeVisit(actor, { targetId: '', districtCode: '', startedAt: null, state: '', form: 'announced' }) ? { where: {}, embargoFor: null } : null;
}

/**
 * Visits of a campaign the actor may see, counted in storage by state and district
 * (`countBy`: the adapter's GROUP BY, or core's paging fallback). For a target's representative
 * the groups also split on the `started` index field, and those the embargo hides are dropped.
 */
async function countVisibleVisits(ctx: ServiceContext, actor: Actor, campaignId: string, form: InspectionForm): Promise<CountGroup[]> {
  const scope = visitScope(actor);
  if (scope === null) return [];
  const groupBy = scope.embargoFor === null ? ['state', 'districtCode'] : ['state', 'districtCode', 'started'];
  const { groups } = await ctx.storage.countBy({ collection: COLLECTIONS.visits, tenantId: ctx.tenant.id, where: { ...scope.where, campaignId }, groupBy });
  if (scope.embargoFor === null) return groups;
  // `started` is `startedAt !== null`; every visit of a campaign has the campaign's form.
  return groups.filter(
    (g) =>
      !isEmbargoed({
        form,
        startedAt: g.key.started === true ? 'started' : null,
        state: String(g.key.state),
        targetId: scope.embargoFor ?? '',
        districtCode: String(g.key.districtCode),
      }),
  );
}

const targetsCache = async (ctx: ServiceContext, ids: string[]) => {
  const map = new Map<string, Target>();
  for (const id of new Set(ids)) {
    const t = await loadOptional(ctx, COLLECTIONS.targets, id, TargetSchema);
    if (t) map.set(id, t.data);
  }
  return map;
};
const view = (v: Loaded<VisitListing>, targets: Map<string, Target>): VisitView => ({
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
/**
 * Visits of a campaign the actor may see, sorted by date: the role's scope and the optional
 * filters go to storage as `where`, so only candidates are loaded; `canSeeVisit` (the embargo)
 * still decides on each.
 */
/** The index filters of the visits of a campaign the actor may see with the optional filters, or null when there are none. */
const visibleWhere = (actor: Actor, campaignId: string, filters: VisitFilters): Record<string, IndexFilter> | null => {
  const scope = visitScope(actor);
  if (scope === null) return null;
  const where: Record<string, IndexFilter> = { ...scope.where, campaignId };
  if (filters.state !== undefined) where.state = filters.state;
  if (filters.districtCode !== undefined) {
    if (where.districtCode !== undefined && where.districtCode !== filters.districtCode) return null;
    where.districtCode = filters.districtCode;
  }
  return where;
};
type VisitFilters = { state?: string; districtCode?: string };
/** `canSeeVisit` (the embargo) and the filters, on each loaded candidate. */
const isVisible = (actor: Actor, filters: VisitFilters) => (v: Loaded<VisitListing>) =>
  canSeeVisit(actor, visitVisibilityFacts(v.data)) &&
  (filters.state === undefined || stateOf(v.data.lifecycle) === filters.state) &&
  (filters.districtCode === undefined || v.data.visit.districtCode === filters.districtCode);
const visibleVisits = async (ctx: ServiceContext, actor: Actor, campaignId: string, filters: VisitFilters = {}) => {
  const where = visibleWhere(actor, campaignId, filters);
  if (where === null) return [];
  return (await loadAll(ctx, { collection: COLLECTIONS.visits, where, orderBy: { field: 'scheduledOn' } }, VisitListingSchema)).filter(isVisible(actor, filters));
};

/** Visits of a campaign the actor may see, optionally by state and district. */
export const listVisits = defineQuery({
  name: 'visits.list',
  summary: { vi: 'Danh sách cuộc kiểm tra người dùng được xem', en: 'Visits of a campaign the actor may see, optionally by state and district' },
  input: CampaignIdInput.extend({ state: z.string().optional(), districtCode: z.string().optional() }),
  roles: READERS,
  errors: [],
  async run(ctx, actor, q): Promise<VisitView[]> {
    const visits = await visibleVisits(ctx, actor, q.campaignId, {
      ...(q.state === undefined ? {} : { state: q.state }),
      ...(q.districtCode === undefined ? {} : { districtCode: q.districtCode }),
    });
    const targets = await targetsCache(
      ctx,
      visits.map((v) => v.data.visit.targetId),
    );
    return visits.map((v) => view(v, targets));
  },
});

/** One page of visits: what `visitPage.get` returns. */
export interface VisitPage {
  /** At most `limit` visits, by scheduled date then id (fewer when the embargo hides some of the page). */
  items: VisitView[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * One page of the visits of a campaign the actor may see, by scheduled date: the same scope and
 * filters as `visits.list`, but the cost of a page does not grow with the campaign — storage
 * reads the page through the `scheduledOn` index and stops.
 */
export const getVisitPage = defineQuery({
  name: 'visitPage.get',
  summary: {
    vi: 'Một trang danh sách cuộc kiểm tra người dùng được xem',
    en: 'One page of the visits of a campaign the actor may see, by date; the cost of a page does not grow with the campaign',
  },
  input: CampaignIdInput.extend({
    state: z.string().optional(),
    districtCode: z.string().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z.string().min(1).nullable().default(null),
  }),
  roles: READERS,
  errors: [],
  async run(ctx, actor, q): Promise<VisitPage> {
    const filters: VisitFilters = { ...(q.state === undefined ? {} : { state: q.state }), ...(q.districtCode === undefined ? {} : { districtCode: q.districtCode }) };
    const where = visibleWhere(actor, q.campaignId, filters);
    if (where === null) return { items: [], nextCursor: null };
    const page = await ctx.storage.query({ collection: COLLECTIONS.visits, tenantId: ctx.tenant.id, where, orderBy: { field: 'scheduledOn' }, limit: q.limit, cursor: q.cursor });
    const visits = page.items.map((rec) => checkedRecord(ctx, VisitListingSchema, rec)).filter(isVisible(actor, filters));
    const targets = await targetsCache(
      ctx,
      visits.map((v) => v.data.visit.targetId),
    );
    return { items: visits.map((v) => view(v, targets)), nextCursor: page.nextCursor };
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

/**
 * The campaign at a glance, counted over the visits the actor may see; contacts masked by role
 * (`maskContact`); the team empty for a target's representative (`canSeeCampaignWide`).
 */
export const getCampaignOverview = defineQuery({
  name: 'campaignOverview.get',
  summary: { vi: 'Tổng quan đợt kiểm tra', en: 'The campaign at a glance, over the visits the actor may see; contacts masked by role' },
  input: CampaignIdInput,
  roles: READERS,
  errors: ['NOT_FOUND'],
  async run(ctx, actor, { campaignId }): Promise<CampaignOverview> {
    const c = (await loadCampaign(ctx, campaignId)).data;
    const visits = await countVisibleVisits(ctx, actor, campaignId, c.campaign.form);
    const remediations =
      actor.role === 'targetRepresentative'
        ? []
        : (await ctx.storage.countBy({ collection: COLLECTIONS.remediations, tenantId: ctx.tenant.id, where: { campaignId }, groupBy: ['state'] })).groups;
    // Who is on the team is for the roles that see the campaign as a whole: a target's
    // representative gets an empty list — not names with masked contacts, since a name, a
    // position and a role identify an inspector as well as a phone number does. The unit meets
    // the members who visit it, and its minutes name them.
    const team = [];
    for (const m of canSeeCampaignWide(actor) ? (c.team?.members ?? []) : []) {
      const p = await personOrNull(ctx, m.personId);
      team.push({ personId: m.personId, fullName: p?.fullName ?? m.personId, position: p?.position ?? '', role: m.role, contact: maskContact(p?.contact ?? null, actor.role) });
    }
    return {
      id: c.campaign.id,
      title: c.campaign.title,
      form: c.campaign.form,
      period: c.campaign.period,
      planNumberSymbol: c.planNumberSymbol,
      state: stateOf(c.lifecycle),
      team,
      nominations: { total: c.nominations.length, late: c.nominations.filter((n) => n.late).length },
      visits: { total: totalOf(visits), byState: sumBy(visits, 'state'), byDistrict: sumBy(visits, 'districtCode') },
      remediation: { total: totalOf(remediations), byState: sumBy(remediations, 'state') },
      reportNumberSymbol: c.report?.numberSymbol ?? null,
    };
  },
});

/**
 * Outbox messages, oldest first: all for leadership; for anyone else only those addressed to
 * them, and never one the embargo holds from them (a message about an unannounced visit to their
 * own unit, whatever role it names them in).
 */
export const listMessages = defineQuery({
  name: 'messages.list',
  summary: { vi: 'Thư, thông báo trong hộp thư đi', en: 'Outbox messages: all for leadership; for anyone else only those addressed to them' },
  input: z.strictObject({
    /** Only messages in this delivery state (`dead`: the dead letters). */
    status: z.enum(['pending', 'sending', 'sent', 'dead']).optional(),
    /** At most this many. */
    limit: z.number().int().min(1).max(10_000).optional(),
  }),
  roles: READERS,
  errors: [],
  async run(ctx, actor, { status, limit }): Promise<OutboxRecord[]> {
    const all = await ctx.storage.readOutbox(ctx.tenant.id, { status, limit: limit ?? 1000 });
    if (['director', 'inspectorateLead'].includes(actor.role)) return all;
    const now = nowIso(ctx);
    const mine: OutboxRecord[] = [];
    for (const m of all) if (m.recipient.id === actor.id && (await embargoHold(ctx, m, now, 1)) === null) mine.push(m);
    return mine;
  },
});

const AUDITORS = ['director', 'inspectorateLead', 'provincialViewer'] as const;

/**
 * Checks the tenant's audit log and records, streaming (memory bounded by the number of records,
 * not by the log): the chain (tenant, seq, link, hash, and `mac` with the audit key), every
 * stored record against the last event that wrote it (version and data digest), and optionally
 * a published checkpoint.
 */
export const verifyAudit = defineQuery({
  name: 'audit.verify',
  summary: {
    vi: 'Kiểm tra tính toàn vẹn của nhật ký và dữ liệu (tùy chọn: so với một mốc kiểm tra)',
    en: "Checks the tenant's audit chain and every record against it (optionally against a checkpoint)",
  },
  input: z.strictObject({ checkpoint: AuditCheckpointSchema.optional() }),
  roles: AUDITORS,
  errors: [],
  async run(ctx, _actor, { checkpoint }): Promise<AuditVerification> {
    return verifyTenantAudit(ctx, checkpoint);
  },
});

/** The head of the audit chain now (seq, hash, signed with the audit key if any): print it or send it out, verify against it later. */
export const checkpointAudit = defineQuery({
  name: 'audit.checkpoint',
  summary: {
    vi: 'Lấy mốc kiểm tra nhật ký (số thứ tự, mã băm cuối) để in hoặc gửi ra ngoài',
    en: 'The head of the audit chain now (seq, hash, HMAC with the audit key), to print or send out and verify against later',
  },
  input: z.strictObject({}),
  roles: AUDITORS,
  errors: [],
  async run(ctx): Promise<AuditCheckpoint> {
    return takeAuditCheckpoint(ctx);
  },
});
