import { expect } from 'vitest';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, CommitBatch, OutboxRecord, StorageAdapter } from '@pccovid-inspect/core';
import type { StorageInspector } from '../storage-inspector.js';
import {
  TENANT,
  commitPut,
  commitRecords,
  commitRetryingAudit,
  describeError,
  expectConflict,
  isAuditConflict,
  outboxRecord,
  prepareBatch,
  putRequest,
  sleep,
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
    if (JSON.stringify(now) !== JSON.stringify(then))
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
      return settle(commitRetryingAudit(adapter, batch.tenantId, batch.puts, { outbox: batch.outbox }));
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

/** The ways a `markOutbox` call is started relative to a `commit` call. */
const INTERLEAVINGS = ['commit first, mark in the same tick', 'mark first, commit in the same tick', 'mark after a microtask', 'mark after 1 ms', 'mark after 5 ms'] as const;

/**
 * @internal `markOutbox` of an existing message, started while a commit that enqueues another
 * message is in flight (several interleavings, `rounds` times each): both succeed, the mark is
 * kept (not overwritten from a snapshot the commit took before it) and the committed message is
 * stored. A plain write racing a commit must not be lost, nor win without a conflict.
 */
export async function expectMarkOutboxSurvivesCommits(adapter: StorageAdapter, inspector: StorageInspector, rounds = 1): Promise<void> {
  const total = rounds * INTERLEAVINGS.length;
  const targets = Array.from({ length: total }, (_, i) => outboxRecord(TENANT, `t-${i}`));
  await commitRecords(adapter, TENANT, [], { outbox: targets });
  const expectedOutbox = new Map<string, OutboxRecord>(targets.map((m) => [m.id, m]));
  for (let i = 0; i < total; i++) {
    const how = INTERLEAVINGS[i % INTERLEAVINGS.length] as (typeof INTERLEAVINGS)[number];
    const batch = await prepareBatch(adapter, TENANT, [putRequest({ id: `x-${i}` })], { outbox: [outboxRecord(TENANT, `n-${i}`)] });
    const update = { status: 'sent' as const, attempts: 1, providerMessageId: `smtp-${i}` };
    const mark = () => settle(adapter.markOutbox(TENANT, `t-${i}`, update));
    let outcomes: [Outcome<unknown>, Outcome<unknown>];
    if (how === 'mark first, commit in the same tick') {
      const marked = mark();
      outcomes = await Promise.all([settle(adapter.commit(batch)), marked]);
    } else {
      const committed = settle(adapter.commit(batch));
      const delay = how === 'commit first, mark in the same tick' ? null : how === 'mark after a microtask' ? Promise.resolve() : sleep(how === 'mark after 1 ms' ? 1 : 5);
      outcomes = await Promise.all([committed, delay === null ? mark() : delay.then(mark)]);
    }
    const [commitOutcome, markOutcome] = outcomes;
    const setting = `markOutbox of t-${i} racing a commit that enqueues n-${i} (${how})`;
    expect(commitOutcome.ok, `expected the commit of ${setting} to succeed, but it failed with ${describeError(commitOutcome.ok ? null : commitOutcome.error)}`).toBe(true);
    expect(markOutcome.ok, `expected the markOutbox of ${setting} to succeed, but it failed with ${describeError(markOutcome.ok ? null : markOutcome.error)}`).toBe(true);
    expectedOutbox.set(`t-${i}`, { ...(expectedOutbox.get(`t-${i}`) as OutboxRecord), ...update });
    expectedOutbox.set(`n-${i}`, outboxRecord(TENANT, `n-${i}`));
    const stored = new Map((await inspector.outbox(TENANT)).map((m) => [m.id, m]));
    for (const [id, message] of expectedOutbox) {
      const found = stored.get(id);
      if (message.id.startsWith('t-')) {
        expect(
          found?.status === message.status && found.providerMessageId === message.providerMessageId,
          `expected ${id} to keep its mark (status ${message.status}) after ${setting}, but it is ${found ? `${found.status} (provider id ${String(found.providerMessageId)})` : 'gone'}: the adapter lost a markOutbox to a concurrent commit (it rewrote the outbox from a copy taken before the mark)`,
        ).toBe(true);
      } else {
        expect(
          found,
          `expected message ${id} enqueued by a commit to be stored after ${setting}, but it is gone: the adapter lost a commit's message to a concurrent markOutbox`,
        ).toBeDefined();
      }
    }
  }
}

/**
 * @internal `writers` commits that each enqueue a message (retried on audit CONFLICT) and
 * `writers` markOutbox calls on earlier messages, all started at once: every message is stored,
 * every mark kept.
 */
export async function expectMarksAndCommitsAllLand(adapter: StorageAdapter, inspector: StorageInspector, writers: number): Promise<void> {
  await commitRecords(adapter, TENANT, [], { outbox: Array.from({ length: writers }, (_, i) => outboxRecord(TENANT, `t-${i}`)) });
  const work: Promise<Outcome<unknown>>[] = [];
  for (let i = 0; i < writers; i++) {
    work.push(settle(commitRetryingAudit(adapter, TENANT, [putRequest({ id: `x-${i}` })], { outbox: [outboxRecord(TENANT, `n-${i}`)] })));
    work.push(settle(adapter.markOutbox(TENANT, `t-${i}`, { status: 'failed', attempts: 2, lastError: `try ${i}` })));
  }
  const outcomes = await Promise.all(work);
  const failed = outcomes.find((o) => !o.ok);
  expect(
    failed,
    `expected ${writers} commits and ${writers} markOutbox calls started at once to all succeed, but one failed with ${describeError(failed && !failed.ok ? failed.error : null)}`,
  ).toBeUndefined();
  const stored = new Map((await inspector.outbox(TENANT)).map((m) => [m.id, m]));
  const lostMarks = Array.from({ length: writers }, (_, i) => `t-${i}`).filter((id) => stored.get(id)?.status !== 'failed');
  const lostMessages = Array.from({ length: writers }, (_, i) => `n-${i}`).filter((id) => !stored.has(id));
  expect(lostMarks, `expected every markOutbox to be kept, but the marks of ${lostMarks.join(', ')} were lost to concurrent commits`).toEqual([]);
  expect(lostMessages, `expected every committed message to be stored, but ${lostMessages.join(', ')} were lost to concurrent writes`).toEqual([]);
}
