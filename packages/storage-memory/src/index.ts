/**
 * `@pccovid-inspect/storage-memory` — the reference in-memory `StorageAdapter`, for tests and
 * quick starts.
 *
 * @packageDocumentation
 */
export { createMemoryStorage } from './memory-storage.js';
export type { MemoryStorage, MemoryStorageOptions } from './memory-storage.js';
export { inspectMemoryStorage } from './memory-inspector.js';
export type { MemoryStorageInspector } from './memory-inspector.js';
