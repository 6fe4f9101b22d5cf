import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { OutboxRecord, OutboxUpdate } from '@pccovid-inspect/core';
import { createPostgresStorage, defaultTenantRole } from '../src/index.js';
import type { PostgresStorage } from '../src/index.js';
import { POSTGRES_MIGRATIONS, TENANT_GROUP_ROLE, migratePostgres } from '../src/postgres-migrations.js';
import { ensureRole } from '../src/postgres-tenants.js';
import { AT, buildBatch } from './commit-batch.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

const TENANT = '42';
const LATER = '2021-12-07T00:00:00.000Z';

/** A pending message of contract v2's outbox, due at `AT`. */
function message(id: string, fields: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    tenantId: TENANT,
    id,
    createdAt: AT,
    channel: 'email',
    recipient: { role: 'team-member', id: 'p-2' },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra',
    body: 'Đoàn kiểm tra đến ngày 07/12/2021.',
    refs: {},
    deliverAfter: null,
    fallbackChannels: [],
    status: 'pending',
    version: 1,
    dueAt: AT,
    leaseOwner: null,
    attempts: 0,
    providerMessageId: null,
    lastError: null,
    ...fields,
  };
}

/** The message as schema version 1 stored it: without the delivery fields of contract v2's outbox. */
function beforeV2(m: OutboxRecord, status: 'pending' | 'sent' | 'failed'): Record<string, unknown> {
  const { fallbackChannels: _f, version: _v, dueAt: _d, leaseOwner: _l, ...rest } = m;
  return { ...rest, status };
}

/** Commits outbox messages and updates of tenant 42 in one batch without puts. */
async function commitOutbox(storage: PostgresStorage, outbox: OutboxRecord[], outboxUpdates: OutboxUpdate[] = []): Promise<void> {
  const batch = await buildBatch(storage, TENANT, []);
  await storage.commit({ ...batch, outbox, outboxUpdates });
}

