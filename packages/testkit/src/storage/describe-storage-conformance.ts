import { afterEach, beforeEach, describe } from 'vitest';
import type { StorageAdapter, StorageCapabilities } from '@pccovid-inspect/core';
import { REQUIRED_STORAGE_SUITES } from './storage-conformance-options.js';
import type { StorageConformanceOptions, StorageSuiteName } from './storage-conformance-options.js';
import type { StorageInspector } from './storage-inspector.js';
import type { SuiteContext, SuiteDefinition } from './internal/suite-context.js';
import { HOOK_TIMEOUT_MS, TEST_TIMEOUT_MS } from './internal/suite-context.js';
import { defineReadsAndWritesSuite } from './suites/reads-and-writes.js';
import { defineQueriesSuite } from './suites/queries.js';
import { defineCommitsSuite } from './suites/commits.js';
import { defineAuditLogSuite } from './suites/audit-log.js';
import { defineOutboxSuite } from './suites/outbox.js';
import { defineRacesSuite } from './suites/races.js';
import { defineLargeValuesAndTextSuite } from './suites/large-values-and-text.js';
import { definePortalStatisticsSuite } from './suites/portal-statistics.js';
import { defineInputValidationSuite } from './suites/input-validation.js';
import { defineGroupedCountsSuite } from './suites/grouped-counts.js';

const SUITES: Record<StorageSuiteName, { title: string; define: SuiteDefinition }> = {
  readsAndWrites: { title: 'reads and versioned writes', define: defineReadsAndWritesSuite },
  queries: { title: 'queries, filters and paging', define: defineQueriesSuite },
  commits: { title: 'atomic commits', define: defineCommitsSuite },
  auditLog: { title: 'audit log', define: defineAuditLogSuite },
  outbox: { title: 'outbox', define: defineOutboxSuite },
  races: { title: 'races between concurrent writers', define: defineRacesSuite },
  largeValuesAndText: { title: 'large values and Vietnamese text', define: defineLargeValuesAndTextSuite },
  portalStatistics: { title: 'portal statistics', define: definePortalStatisticsSuite },
  groupedCounts: { title: 'grouped counts (countBy)', define: defineGroupedCountsSuite },
  inputValidation: { title: 'malformed requests, through core’s guard', define: defineInputValidationSuite },
};

/** Why a suite cannot run for these capabilities, or null when it can. */
function capabilityGap(suite: StorageSuiteName, capabilities: StorageCapabilities): string | null {
  if (suite === 'portalStatistics' && !capabilities.portalStatistics) {
    return 'the adapter declares capabilities.portalStatistics = false';
  }
  if (suite === 'groupedCounts' && capabilities.groupedCounts !== true) {
    return 'the adapter does not declare capabilities.groupedCounts (core counts by paging through query instead)';
  }
  return null;
}

/** Throws when `skip` names an unknown or required suite, or gives no reason. */
function checkSkips(skip: StorageConformanceOptions['skip']): void {
  if (skip === undefined) return;
  for (const [name, reason] of Object.entries(skip) as [string, unknown][]) {
    if (!Object.hasOwn(SUITES, name)) {
      const renamed = name === 'transactions' ? ' (the v1 suite "transactions" was renamed "commits" with storage contract v2, and cannot be skipped)' : '';
      throw new Error(`storage conformance: skip names an unknown suite "${name}"${renamed}; the suites are ${Object.keys(SUITES).join(', ')}`);
    }
    if ((REQUIRED_STORAGE_SUITES as readonly string[]).includes(name)) {
      throw new Error(
        `storage conformance: the suite "${name}" is required and cannot be skipped (required: ${REQUIRED_STORAGE_SUITES.join(', ')}); ` +
          'an adapter that fails it loses or corrupts data',
      );
    }
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      throw new Error(`storage conformance: the skip of "${name}" needs a reason (a non-empty text shown in the test report)`);
    }
  }
}

