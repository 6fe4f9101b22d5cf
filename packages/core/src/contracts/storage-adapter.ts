/**
 * The storage contract, version 2. Small on purpose: a province writes its own adapter against
 * it and checks it with `@pccovid-inspect/testkit/storage`.
 *
 * One commit shape: core reads what it needs first, validates and hashes everything, and then
 * hands the adapter ONE batch (record puts with expected versions, one audit event, outbox
 * messages) to commit atomically. Any backend that can apply a batch all-or-nothing can serve it:
 * a SQL transaction, an IndexedDB transaction, one REST call. Core checks every request before it
 * reaches the adapter, so an adapter implements only its backend's operations.
 *
 * Two kinds of data, two shapes:
 * - **records** (campaigns, visits, remediation…): JSON documents with a version and a few
 *   indexed fields, written with an expected version (optimistic concurrency);
 * - **portal statistics** (up to millions of typed rows): a bulk path and aggregate queries,
 *   present when `capabilities.portalStatistics` is true.
 *
 * Plus two append-only logs: the hash-chained audit log and the outbox of messages to deliver.
 */

/** The version of this contract. Core refuses adapters of another major version. */
export const STORAGE_CONTRACT_VERSION = 2 as const;

/** A value an indexed field may hold (what `query` can filter and sort on). */
export type IndexValue = string | number | boolean | null;

/** A stored record, as an adapter returns it. */
export interface StoredRecord<T = unknown> {
  /** Collection name, e.g. `campaigns`, `visits`. */
  collection: string;
  /** Tenant (province) the record belongs to; records never cross tenants. */
  tenantId: string;
  id: string;
  /** Starts at 1 on create and grows by exactly 1 on each successful put. */
  version: number;
  /** The JSON document. Adapters store and return it unchanged (deep-equal). */
  data: T;
  /** Fields `query` can filter and sort on. Stored and returned unchanged. */
  indexes: Record<string, IndexValue>;
  /** When this version was written (ISO UTC instant, supplied by core). */
  updatedAt: string;
}

/** One record write of a commit batch. */
export interface PutRequest<T = unknown> {
  collection: string;
  tenantId: string;
  id: string;
  data: T;
  indexes: Record<string, IndexValue>;
  updatedAt: string;
  /**
   * The version the writer last read: `0` means "must not exist yet". If the stored version is
   * different, the adapter writes nothing of the batch and throws `ConflictError`.
   */
  expectedVersion: number;
}

/**
 * Everything one command writes, committed all-or-nothing by `StorageAdapter.commit`. Core has
 * already checked it: one tenant, each record at most once, plain-JSON data within
 * `capabilities.maxRecordBytes`, a hashed audit event, well-formed outbox messages.
 *
 * @example
 * ```ts
 * const batch: CommitBatch = { tenantId: '42', puts: [put], audit, outbox: [] };
 * const [stored] = await storage.commit(batch);
 * ```
 */
export interface CommitBatch {
  tenantId: string;
  /** Record writes, each with the version it was read at (`0` = create). Distinct records; may be empty (an event that writes no record). */
  puts: PutRequest[];
  /**
   * The audit event of the change. Its `seq` must be the tenant's last + 1; when it is not
   * (another commit took that seq first), the adapter writes nothing and throws `ConflictError`
   * with `collection: 'audit'` (`AUDIT_CONFLICT_COLLECTION`), `id` = the event's id,
   * `expectedVersion` = `seq - 1` and `actualVersion` = the tenant's last seq. Core then
   * re-chains and retries. When a put is stale too, report the put (check puts first); core
   * copes with either.
   */
  audit: AuditRecord;
  /** Messages to add to the outbox (each at `version: 1`); a message whose id exists is ignored (idempotent). */
  outbox: OutboxRecord[];
  /**
   * Delivery-state changes of existing messages (a claim, sent, a retry, dead letters), each
   * with the version it was read at. When a message's stored version differs (another deliverer
   * claimed it first) or it does not exist, nothing of the batch is written and a `ConflictError`
   * names it with `collection: 'outbox'` (`OUTBOX_CONFLICT_COLLECTION`). Check puts first, then
   * these, then the audit seq. Distinct ids.
   */
  outboxUpdates: OutboxUpdate[];
}

/**
 * A change of one outbox message's delivery state, applied by `commit` with its batch: the
 * adapter sets these fields and `version = expectedVersion + 1`; every other field stays.
 *
 * @example
 * ```ts
 * const claim: OutboxUpdate = { id: 'msg-1', expectedVersion: 1, status: 'sending', channel: 'email', attempts: 1,
 *   dueAt: '2021-12-01T01:05:00.000Z', leaseOwner: 'deliverer-7', providerMessageId: null, lastError: null };
 * ```
 */
export interface OutboxUpdate {
  id: string;
  /** The message's version as read; a different stored version is a `ConflictError`. */
  expectedVersion: number;
  status: OutboxStatus;
  channel: string;
  attempts: number;
  dueAt: string | null;
  leaseOwner: string | null;
  providerMessageId: string | null;
  lastError: string | null;
}

