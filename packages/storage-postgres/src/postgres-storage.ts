import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { ConflictError, InspectError, STORAGE_CONTRACT_VERSION, StorageError } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, OUTBOX_CONFLICT_COLLECTION } from '@pccovid-inspect/core/adapter-kit';
import type { CommitBatch, PortalStatisticsRow, QueryPage, QueryRequest, StorageAdapter, StoredRecord } from '@pccovid-inspect/core';
import { ADAPTER_NAME, sqlStateOf, toInspectError } from './postgres-errors.js';
import { checkOptions, configurationProblem, poolConfig, roleResolver, type PostgresStorageOptions } from './postgres-options.js';
import { postgresLogs } from './postgres-logs.js';
import { TENANT_GROUP_ROLE, migratePostgres } from './postgres-migrations.js';
import { bulkInsert, summarize } from './postgres-portal-statistics.js';
import { postgresRecords } from './postgres-records.js';
import { checkServerVersion } from './postgres-server-version.js';
import { OutboxListener } from './postgres-listener.js';
import { PostgresTenants, defaultTenantRole, ensureRole, quoteIdent } from './postgres-tenants.js';

/**
 * The PostgreSQL adapter: a `StorageAdapter` whose portal-statistics methods and `countBy` are
 * always present.
 *
 * @example
 * ```ts
 * const storage: PostgresStorage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL });
 * await storage.insertPortalStatistics(rowsFromCsv());
 * ```
 */
export type PostgresStorage = StorageAdapter &
  Required<Pick<StorageAdapter, 'insertPortalStatistics' | 'summarizePortalStatistics' | 'countBy'>> & {
    /**
     * Calls `listener(tenantId)` whenever a commit that enqueued outbox messages for that province
     * has committed (in any process using the same `notifyChannel` on the same database), so a
     * delivery worker wakes at once instead of polling `readOutbox`. A wake-up, not a delivery:
     * read the province's due messages with `readOutbox(tenantId, { dueBy: now })`.
     * The adapter listens from its creation on, so no commit after `createPostgresStorage`
     * resolved is missed; notifications are not replayed — read the pending messages once at
     * start, and keep a slow poll as a fallback, since a notification sent while the listening
     * connection is down is lost. A lost listening connection (the server restarted) is opened
     * again by itself (after 100 ms, then up to every 5 s), and wake-ups resume. A listener that throws does not stop the others (its error is
     * dropped). Returns the function that removes the listener; `dispose()` removes them all and
     * closes the listening connection.
     *
     * Throws `CONFIGURATION_INVALID` when the adapter was created without `notifyChannel`, and
     * `STORAGE_FAILED` once it is disposed.
     *
     * @example
     * ```ts
     * const storage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL, notifyChannel: 'pccovid_outbox' });
     * const stop = storage.onOutbox((tenantId) => void deliverPending(tenantId));
     * // … on shutdown:
     * stop();
     * await storage.dispose();
     * ```
     */
    onOutbox(listener: (tenantId: string) => void): () => void;
  };

/**
 * Opens the pool, checks the server version, creates the group role and migrates the schema.
 * Returns the pool (or throws a typed error; a pool it created is closed again).
 */
async function open(options: PostgresStorageOptions): Promise<{ pool: Pool; owned: boolean }> {
  const owned = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool(poolConfig(options));
  // An idle client that loses its connection (server restart) emits 'error' on the pool: without a listener Node would exit.
  if (owned) pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('RESET ROLE');
      const { rows } = await client.query<{ server_version_num: string; server_version: string }>(
        "SELECT current_setting('server_version_num') AS server_version_num, current_setting('server_version') AS server_version",
      );
      checkServerVersion(rows[0]?.server_version_num, rows[0]?.server_version);
      await ensureRole(client, TENANT_GROUP_ROLE, null);
      await migratePostgres(client);
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
    return { pool, owned };
  } catch (error) {
    if (owned) await pool.end().catch(() => undefined);
    throw toInspectError('open', error);
  }
}

