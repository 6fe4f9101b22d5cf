import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createIndexedDbStorage } from '@pccovid-inspect/storage-indexeddb';
import { inspectIndexedDb } from './indexeddb-inspector.js';

// A fresh, empty IndexedDB (fake-indexeddb, in memory) per test; the adapter and the inspector
// are two connections to the same database of that factory.
let factory = new IDBFactory();
const name = 'pccovid-inspect-conformance';

describeStorageConformance({
  name: 'indexeddb (fake-indexeddb)',
  reset: () => {
    factory = new IDBFactory();
  },
  createAdapter: () => createIndexedDbStorage({ name, indexedDB: factory }),
  inspect: () => inspectIndexedDb(factory, name),
});
