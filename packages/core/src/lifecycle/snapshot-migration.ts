import type { LifecycleKind } from './lifecycle-kind.js';
import type { PersistedSnapshot } from './persisted-lifecycle.js';

/**
 * One step that upgrades snapshots of `machineId` written by machine version `from` to version
 * `to` (`to > from`). `migrate` must be pure: it receives its own deep copy of the snapshot and
 * returns the upgraded one; it may throw (e.g. a zod error) when the old snapshot is not what
 * that version wrote — `migratePersisted` reports that as a `ValidationError`.
 *
 * @example
 * ```ts
 * const step: SnapshotMigration = {
 *   machineId: 'remediation', from: 1, to: 2,
 *   migrate: (s) => ({ ...s, context: { ...s.context, escalated: false } }),
 * };
 * ```
 */
export interface SnapshotMigration {
  /** The lifecycle whose snapshots this step upgrades. */
  readonly machineId: LifecycleKind;
  /** The machine version that wrote the snapshots this step reads. */
  readonly from: number;
  /** The machine version whose snapshots this step writes. */
  readonly to: number;
  /** What changes, for logs and the changelog. */
  readonly description?: string;
  /** The pure upgrade. */
  readonly migrate: (snapshot: PersistedSnapshot) => PersistedSnapshot;
}
