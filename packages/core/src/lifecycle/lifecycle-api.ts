import type { AnyMachineSnapshot } from 'xstate';
import { CivilDateSchema } from '../entities/primitives.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { parseOrThrow } from '../internal/parse.js';
import { LIFECYCLE_KINDS, type LifecycleKind } from './lifecycle-kind.js';
import type { LifecycleContext, LifecycleEvent, LifecycleInput, LifecycleState } from './lifecycle-machines.js';
import { migratePersisted, type MigrationRegistry } from './migration-registry.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';
import {
  acceptedEventTypes,
  currentAsIs,
  initialSnapshot,
  persistSnapshot,
  restoreSnapshot,
  runtimeDescriptor,
  sameSnapshot,
  stepSnapshot,
  type RuntimeDescriptor,
} from './lifecycle-runtime.js';

/**
 * Options of the lifecycle functions.
 *
 * @example
 * ```ts
 * applyLifecycleEvent('visit', stored, { type: 'visit.review' }, { migrations: createMigrationRegistry() });
 * ```
 */
export interface LifecycleOptions {
  /**
   * Upgrades snapshots of older machine versions before use.
   * @default the built-in registry (`createMigrationRegistry()`)
   */
  migrations?: MigrationRegistry;
}

/**
 * What applying an event (or a tick) produced. `persisted` is new plain JSON to store; the
 * input is never mutated. Store it when `changed` (state or context differ) or `migrated` (the
 * input was an older machine version, upgraded on the way).
 *
 * @example
 * ```ts
 * const r: LifecycleResult<'visit'> = applyLifecycleEvent('visit', stored, { type: 'visit.start' });
 * if (r.changed || r.migrated) await save(r.persisted);
 * ```
 */
export interface LifecycleResult<K extends LifecycleKind> {
  persisted: PersistedLifecycle;
  state: LifecycleState<K>;
  context: LifecycleContext<K>;
  /** True in a final state. */
  done: boolean;
  changed: boolean;
  migrated: boolean;
}

/**
 * A persisted lifecycle read back: narrow on `machineId` to get typed `state` and `context`.
 * `acceptedEvents` lists the event types the state has transitions for (guards not evaluated —
 * use `canApply` for a given payload).
 *
 * @example
 * ```ts
 * const view = lifecycleState(stored);
 * if (view.machineId === 'visit' && view.state === 'planned') view.context.assignedMemberIds;
 * ```
 */
export type LifecycleView = {
  [K in LifecycleKind]: {
    machineId: K;
    machineVersion: number;
    state: LifecycleState<K>;
    context: LifecycleContext<K>;
    done: boolean;
    acceptedEvents: LifecycleEvent<K>['type'][];
  };
}[LifecycleKind];

interface Loaded {
  desc: RuntimeDescriptor;
  snapshot: AnyMachineSnapshot;
  migrated: boolean;
}

function load(kind: unknown, persisted: unknown, options: LifecycleOptions | undefined): Loaded {
  const desc = runtimeDescriptor(kind);
  // Already current (the usual case) and the built-in registry: nothing to migrate, and the
  // context schema in restoreSnapshot is the one validation (and copy) of the stored data.
  const asIs = options?.migrations === undefined ? currentAsIs(desc, persisted) : undefined;
  if (asIs !== undefined) return { desc, snapshot: restoreSnapshot(desc, asIs), migrated: false };
  const current = migratePersisted(persisted, options?.migrations);
  const migrated = (persisted as { machineVersion?: unknown }).machineVersion !== current.machineVersion;
  if (current.machineId === desc.machineId) checkVersion(desc, current); // else restoreSnapshot reports the wrong kind
  return { desc, snapshot: restoreSnapshot(desc, current), migrated };
}

/** The registry and the machines must agree on the current version, or restoring would misread the snapshot. */
function checkVersion(desc: RuntimeDescriptor, current: PersistedLifecycle): void {
  if (current.machineVersion === desc.machineVersion) return;
  throw new ConfigurationError({
    problemEn: `the migration registry upgrades ${desc.machineId} snapshots to v${current.machineVersion}, but the ${desc.machineId} machine is v${desc.machineVersion}`,
    problemVi: `bộ chuyển đổi nâng ${desc.machineId} lên v${current.machineVersion} nhưng máy trạng thái ${desc.machineId} là v${desc.machineVersion}`,
    hint: 'Create the registry without `currentVersions`, or with the versions of LIFECYCLE_MACHINES.',
  });
}

/** A persisted lifecycle of any kind, migrated and restored. */
function loadAny(persisted: PersistedLifecycle, options: LifecycleOptions | undefined): { desc: RuntimeDescriptor; snapshot: AnyMachineSnapshot } {
  const kind: unknown = typeof persisted === 'object' && persisted !== null ? (persisted as { machineId?: unknown }).machineId : undefined;
  if (options?.migrations === undefined && (LIFECYCLE_KINDS as readonly unknown[]).includes(kind)) {
    const desc = runtimeDescriptor(kind);
    const asIs = currentAsIs(desc, persisted);
    if (asIs !== undefined) return { desc, snapshot: restoreSnapshot(desc, asIs) };
  }
  const current = migratePersisted(persisted, options?.migrations);
  const desc = runtimeDescriptor(current.machineId);
  checkVersion(desc, current);
  return { desc, snapshot: restoreSnapshot(desc, current) };
}