/**
 * Creates the PostgreSQL `StorageAdapter` (storage contract v2, node-postgres): connects, refuses
 * a server older than PostgreSQL 13, and migrates the `pccovid` schema in one transaction under
 * `pg_advisory_xact_lock` (a database at a newer schema version is `CONFIGURATION_INVALID`).
 *
 * - **Tenancy in the database.** Each province has a role (`tenantRole`); every call `SET ROLE`s
 *   to it, and row-level security policies on every table (forced, so the table owner is bound
 *   too) let that role see and write only its province's rows, even with raw SQL. Every primary
 *   key leads with `tenant_id`, so the schema distributes by province (Citus: see
 *   docs/guides/postgres.md). The login role needs CREATEROLE, or the roles created beforehand.
 * - **`commit(batch)`** is ONE transaction on ONE pooled connection: each put is an
 *   `INSERT … ON CONFLICT DO NOTHING` (create) or an `UPDATE … WHERE version = expectedVersion`,
 *   whose row count tells a stale write (`CONFLICT` naming the record); then each outbox update
 *   is an `UPDATE … WHERE version = expectedVersion` (a stale or missing message is `CONFLICT`
 *   with `collection: 'outbox'`: of two deliverers claiming one message, one wins); then the audit
 *   event is inserted only when its seq is the tenant's last + 1 (else, or when a concurrent
 *   commit takes the seq first, `CONFLICT` with `collection: 'audit'`); then the new outbox
 *   messages (`ON CONFLICT DO NOTHING`). Any error rolls it all back.
 * - `readOutbox({ dueBy })` walks the partial index `outbox_by_due` (messages with a due time
 *   only, by due time then id; schema version 2).
 * - Records are JSONB documents; index fields are also typed rows of `record_indexes` (rank,
 *   `float8`, `COLLATE "C"` text), so filters are index seeks, ordered queries walk an index in
 *   the contract's order and `countBy` is a SQL `GROUP BY` reading no JSON.
 * - Portal statistics are a typed table. The bulk path is one transaction: the rows (any
 *   Iterable, streamed with backpressure) are COPYed (`pg-copy-streams`) into a temporary stage,
 *   then inserted per province as its role (a re-import replaces the stored days).
 * - **Outbox wake-ups (optional).** With `notifyChannel`, a commit that enqueues outbox messages
 *   also notifies the channel with its tenant id in the same transaction, and `onOutbox(listener)`
 *   calls back on every such commit (one LISTEN connection outside the pool), so a delivery worker
 *   needs no polling loop.
 * - Errors are typed: `STORAGE_FAILED` (server unreachable, timeout, lost connection) or
 *   `CONFIGURATION_INVALID` (login refused, missing database, too old a server, newer schema),
 *   each with a hint; the driver's error is only the `cause`.
 *
 * @example
 * ```ts
 * import { createInspectionService } from '@pccovid-inspect/core';
 * import { createPostgresStorage } from '@pccovid-inspect/storage-postgres';
 *
 * const storage = await createPostgresStorage({ connectionString: 'postgres://pccovid@127.0.0.1:5432/pccovid' });
 * const service = createInspectionService({ storage, tenant }); // core builds and checks each commit batch
 * // …
 * await storage.dispose();
 * ```
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  checkOptions(options);
  const roleOf = roleResolver(options.tenantRole ?? defaultTenantRole);
  const { pool, owned } = await open(options);
  const { notifyChannel } = options;
  /** The `onOutbox` listeners, and the connection that LISTENs for them (with `notifyChannel` only). */
  const wakeListeners = new Set<(tenantId: string) => void>();
  let listenClient: OutboxListener | null = null;
  if (notifyChannel !== undefined) {
    try {
      listenClient = await OutboxListener.open(owned ? poolConfig(options) : pool.options, notifyChannel, (tenantId) => {
        for (const listener of [...wakeListeners]) {
          try {
            listener(tenantId);
          } catch {
            // A failing listener does not stop the others.
          }
        }
      });
    } catch (error) {
      if (owned) await pool.end().catch(() => undefined);
      throw toInspectError('open', error);
    }
  }
  const tenants = new PostgresTenants(pool, roleOf);
  /** The role each pooled session is set to (absent: the login role). Every call sets the role it needs first. */
  const sessionRoles = new WeakMap<PoolClient, string>();
  const listening = new WeakSet<PoolClient>();
  let disposed = false;

  const setRole = async (client: PoolClient, role: string | null): Promise<void> => {
    if ((sessionRoles.get(client) ?? null) === role) return;
    sessionRoles.delete(client);
    await client.query(role === null ? 'RESET ROLE' : `SET ROLE ${quoteIdent(role)}`);
    if (role !== null) sessionRoles.set(client, role);
  };

  /** Runs `fn` on one pooled client; errors become typed errors, a client that failed is discarded. */
  const withClient = async <T>(operation: string, fn: (client: PoolClient) => Promise<T>): Promise<T> => {
    if (disposed) throw new StorageError({ adapterName: ADAPTER_NAME, operation, detailEn: 'the adapter was disposed; create a new one' });
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toInspectError(operation, error);
    }
    if (!listening.has(client)) {
      // A connection lost while checked out (server restart) is reported to its query, which
      // fails; the client's 'error' event would otherwise crash the process.
      client.on('error', () => undefined);
      listening.add(client);
    }
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (error) {
      if (InspectError.isInstance(error)) throw error;
      // An error the server reported (its transaction was rolled back) leaves the session usable; a
      // network error, a failed ROLLBACK or a COPY cut short by the caller's iterator may not: that client is discarded.
      if (!(error instanceof pg.DatabaseError)) broken = error instanceof Error ? error : new Error(String(error));
      throw toInspectError(operation, error);
    } finally {
      client.release(broken);
    }
  };

  /**
   * Runs a read as the tenant's role. A tenant that was never registered has no rows: `empty` is
   * returned without reading.
   */
  const read = <T>(operation: string, tenantId: string, empty: T, fn: (client: PoolClient) => Promise<T>): Promise<T> =>
    withClient(operation, async (client) => {
      let role = tenants.known(tenantId);
      if (role === null) {
        await setRole(client, null);
        role = await tenants.lookup(client, tenantId);
        if (role === null) return empty;
      }
      await setRole(client, role);
      return fn(client);
    });

  /** Runs `fn` in one transaction as the tenant's role (registered first when needed); rolls back on any throw. */
  const transaction = <T>(operation: string, tenantId: string, fn: (client: PoolClient) => Promise<T>): Promise<T> =>
    withClient(operation, async (client) => {
      await setRole(client, await tenants.register(tenantId));
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

  const commit = async (batch: CommitBatch): Promise<StoredRecord[]> => {
    // Serialised before BEGIN: the transaction is held for the SQL steps only.
    const data = batch.puts.map((put) => JSON.stringify(put.data));
    const indexes = batch.puts.map((put) => JSON.stringify(put.indexes));
    const { audit } = batch;
    try {
      await transaction('commit', batch.tenantId, async (client) => {
        for (const [i, put] of batch.puts.entries()) {
          const outcome = await postgresRecords.write(client, put, data[i] as string, indexes[i] as string);
          if (!outcome.written) {
            throw new ConflictError({ collection: put.collection, id: put.id, expectedVersion: put.expectedVersion, actualVersion: outcome.actualVersion });
          }
        }
        for (const update of batch.outboxUpdates) {
          const outcome = await postgresLogs.updateOutbox(client, batch.tenantId, update);
          if (!outcome.applied) {
            throw new ConflictError({ collection: OUTBOX_CONFLICT_COLLECTION, id: update.id, expectedVersion: update.expectedVersion, actualVersion: outcome.actualVersion });
          }
        }
        if (!(await postgresLogs.appendAudit(client, audit))) {
          const last = await postgresLogs.lastSeq(client, batch.tenantId);
          throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: audit.id, expectedVersion: audit.seq - 1, actualVersion: last });
        }
        await postgresLogs.enqueueOutbox(client, batch.tenantId, batch.outbox);
        if (notifyChannel !== undefined && batch.outbox.length > 0) {
          // Delivered when this transaction commits; dropped with it when it rolls back.
          await client.query({ name: 'pccovid-notify-outbox', text: 'SELECT pg_notify($1, $2)', values: [notifyChannel, batch.tenantId] });
        }
      });
    } catch (error) {
      // A concurrent commit took the same audit seq (unique violation of the primary key once it committed).
      if (StorageError.isInstance(error) && sqlStateOf(error.cause) === '23505' && /audit_log_pkey/.test(String((error.cause as { constraint?: string }).constraint))) {
        const last = await read('commit', batch.tenantId, 0, (client) => postgresLogs.lastSeq(client, batch.tenantId));
        throw new ConflictError({ collection: AUDIT_CONFLICT_COLLECTION, id: audit.id, expectedVersion: audit.seq - 1, actualVersion: last });
      }
      throw error;
    }
    return batch.puts.map((put, i) => ({
      collection: put.collection,
      tenantId: put.tenantId,
      id: put.id,
      version: put.expectedVersion + 1,
      data: JSON.parse(data[i] as string) as unknown,
      indexes: { ...put.indexes },
      updatedAt: put.updatedAt,
    }));
  };

  /**
   * The bulk path, one transaction: chunk by chunk, each tenant registered when new (its partition
   * provisioned) and its rows COPYed into its partition as its role; a re-import is upserted
   * through a temporary stage (see `bulkInsert`).
   */
  const insertPortalStatistics = (rows: Iterable<PortalStatisticsRow>): Promise<{ inserted: number }> =>
    withClient('insertPortalStatistics', async (client) => {
      await setRole(client, null);
      // Not bound by statementTimeoutMs: the COPY lasts as long as the caller's iterator takes.
      await client.query("BEGIN; SET LOCAL statement_timeout = '0'");
      try {
        const perTenant = await bulkInsert(client, rows, (tenantId) => tenants.register(tenantId), TENANT_GROUP_ROLE);
        await client.query('COMMIT');
        return { inserted: [...perTenant.values()].reduce((a, b) => a + b, 0) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

  return {
    contractVersion: STORAGE_CONTRACT_VERSION,
    name: ADAPTER_NAME,
    capabilities: { multiProcess: true, durable: true, portalStatistics: true, maxRecordBytes: null, groupedCounts: true },
    get: <T>(collection: string, tenantId: string, id: string) =>
      read<StoredRecord<T> | null>('get', tenantId, null, (client) => postgresRecords.get<T>(client, collection, tenantId, id)),
    query: <T>(request: QueryRequest) => read<QueryPage<T>>('query', request.tenantId, { items: [], nextCursor: null }, (client) => postgresRecords.query<T>(client, request)),
    commit,
    readAudit: (tenantId, readOptions) => read('readAudit', tenantId, [], (client) => postgresLogs.readAudit(client, tenantId, readOptions)),
    lastAudit: (tenantId) => read('lastAudit', tenantId, null, (client) => postgresLogs.lastAudit(client, tenantId)),
    readOutbox: (tenantId, readOptions) => read('readOutbox', tenantId, [], (client) => postgresLogs.readOutbox(client, tenantId, readOptions)),
    countBy: (request) => read('countBy', request.tenantId, { groups: [] }, (client) => postgresRecords.countBy(client, request)),
    insertPortalStatistics,
    summarizePortalStatistics: (tenantId, range) => read('summarizePortalStatistics', tenantId, [], (client) => summarize(client, tenantId, range)),
    onOutbox(listener: (tenantId: string) => void): () => void {
      if (notifyChannel === undefined) {
        throw configurationProblem(
          'onOutbox cần tùy chọn notifyChannel',
          'onOutbox needs the notifyChannel option',
          "Create the adapter with notifyChannel (e.g. 'pccovid_outbox') to be woken on new outbox messages.",
        );
      }
      if (disposed) throw new StorageError({ adapterName: ADAPTER_NAME, operation: 'onOutbox', detailEn: 'the adapter was disposed; create a new one' });
      if (typeof listener !== 'function') throw configurationProblem('onOutbox cần một hàm', 'onOutbox needs a function');
      // A wrapper of its own, so the same function added twice is called twice and removed once per call.
      const entry = (tenantId: string): void => listener(tenantId);
      wakeListeners.add(entry);
      return () => void wakeListeners.delete(entry);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      wakeListeners.clear();
      if (listenClient !== null) await listenClient.close();
      if (owned) await pool.end();
    },
  };
}
