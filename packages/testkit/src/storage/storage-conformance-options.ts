import type { StorageAdapter } from '@pccovid-inspect/core';
import type { Awaitable, StorageInspector } from './storage-inspector.js';

/**
 * The suites of the storage conformance kit, by name. Use these names in
 * `StorageConformanceOptions.skip`.
 *
 * @example
 * ```ts
 * const suites: StorageSuiteName[] = ['readsAndWrites', 'queries'];
 * ```
 */
export type StorageSuiteName =
  'readsAndWrites' | 'queries' | 'commits' | 'auditLog' | 'outbox' | 'races' | 'largeValuesAndText' | 'portalStatistics' | 'groupedCounts' | 'inputValidation';

/**
 * Every suite name, in the order the kit declares them.
 *
 * @example
 * ```ts
 * // skip everything but the reads and writes while bringing up a new adapter
 * const skip = Object.fromEntries(STORAGE_SUITE_NAMES.filter((n) => n !== 'readsAndWrites').map((n) => [n, 'not yet']));
 * ```
 */
export const STORAGE_SUITE_NAMES: readonly StorageSuiteName[] = [
  'readsAndWrites',
  'queries',
  'commits',
  'auditLog',
  'outbox',
  'races',
  'largeValuesAndText',
  'portalStatistics',
  'groupedCounts',
  'inputValidation',
];

/**
 * The suites no adapter may skip: `describeStorageConformance` throws at definition time when
 * `skip` names one of them. Each checks a promise core relies on for every command, whatever the
 * deployment, and whose failure loses or corrupts data silently instead of failing loudly:
 *
 * - `readsAndWrites`: versioned writes (`expectedVersion`, CONFLICT for a stale write) — the only
 *   guard against lost updates between two officers editing one visit;
 * - `commits`: `commit(batch)` all or nothing (a stale put, a stale or missing outbox update or a
 *   taken audit seq writes nothing and names what conflicted), results in the order of the puts,
 *   duplicate message ids ignored, outbox updates applied at `expectedVersion + 1`, two concurrent
 *   commits of one record (or two claims of one message) never both landing — every command and
 *   every delivery step commits its records, audit event, messages and delivery states together;
 * - `inputValidation`: the adapter works behind core's guard (`guardStorage`, which checks every
 *   request before it reaches the adapter): core accepts it, its results pass core's checks,
 *   malformed requests are refused with VALIDATION_FAILED and change nothing, and it refuses a
 *   query cursor it never issued.
 *
 * The other suites may be skipped with a reason, e.g. for a second configuration of an adapter
 * already run in full, or `races` for a single-writer device store (the `commits` suite still
 * races two writers).
 *
 * @example
 * ```ts
 * REQUIRED_STORAGE_SUITES.includes('commits'); // true
 * ```
 */
export const REQUIRED_STORAGE_SUITES: readonly StorageSuiteName[] = ['readsAndWrites', 'commits', 'inputValidation'];

/**
 * Options of `describeStorageConformance`.
 *
 * @example
 * ```ts
 * const options: StorageConformanceOptions = {
 *   name: 'memory',
 *   createAdapter: () => createMemoryStorage(),
 *   inspect: (adapter) => inspectMemoryStorage(adapter),
 * };
 * ```
 */
export interface StorageConformanceOptions<A extends StorageAdapter = StorageAdapter> {
  /** Shown as the outer `describe` name, e.g. `sqlite (file)`. */
  name: string;
  /**
   * Creates a fresh, empty adapter. Called once while the suites are collected (to read
   * `capabilities`; that adapter is disposed at once) and once before every test.
   */
  createAdapter: () => Awaitable<A>;
  /**
   * Resets the backing store before each test (delete a temp directory, truncate tables). Called
   * before `createAdapter`. Leave it out when `createAdapter` already starts from nothing.
   * @default no reset
   */
  reset?: () => Awaitable<void>;
  /** Builds the backdoor reader for the adapter of the running test. See `StorageInspector`. */
  inspect: (adapter: A) => Awaitable<StorageInspector>;
  /**
   * Suites to skip, each with the reason shown in the test report, e.g.
   * `{ races: 'single-threaded device store; concurrency is tested by the sync layer' }`.
   * Suites an adapter cannot run by its declared capabilities are skipped (with the reason) by
   * the kit itself; there is no need to list them here.
   * The reason must be a non-empty text, and the required suites (`REQUIRED_STORAGE_SUITES`:
   * `readsAndWrites`, `commits`, `inputValidation`) cannot be skipped: either mistake throws
   * when the suites are defined.
   * @default nothing skipped
   */
  skip?: Partial<Record<StorageSuiteName, string>>;
}
