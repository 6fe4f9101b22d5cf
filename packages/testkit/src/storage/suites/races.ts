import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@pccovid-inspect/core';
import type { SuiteContext } from '../internal/suite-context.js';
import { HEAVY_TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { TENANT, commitPut, commitRetryingAudit, describeError, isConflict, putRequest } from '../internal/fixtures.js';
import { expectAuditSeqRaceHasOneWinner, expectOneClaimWins, expectOneWinnerAmongConcurrentCommits, expectOutboxUpdatesAndCommitsAllLand } from '../internal/commit-checks.js';

const WRITERS = 20;

/** Increments `counter` (read, then commit at the version read), retrying on CONFLICT until it lands; returns the attempts. */
async function incrementWithRetry(adapter: StorageAdapter): Promise<number> {
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    const current = await adapter.get<{ count: number }>('visits', TENANT, 'counter');
    if (!current) throw new Error('counter missing');
    try {
      await commitRetryingAudit(adapter, TENANT, [putRequest({ id: 'counter', expectedVersion: current.version, data: { count: current.data.count + 1 } })]);
      return attempt;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  throw new Error('increment did not land after 10000 attempts');
}

/** @internal concurrent writers: one winner per version, per audit seq and per outbox claim, nothing lost with retries. */
export function defineRacesSuite(ctx: SuiteContext): void {
  describe('races between concurrent writers', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
    it(`lets exactly one of ${WRITERS} concurrent commits of one record at the same expectedVersion land; the others fail with CONFLICT naming it`, async () => {
      await expectOneWinnerAmongConcurrentCommits(ctx.adapter(), ctx.inspector(), WRITERS);
    });

    it(`lets exactly one of ${WRITERS} concurrent commits with the same audit seq land, and keeps the log gap-free when they retry`, async () => {
      await expectAuditSeqRaceHasOneWinner(ctx.adapter(), ctx.inspector(), WRITERS);
    });

    it(`lets exactly one of ${WRITERS} concurrent creators of the same id win`, async () => {
      const adapter = ctx.adapter();
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) =>
          commitRetryingAudit(adapter, TENANT, [putRequest({ id: 'new', data: { writer } })]).then(
            () => ({ ok: true as const, writer }),
            (error: unknown) => ({ ok: false as const, writer, error }),
          ),
        ),
      );
      const winners = results.filter((r) => r.ok).map((r) => r.writer);
      expect(
        winners,
        `expected exactly 1 of ${WRITERS} concurrent creates (expectedVersion 0) of one id to succeed, but ${winners.length} did: the adapter let a create overwrite another`,
      ).toHaveLength(1);
      const wrong = results.find((r) => !r.ok && !isConflict(r.error));
      expect(wrong, `expected every losing creator to fail with CONFLICT, but one failed with ${describeError(wrong && !wrong.ok ? wrong.error : null)}`).toBeUndefined();
      expect(
        await ctx.inspector().record('visits', TENANT, 'new'),
        `expected the stored record to be the single winner’s create (writer ${winners[0]}) at version 1`,
      ).toMatchObject({ version: 1, data: { writer: winners[0] } });
    });

    it(`loses no increment when ${WRITERS} writers read, commit and retry on CONFLICT until they land`, async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'counter', data: { count: 0 } }));
      const attempts = await Promise.all(Array.from({ length: WRITERS }, () => incrementWithRetry(adapter)));
      expect(attempts.every((a) => a >= 1)).toBe(true);
      expect(
        await ctx.inspector().record('visits', TENANT, 'counter'),
        `expected ${WRITERS} increments retried on CONFLICT to leave the counter at ${WRITERS} (version ${1 + WRITERS}): otherwise an increment was lost`,
      ).toMatchObject({ version: 1 + WRITERS, data: { count: WRITERS } });
      expect((await ctx.inspector().audit(TENANT)).length, `expected one audit event per landed commit (${1 + WRITERS})`).toBe(1 + WRITERS);
    });

    it(`lets exactly one of ${WRITERS} deliverers claiming the same outbox message at once land; the others fail with CONFLICT naming it`, async () => {
      await expectOneClaimWins(ctx.adapter(), ctx.inspector(), WRITERS);
    });

    it(`keeps every outbox update and every message when ${WRITERS} commits enqueuing and ${WRITERS} commits updating start at once`, async () => {
      await expectOutboxUpdatesAndCommitsAllLand(ctx.adapter(), ctx.inspector(), WRITERS);
    });
  });
}
