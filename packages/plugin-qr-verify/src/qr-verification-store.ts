import { randomUUID } from 'node:crypto';
import { ConflictError, ValidationError, type Actor, type StorageAdapter } from '@pccovid-inspect/core';
import { AUDIT_CONFLICT_COLLECTION, chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import type { QrVerificationLookup } from './qr-verify-plugin.js';
import type { QrPhotoVerification } from './verify-qr-photo.js';

/** The storage collection of recorded verifications (one record per photo, id = its SHA-256). */
export const QR_VERIFICATIONS_COLLECTION = 'qrVerifications';

/**
 * One recorded verification: the photo (by SHA-256, and the evidence item that carries it), the
 * target it was taken at, and what `verifyQrPhoto` found.
 *
 * @example
 * ```ts
 * const stored: StoredQrVerification = { sha256, targetId: 'tg-cho-ht', visitId: 'visit-cho-ht', evidenceId: 'ev-b2-1',
 *   verification, verifiedAt: '2021-12-07T02:10:00.000Z', verifiedBy: 'p-secretary' };
 * ```
 */
export interface StoredQrVerification {
  sha256: string;
  targetId: string;
  visitId: string | null;
  evidenceId: string | null;
  verification: QrPhotoVerification;
  verifiedAt: string;
  /** The pseudonymous id of who recorded it (the audit event names the role too). */
  verifiedBy: string;
}

/**
 * What {@link QrVerificationStore.record} takes.
 *
 * @example
 * ```ts
 * const input: RecordQrVerificationInput = { sha256, targetId: 'tg-cho-ht', visitId: 'visit-cho-ht', evidenceId: 'ev-b2-1',
 *   verification: verifyQrPhoto(bytes, { registeredCodes: registeredCodesOf(target) }), actor };
 * ```
 */
export interface RecordQrVerificationInput {
  sha256: string;
  targetId: string;
  visitId?: string;
  evidenceId?: string;
  verification: QrPhotoVerification;
  actor: Actor;
  /** When it was verified (ISO UTC instant). Default: now. */
  at?: string;
}

/**
 * The verifications kept in the service's storage, so they outlive the process: `record` writes
 * one (audited, like a command), `load` reads them back into memory, and `get` — what
 * {@link createQrVerifyPlugin} calls while answers are evaluated — answers from memory, as the
 * plugin's rules must be synchronous and pure.
 *
 * @example
 * ```ts
 * const store = createQrVerificationStore(storage, tenant.id);
 * await store.load(); // at start-up: every verification recorded before
 * const plugin = createQrVerifyPlugin({ verifications: store });
 * // when a photo is received:
 * await store.record({ sha256, targetId, visitId, evidenceId, verification: verifyQrPhoto(bytes, { registeredCodes }), actor });
 * ```
 */
export interface QrVerificationStore extends QrVerificationLookup {
  /** Writes the verification of a photo (again: only when it changed) and keeps it in memory. */
  record(input: RecordQrVerificationInput): Promise<StoredQrVerification>;
  /** Reads the recorded verifications (all, or one target's / one visit's) into memory; returns how many. */
  load(filter?: { targetId?: string; visitId?: string }): Promise<number>;
  /** The full stored record of a photo, read from storage (null when none). */
  read(sha256: string): Promise<StoredQrVerification | null>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const ID = /^[\p{L}\p{N}_.:-]{1,100}$/u;
const RETRIES = 5;

function checkInput(input: RecordQrVerificationInput): void {
  const issues: { path: string[]; code: string; message: string }[] = [];
  if (!SHA256.test(input.sha256)) issues.push({ path: ['sha256'], code: 'custom', message: 'SHA-256 hex chữ thường, 64 ký tự / a lower-case hex SHA-256 (64 characters)' });
  for (const key of ['targetId', 'visitId', 'evidenceId'] as const) {
    const value = input[key];
    if ((key === 'targetId' || value !== undefined) && !(typeof value === 'string' && ID.test(value))) {
      issues.push({ path: [key], code: 'custom', message: 'mã không hợp lệ / not a valid id' });
    }
  }
  if (typeof input.verification?.status !== 'string') issues.push({ path: ['verification'], code: 'custom', message: 'kết quả verifyQrPhoto / a verifyQrPhoto result' });
  if (issues.length > 0) {
    throw new ValidationError({
      subject: 'qr-verify.record',
      issues,
      hint: 'Truyền kết quả verifyQrPhoto và SHA-256 của ảnh / Pass the verifyQrPhoto result and the photo’s SHA-256.',
    });
  }
}

const sameContent = (a: StoredQrVerification, b: StoredQrVerification): boolean =>
  a.targetId === b.targetId && a.visitId === b.visitId && a.evidenceId === b.evidenceId && JSON.stringify(a.verification) === JSON.stringify(b.verification);

/**
 * A {@link QrVerificationStore} on a storage adapter (the one the service uses: SQLite,
 * PostgreSQL, memory…), for one tenant. Each `record` is one commit with its own audit event
 * (`qr-verify.record`) chained after the tenant's last, retried when another commit took the
 * audit sequence number first.
 *
 * @example
 * ```ts
 * const store = createQrVerificationStore(createSqliteStorage({ filename: 'inspect.db' }), '42');
 * ```
 */
export function createQrVerificationStore(storage: StorageAdapter, tenantId: string): QrVerificationStore {
  const cache = new Map<string, QrPhotoVerification>();

  const read = async (sha256: string): Promise<StoredQrVerification | null> => {
    const stored = await storage.get<StoredQrVerification>(QR_VERIFICATIONS_COLLECTION, tenantId, sha256);
    return stored?.data ?? null;
  };

  const record = async (input: RecordQrVerificationInput): Promise<StoredQrVerification> => {
    checkInput(input);
    const data: StoredQrVerification = {
      sha256: input.sha256,
      targetId: input.targetId,
      visitId: input.visitId ?? null,
      evidenceId: input.evidenceId ?? null,
      verification: JSON.parse(JSON.stringify(input.verification)) as QrPhotoVerification,
      verifiedAt: input.at ?? new Date().toISOString(),
      verifiedBy: input.actor.id,
    };
    for (let attempt = 1; ; attempt++) {
      const existing = await storage.get<StoredQrVerification>(QR_VERIFICATIONS_COLLECTION, tenantId, input.sha256);
      if (existing !== null && sameContent(existing.data, data)) {
        cache.set(input.sha256, existing.data.verification);
        return existing.data;
      }
      const audit = await chainAuditRecord(await storage.lastAudit(tenantId), {
        tenantId,
        id: `qr-verify-${randomUUID()}`,
        at: data.verifiedAt,
        actor: { role: input.actor.role, id: input.actor.id },
        action: 'qr-verify.record',
        subject: { collection: QR_VERIFICATIONS_COLLECTION, id: input.sha256 },
        details: { targetId: data.targetId, visitId: data.visitId, evidenceId: data.evidenceId, status: data.verification.status, version: (existing?.version ?? 0) + 1 },
      });
      const indexes = { targetId: data.targetId, visitId: data.visitId, status: data.verification.status };
      try {
        await storage.commit({
          tenantId,
          puts: [{ collection: QR_VERIFICATIONS_COLLECTION, tenantId, id: input.sha256, data, indexes, updatedAt: data.verifiedAt, expectedVersion: existing?.version ?? 0 }],
          audit,
          outbox: [],
          outboxUpdates: [],
        });
        cache.set(input.sha256, data.verification);
        return data;
      } catch (error) {
        // Another writer took the audit seq (or wrote this photo) first: read again and retry.
        if (error instanceof ConflictError && attempt < RETRIES && (error.collection === AUDIT_CONFLICT_COLLECTION || error.collection === QR_VERIFICATIONS_COLLECTION)) continue;
        throw error;
      }
    }
  };

  const load = async (filter: { targetId?: string; visitId?: string } = {}): Promise<number> => {
    const where: Record<string, string> = {};
    if (filter.targetId !== undefined) where.targetId = filter.targetId;
    if (filter.visitId !== undefined) where.visitId = filter.visitId;
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: Awaited<ReturnType<StorageAdapter['query']>> = await storage.query<StoredQrVerification>({
        collection: QR_VERIFICATIONS_COLLECTION,
        tenantId,
        where,
        cursor,
        limit: 1000,
      });
      for (const item of page.items) {
        const stored = item.data as StoredQrVerification;
        cache.set(stored.sha256, stored.verification);
        count += 1;
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return count;
  };

  return { get: (sha256) => cache.get(sha256), record, load, read };
}
