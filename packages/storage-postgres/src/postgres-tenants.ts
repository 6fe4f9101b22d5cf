import { createHash } from 'node:crypto';
import pg from 'pg';
import type { ClientBase, Pool, PoolClient } from 'pg';
import { SCHEMA, TENANT_GROUP_ROLE } from './postgres-migrations.js';

/** @internal A PostgreSQL identifier, double-quoted (a `"` inside is doubled). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The default role of a province: `pccovid_t_<tenantId>` when the id is 1–40 ASCII letters,
 * digits or underscores (`'42'` → `pccovid_t_42`), else `pccovid_t_` and 24 hex digits of the
 * SHA-256 of the id (`'Hà Tĩnh'` → `pccovid_t_6b1f…`): always a valid role name of at most 63 bytes.
 *
 * @example
 * ```ts
 * defaultTenantRole('42'); // 'pccovid_t_42'
 * ```
 */
export function defaultTenantRole(tenantId: string): string {
  if (/^[A-Za-z0-9_]{1,40}$/.test(tenantId)) return `pccovid_t_${tenantId}`;
  return `pccovid_t_${createHash('sha256').update(tenantId, 'utf8').digest('hex').slice(0, 24)}`;
}

/**
 * @internal The partition of `portal_statistics` that holds a tenant's rows (schema version 3):
 * `portal_statistics_t_<tenantId>` when the id is 1–40 ASCII letters, digits or underscores, else
 * `portal_statistics_h_` and 24 hex digits of the SHA-256 of the id. The same rule as the SQL
 * function `pccovid.portal_statistics_partition`, which creates it (tested to agree).
 */
export function portalStatisticsPartition(tenantId: string): string {
  if (/^[A-Za-z0-9_]{1,40}$/.test(tenantId)) return `portal_statistics_t_${tenantId}`;
  return `portal_statistics_h_${createHash('sha256').update(tenantId, 'utf8').digest('hex').slice(0, 24)}`;
}

/** SQLSTATEs of a role created (or a membership granted) by another session at the same time. */
const CONCURRENT_ROLE_CHANGE = new Set(['42710', '23505', 'XX000', '40001', '40P01']);

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * @internal Makes sure a NOLOGIN role exists, is a member of `memberOf` (when given) and can be
 * `SET ROLE` to by the adapter's login user. Roles are cluster-wide, so two databases (or two
 * processes) may create the same role at once: a duplicate is fine, and the step is retried.
 */
export async function ensureRole(client: ClientBase, role: string, memberOf: string | null): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await client.query<{ exists: boolean; member: boolean; parent: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
                EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1 AND pg_has_role(session_user, oid, 'MEMBER')) AS member,
                $2::text IS NULL OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = $1 AND pg_has_role(r.oid, (SELECT oid FROM pg_roles WHERE rolname = $2), 'MEMBER')) AS parent`,
        [role, memberOf],
      );
      const state = rows[0];
      if (!state?.exists) await client.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      if (!state?.parent && memberOf !== null) await client.query(`GRANT ${quoteIdent(memberOf)} TO ${quoteIdent(role)}`);
      if (!state?.member) await client.query(`GRANT ${quoteIdent(role)} TO SESSION_USER`);
      return;
    } catch (error) {
      if (attempt >= 4 || !CONCURRENT_ROLE_CHANGE.has(sqlState(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

/**
 * @internal The registry of provinces and their roles (`pccovid.tenants`). A tenant is registered
 * on its first write (its role created when missing, its partition of portal statistics provisioned, and recorded); reads of a tenant that was
 * never registered find nothing without touching the tables. Registered roles are cached for the
 * adapter's life (a registration is never undone); unknown tenants are looked up each time, as
 * another process may register them.
 */
export class PostgresTenants {
  private readonly roles = new Map<string, string>();
  private readonly registering = new Map<string, Promise<string>>();

  constructor(
    private readonly pool: Pool,
    private readonly roleOf: (tenantId: string) => string,
  ) {}

  /** The role of a tenant this adapter has seen registered, or null. */
  known(tenantId: string): string | null {
    return this.roles.get(tenantId) ?? null;
  }

  /** The role of a registered tenant, or null (looked up on `client`, which must be at the login role). */
  async lookup(client: PoolClient, tenantId: string): Promise<string | null> {
    const cached = this.roles.get(tenantId);
    if (cached !== undefined) return cached;
    const { rows } = await client.query<{ role_name: string }>(`SELECT role_name FROM ${SCHEMA}.tenants WHERE tenant_id = $1`, [tenantId]);
    const role = rows[0]?.role_name ?? null;
    if (role !== null) this.roles.set(tenantId, role);
    return role;
  }

  /** The role of a tenant, registering it first when needed (on a client of its own). */
  async register(tenantId: string): Promise<string> {
    const cached = this.roles.get(tenantId);
    if (cached !== undefined) return cached;
    let pending = this.registering.get(tenantId);
    if (!pending) {
      pending = this.registerNow(tenantId).finally(() => this.registering.delete(tenantId));
      this.registering.set(tenantId, pending);
    }
    return pending;
  }

  /**
   * Registers on a connection of its own, outside the pool: the caller may hold pooled clients
   * (a commit holds one while it registers), so borrowing another could exhaust the pool.
   */
  private async registerNow(tenantId: string): Promise<string> {
    const client = new pg.Client(this.pool.options);
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows: known } = await client.query<{ role_name: string }>(`SELECT role_name FROM ${SCHEMA}.tenants WHERE tenant_id = $1`, [tenantId]);
      const existing = known[0]?.role_name;
      if (existing !== undefined) {
        this.roles.set(tenantId, existing);
        return existing;
      }
      const role = this.roleOf(tenantId);
      await ensureRole(client, role, TENANT_GROUP_ROLE);
      // Its partition of portal_statistics (created and attached, SELECT and INSERT granted to its
      // role only) exists before the tenant is registered: a registered tenant always has one.
      await client.query(`SELECT ${SCHEMA}.provision_portal_statistics($1, $2)`, [tenantId, role]);
      const { rows } = await client.query<{ role_name: string }>(
        `INSERT INTO ${SCHEMA}.tenants (tenant_id, role_name) VALUES ($1, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET role_name = ${SCHEMA}.tenants.role_name RETURNING role_name`,
        [tenantId, role],
      );
      const registered = rows[0]?.role_name ?? role;
      this.roles.set(tenantId, registered);
      return registered;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
