/**
 * `@pccovid-inspect/testkit/storage` — the published conformance kit for `StorageAdapter`s. Run it
 * from your adapter's tests with vitest, exactly as the built-in adapters do.
 *
 * @packageDocumentation
 */
export { describeStorageConformance } from './describe-storage-conformance.js';
export { REQUIRED_STORAGE_SUITES, STORAGE_SUITE_NAMES } from './storage-conformance-options.js';
export type { StorageConformanceOptions, StorageSuiteName } from './storage-conformance-options.js';
export type { Awaitable, InspectedRecord, StorageInspector } from './storage-inspector.js';
