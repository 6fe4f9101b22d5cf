import type { AuditRecord } from '../contracts/storage-adapter.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { sha256HexSync } from '../internal/sha256.js';

/** The `prevHash` of a tenant's first audit event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event before it is hashed. */
export type UnhashedAuditRecord = Omit<AuditRecord, 'hash' | 'prevHash' | 'mac'>;

/**
 * Computes the hash of an audit event: SHA-256 over `prevHash` and the canonical JSON of every
 * other field (the tenant, seq, details… — all but `mac`, which signs the hash). Changing any
 * field, or the order of events, changes every later hash.
 *
 * @example
 * ```ts
 * const hash = await hashAuditRecord({ ...event, prevHash: GENESIS_HASH });
 * ```
 */
export async function hashAuditRecord(record: Omit<AuditRecord, 'hash'>): Promise<string> {
  return hashAuditRecordSync(record);
}

/** @internal `hashAuditRecord`, synchronously (core's own hot paths: commits and verification). */
export function hashAuditRecordSync(record: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, mac: _mac, ...rest } = record;
  return sha256HexSync(`${prevHash}\n${canonicalJson(rest)}`);
}

/**
 * Links an event to the chain after `previous` (or starts the chain).
 *
 * @example
 * ```ts
 * const audit = await chainAuditRecord(await storage.lastAudit('42'), event);
 * await storage.commit({ tenantId: '42', puts, audit, outbox: [] });
 * ```
 */
export async function chainAuditRecord(previous: AuditRecord | null, event: Omit<UnhashedAuditRecord, 'seq'>): Promise<AuditRecord> {
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const seq = (previous?.seq ?? 0) + 1;
  const base = { ...event, seq, prevHash };
  return { ...base, hash: hashAuditRecordSync(base) };
}

/** The result of checking an audit chain. */
export type AuditChainVerification = { ok: true; count: number } | { ok: false; count: number; brokenAtSeq: number; reason: 'hash' | 'link' | 'sequence' };

/**
 * Checks a tenant's audit events in order: sequence without gaps, each `prevHash` equal to the
 * previous `hash`, and each `hash` recomputed. A tampered event is reported with its `seq`.
 *
 * @example
 * ```ts
 * const result = await verifyAuditChain(await storage.readAudit('42'));
 * if (!result.ok) alert(`audit log altered at event ${result.brokenAtSeq}`);
 * ```
 */
export async function verifyAuditChain(events: readonly AuditRecord[]): Promise<AuditChainVerification> {
  let prev: AuditRecord | null = null;
  for (const e of events) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (e.seq !== expectedSeq) return { ok: false, count: events.length, brokenAtSeq: e.seq, reason: 'sequence' };
    if (e.prevHash !== (prev?.hash ?? GENESIS_HASH)) return { ok: false, count: events.length, brokenAtSeq: e.seq, reason: 'link' };
    const { hash, ...rest } = e; // `mac` is left out by hashAuditRecord
    if (hashAuditRecordSync(rest) !== hash) return { ok: false, count: events.length, brokenAtSeq: e.seq, reason: 'hash' };
    prev = e;
  }
  return { ok: true, count: events.length };
}
