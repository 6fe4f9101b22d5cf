import { describe, expect, it } from 'vitest';
import * as api from '@pccovid-inspect/storage-memory';

describe('@pccovid-inspect/storage-memory public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['createMemoryStorage', 'inspectMemoryStorage']);
  });
});
