import { expect } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import type { StorageInspector } from '../storage-inspector.js';
import { TENANT, putRequest, sleep } from './fixtures.js';

/**
 * @internal When the plain `put` runs relative to the open transaction's own write of the record:
 * - `'plain write first'`: the transaction has read the record (v1) but not written it yet;
 * - `'transaction write first'`: the transaction has read and written it (v1 → v2, uncommitted).
 */
export type TransactionRaceOrder = 'plain write first' | 'transaction write first';

/** @internal The record both writers fight over. */
export const RACE_ID = 'race-r';

type Outcome = { ok: true } | { ok: false; error: unknown };

const settle = (promise: Promise<unknown>): Promise<Outcome> =>
  promise.then(
    () => ({ ok: true }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );

const describeError = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return `${typeof code === 'string' ? code : 'an error without a code'} (${String(error)})`;
};

/**
 * @internal A transaction reads record R at version 1 and, while it is still open, a plain `put`
 * outside it writes R at expectedVersion 1; the transaction writes R at expectedVersion 1 too (before
 * or after the plain put, by `order`). Exactly one of the two writes may succeed and the other must
 * fail with CONFLICT — either the adapter refuses the transaction's write (or its commit), or the
 * plain put waits for the transaction and then finds version 2. Both succeeding means one write was
 * silently lost. The transaction never waits for the plain put (it gives it up to `graceMs` to
 * settle), so an adapter whose plain put waits for the transaction does not deadlock.
 */
export async function expectNoLostWriteAcrossTransaction(adapter: StorageAdapter, inspector: StorageInspector, order: TransactionRaceOrder, graceMs = 40): Promise<void> {
  const request = (writer: string) => putRequest({ id: RACE_ID, expectedVersion: 1, data: { writer }, indexes: { writer } });
  await adapter.put(putRequest({ id: RACE_ID, data: { writer: 'setup' }, indexes: { writer: 'setup' } }));

  let signalRead!: () => void;
  const read = new Promise<void>((resolve) => (signalRead = resolve));
  let signalPlainSettled!: () => void;
  const plainSettled = new Promise<void>((resolve) => (signalPlainSettled = resolve));
  let seenVersion: number | null = null;

  const transaction = settle(
    adapter.transaction(async (tx) => {
      seenVersion = (await tx.get('visits', TENANT, RACE_ID))?.version ?? null;
      if (order === 'transaction write first') await tx.put(request('transaction'));
      signalRead();
      await Promise.race([plainSettled, sleep(graceMs)]);
      if (order === 'plain write first') await tx.put(request('transaction'));
    }),
  );
  await Promise.race([read, transaction]);
  const plain = settle(adapter.put(request('plain')));
  void plain.then(signalPlainSettled);
  const [txOutcome, plainOutcome] = await Promise.all([transaction, plain]);

  expect(seenVersion, `expected the transaction to read the record at version 1, but it read ${String(seenVersion)}`).toBe(1);
  const stored = await inspector.record('visits', TENANT, RACE_ID);
  const storedText = stored ? `version ${stored.version}, written by ${JSON.stringify((stored.data as { writer?: unknown }).writer)}` : 'nothing';
  const setting = `(${order}; both at expectedVersion 1 on a record at version 1)`;
  expect(
    txOutcome.ok && plainOutcome.ok,
    `expected one of the two writes to fail with CONFLICT ${setting}, but both the transaction and the plain put succeeded: one write was lost (stored: ${storedText})`,
  ).toBe(false);
  expect(
    !txOutcome.ok && !plainOutcome.ok,
    `expected exactly one of the two writes to succeed ${setting}, but both failed: the transaction with ${describeError(!txOutcome.ok ? txOutcome.error : null)}, the plain put with ${describeError(!plainOutcome.ok ? plainOutcome.error : null)}`,
  ).toBe(false);
  const [winner, loser, loserOutcome] = txOutcome.ok ? (['transaction', 'plain put', plainOutcome] as const) : (['plain', 'transaction', txOutcome] as const);
  const loserError = loserOutcome.ok ? null : loserOutcome.error;
  expect((loserError as { code?: unknown } | null)?.code, `expected the losing ${loser} ${setting} to fail with CONFLICT, but it failed with ${describeError(loserError)}`).toBe(
    'CONFLICT',
  );
  expect(
    stored?.version === 2 && (stored.data as { writer?: unknown }).writer === winner,
    `expected the stored record to be the winning ${winner} write at version 2 ${setting}, but found ${storedText}`,
  ).toBe(true);
}