/** The `collection` of the `ConflictError` an adapter throws when an `OutboxUpdate` is stale. */
export const OUTBOX_CONFLICT_COLLECTION = 'outbox';

/** Options of `StorageAdapter.readOutbox`. */
export interface ReadOutboxOptions {
  /** Only messages in this state. */
  status?: OutboxStatus;
  /**
   * Only messages due by this instant: `dueAt` not null and `dueAt <= dueBy` (ISO instants compare
   * as strings), ordered by `dueAt`, then `id`. Without it: every message, oldest first
   * (`createdAt`, then `id`).
   */
  dueBy?: string;
  /** At most this many, default 1000, at most 10000. */
  limit?: number;
}

/**
 * The `collection` of the `ConflictError` an adapter throws when a batch's audit `seq` is not the
 * tenant's last + 1.
 */
export const AUDIT_CONFLICT_COLLECTION = 'audit';

/** A filter on one indexed field: equality, or membership. */
export type IndexFilter = IndexValue | { in: IndexValue[] };

/** A query over one collection of one tenant. */
export interface QueryRequest {
  collection: string;
  tenantId: string;
  /** Every listed index field must match (AND). */
  where?: Record<string, IndexFilter>;
  /** Sort by an index field (ties broken by id), default by id. */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  /** Page size, default 100, at most 1000. */
  limit?: number;
  /** The `nextCursor` of the previous page. Opaque: a cursor the adapter did not issue for this ordering is a `ValidationError`. */
  cursor?: string | null;
}

/**
 * Grouped counts over one collection of one tenant (when `capabilities.groupedCounts` is true):
 * how many records match `where`, per distinct combination of the `groupBy` index fields.
 *
 * @example
 * ```ts
 * const request: CountByRequest = { collection: 'visits', tenantId: '42', where: { campaignId: 'c-1' }, groupBy: ['state', 'districtCode'] };
 * ```
 */
export interface CountByRequest {
  collection: string;
  tenantId: string;
  /** Every listed index field must match (AND), exactly as in `QueryRequest.where`. */
  where?: Record<string, IndexFilter>;
  /** 1 to 8 distinct index field names. A record missing a field is counted under `null`. */
  groupBy: string[];
}

/** One group of a `countBy` result. */
export interface CountGroup {
  /** The value of every `groupBy` field, and only those (`null` for a missing field). */
  key: Record<string, IndexValue>;
  /** How many matching records have this key: a whole number ≥ 1 (empty groups are left out). */
  count: number;
}

/** What `countBy` returns. */
export interface CountByResult {
  /**
   * One group per distinct key, each key once, ordered by the `groupBy` fields in turn in the
   * total order of `query` (null < booleans < numbers < strings by code point).
   */
  groups: CountGroup[];
}

