import { expect } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, CommitBatch, OutboxRecord, StorageAdapter } from '@pccovid-inspect/core';
import type { StorageInspector } from '../storage-inspector.js';
import {
  OTHER_TENANT,
  TENANT,
  commitPut,
  commitRecords,
  commitRetryingAudit,
  describeError,
  expectConflict,
  isAuditConflict,
  isOutboxConflict,
  outboxRecord,
  outboxUpdate,
  prepareBatch,
  putRequest,
  sameJson,
  updatedMessage,
} from './fixtures.js';

/*
 * The checks of atomic commits and of races between writers, as functions: the suites call them
 * on the adapter under test, and the kit's own self-test calls them on deliberately broken
 * adapters to prove that each one fails, saying in words what the adapter did wrong.
 */

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(promise: Promise<T>): Promise<Outcome<T>> =>
  promise.then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );

/** Everything the inspector sees of a tenant: to compare before and after a refused batch. */
async function snapshot(inspector: StorageInspector, ids: readonly string[]) {
  const records: Record<string, unknown> = {};
  for (const id of ids) records[id] = await inspector.record('visits', TENANT, id);
  return { records, count: await inspector.countRecords('visits', TENANT), audit: await inspector.audit(TENANT), outbox: await inspector.outbox(TENANT) };
}

/** Names what a refused batch left behind, in words, or '' when it left nothing. */
async function leftovers(inspector: StorageInspector, before: Awaited<ReturnType<typeof snapshot>>, batch: CommitBatch): Promise<string> {
  const found: string[] = [];
  for (const put of batch.puts) {
    const now = await inspector.record(put.collection, put.tenantId, put.id);
    const then = before.records[put.id] ?? null;
    if (!sameJson(now, then))
      found.push(`${put.collection}/${put.id} (now ${now ? `version ${now.version}` : 'missing'}, was ${then ? `version ${(then as { version: number }).version}` : 'missing'})`);
  }
  const audit = await inspector.audit(TENANT);
  if (audit.length !== before.audit.length) found.push(`the audit event (the log went from ${before.audit.length} to ${audit.length} events)`);
  const outbox = await inspector.outbox(TENANT);
  const newIds = outbox.filter((m) => !before.outbox.some((b) => b.id === m.id)).map((m) => m.id);
  if (newIds.length > 0) found.push(`outbox message(s) ${newIds.join(', ')}`);
  return found.join('; ');
}

/**
 * @internal A batch whose middle put is stale (expectedVersion 1, stored 2) must write nothing — not
 * the creates before and after it, not its audit event, not its outbox message — and fail with
 * CONFLICT naming that record.
 */
export async function expectStalePutWritesNothing(adapter: StorageAdapter, inspector: StorageInspector): Promise<void> {
  await commitPut(adapter, putRequest({ id: 'v-1', data: { step: 1 } }), { outbox: [outboxRecord(TENANT, 'm-0')] });
  await commitPut(adapter, putRequest({ id: 'v-1', expectedVersion: 1, data: { step: 2 } }));
  const before = await snapshot(inspector, ['v-1', 'v-before', 'v-after']);
  const batch = await prepareBatch(
    adapter,
    TENANT,
    [
      putRequest({ id: 'v-before', data: { created: 'before' } }),
      putRequest({ id: 'v-1', expectedVersion: 1, data: { stale: true } }),
      putRequest({ id: 'v-after', data: { created: 'after' } }),
    ],
    { outbox: [outboxRecord(TENANT, 'm-1')] },
  );
  const what = 'a batch whose second of three puts is stale (visits/v-1 at expectedVersion 1, stored 2)';
  const error = await expectConflict(() => adapter.commit(batch), what, { collection: 'visits', id: 'v-1' });
  expect(error, `expected the CONFLICT of ${what} to report expectedVersion 1 and actualVersion 2`).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
  const left = await leftovers(inspector, before, batch);
  expect(left, `expected ${what} to write nothing (all or nothing), but the adapter wrote part of the batch it refused: ${left}`).toBe('');
  const after = await snapshot(inspector, ['v-1', 'v-before', 'v-after']);
  expect(after, `expected ${what} to leave every record, the audit log and the outbox exactly as they were`).toEqual(before);
  expect(await adapter.get('visits', TENANT, 'v-before'), `expected get after ${what} not to see its create of v-before (a cache kept a refused write?)`).toBeNull();
}

/**
 * @internal A batch whose audit `seq` is stale (another commit took it first), or leaves a gap,
 * must write nothing — none of its puts, no event, no message — and fail with CONFLICT naming
 * collection 'audit'.
 */
