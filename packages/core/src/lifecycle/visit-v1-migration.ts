import { z } from 'zod';
import { IdSchema } from '../entities/primitives.js';
import { IdListSchema } from './id-list-schema.js';
import type { SnapshotMigration } from './snapshot-migration.js';
import type { VisitMachineContext, VisitMachineState } from './visit-machine-schemas.js';

/**
 * The refusal reason written into a migrated v1 visit whose unit refused to sign but whose
 * record kept no note (v1 made the note optional).
 *
 * @example
 * ```ts
 * migrated.snapshot.context.signatureRefusalReason === V1_REFUSAL_REASON_NOT_RECORDED;
 * ```
 */
export const V1_REFUSAL_REASON_NOT_RECORDED = 'Đơn vị từ chối ký biên bản (bản ghi phiên bản 1 không lưu lý do)';

const V1_STATES = ['planned', 'underway', 'answered', 'minutesDrafted', 'minutesSigned', 'reviewed', 'closed', 'cancelled'] as const;

/** The context a v1 visit machine persisted (frozen: never edit, it describes stored data). */
const VisitV1ContextSchema = z.object({
  visitId: IdSchema,
  districtCode: z.string(),
  nominatedDistrictRepIds: IdListSchema,
  assignedMemberIds: IdListSchema,
  requiredItemIds: IdListSchema,
  answeredItemIds: IdListSchema,
  unitSignerId: IdSchema.nullable(),
  teamLeadSignerId: IdSchema.nullable(),
  refused: z.boolean(),
  refusalNote: z.string(),
});

/**
 * Upgrades a visit snapshot from v1 to v2:
 *
 * - state `minutesSigned` with `refused: true` → `signatureRefused` (v2's own state); every other
 *   v1 state keeps its name;
 * - `unitSignerId` / `teamLeadSignerId` → `signatures: { inspectedUnit, teamLead }`;
 * - `refused` / `refusalNote` → `signatureRefusalReason` (the note, or
 *   {@link V1_REFUSAL_REASON_NOT_RECORDED} when v1 kept none; `null` when not refused);
 * - adds `windowEnd: null` (v1 had no planned window) and `overdue: false`.
 *
 * @example
 * ```ts
 * const registry = createMigrationRegistry({ migrations: [visitV1ToV2Migration] });
 * registry.migratePersisted(v1Json).machineVersion; // 2
 * ```
 */
export const visitV1ToV2Migration: SnapshotMigration = Object.freeze<SnapshotMigration>({
  machineId: 'visit',
  from: 1,
  to: 2,
  description: 'visit v1 → v2: signatureRefused state, signatures object, refusal reason, planned window',
  migrate: (snapshot) => {
    const { context: v1, value } = z.object({ value: z.enum(V1_STATES), context: VisitV1ContextSchema }).parse(snapshot);
    const refusedAfterSigning = v1.refused && value === 'minutesSigned';
    const context: VisitMachineContext = {
      visitId: v1.visitId,
      districtCode: v1.districtCode,
      nominatedDistrictRepIds: v1.nominatedDistrictRepIds,
      assignedMemberIds: v1.assignedMemberIds,
      requiredItemIds: v1.requiredItemIds,
      answeredItemIds: v1.answeredItemIds,
      signatures: { inspectedUnit: v1.unitSignerId, teamLead: v1.teamLeadSignerId },
      signatureRefusalReason: v1.refused ? v1.refusalNote.trim() || V1_REFUSAL_REASON_NOT_RECORDED : null,
      windowEnd: null,
      overdue: false,
    };
    const v2Value: VisitMachineState = refusedAfterSigning ? 'signatureRefused' : value;
    return { status: snapshot.status, value: v2Value, context, historyValue: {}, children: {} };
  },
});
