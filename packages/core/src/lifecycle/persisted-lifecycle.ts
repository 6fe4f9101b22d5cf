import { z } from 'zod';
import { LifecycleKindSchema } from './lifecycle-kind.js';

/**
 * A machine snapshot as XState v5's `getPersistedSnapshot` writes it for our flat machines,
 * after a JSON round trip: `status`, the state `value` (a state name), the `context`, and the
 * empty `historyValue` / `children` (our machines have neither history states nor children).
 *
 * @example
 * ```ts
 * PersistedSnapshotSchema.parse({ status: 'active', value: 'planned', context: { visitId: 'v1' }, historyValue: {}, children: {} });
 * ```
 */
export const PersistedSnapshotSchema = z.object({
  status: z.enum(['active', 'done']),
  value: z.string().min(1),
  context: z.record(z.string(), z.unknown()),
  historyValue: z.record(z.string(), z.unknown()).optional(),
  children: z.strictObject({}).optional(),
});
/**
 * A persisted machine snapshot (see {@link PersistedSnapshotSchema}).
 *
 * @example
 * ```ts
 * const value: string = (persisted.snapshot as PersistedSnapshot).value; // 'planned'
 * ```
 */
export type PersistedSnapshot = z.infer<typeof PersistedSnapshotSchema>;

/**
 * What storage keeps for one lifecycle: which machine wrote it, the machine's version at the
 * time, and the snapshot. Plain JSON; an older `machineVersion` is upgraded by
 * `migratePersisted` before use.
 *
 * @example
 * ```ts
 * const persisted: PersistedLifecycle = startLifecycle('remediation', { remediationId: 'rem-1' });
 * PersistedLifecycleSchema.parse(JSON.parse(JSON.stringify(persisted))); // round-trips
 * ```
 */
export const PersistedLifecycleSchema = z.object({
  machineId: LifecycleKindSchema,
  machineVersion: z.number().int().positive(),
  snapshot: PersistedSnapshotSchema,
});
/**
 * One persisted lifecycle (see {@link PersistedLifecycleSchema}).
 *
 * @example
 * ```ts
 * const stored: PersistedLifecycle = JSON.parse(row.lifecycle_json);
 * ```
 */
export type PersistedLifecycle = z.infer<typeof PersistedLifecycleSchema>;
