import type { PoolClient } from 'pg';
import type { AuditRecord, OutboxRecord, OutboxStatus } from '@pccovid-inspect/core';
import { SCHEMA } from './postgres-migrations.js';

const DEFAULT_LOG_LIMIT = 1000;
const AUDIT = `${SCHEMA}.audit_log`;
const OUTBOX = `${SCHEMA}.outbox`;

/** @internal The update of `markOutbox`. */
export type OutboxUpdate = { status: OutboxStatus; attempts: number; providerMessageId?: string | null; lastError?: string | null };

/**
 * @internal The hash-chained audit log and the outbox, on a client already `SET ROLE`d to the
 * tenant. `appendAudit` and `enqueueOutbox` are steps of `commit`'s transaction; `markOutbox` is
 * one UPDATE (a row lock), so it neither loses nor is lost to a concurrent commit.
 */
export const postgresLogs = {
  /**
   * Appends the audit event when its seq is the tenant's last + 1, in one statement: the INSERT
   * selects nothing when the last seq differs. Two commits that both read the same last seq both
   * try the same `(tenant_id, seq)`: the second waits on the primary key and fails with a unique
   * violation once the first commits (the caller maps both cases to the audit `CONFLICT`).
   * Returns whether the row was written.
   */
  async appendAudit(client: PoolClient, record: AuditRecord): Promise<boolean> {
    const { rowCount } = await client.query({
      name: 'pccovid-append-audit',
      text: `INSERT INTO ${AUDIT} (tenant_id, seq, id, record)
             SELECT $1, $2::bigint, $3, $4::jsonb WHERE (SELECT COALESCE(MAX(seq), 0) FROM ${AUDIT} WHERE tenant_id = $1) = $2::bigint - 1`,
      values: [record.tenantId, record.seq, record.id, JSON.stringify(record)],
    });
    return rowCount === 1;
  },

  /** The last audit seq of a tenant, 0 when it has none. */
  async lastSeq(client: PoolClient, tenantId: string): Promise<number> {
    const { rows } = await client.query<{ seq: number }>({
      name: 'pccovid-last-seq',
      text: `SELECT COALESCE(MAX(seq), 0)::float8 AS seq FROM ${AUDIT} WHERE tenant_id = $1`,
      values: [tenantId],
    });
    return rows[0]?.seq ?? 0;
  },

  /** Adds messages in their order; one whose id exists is left as it is (`ON CONFLICT DO NOTHING`). */
  async enqueueOutbox(client: PoolClient, tenantId: string, records: readonly OutboxRecord[]): Promise<void> {
    if (records.length === 0) return;
    await client.query({
      name: 'pccovid-enqueue-outbox',
      text: `INSERT INTO ${OUTBOX} (tenant_id, id, created_at, status, record)
             SELECT $1, m.id, m.created_at, m.status, m.record FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS m(id, created_at, status, record, ord)
             ORDER BY m.ord
             ON CONFLICT (tenant_id, id) DO NOTHING`,
      values: [tenantId, records.map((r) => r.id), records.map((r) => r.createdAt), records.map((r) => r.status), records.map((r) => JSON.stringify(r))],
    });
  },

  async readAudit(client: PoolClient, tenantId: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditRecord[]> {
    const { rows } = await client.query<{ record: AuditRecord }>({
      name: 'pccovid-read-audit',
      text: `SELECT record FROM ${AUDIT} WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      values: [tenantId, options?.afterSeq ?? 0, options?.limit ?? DEFAULT_LOG_LIMIT],
    });
    return rows.map((row) => row.record);
  },

  async lastAudit(client: PoolClient, tenantId: string): Promise<AuditRecord | null> {
    const { rows } = await client.query<{ record: AuditRecord }>({
      name: 'pccovid-last-audit',
      text: `SELECT record FROM ${AUDIT} WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`,
      values: [tenantId],
    });
    return rows[0]?.record ?? null;
  },

  async readOutbox(client: PoolClient, tenantId: string, options?: { status?: OutboxStatus; limit?: number }): Promise<OutboxRecord[]> {
    const limit = options?.limit ?? DEFAULT_LOG_LIMIT;
    const { rows } =
      options?.status === undefined
        ? await client.query<{ record: OutboxRecord }>({
            name: 'pccovid-read-outbox',
            text: `SELECT record FROM ${OUTBOX} WHERE tenant_id = $1 ORDER BY created_at, position LIMIT $2`,
            values: [tenantId, limit],
          })
        : await client.query<{ record: OutboxRecord }>({
            name: 'pccovid-read-outbox-status',
            text: `SELECT record FROM ${OUTBOX} WHERE tenant_id = $1 AND status = $2 ORDER BY created_at, position LIMIT $3`,
            values: [tenantId, options.status, limit],
          });
    return rows.map((row) => row.record);
  },

  /** Updates one message in one statement; returns false when there is none. */
  async markOutbox(client: PoolClient, tenantId: string, id: string, update: OutboxUpdate): Promise<boolean> {
    const patch: Record<string, unknown> = { status: update.status, attempts: update.attempts };
    if (update.providerMessageId !== undefined) patch.providerMessageId = update.providerMessageId;
    if (update.lastError !== undefined) patch.lastError = update.lastError;
    const { rowCount } = await client.query({
      name: 'pccovid-mark-outbox',
      text: `UPDATE ${OUTBOX} SET status = $3, record = record || $4::jsonb WHERE tenant_id = $1 AND id = $2`,
      values: [tenantId, id, update.status, JSON.stringify(patch)],
    });
    return rowCount === 1;
  },
};