export async function expectStaleAuditWritesNothing(adapter: StorageAdapter, inspector: StorageInspector): Promise<void> {
  // Two commands chain their event after the same (empty) head; the first one lands.
  const first = await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-first' })], { outbox: [outboxRecord(TENANT, 'm-first')] });
  const late = await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-1', data: { late: true } }), putRequest({ id: 'v-2', data: { late: true } })], {
    outbox: [outboxRecord(TENANT, 'm-late')],
  });
  await adapter.commit(first);
  const before = await snapshot(inspector, ['v-first', 'v-1', 'v-2']);
  const what = `a batch whose audit seq ${late.audit.seq} was taken by an earlier commit`;
  await expectConflict(() => adapter.commit(late), what, { collection: 'audit' });
  let left = await leftovers(inspector, before, late);
  expect(left, `expected ${what} to write nothing, but the adapter refused the batch for its audit seq after writing part of it (not rolled back): ${left}`).toBe('');

  const gap = { ...late, audit: { ...late.audit, seq: first.audit.seq + 2 } };
  const gapWhat = `a batch whose audit seq ${gap.audit.seq} leaves a gap after ${first.audit.seq}`;
  await expectConflict(() => adapter.commit(gap), gapWhat, { collection: 'audit' });
  left = await leftovers(inspector, before, gap);
  expect(left, `expected ${gapWhat} to write nothing, but the adapter wrote part of it: ${left}`).toBe('');
  expect(await snapshot(inspector, ['v-first', 'v-1', 'v-2']), `expected the refused batches to leave every record, the audit log and the outbox as they were`).toEqual(before);

  // Re-chained after the new head, the same writes land.
  const retried = await commitRecords(adapter, TENANT, late.puts, { outbox: late.outbox });
  expect(
    retried.map((r) => r.version),
    'expected the batch re-chained after the new audit head to commit its two creates at version 1',
  ).toEqual([1, 1]);
}

/** Fires every batch in the same tick; for those refused for their audit seq, optionally retries re-chained (as core does). */
async function raceCommits(adapter: StorageAdapter, batches: CommitBatch[], retryAudit: boolean): Promise<Outcome<unknown>[]> {
  const first = batches.map((batch) => settle(adapter.commit(batch)));
  return Promise.all(
    first.map(async (outcome, i) => {
      const result = await outcome;
      const batch = batches[i] as CommitBatch;
      if (result.ok || !retryAudit || !isAuditConflict(result.error)) return result;
      return settle(commitRetryingAudit(adapter, batch.tenantId, batch.puts, { outbox: batch.outbox, outboxUpdates: batch.outboxUpdates }));
    }),
  );
}

/**
 * @internal `writers` commits of the same record at the same expected version, fired at once
 * (each retried, as core does, when it only lost the audit sequence): exactly one lands, every
 * other fails with CONFLICT naming the record, and the record is the winner's at version 2.
 */
export async function expectOneWinnerAmongConcurrentCommits(adapter: StorageAdapter, inspector: StorageInspector, writers: number): Promise<void> {
  const id = 'contested';
  await commitPut(adapter, putRequest({ id, data: { writer: -1 }, indexes: { writer: -1 } }));
  const batches = await Promise.all(
    Array.from({ length: writers }, (_, writer) => prepareBatch(adapter, TENANT, [putRequest({ id, expectedVersion: 1, data: { writer }, indexes: { writer } })])),
  );
  const outcomes = await raceCommits(adapter, batches, true);
  const winners = outcomes.flatMap((o, writer) => (o.ok ? [writer] : []));
  const stored = await inspector.record('visits', TENANT, id);
  const storedText = stored ? `version ${stored.version}, written by writer ${JSON.stringify((stored.data as { writer?: unknown }).writer)}` : 'nothing';
  const setting = `${writers} concurrent commits of visits/${id} at expectedVersion 1 (stored 1)`;
  expect(
    winners.length <= 1,
    `expected exactly one of ${setting} to succeed, but ${winners.length} did: the adapter let several batches commit over the same version — it checked the expected version and then wrote without holding it (a lost update); stored: ${storedText}`,
  ).toBe(true);
  const firstError = outcomes.find((o) => !o.ok);
  expect(winners.length, `expected one of ${setting} to succeed, but all failed, the first with ${describeError(firstError && !firstError.ok ? firstError.error : null)}`).toBe(1);
  for (const [writer, o] of outcomes.entries()) {
    if (o.ok) continue;
    const named = o.error as { code?: unknown; collection?: unknown; id?: unknown };
    expect(
      named?.code === 'CONFLICT' && named.collection === 'visits' && named.id === id,
      `expected losing writer ${writer} of ${setting} to fail with CONFLICT naming visits/${id}, but it failed with ${describeError(o.error)}`,
    ).toBe(true);
  }
  const winner = winners[0];
  expect(
    stored?.version === 2 && (stored.data as { writer?: unknown }).writer === winner,
    `expected the stored record to be the winning writer ${String(winner)}'s at version 2 after ${setting}, but found ${storedText}`,
  ).toBe(true);
  const audit = await inspector.audit(TENANT);
  expect(
    audit.map((a) => a.seq),
    `expected the audit log to hold the setup's event and the winner's (seq 1, 2) after ${setting}, but it holds seq ${audit.map((a) => a.seq).join(', ')}: a refused batch left its event`,
  ).toEqual([1, 2]);
}