/** Reads the capabilities of a throwaway adapter while the suites are collected. */
async function probeCapabilities<A extends StorageAdapter>(options: StorageConformanceOptions<A>): Promise<StorageCapabilities> {
  await options.reset?.();
  const probe = await options.createAdapter();
  try {
    return { ...probe.capabilities };
  } finally {
    await probe.dispose();
  }
}

/**
 * Declares the storage conformance suites for one adapter of storage contract v2, as vitest
 * `describe` blocks: reads and versioned writes, queries and paging, atomic commits
 * (`commit(batch)`: all or nothing, the audit seq, idempotent messages, outbox updates by version),
 * the audit log, the outbox (every field kept, reads by status and by due time), races between
 * concurrent writers (one winner per version, per audit seq and per outbox claim), large values and Vietnamese text, portal statistics and grouped counts (each when
 * the adapter declares that capability) and malformed requests through core's guard.
 *
 * The suites call the adapter's own operations — they test the adapter, not core — with valid
 * batches built as core builds them (an audit event chained after `lastAudit`). Core checks every
 * request before it reaches an adapter (`guardStorage`), so only the `inputValidation` suite sends
 * malformed requests, and it sends them through `guardStorage(adapter)`.
 *
 * Every test gets a fresh adapter: `reset()` then `createAdapter()` before it, `dispose()` after it.
 * No test depends on another or on their order. What was really stored is checked through the
 * `inspect` backdoor (see `StorageInspector`). A suite the adapter cannot run by its capabilities,
 * or one listed in `skip`, is reported as skipped with its reason in the test name. A skip needs a
 * non-empty reason, and the required suites (`REQUIRED_STORAGE_SUITES`: reads and writes,
 * commits, input validation) cannot be skipped: either mistake throws here, at definition
 * time, naming the suite. The kit sets its own test and hook timeouts (60 s, 180 s for the heavy
 * tests), so it does not depend on the timeouts of your vitest configuration.
 *
 * Call it at the top level of a test file (vitest is a peer dependency).
 *
 * @example
 * ```ts
 * // test/conformance.test.ts of a province's adapter
 * import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
 * import { createMyStorage, inspectMyStorage } from '../src/index.js';
 *
 * describeStorageConformance({
 *   name: 'my-storage',
 *   createAdapter: () => createMyStorage({ directory: tmp }),
 *   reset: () => rm(tmp, { recursive: true, force: true }),
 *   inspect: (adapter) => inspectMyStorage(adapter),
 *   skip: { portalStatistics: 'statistics live in the ministry warehouse, not in this store' },
 * });
 * ```
 */
export function describeStorageConformance<A extends StorageAdapter>(options: StorageConformanceOptions<A>): void {
  checkSkips(options.skip);
  describe(`storage conformance: ${options.name}`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const capabilities = await probeCapabilities(options);
    let adapter: A | undefined;
    let inspector: StorageInspector | undefined;

    beforeEach(async () => {
      await options.reset?.();
      adapter = await options.createAdapter();
      inspector = await options.inspect(adapter);
    }, HOOK_TIMEOUT_MS);

    afterEach(async () => {
      const [closing, disposing] = [inspector, adapter];
      inspector = undefined;
      adapter = undefined;
      try {
        await closing?.close?.();
      } finally {
        await disposing?.dispose();
      }
    }, HOOK_TIMEOUT_MS);

    const context: SuiteContext = {
      capabilities,
      adapter: () => {
        if (!adapter) throw new Error('storage conformance: no adapter (createAdapter failed?)');
        return adapter;
      },
      inspector: () => {
        if (!inspector) throw new Error('storage conformance: no inspector (inspect failed?)');
        return inspector;
      },
    };

    for (const [name, suite] of Object.entries(SUITES) as [StorageSuiteName, (typeof SUITES)[StorageSuiteName]][]) {
      const reason = options.skip?.[name] ?? capabilityGap(name, capabilities);
      if (reason !== null && reason !== undefined) {
        describe.skipIf(true)(`${suite.title} — skipped: ${reason}`, () => suite.define(context));
      } else {
        suite.define(context);
      }
    }
  });
}
