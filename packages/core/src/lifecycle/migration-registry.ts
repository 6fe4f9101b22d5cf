import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import { LIFECYCLE_KINDS, type LifecycleKind } from './lifecycle-kind.js';
import { LIFECYCLE_MACHINES } from './lifecycle-machines.js';
import { PersistedLifecycleSchema, PersistedSnapshotSchema, type PersistedLifecycle } from './persisted-lifecycle.js';
import type { SnapshotMigration } from './snapshot-migration.js';
import { visitV1ToV2Migration } from './visit-v1-migration.js';
import { campaignV1ToV2Migration } from './campaign-v1-migration.js';

/**
 * The snapshot migrations shipped with the library (today: visit v1 → v2, campaign v1 → v2).
 *
 * @example
 * ```ts
 * LIFECYCLE_MIGRATIONS.map((m) => `${m.machineId} v${m.from}→v${m.to}`); // ['visit v1→v2', 'campaign v1→v2']
 * ```
 */
export const LIFECYCLE_MIGRATIONS: readonly SnapshotMigration[] = Object.freeze([visitV1ToV2Migration, campaignV1ToV2Migration]);

/**
 * Options of {@link createMigrationRegistry}.
 *
 * @example
 * ```ts
 * createMigrationRegistry({ migrations: [...LIFECYCLE_MIGRATIONS, myRemediationV1ToV2] });
 * ```
 */
export interface MigrationRegistryOptions {
  /**
   * The version each machine is at now; snapshots are upgraded to it.
   * @default the `machineVersion` of each entry of `LIFECYCLE_MACHINES`
   */
  currentVersions?: Partial<Record<LifecycleKind, number>>;
  /**
   * The migrations to start with.
   * @default LIFECYCLE_MIGRATIONS
   */
  migrations?: readonly SnapshotMigration[];
}

/**
 * Upgrades persisted lifecycles written by older machine versions, step by step.
 *
 * @example
 * ```ts
 * const registry = createMigrationRegistry();
 * const current = registry.migratePersisted(JSON.parse(row.lifecycle));
 * ```
 */
export interface MigrationRegistry {
  /**
   * Adds one step. Throws `ConfigurationError` when `to <= from`, `from < 1`, `to` is beyond the
   * machine's current version, or a step from the same version is already registered.
   */
  registerSnapshotMigration(migration: SnapshotMigration): MigrationRegistry;
  /**
   * Validates `persisted` and upgrades it to the current version of its machine, applying each
   * registered step in turn (the input is never mutated). Throws `ValidationError` when it is
   * malformed, written by a future version, no step leads on from its version, or a step fails.
   */
  migratePersisted(persisted: unknown): PersistedLifecycle;
  /** The version snapshots of `machineId` are upgraded to. */
  currentVersion(machineId: LifecycleKind): number;
  /** The registered steps of `machineId`, by `from`. */
  migrationsOf(machineId: LifecycleKind): readonly SnapshotMigration[];
}

function configurationError(problemEn: string, problemVi: string): ConfigurationError {
  return new ConfigurationError({ problemEn, problemVi, hint: 'Register one migration per machine version, each to a later version.' });
}

/**
 * Creates a migration registry, by default holding the library's own migrations and upgrading
 * to the versions of `LIFECYCLE_MACHINES`. A province that extends a machine adds its own steps.
 *
 * @example
 * ```ts
 * const registry = createMigrationRegistry();
 * registry.migratePersisted(visitV1Json); // → { machineId: 'visit', machineVersion: 2, snapshot: … }
 * createMigrationRegistry({ migrations: [], currentVersions: { visit: 2 } }).migratePersisted(visitV1Json); // ValidationError
 * ```
 */