/** One page of a query. */
export interface QueryPage<T = unknown> {
  items: StoredRecord<T>[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** One event of the append-only, hash-chained audit log (hashes are computed by core). */
export interface AuditRecord {
  tenantId: string;
  /** 1, 2, 3… per tenant, without gaps. A commit whose audit seq is not last + 1 is a `ConflictError`. */
  seq: number;
  id: string;
  at: string;
  /** The actor's role and pseudonymous id (never a name or a phone number). */
  actor: { role: string; id: string };
  action: string;
  subject: { collection: string; id: string };
  /** Small, non-personal facts about the change (state before/after, version). */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /**
   * HMAC-SHA-256 (hex) of `hash` with the host's audit key, when the service has one. Not part of
   * the hash. Adapters store and return it unchanged, like every other field.
   */
  mac?: string;
}

/**
 * Delivery state of an outbox message:
 * - `pending`: waiting; due at `dueAt` (when written, at a retry's time, or when an embargo lifts);
 * - `sending`: claimed by the deliverer `leaseOwner` until `dueAt`; a lease that ran out (the
 *   deliverer crashed) is due again, so nothing is lost, and nothing is sent twice while it holds;
 * - `sent`: the provider accepted it (`providerMessageId`);
 * - `dead`: every channel refused it, or it ran out of attempts: kept, listed, re-queueable.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** A message waiting in (or delivered from) the outbox. Committed in the same batch as the change that caused it. */
export interface OutboxRecord {
  tenantId: string;
  /** Idempotency key: one message per key, ever. */
  id: string;
  createdAt: string;
  /** Delivery channel (`email`, `webhook`, `console`, …). */
  channel: string;
  /** Who it is for: a role and a pseudonymous recipient id; the notifier resolves the address. */
  recipient: { role: string; id: string; organizationId?: string };
  /** Domain event that caused it, e.g. `visit.scheduled`. */
  topic: string;
  subject: string;
  body: string;
  /** Ids it refers to (campaign, visit…): used for the embargo check. */
  refs: Record<string, string>;
  /** Do not deliver before this instant (e.g. a visit's start), or null. */
  deliverAfter: string | null;
  /** Channels to try, in order, after `channel` refuses it for good (`['manual']`: by phone). */
  fallbackChannels: string[];
  status: OutboxStatus;
  /** 1 when written, +1 with every `OutboxUpdate` (compare-and-set, like records). */
  version: number;
  /** When a deliverer should next look at it (see `OutboxStatus`); null when `sent` or `dead`. */
  dueAt: string | null;
  /** The deliverer holding it while `sending`, else null. */
  leaseOwner: string | null;
  /**
   * Attempts so far, over every channel. Each channel has a share of `maxAttempts`: a move to the
   * next channel (or a re-queue) counts the unused attempts of the earlier ones as spent.
   */
  attempts: number;
  providerMessageId: string | null;
  /** The last failure's short, non-personal reason (`NOTIFICATION_FAILED: HTTP 503`), or null. */
  lastError: string | null;
}

/** A row of portal statistics (quanly.pccovid.gov.vn): one target, one day. */
export interface PortalStatisticsRow {
  tenantId: string;
  targetId: string;
  /** GSO district code of the target. */
  districtCode: string;
  /** Civil date `YYYY-MM-DD`. */
  date: string;
  registeredPoints: number;
  scans: number;
  distinctVisitors: number;
}

/** Totals of portal statistics per target over a period. */
export interface PortalStatisticsSummary {
  targetId: string;
  districtCode: string;
  days: number;
  zeroScanDays: number;
  totalScans: number;
  maxRegisteredPoints: number;
}

/** What an adapter can do. Core branches on these, never on the adapter's name. */
export interface StorageCapabilities {
  /** Several processes may write the same store at once, with conflicts detected. */
  multiProcess: boolean;
  /** Records survive a restart of the process. */
  durable: boolean;
  /** The portal-statistics bulk path and aggregates are implemented. */
  portalStatistics: boolean;
  /** Largest `data` the adapter stores, in bytes of UTF-8 JSON; `null` = no set limit. Core refuses larger puts before they reach the adapter. */
  maxRecordBytes: number | null;
  /**
   * `countBy` is implemented (counted in the store, e.g. a SQL `GROUP BY`). When absent or false,
   * core counts by paging through `query` instead, which is correct but reads every matching record.
   * @default false
   */
  groupedCounts?: boolean;
}

/**
 * A storage adapter (contract v2). Every call may be made concurrently. Reads see committed
 * state; `commit` applies one batch atomically. Core checks each request before calling, so an
 * adapter may trust the shape of what it receives (see `defineStorageAdapter` in
 * `@pccovid-inspect/core/adapter-kit`).
 *
 * @example
 * ```ts
 * const storage: StorageAdapter = createMemoryStorage();
 * const [stored] = await storage.commit({ tenantId: '42', puts: [{ collection: 'visits', tenantId: '42', id: 'v-1', data, indexes: {}, updatedAt, expectedVersion: 0 }], audit, outbox: [] });
 * ```
 */
export interface StorageAdapter {
  readonly contractVersion: typeof STORAGE_CONTRACT_VERSION;
  /** A short name for errors and logs, e.g. `sqlite`. */
  readonly name: string;
  readonly capabilities: StorageCapabilities;
  get<T = unknown>(collection: string, tenantId: string, id: string): Promise<StoredRecord<T> | null>;
  query<T = unknown>(request: QueryRequest): Promise<QueryPage<T>>;
  /**
   * Commits one batch all-or-nothing: if any put's stored version differs from its
   * `expectedVersion`, or the audit `seq` is not the tenant's last + 1, nothing is written and a
   * `ConflictError` names the record (or `collection: 'audit'`). Returns the stored records in the
   * order of `batch.puts`, each at `expectedVersion + 1` (a record's `data` may be the put's own
   * object: core does not change it, and nothing needs to be parsed back).
   */
  commit(batch: CommitBatch): Promise<StoredRecord[]>;
  /** Audit records of a tenant with `seq > afterSeq`, ascending, at most `limit` (default 1000). */
  readAudit(tenantId: string, options?: { afterSeq?: number; limit?: number }): Promise<AuditRecord[]>;
  /** The last audit record of a tenant, or null. */
  lastAudit(tenantId: string): Promise<AuditRecord | null>;
  /**
   * Outbox messages of a tenant: oldest first, or with `dueBy` those due, soonest first (see
   * `ReadOutboxOptions`). Delivery state changes go through `commit` (`outboxUpdates`).
   */
  readOutbox(tenantId: string, options?: ReadOutboxOptions): Promise<OutboxRecord[]>;
  /** Bulk path for portal statistics (when `capabilities.portalStatistics`). */
  insertPortalStatistics?(rows: Iterable<PortalStatisticsRow>): Promise<{ inserted: number }>;
  /** Per-target totals over a civil-date range (when `capabilities.portalStatistics`). */
  summarizePortalStatistics?(tenantId: string, range: { from: string; to: string; targetIds?: string[] }): Promise<PortalStatisticsSummary[]>;
  /**
   * Counts the records matching `where` per distinct key of the `groupBy` fields (when
   * `capabilities.groupedCounts`). Core checks the request before calling, so the adapter may
   * trust its shape; it reads committed state, like `query`.
   */
  countBy?(request: CountByRequest): Promise<CountByResult>;
  /** Releases connections and files. Further calls fail. */
  dispose(): Promise<void>;
}
