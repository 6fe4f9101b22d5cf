import { afterAll, beforeAll } from 'vitest';
import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createPostgresStorage } from '../src/index.js';
import { inspectPostgres, truncateAll } from './postgres-inspector.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('pccovid_conformance');
});
afterAll(async () => db?.drop());

describeStorageConformance({
  name: 'postgres (a real server, row-level security)',
  // Every test starts from empty tables; the previous test's adapter (and its pool) is already disposed.
  reset: async () => {
    db ??= await createTestDatabase('pccovid_conformance');
    await truncateAll(db);
  },
  createAdapter: async () => {
    db ??= await createTestDatabase('pccovid_conformance');
    return createPostgresStorage({ connectionString: db.url, poolSize: 4 });
  },
  inspect: () => inspectPostgres(db),
});
