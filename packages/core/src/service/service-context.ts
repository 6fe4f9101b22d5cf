import type { z } from 'zod';
import type { Clock } from '../contracts/clock.js';
import type { IdGenerator } from '../contracts/id-generator.js';
import type { Notifier } from '../contracts/notifier.js';
import type { QueryRequest, StoredRecord } from '../contracts/storage-adapter.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { Tenant } from '../entities/tenant.js';
import type { AdminUnit } from '../entities/admin-unit.js';
import type { ChecklistPlugin } from '../checklist/checklist-plugin.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { StorageError } from '../errors/storage-error.js';
import { civilDateOf } from '../text/civil-date.js';
import type { GuardedStorage } from './guarded-storage.js';
import type { AuditSigner } from './audit-key.js';
import type { RecordCache } from './record-cache.js';
import type { ResolvedDelivery } from './delivery-options.js';

/** What every command and query of one service shares. */
export interface ServiceContext {
  storage: GuardedStorage;
  clock: Clock;
  ids: IdGenerator;
  tenant: Tenant;
  /** The province's reference units (district names in documents). */
  adminUnits: readonly AdminUnit[];
  plugins: readonly ChecklistPlugin[];
  /** Checklist templates by `${id}@${version}` (base and derived). */
  templates: ReadonlyMap<string, ChecklistTemplate>;
  /** Where `deliverOutbox` sends messages, routed by channel (empty: not configured). */
  notifiers: readonly Notifier[];
  /** How `deliverOutbox` delivers (timeouts, retries, leases). */
  delivery: ResolvedDelivery;
  /** Signs audit events and checkpoints with the host's audit key, if one was given. */
  auditSigner?: AuditSigner | null;
  /** The records this service last wrote or checked (skips re-checking an unchanged record). */
  records?: RecordCache;
}

/** A record read back, checked against its schema. */
export interface Loaded<T> {
  id: string;
  version: number;
  data: T;
}

/** The current instant as ISO UTC. */
export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

/** Today's civil date in Asia/Ho_Chi_Minh. */
export function today(ctx: ServiceContext): string {
  return civilDateOf(ctx.clock.now());
}

/** A record read by a query, checked against its schema (`STORAGE_FAILED` when it does not match). */
export function checkedRecord<T>(ctx: ServiceContext, schema: z.ZodType<T>, rec: StoredRecord): Loaded<T> {
  const r = schema.safeParse(rec.data);
  if (!r.success) {
    throw new StorageError({
      adapterName: ctx.storage.adapter.name,
      operation: 'get',
      detailEn: `stored ${rec.collection}/${rec.id} does not match its schema at ${r.error.issues[0]?.path.join('.') ?? ''}`,
      cause: r.error,
    });
  }
  return { id: rec.id, version: rec.version, data: r.data };
}

/** A stored record checked against its schema, or the copy this service holds of it at that version. */
function loaded<T>(ctx: ServiceContext, schema: z.ZodType<T>, rec: StoredRecord): Loaded<T> {
  const held = ctx.records?.get(rec.collection, rec.id, rec.version, rec.updatedAt, schema);
  if (held) return { id: rec.id, version: rec.version, data: held.data as T };
  const checked = checkedRecord(ctx, schema, rec);
  ctx.records?.set(rec.collection, rec.id, rec.version, rec.updatedAt, schema, checked.data);
  return checked;
}

/** Loads a record or throws `NotFoundError`; what comes back is validated. */
export async function load<T>(ctx: ServiceContext, collection: string, id: string, schema: z.ZodType<T>): Promise<Loaded<T>> {
  const rec = await ctx.storage.get(collection, ctx.tenant.id, id);
  if (!rec) throw new NotFoundError({ collection, id });
  return loaded(ctx, schema, rec);
}

/** Loads a record or returns null. */
export async function loadOptional<T>(ctx: ServiceContext, collection: string, id: string, schema: z.ZodType<T>): Promise<Loaded<T> | null> {
  const rec = await ctx.storage.get(collection, ctx.tenant.id, id);
  return rec ? loaded(ctx, schema, rec) : null;
}

/** Every record of a query, across pages, validated. */
export async function loadAll<T>(ctx: ServiceContext, request: Omit<QueryRequest, 'tenantId' | 'cursor' | 'limit'>, schema: z.ZodType<T>): Promise<Loaded<T>[]> {
  const out: Loaded<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: StoredRecord[]; nextCursor: string | null } = await ctx.storage.query({ ...request, tenantId: ctx.tenant.id, cursor, limit: 500 });
    for (const rec of page.items) out.push(checkedRecord(ctx, schema, rec));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The template a campaign or visit is pinned to, or a `NotFoundError`. */
export function templateFor(ctx: ServiceContext, pin: { templateId: string; version: string }): ChecklistTemplate {
  const t = ctx.templates.get(`${pin.templateId}@${pin.version}`);
  if (!t) throw new NotFoundError({ collection: 'checklist-templates', id: `${pin.templateId}@${pin.version}` });
  return t;
}
