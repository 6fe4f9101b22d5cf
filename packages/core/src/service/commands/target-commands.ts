import { z } from 'zod';
import type { IndexFilter, IndexValue, StoredRecord } from '../../contracts/storage-adapter.js';
import { boundedList, IdSchema, ShortTextSchema } from '../../entities/primitives.js';
import { TargetSchema, type Target } from '../../entities/target.js';
import type { TargetType } from '../../entities/target-type.js';
import { ConflictError } from '../../errors/conflict-error.js';
import { ValidationError, type ValidationIssue } from '../../errors/validation-error.js';
import { canonicalJson } from '../../internal/canonical-json.js';
import type { Actor, Role } from '../../policy/roles.js';
import { CAMPAIGN_WIDE_ROLES } from '../../policy/visibility.js';
import { foldVietnamese } from '../../text/fold-vietnamese.js';
import { commitMain } from '../commit-helpers.js';
import { defineCommand, defineQuery } from '../define-command.js';
import { COLLECTIONS, type CampaignRecord } from '../records.js';
import { checkedRecord, type ServiceContext } from '../service-context.js';
import { LEADERSHIP } from './command-roles.js';
import { loadCampaign } from './command-common.js';

/** The most targets one `targets.register` call takes (an import registers a file in batches of this size or less). */
export const MAX_TARGETS_PER_REGISTRATION = 1000;

/**
 * Index fields of a stored target: campaign, district, type, and `nameFolded` — the name folded
 * by `foldVietnamese` (accent-, case- and space-insensitive), so a store can answer whole-name
 * equality and `targets.search` need not fold each name again. Records written before
 * `nameFolded` existed lack it: the search folds their name instead (no reindex needed).
 *
 * @internal
 */
export function targetIndexes(target: Target): Record<string, IndexValue> {
  return { campaignId: target.campaignId, districtCode: target.districtCode, type: target.type, nameFolded: foldVietnamese(target.name) };
}

/**
 * What `target.register` and `targets.register` check of one target, as issues at `prefix`:
 * the service's tenant, the campaign named (for the bulk command, the call's campaign), and a
 * type in the campaign's scope.
 *
 * @internal
 */