/** Says what is wrong with a tenant's stored audit log: gaps, duplicates, a broken chain; '' when none. */
async function auditProblems(audit: AuditRecord[], expectedCount: number): Promise<string> {
  const seqs = audit.map((a) => a.seq);
  const problems: string[] = [];
  const duplicates = seqs.filter((s, i) => seqs.indexOf(s) !== i);
  if (duplicates.length > 0) problems.push(`seq ${[...new Set(duplicates)].join(', ')} stored more than once (two batches took the same seq)`);
  const expected = Array.from({ length: expectedCount }, (_, i) => i + 1);
  if (JSON.stringify(seqs) !== JSON.stringify(expected)) problems.push(`seq ${seqs.join(', ')} instead of 1…${expectedCount}`);
  if (problems.length === 0) {
    const verified = await verifyAuditChain(audit);
    if (!verified.ok) problems.push(`the hash chain breaks at seq ${verified.brokenAtSeq} (${verified.reason}): events were stored out of order or altered`);
  }
  return problems.join('; ');
}

/**
 * @internal `writers` commits of different records, all chained after the same audit head (so all
 * with the same seq), fired at once: exactly one lands, the others fail with CONFLICT naming
 * 'audit' and write nothing; then `writers` commits retried on audit CONFLICT (as core does) all
 * land and leave the log without a gap or a duplicate, its hash chain intact.
 */
export async function expectAuditSeqRaceHasOneWinner(adapter: StorageAdapter, inspector: StorageInspector, writers: number): Promise<void> {
  await commitPut(adapter, putRequest({ id: 'setup' }));
  const batches = await Promise.all(Array.from({ length: writers }, (_, writer) => prepareBatch(adapter, TENANT, [putRequest({ id: `w-${writer}`, data: { writer } })])));
  const seq = batches[0]?.audit.seq;
  const setting = `${writers} concurrent commits of different records, all with audit seq ${String(seq)}`;
  const outcomes = await raceCommits(adapter, batches, false);
  const winners = outcomes.flatMap((o, writer) => (o.ok ? [writer] : []));
  let problems = await auditProblems(await inspector.audit(TENANT), 2);
  expect(
    winners.length <= 1,
    `expected exactly one of ${setting} to land, but ${winners.length} did — the adapter did not check the seq and write the event as one step; the log: ${problems || 'no visible problem'}`,
  ).toBe(true);
  const firstError = outcomes.find((o) => !o.ok);
  expect(winners.length, `expected one of ${setting} to land, but all failed, the first with ${describeError(firstError && !firstError.ok ? firstError.error : null)}`).toBe(1);
  expect(problems, `expected the audit log to hold seq 1, 2 (setup and the one winner) after ${setting}, but: ${problems}`).toBe('');
  for (const [writer, o] of outcomes.entries()) {
    if (o.ok) continue;
    expect(
      isAuditConflict(o.error),
      `expected losing writer ${writer} of ${setting} to fail with CONFLICT naming collection "audit", but it failed with ${describeError(o.error)}`,
    ).toBe(true);
    const leftover = await inspector.record('visits', TENANT, `w-${writer}`);
    expect(leftover, `expected the batch of losing writer ${writer} (refused for its audit seq) to write nothing, but its record w-${writer} was stored`).toBeNull();
  }

  const retried = await Promise.all(
    Array.from({ length: writers }, (_, writer) => settle(commitRetryingAudit(adapter, TENANT, [putRequest({ id: `r-${writer}`, data: { writer } })]))),
  );
  const failed = retried.find((o) => !o.ok);
  expect(
    failed,
    `expected ${writers} concurrent commits retried on audit CONFLICT to all land, but one failed with ${describeError(failed && !failed.ok ? failed.error : null)}`,
  ).toBeUndefined();
  problems = await auditProblems(await inspector.audit(TENANT), 2 + writers);
  expect(problems, `expected ${writers} concurrent commits retried on audit CONFLICT to leave the log at seq 1…${2 + writers}, gap-free and chained, but: ${problems}`).toBe('');
}

