import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@pccovid-inspect/storage-postgres public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['POSTGRES_SCHEMA_VERSION', 'createPostgresStorage', 'defaultTenantRole']);
  });
});
