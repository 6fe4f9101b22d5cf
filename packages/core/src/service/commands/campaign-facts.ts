import type { IndexFilter } from '../../contracts/storage-adapter.js';
import { REMEDIATION_MACHINE_STATES } from '../../lifecycle/remediation-machine-schemas.js';
import { VISIT_MACHINE_STATES } from '../../lifecycle/visit-machine-schemas.js';
import { COLLECTIONS } from '../records.js';
import type { ServiceContext } from '../service-context.js';

/**
 * The facts the campaign lifecycle's guards take from their events, counted from storage at the
 * moment a command needs them — by the `campaignId` and `state` indexes, so only the records
 * that count are read (none, on the usual path), never the campaign's whole list of visits.
 */

/** Visit states that settle a visit for reporting: reviewed (then closed), or cancelled. */
export const SETTLED_VISIT_STATES: readonly string[] = ['reviewed', 'closed', 'cancelled'];
/** Remediation states that need nothing more before the campaign closes. */
export const SETTLED_REMEDIATION_STATES: readonly string[] = ['resolved', 'sanctionProposed'];

const UNSETTLED_VISIT_STATES = VISIT_MACHINE_STATES.filter((s) => !SETTLED_VISIT_STATES.includes(s));
const OPEN_REMEDIATION_STATES = REMEDIATION_MACHINE_STATES.filter((s) => !SETTLED_REMEDIATION_STATES.includes(s));

/** How many ids a refusal message names at most (the event schema allows 20). */
const NAMED = 10;

/** A count, with the first few ids (by id) to name in a refusal. */
export interface CountedRecords {
  count: number;
  ids: string[];
}

async function countWhere(ctx: ServiceContext, collection: string, where: Record<string, IndexFilter>): Promise<CountedRecords> {
  let count = 0;
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<ServiceContext['storage']['query']>> = await ctx.storage.query({ collection, tenantId: ctx.tenant.id, where, cursor, limit: 1000 });
    count += page.items.length;
    for (const item of page.items) if (ids.length < NAMED) ids.push(item.id);
    cursor = page.nextCursor;
  } while (cursor);
  return { count, ids };
}

/** Visits of the campaign neither reviewed, closed nor cancelled (what keeps `report.begin` refused). */
export function countUnsettledVisits(ctx: ServiceContext, campaignId: string): Promise<CountedRecords> {
  return countWhere(ctx, COLLECTIONS.visits, { campaignId, state: { in: UNSETTLED_VISIT_STATES } });
}

/** Remediation of the campaign neither resolved nor sent for sanction (what keeps `campaign.close` refused). */
export function countOpenRemediations(ctx: ServiceContext, campaignId: string): Promise<CountedRecords> {
  return countWhere(ctx, COLLECTIONS.remediations, { campaignId, state: { in: OPEN_REMEDIATION_STATES } });
}
