import type { PoolClient } from 'pg';
import type { AuditRecord, OutboxRecord, OutboxUpdate, ReadOutboxOptions } from '@pccovid-inspect/core';
import { SCHEMA } from './postgres-migrations.js';

const DEFAULT_LOG_LIMIT = 1000;
const AUDIT = `${SCHEMA}.audit_log`;
const OUTBOX = `${SCHEMA}.outbox`;

/** @internal What an outbox update found: applied, or the message's stored version (null: no such message). */
export type OutboxUpdateOutcome = { applied: true } | { applied: false; actualVersion: number | null };

/**
 * @internal The hash-chained audit log and the outbox, on a client already `SET ROLE`d to the
 * tenant. `appendAudit`, `updateOutbox` and `enqueueOutbox` are steps of `commit`'s transaction;
 * an outbox update is one `UPDATE … WHERE version = $n` (a row lock), so of two deliverers that
 * read the same version, the second waits for the first and then finds the version changed.
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
      text: `INSERT INTO ${OUTBOX} (tenant_id, id, created_at, status, version, due_at, record)
             SELECT $1, m.id, m.created_at, m.status, m.version, m.due_at, m.record
             FROM unnest($2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::jsonb[]) AS m(id, created_at, status, version, due_at, record)
             ON CONFLICT (tenant_id, id) DO NOTHING`,
      values: [
        tenantId,
        records.map((r) => r.id),
        records.map((r) => r.createdAt),
        records.map((r) => r.status),
        records.map((r) => r.version),
        records.map((r) => r.dueAt),
        records.map((r) => JSON.stringify(r)),
      ],
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

  /** Oldest first (`created_at`, `id`), or with `dueBy` the due messages by (`due_at`, `id`), walking the partial index `outbox_by_due`. */
  async readOutbox(client: PoolClient, tenantId: string, options: ReadOutboxOptions = {}): Promise<OutboxRecord[]> {
    const { status, dueBy, limit = DEFAULT_LOG_LIMIT } = options;
    const query = (name: string, where: string, order: string, values: unknown[]) =>
      client.query<{ record: OutboxRecord }>({ name, text: `SELECT record FROM ${OUTBOX} WHERE tenant_id = $1${where} ORDER BY ${order} LIMIT $2`, values });
    const due = ' AND due_at IS NOT NULL AND due_at <= $3';
    const { rows } =
      dueBy === undefined
        ? status === undefined
          ? await query('pccovid-read-outbox', '', 'created_at, id', [tenantId, limit])
          : await query('pccovid-read-outbox-status', ' AND status = $3', 'created_at, id', [tenantId, limit, status])
        : status === undefined
          ? await query('pccovid-read-due-outbox', due, 'due_at, id', [tenantId, limit, dueBy])
          : await query('pccovid-read-due-outbox-status', `${due} AND status = $4`, 'due_at, id', [tenantId, limit, dueBy, status]);
    return rows.map((row) => row.record);
  },

  /**
   * Applies one delivery-state change when the message's stored version is `expectedVersion`: its
   * fields set in the columns and in the JSONB document alike (`||` keeps every other field).
   */
  async updateOutbox(client: PoolClient, tenantId: string, update: OutboxUpdate): Promise<OutboxUpdateOutcome> {
    const { rowCount } = await client.query({
      name: 'pccovid-update-outbox',
      text: `UPDATE ${OUTBOX} SET status = $4, version = $3 + 1, due_at = $6,
               record = record || jsonb_build_object('status', $4::text, 'version', $3::integer + 1, 'channel', $5::text, 'attempts', $7::integer,
                 'dueAt', $6::text, 'leaseOwner', $8::text, 'providerMessageId', $9::text, 'lastError', $10::text)
             WHERE tenant_id = $1 AND id = $2 AND version = $3`,
      values: [
        tenantId,
        update.id,
        update.expectedVersion,
        update.status,
        update.channel,
        update.dueAt,
        update.attempts,
        update.leaseOwner,
        update.providerMessageId,
        update.lastError,
      ],
    });
    if (rowCount === 1) return { applied: true };
    const { rows } = await client.query<{ version: number }>({
      name: 'pccovid-outbox-version',
      text: `SELECT version FROM ${OUTBOX} WHERE tenant_id = $1 AND id = $2`,
      values: [tenantId, update.id],
    });
    return { applied: false, actualVersion: rows[0]?.version ?? null };
  },
};