function resultOf<K extends LifecycleKind>(loaded: Loaded, next: AnyMachineSnapshot): LifecycleResult<K> {
  return {
    persisted: persistSnapshot(loaded.desc, next),
    state: next.value as LifecycleState<K>,
    context: next.context as LifecycleContext<K>,
    done: next.status === 'done',
    changed: !sameSnapshot(loaded.snapshot, next),
    migrated: loaded.migrated,
  };
}

function applyTo<K extends LifecycleKind>(loaded: Loaded, event: unknown): LifecycleResult<K> {
  const valid = parseOrThrow(loaded.desc.eventSchema, event, `${loaded.desc.machineId} event`);
  const step = stepSnapshot(loaded.desc, loaded.snapshot, valid);
  if (!step.ok) throw step.refusal;
  return resultOf<K>(loaded, step.next);
}

/**
 * Starts a lifecycle: validates `input` (`ValidationError`) and returns the initial state,
 * persisted at the machine's current version.
 *
 * @example
 * ```ts
 * const persisted = startLifecycle('campaign', { campaignId: 'ht-2021-pccovid', nominationDeadline: '2021-11-28' });
 * persisted.snapshot.value; // 'draft'
 * ```
 */
export function startLifecycle<K extends LifecycleKind>(kind: K, input: LifecycleInput<K>): PersistedLifecycle {
  const desc = runtimeDescriptor(kind);
  const valid = parseOrThrow(desc.inputSchema, input, `${desc.machineId} lifecycle input`);
  return persistSnapshot(desc, initialSnapshot(desc, valid));
}

/**
 * Applies one event, purely: migrates `persisted` if it is older, validates it and the event
 * (`ValidationError`), refuses an event the state does not accept or a guard refuses with
 * `InvalidTransitionError` (its `guard` names the refusing guard, with a bilingual reason) —
 * never silently ignored — and returns the next state. The input is never mutated.
 *
 * @example
 * ```ts
 * const r = applyLifecycleEvent('campaign', persisted, { type: 'nomination.record', nominationId: 'nom-443', receivedOn: '2021-11-30' });
 * r.context.nominations.at(-1)?.late; // true — the deadline was 28/11/2021
 * ```
 */
export function applyLifecycleEvent<K extends LifecycleKind>(kind: K, persisted: PersistedLifecycle, event: LifecycleEvent<K>, options?: LifecycleOptions): LifecycleResult<K> {
  return applyTo<K>(load(kind, persisted, options), event);
}

/**
 * True when `applyLifecycleEvent` would accept `event` now (state and guards); false when it
 * would throw `InvalidTransitionError`. Malformed input still throws `ValidationError`.
 *
 * @example
 * ```ts
 * canApply('campaign', persisted, { type: 'report.begin' }); // false while a visit is unsettled
 * ```
 */
export function canApply<K extends LifecycleKind>(kind: K, persisted: PersistedLifecycle, event: LifecycleEvent<K>, options?: LifecycleOptions): boolean {
  const loaded = load(kind, persisted, options);
  const valid = parseOrThrow(loaded.desc.eventSchema, event, `${loaded.desc.machineId} event`);
  return stepSnapshot(loaded.desc, loaded.snapshot, valid).ok;
}

/**
 * Advances the lifecycle's deadline data to the civil date `today` (`YYYY-MM-DD`) by sending
 * `{ type: 'clock.tick', today }` where the current state accepts it; elsewhere (final states,
 * a visit past its on-site work) it returns the lifecycle unchanged (`changed: false`). Never
 * throws `InvalidTransitionError`, so a clock sweep can tick every stored lifecycle.
 *
 * | machine | what a tick does |
 * |---|---|
 * | campaign | `nominationWindowClosed = true` once `today > nominationDeadline` (any non-final state) |
 * | visit | `overdue = true` once `today > windowEnd` (planned, underway only) |
 * | remediation | `overdue = true` once `today > dueOn` (any non-final state with a deadline) |
 *
 * @example
 * ```ts
 * tickLifecycle('remediation', persisted, '2021-12-21').context.overdue; // true when dueOn was 2021-12-20
 * ```
 */
export function tickLifecycle<K extends LifecycleKind>(kind: K, persisted: PersistedLifecycle, today: string, options?: LifecycleOptions): LifecycleResult<K> {
  const day = parseOrThrow(CivilDateSchema, today, 'clock.tick today');
  const loaded = load(kind, persisted, options);
  if (!acceptedEventTypes(loaded.snapshot).includes('clock.tick')) return resultOf<K>(loaded, loaded.snapshot);
  return applyTo<K>(loaded, { type: 'clock.tick', today: day });
}

/**
 * Reads a persisted lifecycle of any kind (migrating and validating it): its state, context,
 * whether it is done, and the event types its state accepts.
 *
 * @example
 * ```ts
 * const view = lifecycleState(stored);
 * console.log(view.machineId, view.state, view.acceptedEvents); // 'visit' 'minutesDrafted' ['signature.record', …]
 * ```
 */
export function lifecycleState(persisted: PersistedLifecycle, options?: LifecycleOptions): LifecycleView {
  const { desc, snapshot } = loadAny(persisted, options);
  return {
    machineId: desc.machineId,
    machineVersion: desc.machineVersion,
    state: snapshot.value as unknown,
    context: snapshot.context as unknown,
    done: snapshot.status === 'done',
    acceptedEvents: acceptedEventTypes(snapshot),
  } as LifecycleView;
}