/** How a message stands, in words, for failure messages. */
function describeMessage(message: OutboxRecord | undefined): string {
  return message ? `${message.status} at version ${message.version} (lease ${String(message.leaseOwner)}, provider id ${String(message.providerMessageId)})` : 'missing';
}

/**
 * @internal A batch with a stale outbox update (message read at version 1, stored 2), and one
 * updating a message that does not exist (or is another tenant's), must write nothing — not its
 * puts, not its audit event, not its new messages, not its other updates — and fail with CONFLICT
 * naming collection 'outbox' and the message, with the versions.
 */
export async function expectStaleOutboxUpdateWritesNothing(adapter: StorageAdapter, inspector: StorageInspector): Promise<void> {
  await commitRecords(adapter, TENANT, [], { outbox: [outboxRecord(TENANT, 'm-1'), outboxRecord(TENANT, 'm-2')] });
  await commitRecords(adapter, TENANT, [], { outboxUpdates: [outboxUpdate('m-1', 1)] });
  await commitRecords(adapter, OTHER_TENANT, [], { outbox: [outboxRecord(OTHER_TENANT, 'm-other')] });
  const before = await snapshot(inspector, ['v-1']);
  const cases: [string, CommitBatch, { id: string; expectedVersion: number; actualVersion: number | null }][] = [
    [
      'a batch (a put, a new message, a fresh update of m-2) whose update of m-1 is stale (read at version 1, stored 2)',
      await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-1' })], {
        outbox: [outboxRecord(TENANT, 'm-new')],
        outboxUpdates: [outboxUpdate('m-2', 1, { leaseOwner: 'deliverer-2' }), outboxUpdate('m-1', 1, { leaseOwner: 'deliverer-2' })],
      }),
      { id: 'm-1', expectedVersion: 1, actualVersion: 2 },
    ],
    [
      'a batch (a put, a new message) updating m-404, a message that was never committed',
      await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-1' })], { outbox: [outboxRecord(TENANT, 'm-new')], outboxUpdates: [outboxUpdate('m-404', 1)] }),
      { id: 'm-404', expectedVersion: 1, actualVersion: null },
    ],
    [
      'a batch of tenant 42 updating m-other, a message of another tenant',
      await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-1' })], { outboxUpdates: [outboxUpdate('m-other', 1)] }),
      { id: 'm-other', expectedVersion: 1, actualVersion: null },
    ],
  ];
  for (const [what, batch, names] of cases) {
    const error = await expectConflict(() => adapter.commit(batch), what, { collection: 'outbox', id: names.id });
    expect(error, `expected the CONFLICT of ${what} to report expectedVersion ${names.expectedVersion} and actualVersion ${String(names.actualVersion)}`).toMatchObject({
      expectedVersion: names.expectedVersion,
      actualVersion: names.actualVersion,
    });
    const left = await leftovers(inspector, before, batch);
    expect(left, `expected ${what} to write nothing (all or nothing), but the adapter wrote part of the batch it refused: ${left}`).toBe('');
    const after = await snapshot(inspector, ['v-1']);
    const changed = after.outbox.filter(
      (m) =>
        !sameJson(
          m,
          before.outbox.find((b) => b.id === m.id),
        ),
    );
    expect(
      changed.map((m) => `${m.id}: ${describeMessage(m)}`),
      `expected ${what} to change no message (its other updates neither), but these changed`,
    ).toEqual([]);
    expect(after, `expected ${what} to leave every record, the audit log and the outbox exactly as they were`).toEqual(before);
  }
  expect(await inspector.outbox(OTHER_TENANT), 'expected the other tenant’s message to be untouched').toEqual([outboxRecord(OTHER_TENANT, 'm-other')]);
}

/**
 * @internal `writers` deliverers claim the same message (read at version 1) at once, each in its
 * own commit chained after the same audit head, each retried re-chained when it only lost the
 * audit seq (as core does): exactly one claim lands; every other fails with CONFLICT naming
 * collection 'outbox' and the message; the message is the winner's, at version 2.
 */
