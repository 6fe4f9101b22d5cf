import { ValidationError } from '../errors/validation-error.js';
import type { AuditRecord, OutboxRecord, PortalStatisticsRow, PutRequest } from '../contracts/storage-adapter.js';

/**
 * @internal Fixtures for the adapter-kit tests (not exported): one valid input of each kind, and
 * a reader of the first issue of the `ValidationError` a call throws.
 */

/** What a check threw: subject and first issue. */
export interface ThrownIssue {
  subject: string;
  code: string;
  path: (string | number)[];
  message: string;
}

/**
 * The first issue of the `ValidationError` that `fn` throws; rethrows anything else and fails
 * when nothing is thrown.
 * @example
 * ```ts
 * expect(issueOf(() => checkPutRequest(bad))).toMatchObject({ path: ['id'] });
 * ```
 */
export function issueOf(fn: () => unknown): ThrownIssue {
  try {
    fn();
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    const first = error.issues[0]!;
    return { subject: error.subject, code: first.code, path: first.path, message: first.message };
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

/** A valid put request. */
export const PUT: PutRequest = {
  collection: 'visits',
  tenantId: '42',
  id: 'v-1',
  data: { target: 't-1', notes: ['Đạt', 3, true, null], nested: { skipped: undefined } },
  indexes: { district: 'Hồng Lĩnh', closed: false, score: 7, closedOn: null },
  updatedAt: '2021-12-07T01:30:00.000Z',
  expectedVersion: 0,
};

/** A valid audit record. */
export const AUDIT: AuditRecord = {
  tenantId: '42',
  seq: 1,
  id: 'a-1',
  at: '2021-12-07T01:30:00.000Z',
  action: 'visit.create',
  actor: { role: 'leader', id: 'u-1' },
  subject: { collection: 'visits', id: 'v-1' },
  details: { from: null, to: 'planned' },
  prevHash: '',
  hash: 'abc',
};

/** A valid outbox message. */
export const OUTBOX: OutboxRecord = {
  tenantId: '42',
  id: 'm-1',
  createdAt: '2021-12-07T01:30:00.000Z',
  channel: 'email',
  topic: 'visit.notice',
  recipient: { role: 'unit', id: 'o-1', organizationId: 'o-1' },
  subject: 'Thông báo',
  body: '',
  refs: { visitId: 'v-1' },
  deliverAfter: null,
  fallbackChannels: [],
  status: 'pending',
  version: 1,
  dueAt: '2021-12-07T01:30:00.000Z',
  leaseOwner: null,
  attempts: 0,
  providerMessageId: null,
  lastError: null,
};

/** A valid portal-statistics row. */
export const ROW: PortalStatisticsRow = {
  tenantId: '42',
  targetId: 't-1',
  districtCode: '436',
  date: '2024-02-29',
  registeredPoints: 2,
  scans: 0,
  distinctVisitors: 0,
};