export function targetIssues(ctx: ServiceContext, campaign: CampaignRecord, target: Target, prefix: (string | number)[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (target.tenantId !== ctx.tenant.id) {
    issues.push({ path: [...prefix, 'tenantId'], code: 'custom', message: `phải là ${ctx.tenant.id} / tenant must be ${ctx.tenant.id}` });
  }
  if (target.campaignId !== campaign.campaign.id) {
    issues.push({
      path: [...prefix, 'campaignId'],
      code: 'custom',
      message: `phải là đợt kiểm tra ${campaign.campaign.id} / must be campaign ${campaign.campaign.id}`,
    });
  }
  if (!campaign.campaign.targetTypes.includes(target.type)) {
    issues.push({
      path: [...prefix, 'type'],
      code: 'custom',
      message: `loại "${target.type}" không thuộc phạm vi đợt kiểm tra / type "${target.type}" is not in the campaign's scope`,
    });
  }
  return issues;
}

/** The write of a new target. @internal */
export function newTargetWrite(target: Target) {
  return { collection: COLLECTIONS.targets, id: target.id, data: target, indexes: targetIndexes(target), expectedVersion: 0, state: 'registered' };
}

/** What `targets.register` returns. */
export interface TargetRegistration {
  /** How many targets this call wrote. */
  registered: number;
  /** Ids already stored with identical content (not written again), in input order. */
  existing: string[];
}

/**
 * Registers many units to inspect in one commit (one audit event): each is checked as
 * `target.register` checks one (tenant, the call's campaign, a type in its scope), ids distinct.
 * A target already stored with the same id and identical content is reported in `existing` and
 * not written, so rerunning an import batch is harmless; the same id with different content is a
 * `CONFLICT` naming it, and nothing is written.
 */
export const registerTargets = defineCommand({
  name: 'targets.register',
  summary: {
    vi: 'Đăng ký nhiều đơn vị được kiểm tra trong một lần ghi (tối đa 1000); đơn vị đã có, nội dung y hệt, được bỏ qua',
    en: 'Registers up to 1000 units to inspect in one commit; one already stored with identical content is reported as existing, different content is a CONFLICT',
  },
  input: z.strictObject({
    campaignId: IdSchema,
    targets: boundedList(TargetSchema, MAX_TARGETS_PER_REGISTRATION, 'đơn vị / targets').min(1),
  }),
  roles: [...LEADERSHIP, 'secretary'],
  errors: ['NOT_FOUND', 'CONFLICT'],
  async run(ctx, a, cmd): Promise<TargetRegistration> {
    const campaign = (await loadCampaign(ctx, cmd.campaignId)).data;
    const issues: ValidationIssue[] = [];
    const seen = new Map<string, number>();
    cmd.targets.forEach((target, i) => {
      issues.push(...targetIssues(ctx, campaign, target, ['targets', i]));
      const first = seen.get(target.id);
      if (first !== undefined) {
        issues.push({ path: ['targets', i, 'id'], code: 'custom', message: `đơn vị "${target.id}" trùng với mục ${first} / target "${target.id}" repeats entry ${first}` });
      } else seen.set(target.id, i);
    });
    if (issues.length > 0)
      throw new ValidationError({ subject: 'targets.register', issues, hint: 'Sửa các đơn vị được nêu rồi gửi lại cả lô / Fix the targets named and send the batch again.' });

    const existing: string[] = [];
    const fresh: Target[] = [];
    for (const target of cmd.targets) {
      const stored = await ctx.storage.get(COLLECTIONS.targets, ctx.tenant.id, target.id);
      if (stored === null) fresh.push(target);
      else if (canonicalJson(stored.data) === canonicalJson(target)) existing.push(target.id);
      else throw new ConflictError({ collection: COLLECTIONS.targets, id: target.id, expectedVersion: 0, actualVersion: stored.version });
    }
    const [first, ...rest] = fresh.map(newTargetWrite);
    if (first) await commitMain(ctx, a, 'targets.register', first, { writes: rest, details: { campaignId: cmd.campaignId, registered: fresh.length, existing: existing.length } });
    return { registered: fresh.length, existing };
  },
});

/** One target found by `targets.search`. */
export interface TargetSearchHit {
  id: string;
  name: string;
  type: TargetType;
  districtCode: string;
  /** The district's name from the service's reference units, or its code when it has none. */
  districtName: string;
  address: string;
  /** What matched the text: the unit's name, its district's name, or both. */
  matchedOn: 'name' | 'district' | 'both';
}

/** What `targets.search` returns. */
export interface TargetSearchResult {
  /** At most `limit` targets: name matches first, then district matches; each by folded name, then id. */
  items: TargetSearchHit[];
  /** How many targets matched in all. */
  total: number;
}

/** Roles that may search targets: those that see the campaign as a whole (a district's representative only in their district). */
const SEARCHERS: readonly Role[] = CAMPAIGN_WIDE_ROLES;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The folded name of a stored target: its `nameFolded` index, or (records written before it) its folded name. */
function foldedNameOf(rec: StoredRecord): string {
  const indexed = rec.indexes.nameFolded;
  if (typeof indexed === 'string') return indexed;
  const name = (rec.data as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? foldVietnamese(name) : '';
}

/**
 * Finds a campaign's targets by text, ignoring accents, case and extra spaces (`foldVietnamese`):
 * a target matches when the folded text occurs in its folded name or in the folded full or short
 * name of its district (from the service's `adminUnits`) — "ky anh" finds the units of both Huyện
 * Kỳ Anh (447) and Thị xã Kỳ Anh (449), and any unit named "… Kỳ Anh" elsewhere. Storage filters
 * by equality only, so the campaign's targets (a district representative's: their district's) are
 * scanned page by page; the `nameFolded` index spares folding each name, and a record without it
 * is folded on the fly. A target's representative may not search: the list would reveal the
 * units of an unannounced round.
 */
export const searchTargets = defineQuery({
  name: 'targets.search',
  summary: {
    vi: 'Tìm đơn vị được kiểm tra theo tên đơn vị hoặc tên huyện, không phân biệt dấu, hoa thường',
    en: "Finds a campaign's targets by their name or their district's name, ignoring accents and case",
  },
  input: z.strictObject({
    campaignId: IdSchema,
    text: ShortTextSchema.refine((t) => foldVietnamese(t).length > 0, { message: 'không có chữ để tìm / nothing to search for' }),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  roles: SEARCHERS,
  errors: ['NOT_FOUND'],
  async run(ctx, actor: Actor, q): Promise<TargetSearchResult> {
    await loadCampaign(ctx, q.campaignId);
    const needle = foldVietnamese(q.text);
    const districtNames = new Map<string, string>();
    const districtHits = new Set<string>();
    for (const unit of ctx.adminUnits) {
      districtNames.set(unit.code, unit.name);
      if (foldVietnamese(unit.name).includes(needle) || foldVietnamese(unit.shortName).includes(needle)) districtHits.add(unit.code);
    }
    const where: Record<string, IndexFilter> = { campaignId: q.campaignId };
    if (actor.role === 'districtRepresentative') {
      if (actor.districtCode === undefined) return { items: [], total: 0 };
      where.districtCode = actor.districtCode;
    }
    const found: { folded: string; hit: TargetSearchHit }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: StoredRecord[]; nextCursor: string | null } = await ctx.storage.query({
        collection: COLLECTIONS.targets,
        tenantId: ctx.tenant.id,
        where,
        cursor,
        limit: 500,
      });
      for (const rec of page.items) {
        const folded = foldedNameOf(rec);
        const byName = folded.includes(needle);
        const district = rec.indexes.districtCode;
        const byDistrict = typeof district === 'string' && districtHits.has(district);
        if (!byName && !byDistrict) continue;
        const t = checkedRecord(ctx, TargetSchema, rec).data;
        found.push({
          folded,
          hit: {
            id: t.id,
            name: t.name,
            type: t.type,
            districtCode: t.districtCode,
            districtName: districtNames.get(t.districtCode) ?? t.districtCode,
            address: t.address,
            matchedOn: byName && byDistrict ? 'both' : byName ? 'name' : 'district',
          },
        });
      }
      cursor = page.nextCursor;
    } while (cursor);
    const rank = (h: TargetSearchHit): number => (h.matchedOn === 'district' ? 1 : 0);
    found.sort((x, y) => rank(x.hit) - rank(y.hit) || byText(x.folded, y.folded) || byText(x.hit.id, y.hit.id));
    return { items: found.slice(0, q.limit).map((f) => f.hit), total: found.length };
  },
});
