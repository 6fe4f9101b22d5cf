import { describe, expect, it } from 'vitest';
import { ConflictError, StorageError } from '@pccovid-inspect/core';
import { toStorageError } from './indexeddb-errors.js';

describe('toStorageError', () => {
  it('wraps a QuotaExceededError in STORAGE_FAILED with a hint about the storage quota', () => {
    const cause = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const error = toStorageError(cause, 'commit');
    expect(StorageError.isInstance(error)).toBe(true);
    expect((error as StorageError).operation).toBe('commit');
    expect((error as StorageError).messageEn).toMatch(/QuotaExceededError.*storage quota.*navigator\.storage\.persist\(\)/);
    expect((error as StorageError).cause).toBe(cause);
  });

  it('says what to do about an unknown DOMException name too, and keeps it as the cause', () => {
    const error = toStorageError(new DOMException('boom', 'DataError'), 'query') as StorageError;
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.messageEn).toMatch(/IndexedDB DataError: boom/);
  });

  it('lets core’s typed errors through unchanged', () => {
    const conflict = new ConflictError({ collection: 'audit', id: 'a-2', expectedVersion: 1, actualVersion: 2 });
    expect(toStorageError(conflict, 'commit')).toBe(conflict);
  });
});
