import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ActorSchema,
  ConfigurationError,
  NotFoundError,
  createInspectionService,
  type Actor,
  type AdminUnit,
  type InspectionService,
  type InspectionServiceOptions,
  type StorageAdapter,
  type Tenant,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS, HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { UsageError } from './cli-errors.js';

/** A province pack the command line knows: its tenant and its district-level units. */
export interface ProvinceProfile {
  tenant: Tenant;
  adminUnits: readonly AdminUnit[];
}

/** The province packs a plan file may name (`province:`). */
export const PROVINCES: Readonly<Record<string, ProvinceProfile>> = Object.freeze({
  'ha-tinh': { tenant: HA_TINH_TENANT, adminUnits: HA_TINH_2021_DISTRICTS },
});

/** @internal The database to open and how it was named (never a password). */
export interface OpenedStorage {
  storage: StorageAdapter;
  label: string;
}

/** @internal True when `--db` is a PostgreSQL URL. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * @internal Opens `--db`: a SQLite file (created only when `create`), or a PostgreSQL URL. A missing
 * SQLite file is `CONFIGURATION_INVALID` with a hint to run `init`.
 */
export async function openStorage(db: string, create: boolean): Promise<OpenedStorage> {
  if (isPostgresUrl(db)) {
    const url = new URL(db);
    const { createPostgresStorage } = await import('@pccovid-inspect/storage-postgres');
    return { storage: await createPostgresStorage({ connectionString: db }), label: `PostgreSQL ${url.host}${url.pathname}` };
  }
  const file = resolve(db);
  if (!create && !existsSync(file)) {
    throw new ConfigurationError({
      problemVi: `không có cơ sở dữ liệu ${file}`,
      problemEn: `no database at ${file}`,
      hint: 'Tạo bằng `pccovid-inspect init <plan.yaml>` hoặc chỉ đúng tệp bằng --db / PCCOVID_INSPECT_DB. / Create it with `pccovid-inspect init <plan.yaml>` or point --db / PCCOVID_INSPECT_DB at the right file.',
    });
  }
  return { storage: createSqliteStorage({ filename: file }), label: file };
}

/** @internal The campaign a command works on, found in the store. */
export interface Workspace {
  province: ProvinceProfile;
  campaignId: string;
  /** The plan's signer, as `director`: the default actor. */
  director: Actor;
  campaign: Record<string, unknown>;
}

/** @internal Finds the campaign in the store (the only one, or `--campaign`) and its province. */
export async function loadWorkspace(storage: StorageAdapter, campaignId: string | undefined): Promise<Workspace> {
  for (const province of Object.values(PROVINCES)) {
    const page = await storage.query<Record<string, unknown>>({ collection: 'campaigns', tenantId: province.tenant.id, limit: 50 });
    const found = campaignId === undefined ? page.items : page.items.filter((r) => r.id === campaignId);
    if (found.length > 1) {
      throw new UsageError(
        `cơ sở dữ liệu có ${found.length} đợt kiểm tra; hãy chọn một bằng --campaign`,
        `the database holds ${found.length} campaigns; choose one with --campaign`,
        `--campaign ${found.map((r) => r.id).join(' | ')}`,
      );
    }
    const record = found[0];
    if (record) {
      const data = record.data;
      const signer = (data.signer ?? (data.campaign as Record<string, unknown> | undefined)?.signer) as { personId?: string } | undefined;
      return { province, campaignId: record.id, director: { role: 'director', id: signer?.personId ?? 'director' }, campaign: data };
    }
  }
  throw new NotFoundError({ collection: 'campaigns', id: campaignId ?? '(any)' });
}

/**
 * @internal `role:personId` (a district representative adds `:districtCode`, a target
 * representative `:targetId`) → an actor, validated by core's schema.
 */
export function parseActor(text: string): Actor {
  const [role, id, scope] = text.split(':');
  const raw: Record<string, unknown> = { role, id };
  if (scope !== undefined) raw[role === 'targetRepresentative' ? 'targetId' : 'districtCode'] = scope;
  const parsed = ActorSchema.safeParse(raw);
  if (!parsed.success || id === undefined) {
    throw new UsageError(`--actor "${text}" phải có dạng <vai trò>:<mã người>`, `--actor "${text}" must be <role>:<personId>`, '--actor inspectorateLead:p-lead');
  }
  return parsed.data;
}

/** @internal The service over the store, for the workspace's province. */
export function serviceFor(storage: StorageAdapter, province: ProvinceProfile, extra: Partial<InspectionServiceOptions> = {}): InspectionService {
  return createInspectionService({ storage, tenant: province.tenant, adminUnits: province.adminUnits, ...extra });
}
