import { z } from 'zod';
import { CivilDateSchema, IdSchema } from '../entities/primitives.js';
import { CAMPAIGN_MACHINE_STATES, CampaignNominationRecordSchema, type CampaignMachineContext } from './campaign-machine-schemas.js';
import { IdListSchema } from './id-list-schema.js';
import type { SnapshotMigration } from './snapshot-migration.js';

/** The context a v1 campaign machine persisted (frozen: never edit, it describes stored data). */
const CampaignV1ContextSchema = z.object({
  campaignId: IdSchema,
  nominationDeadline: CivilDateSchema,
  nominationWindowClosed: z.boolean(),
  nominations: z.array(CampaignNominationRecordSchema),
  leadMemberId: IdSchema.nullable(),
  visitIds: IdListSchema,
  reviewedVisitIds: IdListSchema,
  cancelledVisitIds: IdListSchema,
  openRemediationIds: IdListSchema,
  settledRemediationIds: IdListSchema,
});

/**
 * Upgrades a campaign snapshot from v1 to v2. v1 listed every visit and remediation id in its
 * context (and re-checked the lists on every review); v2 keeps two counts and takes the facts its
 * guards need from the events:
 *
 * - `visitIds` → `visits` (its length: every visit scheduled or added, cancelled ones included);
 * - `openRemediationIds` + `settledRemediationIds` → `remediations` (how many were opened);
 * - `reviewedVisitIds` / `cancelledVisitIds` are dropped: whether a visit is settled is read from
 *   the visit's own record when reporting begins;
 * - the state, the nominations, the lead and the nomination window are kept as they are.
 *
 * @example
 * ```ts
 * const registry = createMigrationRegistry();
 * registry.migratePersisted(campaignV1Json).snapshot.context.visits; // 3
 * ```
 */
export const campaignV1ToV2Migration: SnapshotMigration = Object.freeze<SnapshotMigration>({
  machineId: 'campaign',
  from: 1,
  to: 2,
  description: 'campaign v1 → v2: visit and remediation id lists become counts; guards take counted facts from their events',
  migrate: (snapshot) => {
    const { context: v1, value } = z.object({ value: z.enum(CAMPAIGN_MACHINE_STATES), context: CampaignV1ContextSchema }).parse(snapshot);
    const context: CampaignMachineContext = {
      campaignId: v1.campaignId,
      nominationDeadline: v1.nominationDeadline,
      nominationWindowClosed: v1.nominationWindowClosed,
      nominations: v1.nominations,
      leadMemberId: v1.leadMemberId,
      visits: v1.visitIds.length,
      remediations: v1.openRemediationIds.length + v1.settledRemediationIds.length,
    };
    return { status: snapshot.status, value, context, historyValue: {}, children: {} };
  },
});
