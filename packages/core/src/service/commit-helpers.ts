import type { Actor } from '../policy/roles.js';
import type { AggregateWrite, OutboxDraft, StagedWrites } from './unit-of-work.js';
import { commitPlan } from './unit-of-work.js';
import { AGGREGATE_SCHEMAS, COLLECTIONS, campaignIndexes, stateOf, type CampaignRecord } from './records.js';
import { nowIso, type Loaded, type ServiceContext } from './service-context.js';
import type { CommandResult } from './run-command.js';

/** What a command commits besides its main record. */
export interface CommitExtras {
  details?: Record<string, unknown>;
  writes?: AggregateWrite[];
  outbox?: OutboxDraft[];
  within?: (tx: StagedWrites) => Promise<void>;
}

/** Commits one main record (+ extras) with one audit event, and returns its new state. */
export async function commitMain(ctx: ServiceContext, actor: Actor, action: string, main: AggregateWrite & { state: string }, extras: CommitExtras = {}): Promise<CommandResult> {
  const stored = await commitPlan(
    ctx.storage,
    {
      tenantId: ctx.tenant.id,
      actor,
      action,
      at: nowIso(ctx),
      auditId: ctx.ids.next('audit'),
      subject: { collection: main.collection, id: main.id },
      details: { state: main.state, ...extras.details },
      writes: [main, ...(extras.writes ?? [])],
      outbox: extras.outbox,
      within: extras.within,
    },
    ctx.auditSigner ?? null,
  );
  // What was just written is known to be valid: the next load of it at this version skips the schema check.
  const writes = [main, ...(extras.writes ?? [])];
  stored.forEach((rec, i) => {
    const schema = AGGREGATE_SCHEMAS[rec.collection];
    if (schema && rec.version === (writes[i]?.expectedVersion ?? -1) + 1) ctx.records?.set(rec.collection, rec.id, rec.version, rec.updatedAt, schema, writes[i]?.data);
  });
  return { id: main.id, state: main.state, version: stored[0]?.version ?? main.expectedVersion + 1 };
}

/** The write of a campaign record at its loaded version. */
export function campaignWrite(loaded: Loaded<CampaignRecord> | null, id: string, next: CampaignRecord): AggregateWrite & { state: string } {
  return {
    collection: COLLECTIONS.campaigns,
    id,
    data: next,
    indexes: campaignIndexes(next),
    expectedVersion: loaded?.version ?? 0,
    state: stateOf(next.lifecycle),
  };
}