export function createMigrationRegistry(options: MigrationRegistryOptions = {}): MigrationRegistry {
  const current = new Map<LifecycleKind, number>(LIFECYCLE_KINDS.map((kind) => [kind, options.currentVersions?.[kind] ?? LIFECYCLE_MACHINES[kind].machineVersion]));
  const steps = new Map<LifecycleKind, Map<number, SnapshotMigration>>(LIFECYCLE_KINDS.map((kind) => [kind, new Map()]));
  const currentVersion = (kind: LifecycleKind): number => current.get(kind) ?? 1;

  const registry: MigrationRegistry = {
    registerSnapshotMigration(migration) {
      const { machineId, from, to } = migration;
      const byFrom = steps.get(machineId);
      if (!byFrom) throw configurationError(`unknown machine "${String(machineId)}"`, `không có máy trạng thái "${String(machineId)}"`);
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to <= from) {
        throw configurationError(
          `a ${machineId} migration must go from v≥1 to a later version (got v${from} → v${to})`,
          `bước chuyển đổi ${machineId} phải đi từ phiên bản ≥ 1 lên phiên bản sau (nhận v${from} → v${to})`,
        );
      }
      if (to > currentVersion(machineId)) {
        throw configurationError(
          `${machineId} is at v${currentVersion(machineId)}; a migration cannot lead to v${to}`,
          `${machineId} đang ở v${currentVersion(machineId)}; không thể chuyển lên v${to}`,
        );
      }
      if (byFrom.has(from)) throw configurationError(`a ${machineId} migration from v${from} is already registered`, `đã có bước chuyển đổi ${machineId} từ v${from}`);
      byFrom.set(from, migration);
      return registry;
    },
    migratePersisted(input) {
      const persisted = parseOrThrow(PersistedLifecycleSchema, input, 'PersistedLifecycle');
      const target = currentVersion(persisted.machineId);
      if (persisted.machineVersion > target) {
        throw new ValidationError({
          subject: `${persisted.machineId} lifecycle`,
          issues: [
            { path: ['machineVersion'], code: 'custom', message: `written by ${persisted.machineId} machine v${persisted.machineVersion}, newer than this library's v${target}` },
          ],
          hint: 'Upgrade @pccovid-inspect/core to a version that knows this machine version.',
        });
      }
      let { machineVersion: version, snapshot } = persisted;
      while (version < target) {
        const step = steps.get(persisted.machineId)?.get(version);
        if (!step) {
          throw new ValidationError({
            subject: `${persisted.machineId} lifecycle`,
            issues: [{ path: ['machineVersion'], code: 'custom', message: `no migration registered from ${persisted.machineId} v${version} (current v${target})` }],
          });
        }
        snapshot = runStep(step, snapshot);
        version = step.to;
      }
      return { machineId: persisted.machineId, machineVersion: version, snapshot };
    },
    currentVersion,
    migrationsOf: (kind) => [...(steps.get(kind)?.values() ?? [])].sort((a, b) => a.from - b.from),
  };
  for (const migration of options.migrations ?? LIFECYCLE_MIGRATIONS) registry.registerSnapshotMigration(migration);
  return registry;
}

function runStep(step: SnapshotMigration, snapshot: PersistedLifecycle['snapshot']): PersistedLifecycle['snapshot'] {
  const subject = `${step.machineId} snapshot migrated from v${step.from} to v${step.to}`;
  let out: unknown;
  try {
    out = step.migrate(structuredClone(snapshot));
  } catch (cause) {
    if (ValidationError.isInstance(cause)) throw cause;
    const issues = isZodLike(cause)
      ? cause.issues.map((i) => ({ path: ['snapshot', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], code: i.code, message: i.message }))
      : [{ path: ['snapshot'], code: 'custom', message: String(cause) }];
    throw new ValidationError({ subject, issues, cause, hint: `The stored snapshot is not what ${step.machineId} v${step.from} wrote.` });
  }
  return parseOrThrow(PersistedSnapshotSchema, JSON.parse(JSON.stringify(out)) as unknown, subject);
}

function isZodLike(error: unknown): error is { issues: { path: PropertyKey[]; code: string; message: string }[] } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { issues?: unknown }).issues);
}

const builtIn: MigrationRegistry = createMigrationRegistry();

/**
 * Upgrades a persisted lifecycle to the current version of its machine with the built-in
 * migrations (or `registry`). The lifecycle functions (`applyLifecycleEvent`, …) call it
 * themselves; call it directly to rewrite stored rows in bulk.
 *
 * @example
 * ```ts
 * const upgraded = migratePersisted(JSON.parse(fs.readFileSync('visit-v1-snapshot.json', 'utf8')));
 * upgraded.machineVersion; // 2
 * ```
 */
export function migratePersisted(persisted: unknown, registry?: MigrationRegistry): PersistedLifecycle {
  return (registry ?? builtIn).migratePersisted(persisted);
}