export async function expectOneClaimWins(adapter: StorageAdapter, inspector: StorageInspector, writers: number): Promise<void> {
  const message = outboxRecord(TENANT, 'm-claimed');
  await commitRecords(adapter, TENANT, [], { outbox: [message] });
  const claims = Array.from({ length: writers }, (_, writer) => outboxUpdate(message.id, 1, { leaseOwner: `deliverer-${writer}` }));
  const batches = await Promise.all(claims.map((claim, writer) => prepareBatch(adapter, TENANT, [putRequest({ id: `claim-${writer}` })], { outboxUpdates: [claim] })));
  const outcomes = await raceCommits(adapter, batches, true);
  const winners = outcomes.flatMap((o, writer) => (o.ok ? [writer] : []));
  const stored = (await inspector.outbox(TENANT)).find((m) => m.id === message.id);
  const setting = `${writers} concurrent commits claiming outbox message ${message.id} at version 1`;
  expect(
    winners.length <= 1,
    `expected exactly one of ${setting} to land, but ${winners.length} did: the adapter applied outbox updates without comparing the stored version as one step with the write (two deliverers would both send it); stored: ${describeMessage(stored)}`,
  ).toBe(true);
  const firstError = outcomes.find((o) => !o.ok);
  expect(winners.length, `expected one of ${setting} to land, but all failed, the first with ${describeError(firstError && !firstError.ok ? firstError.error : null)}`).toBe(1);
  for (const [writer, o] of outcomes.entries()) {
    if (o.ok) continue;
    expect(
      isOutboxConflict(o.error, message.id),
      `expected losing writer ${writer} of ${setting} to fail with CONFLICT naming collection "outbox" and ${message.id}, but it failed with ${describeError(o.error)}`,
    ).toBe(true);
    expect(
      await inspector.record('visits', TENANT, `claim-${writer}`),
      `expected the refused claim of writer ${writer} to write nothing of its batch, but its put landed`,
    ).toBeNull();
  }
  const winner = winners[0] as number;
  expect(stored, `expected ${message.id} to be the winning writer ${winner}'s claim at version 2 after ${setting}, but it is ${describeMessage(stored)}`).toEqual(
    updatedMessage(message, claims[winner] as ReturnType<typeof outboxUpdate>),
  );
  expect((await inspector.audit(TENANT)).length, `expected the audit log to hold the setup's event and the winner's after ${setting}`).toBe(2);
}

/**
 * @internal `writers` commits that each enqueue a message and `writers` commits that each update an
 * earlier message, all started at once (each retried re-chained on audit CONFLICT): all land, every
 * message is stored and every update kept — no commit rewrites the outbox from a copy taken before
 * another's write.
 */
export async function expectOutboxUpdatesAndCommitsAllLand(adapter: StorageAdapter, inspector: StorageInspector, writers: number): Promise<void> {
  const targets = Array.from({ length: writers }, (_, i) => outboxRecord(TENANT, `t-${i}`));
  await commitRecords(adapter, TENANT, [], { outbox: targets });
  const updates = targets.map((m, i) => outboxUpdate(m.id, 1, { status: 'sent', dueAt: null, leaseOwner: null, providerMessageId: `smtp-${i}` }));
  const work: Promise<Outcome<unknown>>[] = [];
  for (let i = 0; i < writers; i++) {
    work.push(settle(commitRetryingAudit(adapter, TENANT, [putRequest({ id: `x-${i}` })], { outbox: [outboxRecord(TENANT, `n-${i}`)] })));
    work.push(settle(commitRetryingAudit(adapter, TENANT, [], { outboxUpdates: [updates[i] as ReturnType<typeof outboxUpdate>] })));
  }
  const outcomes = await Promise.all(work);
  const failed = outcomes.find((o) => !o.ok);
  expect(
    failed,
    `expected ${writers} commits enqueuing messages and ${writers} commits updating others, started at once and retried on audit CONFLICT, to all land, but one failed with ${describeError(failed && !failed.ok ? failed.error : null)}`,
  ).toBeUndefined();
  const stored = new Map((await inspector.outbox(TENANT)).map((m) => [m.id, m]));
  const lostUpdates = targets.filter((m, i) => !sameJson(stored.get(m.id), updatedMessage(m, updates[i] as ReturnType<typeof outboxUpdate>)));
  const lostMessages = Array.from({ length: writers }, (_, i) => `n-${i}`).filter((id) => !stored.has(id));
  expect(
    lostUpdates.map((m) => `${m.id}: ${describeMessage(stored.get(m.id))}`),
    'expected every outbox update to be kept (sent at version 2), but these were lost to concurrent commits',
  ).toEqual([]);
  expect(lostMessages, `expected every committed message to be stored, but ${lostMessages.join(', ')} were lost to concurrent commits`).toEqual([]);
}
