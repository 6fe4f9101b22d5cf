import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { AT, OTHER_TENANT, TENANT, commitPut, expectConflict, prepareBatch, putRequest } from '../internal/fixtures.js';

/** @internal get, and commits of one put with expected versions. */
export function defineReadsAndWritesSuite(ctx: SuiteContext): void {
  describe('reads and versioned writes', { timeout: TEST_TIMEOUT_MS }, () => {
    it('returns null for a record that does not exist', async () => {
      expect(await ctx.adapter().get('visits', TENANT, 'missing'), 'expected get of a record never written to return null').toBeNull();
    });

    it('creates a record with expectedVersion 0 at version 1', async () => {
      const stored = await commitPut(ctx.adapter(), putRequest());
      expect(stored, 'expected the create (expectedVersion 0) to return the record at version 1 with the data, indexes and updatedAt given').toEqual({
        collection: 'visits',
        tenantId: TENANT,
        id: 'v-1',
        version: 1,
        data: putRequest().data,
        indexes: { status: 'planned' },
        updatedAt: AT,
      });
      expect(await ctx.adapter().get('visits', TENANT, 'v-1'), 'expected get to return what the create returned').toEqual(stored);
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the backdoor to find the created record stored at version 1').toEqual({
        version: 1,
        data: putRequest().data,
        indexes: { status: 'planned' },
        updatedAt: AT,
      });
    });

    it('stores data deep-equal, with nested arrays, nulls, empty values and numbers', async () => {
      const data = {
        title: 'Biên bản kiểm tra',
        nested: { a: [1, [2, [3, null]], { b: null, c: [] }], empty: {} },
        flags: [true, false],
        numbers: [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -2.5e-7],
        nothing: null,
        emptyString: '',
        list: [
          { item: 'a.1', answer: 'met' },
          { item: 'a.2', answer: 'not_met', note: null },
        ],
      };
      await commitPut(ctx.adapter(), putRequest({ data }));
      expect((await ctx.adapter().get('visits', TENANT, 'v-1'))?.data, 'expected get to return the data deep-equal to what was put').toEqual(data);
      expect((await ctx.inspector().record('visits', TENANT, 'v-1'))?.data, 'expected the stored data to be deep-equal to what was put').toEqual(data);
    });

    it('updates with the current version and grows the version by exactly 1 each time', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest());
      for (let version = 1; version <= 5; version++) {
        const next = await commitPut(
          adapter,
          putRequest({ expectedVersion: version, data: { step: version }, indexes: { status: `s${version}` }, updatedAt: `2021-12-0${version}T00:00:00.000Z` }),
        );
        expect(next.version, `expected the write at expectedVersion ${version} to return version ${version + 1} (old + 1), but it returned ${next.version}`).toBe(version + 1);
      }
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the stored record to be the last of 5 updates, at version 6').toEqual({
        version: 6,
        data: { step: 5 },
        indexes: { status: 's5' },
        updatedAt: '2021-12-05T00:00:00.000Z',
      });
    });

    it('rejects a stale write with CONFLICT and leaves the stored record unchanged', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest());
      await commitPut(adapter, putRequest({ expectedVersion: 1, data: { current: true } }));
      const before = await ctx.inspector().record('visits', TENANT, 'v-1');
      expect(before?.version, `expected the record to be stored at version 2 after a create and an update, but found ${String(before?.version)}`).toBe(2);
      const error = await expectConflict(() => commitPut(adapter, putRequest({ expectedVersion: 1, data: { stale: true } })), 'the stale write (expectedVersion 1, stored 2)', {
        collection: 'visits',
        id: 'v-1',
      });
      expect(error, 'expected the ConflictError to report expectedVersion 1 and actualVersion 2').toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the refused stale write to leave the stored record unchanged').toEqual(before);
    });

    it('rejects a create (expectedVersion 0) of an existing record with CONFLICT', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ data: { first: true } }));
      const error = await expectConflict(() => commitPut(adapter, putRequest({ data: { second: true } })), 'a second create (expectedVersion 0) of a record stored at version 1', {
        collection: 'visits',
        id: 'v-1',
      });
      expect(error, 'expected the ConflictError to report expectedVersion 0 and actualVersion 1').toMatchObject({ expectedVersion: 0, actualVersion: 1 });
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the refused create to leave the first record (version 1) in place').toMatchObject({
        version: 1,
        data: { first: true },
      });
    });

    it('rejects an update of a record that does not exist with CONFLICT and creates nothing', async () => {
      const error = await expectConflict(() => commitPut(ctx.adapter(), putRequest({ expectedVersion: 3 })), 'an update (expectedVersion 3) of a record that does not exist', {
        collection: 'visits',
        id: 'v-1',
      });
      expect(error, 'expected the ConflictError to report expectedVersion 3 and actualVersion null (missing)').toMatchObject({ expectedVersion: 3, actualVersion: null });
      expect(await ctx.inspector().record('visits', TENANT, 'v-1'), 'expected the refused update to create nothing').toBeNull();
      expect(await ctx.inspector().countRecords('visits', TENANT), 'expected the refused update to create nothing').toBe(0);
    });

    it('keeps records of the same id apart across collections and tenants', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ data: { who: 'visit 42' } }));
      await commitPut(adapter, putRequest({ collection: 'campaigns', data: { who: 'campaign 42' } }));
      await commitPut(adapter, putRequest({ tenantId: OTHER_TENANT, data: { who: 'visit 40' } }));
      await commitPut(adapter, putRequest({ expectedVersion: 1, data: { who: 'visit 42 v2' } }));
      expect(await adapter.get('visits', TENANT, 'v-1'), 'expected the update of visits/42/v-1 to touch only that record').toMatchObject({
        version: 2,
        data: { who: 'visit 42 v2' },
      });
      expect(await adapter.get('campaigns', TENANT, 'v-1'), 'expected campaigns/42/v-1 to be a record apart from visits/42/v-1').toMatchObject({
        version: 1,
        data: { who: 'campaign 42' },
        collection: 'campaigns',
      });
      expect(await adapter.get('visits', OTHER_TENANT, 'v-1'), 'expected tenant 40’s v-1 to be a record apart from tenant 42’s').toMatchObject({
        version: 1,
        data: { who: 'visit 40' },
        tenantId: OTHER_TENANT,
      });
      expect(await adapter.get('visits', 'other', 'v-1'), 'expected a tenant that wrote nothing to read nothing').toBeNull();
    });

    it('does not let callers change stored state through the objects they pass in or get back', async () => {
      const adapter = ctx.adapter();
      const request = putRequest({ data: { answers: [{ item: 'a.1', answer: 'met' }] }, indexes: { status: 'planned' } });
      const returned = await commitPut(adapter, request);
      (request.data as { answers: unknown[] }).answers.push('injected');
      request.indexes.status = 'injected';
      (returned.data as { answers: unknown[] }).answers.push('injected');
      const read = await adapter.get<{ answers: unknown[] }>('visits', TENANT, 'v-1');
      read?.data.answers.push('injected');
      const again = await adapter.get('visits', TENANT, 'v-1');
      const shared = 'expected stored state not to change when callers mutate the objects they passed in or got back (the adapter shares objects instead of copying)';
      expect(again, shared).toMatchObject({ data: { answers: [{ item: 'a.1', answer: 'met' }] }, indexes: { status: 'planned' } });
      expect((await ctx.inspector().record('visits', TENANT, 'v-1'))?.data, shared).toEqual({ answers: [{ item: 'a.1', answer: 'met' }] });
    });

    it('declares contract version 2, a name and well-formed capabilities', () => {
      const adapter = ctx.adapter();
      expect(adapter.contractVersion, 'expected contractVersion 2 (the commit-batch contract); core refuses any other').toBe(2);
      expect(typeof adapter.name === 'string' && adapter.name.length > 0, 'expected a non-empty name (shown in errors and logs)').toBe(true);
      const c = adapter.capabilities;
      for (const flag of ['multiProcess', 'durable', 'portalStatistics'] as const) {
        expect(typeof c[flag], `expected capabilities.${flag} to be a boolean`).toBe('boolean');
      }
      expect(
        c.maxRecordBytes === null || (Number.isSafeInteger(c.maxRecordBytes) && c.maxRecordBytes > 0),
        'expected capabilities.maxRecordBytes to be null or a positive whole number',
      ).toBe(true);
      for (const op of ['get', 'query', 'commit', 'readAudit', 'lastAudit', 'readOutbox', 'dispose'] as const) {
        expect(typeof adapter[op], `expected the adapter to have the operation ${op}`).toBe('function');
      }
    });

    it('fails further calls after dispose, and dispose may be called twice', async () => {
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest());
      const batch = await prepareBatch(adapter, TENANT, [putRequest({ id: 'v-2' })]);
      await adapter.dispose();
      await adapter.dispose();
      await expect(adapter.get('visits', TENANT, 'v-1'), 'expected get after dispose to fail').rejects.toThrow();
      await expect(adapter.commit(batch), 'expected commit after dispose to fail').rejects.toThrow();
    });
  });
}
