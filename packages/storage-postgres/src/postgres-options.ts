import type { Pool, PoolConfig } from 'pg';
import { ConfigurationError } from '@pccovid-inspect/core';

/**
 * Options of `createPostgresStorage`: where the server is (`connectionString` or your own `pool`)
 * and how the adapter uses it.
 *
 * @example
 * ```ts
 * const options: PostgresStorageOptions = {
 *   connectionString: 'postgres://pccovid@db.sotttt.hatinh.gov.vn:5432/pccovid',
 *   poolSize: 20,
 *   statementTimeoutMs: 15_000,
 *   ssl: { rejectUnauthorized: true },
 * };
 * ```
 */
export interface PostgresStorageOptions {
  /** A libpq-style URL, `postgres://user:password@host:port/database`. One of `connectionString` and `pool` is required. */
  connectionString?: string;
  /**
   * A `pg.Pool` of your own, used instead of creating one (`poolSize`, `statementTimeoutMs` and
   * `ssl` are then yours to set on it). The adapter changes the role of the sessions it uses, so
   * give it a pool of its own; `dispose()` leaves a pool it did not create open.
   */
  pool?: Pool;
  /**
   * The PostgreSQL role of a province (tenant). The adapter creates it (NOLOGIN, a member of
   * `pccovid_tenant`) on the province's first write, when it does not exist yet, and `SET ROLE`s
   * to it for every statement on that province's rows; row-level security lets the role see and
   * write only its province's rows. At most 63 bytes.
   * @default defaultTenantRole: `pccovid_t_<id>` (or a hash of the id)
   */
  tenantRole?: (tenantId: string) => string;
  /**
   * Connections of the pool the adapter creates (a province's first write registers it on a
   * short-lived connection of its own, outside the pool).
   * @default 10
   */
  poolSize?: number;
  /**
   * Server-side `statement_timeout` of every statement, in milliseconds (`0` = none). A statement
   * that runs longer is cancelled and its call fails with `STORAGE_FAILED`. The bulk path
   * (`insertPortalStatistics`) is exempt: its COPY lasts as long as the caller's iterator.
   * @default 30000
   */
  statementTimeoutMs?: number;
  /** TLS to the server: `true`, or Node's TLS options (`ca`, `rejectUnauthorized`…). @default no TLS (unless the connection string says `sslmode`) */
  ssl?: PoolConfig['ssl'];
  /**
   * How long to wait for a connection (from the pool or to the server) before failing with
   * `STORAGE_FAILED`, in milliseconds.
   * @default 10000
   */
  connectTimeoutMs?: number;
  /**
   * A channel that wakes outbox delivery without polling. With it, a commit that enqueues outbox
   * messages also runs `pg_notify(<channel>, <tenantId>)` in its transaction — PostgreSQL delivers
   * the notification when the commit commits, never for one that rolls back — and the adapter
   * keeps one extra connection (outside the pool) that `LISTEN`s on the channel for `onOutbox`.
   * Every listener on the channel hears every province's tenant id (the id only, never a message);
   * several processes may share a channel. A lower-case identifier (`a`–`z`, digits, `_`) of at
   * most 63 bytes.
   * @default none: no notification, and `onOutbox` is refused
   */
  notifyChannel?: string;
}

/** A `CONFIGURATION_INVALID` error about the options. */
export function configurationProblem(problemVi: string, problemEn: string, hint?: string): ConfigurationError {
  return new ConfigurationError({ problemVi, problemEn, hint });
}

/** Throws `CONFIGURATION_INVALID` naming the first option that is wrong. */
export function checkOptions(options: PostgresStorageOptions): void {
  const problems: [string, string][] = [];
  const hasUrl = typeof options.connectionString === 'string' && options.connectionString.length > 0;
  if (options.connectionString !== undefined && !hasUrl) problems.push(['connectionString phải là URL postgres://…', 'connectionString must be a postgres:// URL']);
  if (!hasUrl && options.pool === undefined) problems.push(['cần connectionString hoặc pool', 'give connectionString or pool']);
  if (hasUrl && options.pool !== undefined) problems.push(['chỉ dùng một trong connectionString và pool', 'give connectionString or pool, not both']);
  if (options.tenantRole !== undefined && typeof options.tenantRole !== 'function') problems.push(['tenantRole phải là hàm', 'tenantRole must be a function']);
  const size = options.poolSize;
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 1)) problems.push(['poolSize phải là số nguyên ≥ 1', 'poolSize must be a whole number ≥ 1']);
  for (const [name, value] of [
    ['statementTimeoutMs', options.statementTimeoutMs],
    ['connectTimeoutMs', options.connectTimeoutMs],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) problems.push([`${name} phải là số nguyên ≥ 0`, `${name} must be a whole number ≥ 0`]);
  }
  const channel = options.notifyChannel;
  if (channel !== undefined && (typeof channel !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(channel) || channel.length > 63)) {
    problems.push([
      'notifyChannel phải là định danh chữ thường (a–z, 0–9, _) dài tối đa 63 byte',
      'notifyChannel must be a lower-case identifier (a–z, 0–9, _) of at most 63 bytes',
    ]);
  }
  const first = problems[0];
  if (first) throw configurationProblem(first[0], first[1]);
}

/** `tenantRole`, checked on each call: a role name of 1–63 bytes. */
export function roleResolver(tenantRole: (tenantId: string) => string): (tenantId: string) => string {
  return (tenantId) => {
    const role = tenantRole(tenantId);
    if (typeof role !== 'string' || role.length === 0 || Buffer.byteLength(role, 'utf8') > 63) {
      throw configurationProblem('tenantRole phải trả về tên vai trò 1–63 byte', 'tenantRole must return a role name of 1 to 63 bytes');
    }
    return role;
  };
}

/** The configuration of the pool the adapter creates (its clients' settings also serve the LISTEN connection). */
export function poolConfig(options: PostgresStorageOptions): PoolConfig {
  const config: PoolConfig = {
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: 'pccovid-inspect',
  };
  if (options.ssl !== undefined) config.ssl = options.ssl;
  return config;
}
