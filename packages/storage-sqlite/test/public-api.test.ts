import { describe, expect, it } from 'vitest';
import * as api from '@pccovid-inspect/storage-sqlite';

describe('@pccovid-inspect/storage-sqlite public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['SQLITE_SCHEMA_VERSION', 'createSqliteStorage']);
  });
});
