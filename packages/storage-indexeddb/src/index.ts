/**
 * `@pccovid-inspect/storage-indexeddb` — a `StorageAdapter` on the browser's IndexedDB (through
 * `idb`), for offline capture on an inspector's device.
 *
 * @packageDocumentation
 */
export { createIndexedDbStorage } from './indexeddb-storage.js';
export type { IndexedDbStorageOptions } from './indexeddb-storage.js';
