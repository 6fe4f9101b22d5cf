import { expect } from 'vitest';
import { InspectError } from '@pccovid-inspect/core';
import type { AuditRecord, ErrorCode, IndexValue, OutboxRecord, PutRequest, StorageAdapter } from '@pccovid-inspect/core';

/** @internal Hà Tĩnh, the tenant most tests write to. */
export const TENANT = '42';
/** @internal Another province, for isolation tests. */
export const OTHER_TENANT = '40';
/** @internal A fixed instant, so fixtures are deterministic. */
export const AT = '2021-12-06T01:30:00.000Z';

/** @internal A create request (`expectedVersion: 0`) with sensible defaults. */
export function putRequest(overrides: Partial<PutRequest> = {}): PutRequest {
  return {
    collection: 'visits',
    tenantId: TENANT,
    id: 'v-1',
    data: { targetName: 'Bệnh viện Đa khoa tỉnh Hà Tĩnh', answers: [] },
    indexes: { status: 'planned' },
    updatedAt: AT,
    expectedVersion: 0,
    ...overrides,
  };
}

/** @internal An audit record with `seq`; hashes are fake but well-formed. */
export function auditRecord(tenantId: string, seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    tenantId,
    seq,
    id: `a-${tenantId}-${seq}`,
    at: AT,
    actor: { role: 'team-lead', id: 'p-7' },
    action: 'visit.start',
    subject: { collection: 'visits', id: 'v-1' },
    details: { from: 'planned', to: 'underway', version: seq },
    prevHash: seq === 1 ? '' : `h${seq - 1}`,
    hash: `h${seq}`,
    ...overrides,
  };
}

/** @internal A pending outbox message. */
export function outboxRecord(tenantId: string, id: string, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    tenantId,
    id,
    createdAt: AT,
    channel: 'email',
    recipient: { role: 'team-member', id: 'p-3', organizationId: 'org-stttt' },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra đột xuất / Unannounced inspection schedule',
    body: 'Đoàn kiểm tra sẽ làm việc tại đơn vị vào ngày 07/12/2021.',
    refs: { campaignId: 'c-1', visitId: 'v-1' },
    deliverAfter: null,
    status: 'pending',
    attempts: 0,
    providerMessageId: null,
    lastError: null,
    ...overrides,
  };
}

/**
 * @internal Runs `action`, expects it to reject (or throw) an error of this library with `code`,
 * and returns the error for further checks. `what` names the call in the failure message, e.g.
 * `the stale write (expectedVersion 1, stored 2)`.
 */
export async function expectRejection(action: () => Promise<unknown>, code: ErrorCode, what = 'the call'): Promise<InspectError> {
  let caught: unknown = undefined;
  let threw = false;
  try {
    await action();
  } catch (error) {
    threw = true;
    caught = error;
  }
  expect(threw, `expected ${what} to fail with ${code}, but it succeeded`).toBe(true);
  expect((caught as { code?: unknown } | null)?.code, `expected ${what} to fail with ${code}, but it failed with ${String(caught)}`).toBe(code);
  expect(InspectError.isInstance(caught), `expected ${what} to fail with an InspectError of @pccovid-inspect/core, but got ${String(caught)}`).toBe(true);
  return caught as InspectError;
}

/** @internal Creates `count` records `r-000`… in one transaction with indexes from `indexesOf`. */
export async function seedRecords(adapter: StorageAdapter, count: number, indexesOf: (i: number) => Record<string, IndexValue>, base: Partial<PutRequest> = {}): Promise<void> {
  await adapter.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await tx.put(putRequest({ ...base, id: `r-${String(i).padStart(3, '0')}`, data: { n: i }, indexes: indexesOf(i) }));
    }
  });
}

/** @internal Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
