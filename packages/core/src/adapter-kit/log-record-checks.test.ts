import { describe, expect, it } from 'vitest';
import { checkAuditRecord, checkOutboxRecord, checkOutboxUpdate, checkReadOptions } from '@pccovid-inspect/core/adapter-kit';
import { AUDIT, OUTBOX, issueOf } from './test-support.js';

const audit = (patch: Record<string, unknown>) => () => checkAuditRecord({ ...AUDIT, ...patch });
const outbox =
  (patch: Record<string, unknown>, index = 0) =>
  () =>
    checkOutboxRecord({ ...OUTBOX, ...patch }, index);

describe('checkAuditRecord', () => {
  it('passes a valid record', () => {
    expect(audit({})).not.toThrow();
  });

  it('refuses a bad record at the path of the bad field', () => {
    expect(issueOf(audit({ seq: -1 }))).toEqual({ subject: 'AuditRecord', code: 'custom', path: ['seq'], message: 'must be a whole number ≥ 0' });
    expect(issueOf(audit({ actor: { role: 'leader', id: '' } }))).toMatchObject({ path: ['actor', 'id'] });
    expect(issueOf(audit({ subject: 'visits' }))).toMatchObject({ path: ['subject'], message: 'must be { collection, id }' });
    expect(issueOf(audit({ details: { at: new Date(0) } }))).toMatchObject({ path: ['details', 'at'] });
    expect(issueOf(audit({ prevHash: null }))).toMatchObject({ path: ['prevHash'], message: 'must be a string' });
  });
});

describe('checkReadOptions', () => {
  it('passes missing or valid options', () => {
    expect(() => checkReadOptions('readAudit', undefined)).not.toThrow();
    expect(() => checkReadOptions('readAudit', { afterSeq: 0, limit: 1 })).not.toThrow();
    expect(() => checkReadOptions('readOutbox', { status: 'dead', dueBy: '2021-12-07T02:00:00.000Z', limit: 10_000 })).not.toThrow();
  });

  it('refuses bad values, under the subject it is given', () => {
    expect(issueOf(() => checkReadOptions('readAudit', { limit: 0 }))).toEqual({
      subject: 'readAudit',
      code: 'custom',
      path: ['limit'],
      message: 'must be a whole number ≥ 1',
    });
    expect(issueOf(() => checkReadOptions('readAudit', { afterSeq: -1 }))).toMatchObject({ path: ['afterSeq'] });
    expect(issueOf(() => checkReadOptions('readOutbox', { status: 'lost' as never }))).toMatchObject({
      subject: 'readOutbox',
      path: ['status'],
      message: "must be 'pending', 'sending', 'sent' or 'dead'",
    });
    expect(issueOf(() => checkReadOptions('readOutbox', { limit: 10_001 }, 10_000))).toMatchObject({ path: ['limit'], message: 'must be at most 10000' });
    expect(issueOf(() => checkReadOptions('readOutbox', { dueBy: '' }))).toMatchObject({ path: ['dueBy'] });
  });
});

describe('checkOutboxRecord', () => {
  it('passes a valid message', () => {
    expect(outbox({})).not.toThrow();
    expect(outbox({ recipient: { role: 'unit', id: 'o-1' }, deliverAfter: '2021-12-08T00:00:00.000Z' })).not.toThrow();
  });

  it('refuses a bad message at a path starting with its index', () => {
    expect(issueOf(outbox({ topic: '' }, 3))).toEqual({ subject: 'OutboxRecord', code: 'custom', path: [3, 'topic'], message: 'must be a non-empty string' });
    expect(issueOf(outbox({ body: undefined }, 1))).toMatchObject({ path: [1, 'body'], message: 'must be a string' });
    expect(issueOf(outbox({ refs: { visitId: 7 } }))).toMatchObject({ path: [0, 'refs'], message: 'must be an object of string ids' });
    expect(issueOf(outbox({ recipient: { role: 'unit', id: 'o', organizationId: '' } }))).toMatchObject({ path: [0, 'recipient', 'organizationId'] });
    expect(issueOf(outbox({ attempts: -1 }, 2))).toMatchObject({ subject: 'OutboxRecord', path: [2, 'attempts'] });
    expect(issueOf(outbox({ version: 0 }))).toMatchObject({ path: [0, 'version'] });
    expect(issueOf(outbox({ fallbackChannels: [''] }))).toMatchObject({ path: [0, 'fallbackChannels'] });
    expect(issueOf(outbox({ dueAt: null }))).toMatchObject({ path: [0, 'dueAt'] });
  });
});

describe('checkOutboxUpdate', () => {
  const update = {
    id: 'm-1',
    expectedVersion: 1,
    status: 'sent' as const,
    channel: 'email',
    attempts: 1,
    dueAt: null,
    leaseOwner: null,
    providerMessageId: 'p-1',
    lastError: null,
  };
  it('passes a valid update', () => {
    expect(() => checkOutboxUpdate(update, 0)).not.toThrow();
    expect(() => checkOutboxUpdate({ ...update, status: 'sending', leaseOwner: 'd-1', dueAt: '2021-12-07T02:00:00.000Z' }, 0)).not.toThrow();
  });

  it('refuses a bad update under the subject OutboxUpdate, at its index', () => {
    expect(issueOf(() => checkOutboxUpdate({ ...update, status: 'lost' as never }, 2))).toEqual({
      subject: 'OutboxUpdate',
      code: 'custom',
      path: [2, 'status'],
      message: "must be 'pending', 'sending', 'sent' or 'dead'",
    });
    expect(issueOf(() => checkOutboxUpdate({ ...update, lastError: 5 as never }, 0))).toMatchObject({ path: [0, 'lastError'], message: 'must be a string or null' });
    expect(issueOf(() => checkOutboxUpdate({ ...update, expectedVersion: 0 }, 0))).toMatchObject({ path: [0, 'expectedVersion'] });
    expect(issueOf(() => checkOutboxUpdate({ ...update, status: 'sending', dueAt: '2021-12-07T02:00:00.000Z' }, 0))).toMatchObject({ path: [0, 'leaseOwner'] });
    expect(issueOf(() => checkOutboxUpdate({ ...update, status: 'pending' }, 0))).toMatchObject({ path: [0, 'dueAt'] });
  });
});