describe('schema version 2: the outbox of contract v2 (migration from version 1, the due index)', () => {
  let db: TestDatabase;
  let storage: PostgresStorage;

  beforeAll(async () => {
    db = await createTestDatabase('pccovid_outbox_v2');
    // A database as the releases of schema version 1 left it, with one message in each old state.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await ensureRole(client, TENANT_GROUP_ROLE, null);
      await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, 1));
      await ensureRole(client, defaultTenantRole(TENANT), TENANT_GROUP_ROLE);
      await client.query('INSERT INTO pccovid.tenants (tenant_id, role_name) VALUES ($1, $2)', [TENANT, defaultTenantRole(TENANT)]);
      const rows: [string, 'pending' | 'sent' | 'failed', Partial<OutboxRecord>][] = [
        ['m-sent', 'sent', { attempts: 1, providerMessageId: 'ses-1' }],
        ['m-failed', 'failed', { attempts: 3, lastError: 'NOTIFICATION_FAILED: HTTP 503' }],
        ['m-embargoed', 'pending', { deliverAfter: LATER }],
        ['m-pending', 'pending', {}],
      ];
      for (const [id, status, fields] of rows) {
        await client.query('INSERT INTO pccovid.outbox (tenant_id, id, created_at, status, record) VALUES ($1, $2, $3, $4, $5)', [
          TENANT,
          id,
          AT,
          status,
          JSON.stringify(beforeV2(message(id, fields), status)),
        ]);
      }
      await client.query('INSERT INTO pccovid.audit_log (tenant_id, seq, id, record) VALUES ($1, 1, $2, $3)', [
        TENANT,
        'a-1',
        JSON.stringify(
          await chainAuditRecord(null, {
            tenantId: TENANT,
            id: 'a-1',
            at: AT,
            actor: { role: 'teamLead', id: 'p-1' },
            action: 'visit.plan',
            subject: { collection: 'visits', id: 'v-1' },
            details: {},
          }),
        ),
      ]);
    } finally {
      await client.end();
    }
    storage = await createPostgresStorage({ connectionString: db.url });
  }, 60_000);

  afterAll(async () => {
    await storage?.dispose();
    await db?.drop();
  });

  it('migrates: a failed message is pending again and due, a pending one is due at its deliverAfter, a sent one is not due', async () => {
    expect(await db.sql('SELECT version FROM pccovid.schema_migrations ORDER BY version')).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
    const migrated = (fields: Partial<OutboxRecord>) => message('', fields);
    expect(await storage.readOutbox(TENANT)).toEqual([
      migrated({ id: 'm-embargoed', deliverAfter: LATER, dueAt: LATER }),
      migrated({ id: 'm-failed', dueAt: AT, attempts: 3, lastError: 'NOTIFICATION_FAILED: HTTP 503' }),
      migrated({ id: 'm-pending' }),
      migrated({ id: 'm-sent', status: 'sent', dueAt: null, attempts: 1, providerMessageId: 'ses-1' }),
    ]);
    expect((await storage.readOutbox(TENANT, { dueBy: AT })).map((m) => m.id)).toEqual(['m-failed', 'm-pending']);
    expect((await storage.readOutbox(TENANT, { dueBy: LATER })).map((m) => m.id)).toEqual(['m-failed', 'm-pending', 'm-embargoed']);
    const [forced] = await db.sql<{ relforcerowsecurity: boolean }>("SELECT relforcerowsecurity FROM pg_class WHERE oid = 'pccovid.outbox'::regclass");
    expect(forced, 'row-level security is forced again after the migration').toEqual({ relforcerowsecurity: true });
  });

  it('takes outbox updates by version in a commit, as the province’s role (row-level security)', async () => {
    const claim: OutboxUpdate = {
      id: 'm-failed',
      expectedVersion: 1,
      status: 'sending',
      channel: 'email',
      attempts: 4,
      dueAt: LATER,
      leaseOwner: 'deliverer-1',
      providerMessageId: null,
      lastError: 'NOTIFICATION_FAILED: HTTP 503',
    };
    await commitOutbox(storage, [], [claim]);
    await expect(commitOutbox(storage, [message('m-new')], [claim])).rejects.toMatchObject({
      code: 'CONFLICT',
      collection: 'outbox',
      id: 'm-failed',
      expectedVersion: 1,
      actualVersion: 2,
    });
    expect(await db.sql("SELECT id FROM pccovid.outbox WHERE id = 'm-new'")).toEqual([]);
    expect((await storage.readOutbox(TENANT, { status: 'sending' }))[0]).toMatchObject({ id: 'm-failed', version: 2, leaseOwner: 'deliverer-1', attempts: 4, dueAt: LATER });
    expect(await db.sql("SELECT status, version, due_at FROM pccovid.outbox WHERE id = 'm-failed'")).toEqual([{ status: 'sending', version: 2, due_at: LATER }]);
  });

  it('readOutbox({ dueBy }) walks the partial index outbox_by_due in order (no sort), as the province’s role; with a status too, it reads that index', async () => {
    const due = (i: number) => `2021-12-06T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
    await commitOutbox(
      storage,
      Array.from({ length: 3000 }, (_, i) =>
        message(`p-${String(i).padStart(5, '0')}`, i % 3 === 0 ? { dueAt: due(i) } : { status: 'sent', dueAt: null, attempts: 1, providerMessageId: `ses-${i}` }),
      ),
    );
    await db.sql('ANALYZE pccovid.outbox');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SET ROLE ${defaultTenantRole(TENANT)}`);
      const plan = async (sql: string, values: unknown[]) => (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      // The deliverer's poll (the SQL of postgresLogs.readOutbox).
      const due = await plan('SELECT record FROM pccovid.outbox WHERE tenant_id = $1 AND due_at IS NOT NULL AND due_at <= $3 ORDER BY due_at, id LIMIT $2', [
        TENANT,
        100,
        '2021-12-06T12:00:00.000Z',
      ]);
      expect(due, due).toMatch(/-> {2}Index Scan using outbox_by_due on outbox/);
      expect(due, due).not.toMatch(/\bSort\b|Seq Scan on outbox/);
      // With a status, the planner may read the same index as a bitmap and sort the few rows it finds.
      const withStatus = await plan('SELECT record FROM pccovid.outbox WHERE tenant_id = $1 AND due_at IS NOT NULL AND due_at <= $3 AND status = $4 ORDER BY due_at, id LIMIT $2', [
        TENANT,
        100,
        '2021-12-06T12:00:00.000Z',
        'pending',
      ]);
      expect(withStatus, withStatus).toMatch(/Index Scan using outbox_by_due on outbox|Bitmap Index Scan on outbox_by_due/);
      expect(withStatus, withStatus).not.toMatch(/Seq Scan on outbox/);
    } finally {
      await client.end();
    }
    const read = await storage.readOutbox(TENANT, { dueBy: '2021-12-06T00:59:00.000Z' });
    const expected = Array.from({ length: 3000 }, (_, i) => i)
      .filter((i) => i % 3 === 0 && due(i) <= '2021-12-06T00:59:00.000Z')
      .sort((a, b) => due(a).localeCompare(due(b)) || a - b)
      .map((i) => `p-${String(i).padStart(5, '0')}`);
    expect(expected.length).toBeGreaterThan(10);
    // (m-pending and m-embargoed of the migration are due later, at 01:30 and the next day.)
    expect(read.map((m) => m.id)).toEqual(expected);
  });
});
