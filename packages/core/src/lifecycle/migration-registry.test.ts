import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import fixture from './fixtures/visit-v1-snapshot.json';
import { applyLifecycleEvent, startLifecycle } from './lifecycle-api.js';
import { LIFECYCLE_MIGRATIONS, createMigrationRegistry, migratePersisted } from './migration-registry.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';
import type { SnapshotMigration } from './snapshot-migration.js';

const remediationV1 = (): PersistedLifecycle => startLifecycle('remediation', { remediationId: 'rem-443-cho-nghen-qr' });

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected ValidationError');
}

describe('migratePersisted', () => {
  it('passes a current snapshot through as an equal copy', () => {
    const p = startLifecycle('campaign', { campaignId: 'ht-2021', nominationDeadline: '2021-11-28' });
    const out = migratePersisted(p);
    expect(out).toEqual(p);
    expect(out.snapshot.context).not.toBe(p.snapshot.context);
  });

  it('ships the visit v1 → v2 step', () => {
    expect(LIFECYCLE_MIGRATIONS.map((m) => `${m.machineId} v${m.from}→v${m.to}`)).toEqual(['visit v1→v2', 'campaign v1→v2']);
    expect(migratePersisted(fixture).machineVersion).toBe(2);
  });

  it('rejects a snapshot written by a future machine version with VALIDATION_FAILED', () => {
    const future = { ...remediationV1(), machineVersion: 7 };
    const e = validationError(() => migratePersisted(future));
    expect(e.issues[0]).toMatchObject({ path: ['machineVersion'] });
    expect(e.issues[0]?.message).toContain('v7');
    expect(() => applyLifecycleEvent('remediation', future, { type: 'remediation.remind' })).toThrow(ValidationError);
  });

  it('rejects malformed persisted lifecycles', () => {
    expect(() => migratePersisted(null)).toThrow(ValidationError);
    expect(() => migratePersisted({ machineId: 'inspection', machineVersion: 1, snapshot: { status: 'active', value: 'x', context: {} } })).toThrow(ValidationError);
    expect(() => migratePersisted({ ...remediationV1(), machineVersion: 0 })).toThrow(ValidationError);
    const withChild = remediationV1();
    expect(() => migratePersisted({ ...withChild, snapshot: { ...withChild.snapshot, children: { timer: {} } } })).toThrow(ValidationError);
  });

  it('rejects an old version no registered step leads on from', () => {
    const e = validationError(() => createMigrationRegistry({ migrations: [] }).migratePersisted(fixture));
    expect(e.issues[0]?.message).toContain('no migration registered from visit v1');
  });
});

describe('createMigrationRegistry', () => {
  const bump = (from: number, field: string): SnapshotMigration => ({
    machineId: 'remediation',
    from,
    to: from + 1,
    migrate: (s) => ({ ...s, context: { ...s.context, steps: [...((s.context.steps as string[] | undefined) ?? []), field] } }),
  });

  it('upgrades step by step, in version order, whatever the registration order', () => {
    const registry = createMigrationRegistry({ currentVersions: { remediation: 3 }, migrations: [] });
    registry.registerSnapshotMigration(bump(2, 'v2→v3')).registerSnapshotMigration(bump(1, 'v1→v2'));
    const out = registry.migratePersisted(remediationV1());
    expect(out.machineVersion).toBe(3);
    expect(out.snapshot.context.steps).toEqual(['v1→v2', 'v2→v3']);
    expect(registry.migrationsOf('remediation').map((m) => m.from)).toEqual([1, 2]);
    expect(registry.currentVersion('remediation')).toBe(3);
  });

  it('hands each step its own copy, so a careless step cannot change the input', () => {
    const registry = createMigrationRegistry({ currentVersions: { remediation: 2 }, migrations: [] });
    registry.registerSnapshotMigration({
      machineId: 'remediation',
      from: 1,
      to: 2,
      migrate: (s) => {
        s.context.reminderCount = 99;
        return s;
      },
    });
    const input = remediationV1();
    expect(registry.migratePersisted(input).snapshot.context.reminderCount).toBe(99);
    expect(input.snapshot.context.reminderCount).toBe(0);
  });

  it('reports a failing or malformed step as VALIDATION_FAILED', () => {
    const throwing = createMigrationRegistry({ currentVersions: { remediation: 2 }, migrations: [] }).registerSnapshotMigration({
      machineId: 'remediation',
      from: 1,
      to: 2,
      migrate: () => {
        throw new Error('unexpected shape');
      },
    });
    const e = validationError(() => throwing.migratePersisted(remediationV1()));
    expect(e.subject).toBe('remediation snapshot migrated from v1 to v2');
    expect(e.cause).toBeInstanceOf(Error);
    const garbage = createMigrationRegistry({ currentVersions: { remediation: 2 }, migrations: [] }).registerSnapshotMigration({
      machineId: 'remediation',
      from: 1,
      to: 2,
      migrate: (s) => ({ ...s, value: '' }),
    });
    expect(() => garbage.migratePersisted(remediationV1())).toThrow(ValidationError);
  });

  it('refuses steps that cannot be part of an upgrade path with CONFIGURATION_INVALID', () => {
    const registry = createMigrationRegistry({ currentVersions: { remediation: 3 }, migrations: [] });
    registry.registerSnapshotMigration(bump(1, 'a'));
    expect(() => registry.registerSnapshotMigration(bump(1, 'again'))).toThrow(ConfigurationError);
    expect(() => registry.registerSnapshotMigration({ ...bump(2, 'x'), to: 2 })).toThrow(ConfigurationError);
    expect(() => registry.registerSnapshotMigration({ ...bump(2, 'x'), to: 4 })).toThrow(ConfigurationError);
    expect(() => registry.registerSnapshotMigration({ ...bump(0, 'x') })).toThrow(ConfigurationError);
    expect(() => registry.registerSnapshotMigration({ ...bump(2, 'x'), machineId: 'inspection' as 'visit' })).toThrow(ConfigurationError);
  });

  it('is what the lifecycle functions use when given one', () => {
    const empty = createMigrationRegistry({ migrations: [] });
    expect(() => applyLifecycleEvent('visit', fixture as PersistedLifecycle, { type: 'visit.review' }, { migrations: empty })).toThrow(ValidationError);
    expect(applyLifecycleEvent('visit', fixture as PersistedLifecycle, { type: 'visit.review' }, { migrations: createMigrationRegistry() }).state).toBe('reviewed');
  });

  it('refuses to restore with a registry that disagrees with the machines on the current version', () => {
    const ahead = createMigrationRegistry({ currentVersions: { remediation: 2 }, migrations: [] }).registerSnapshotMigration(bump(1, 'x'));
    expect(() => applyLifecycleEvent('remediation', remediationV1(), { type: 'remediation.remind' }, { migrations: ahead })).toThrow(ConfigurationError);
  });
});
