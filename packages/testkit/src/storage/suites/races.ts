import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { TENANT, auditRecord, putRequest } from '../internal/fixtures.js';

const WRITERS = 20;

function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'CONFLICT';
}

/** Increments `counter` with optimistic retries until the write lands; returns the attempts. */
async function incrementWithRetry(adapter: StorageAdapter): Promise<number> {
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const current = await adapter.get<{ count: number }>('visits', TENANT, 'counter');
    if (!current) throw new Error('counter missing');
    try {
      await adapter.put(putRequest({ id: 'counter', expectedVersion: current.version, data: { count: current.data.count + 1 } }));
      return attempt;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error('increment did not land after 10000 attempts');
}

/** @internal concurrent writers: one winner per version, nothing lost with retries. */
export function defineRacesSuite(ctx: SuiteContext): void {
  describe('races between concurrent writers', () => {
    it(`lets exactly one of ${WRITERS} concurrent writers with the same expectedVersion win`, async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'contested', data: { writer: -1 } }));
      const results = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, writer) => adapter.put(putRequest({ id: 'contested', expectedVersion: 1, data: { writer }, indexes: { writer } }))),
      );
      const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(winners, `expected exactly 1 of ${WRITERS} concurrent writes at expectedVersion 1 to succeed, but ${winners.length} did`).toHaveLength(1);
      expect(losers, `expected ${WRITERS - 1} of the writes to fail with CONFLICT, but ${losers.length} failed`).toHaveLength(WRITERS - 1);
      const wrong = losers.find((r) => !isConflict(r.reason));
      expect(wrong, `expected every losing writer to fail with CONFLICT, but one failed with ${String(wrong?.reason)}`).toBeUndefined();
      expect(
        await ctx.inspector().record('visits', TENANT, 'contested'),
        `expected the stored record to be the single winner’s write (writer ${winners[0]}) at version 2`,
      ).toMatchObject({
        version: 2,
        data: { writer: winners[0] },
        indexes: { writer: winners[0] },
      });
    });

    it(`lets exactly one of ${WRITERS} concurrent creators of the same id win`, async () => {
      const adapter = ctx.adapter();
      const results = await Promise.allSettled(Array.from({ length: WRITERS }, (_, writer) => adapter.put(putRequest({ id: 'new', data: { writer } }))));
      const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
      expect(winners, `expected exactly 1 of ${WRITERS} concurrent creates of one id to succeed, but ${winners.length} did`).toHaveLength(1);
      const wrong = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !isConflict(r.reason));
      expect(wrong, `expected every losing creator to fail with CONFLICT, but one failed with ${String(wrong?.reason)}`).toBeUndefined();
      expect(
        await ctx.inspector().record('visits', TENANT, 'new'),
        `expected the stored record to be the single winner’s create (writer ${winners[0]}) at version 1`,
      ).toMatchObject({
        version: 1,
        data: { writer: winners[0] },
      });
    });

    it(`loses no increment when ${WRITERS} writers retry on CONFLICT until they land`, async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'counter', data: { count: 0 } }));
      const attempts = await Promise.all(Array.from({ length: WRITERS }, () => incrementWithRetry(adapter)));
      expect(attempts.every((a) => a >= 1)).toBe(true);
      expect(
        await ctx.inspector().record('visits', TENANT, 'counter'),
        `expected ${WRITERS} increments retried on CONFLICT to leave the counter at ${WRITERS} (version ${1 + WRITERS}): otherwise an increment was lost`,
      ).toMatchObject({ version: 1 + WRITERS, data: { count: WRITERS } });
    });

    it(`loses no increment when ${WRITERS} writers read and write inside transactions`, async () => {
      const adapter = ctx.adapter();
      await adapter.put(putRequest({ id: 'counter', data: { count: 0 } }));
      const once = async (): Promise<void> => {
        for (;;) {
          try {
            await adapter.transaction(async (tx) => {
              const current = await tx.get<{ count: number }>('visits', TENANT, 'counter');
              if (!current) throw new Error('counter missing');
              await tx.put(putRequest({ id: 'counter', expectedVersion: current.version, data: { count: current.data.count + 1 } }));
            });
            return;
          } catch (error) {
            if (!isConflict(error)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, once));
      expect(
        await ctx.inspector().record('visits', TENANT, 'counter'),
        `expected ${WRITERS} transactional increments retried on CONFLICT to leave the counter at ${WRITERS} (version ${1 + WRITERS}): otherwise an increment was lost`,
      ).toMatchObject({ version: 1 + WRITERS, data: { count: WRITERS } });
    });

    it(`keeps the audit chain gap-free when ${WRITERS} writers append concurrently with retries`, async () => {
      const adapter = ctx.adapter();
      const append = async (writer: number): Promise<void> => {
        for (;;) {
          const last = await adapter.lastAudit(TENANT);
          const seq = (last?.seq ?? 0) + 1;
          try {
            await adapter.appendAudit(auditRecord(TENANT, seq, { id: `w-${writer}`, details: { writer } }));
            return;
          } catch (error) {
            if (!isConflict(error)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, writer) => append(writer)));
      const chain = await ctx.inspector().audit(TENANT);
      expect(
        chain.map((a) => a.seq),
        `expected ${WRITERS} concurrent appends to leave seq 1…${WRITERS} without a gap or a duplicate`,
      ).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
      expect(new Set(chain.map((a) => a.id)).size, `expected all ${WRITERS} appends to be stored, none overwritten`).toBe(WRITERS);
    });
  });
}
