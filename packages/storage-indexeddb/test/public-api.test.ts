import { describe, expect, it } from 'vitest';
import * as api from '@pccovid-inspect/storage-indexeddb';

describe('@pccovid-inspect/storage-indexeddb public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['createIndexedDbStorage']);
  });
});
