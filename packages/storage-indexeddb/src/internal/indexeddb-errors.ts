import { InspectError, StorageError } from '@pccovid-inspect/core';

/** @internal The adapter's name in errors and logs. */
export const ADAPTER_NAME = 'indexeddb';

/** What to do about an IndexedDB failure, by the `DOMException` name. */
const HINTS: Record<string, string> = {
  QuotaExceededError:
    "the browser's storage quota for this site is full: sync and remove finished visit packets or other site data, " +
    'and ask the browser to keep this site’s data (navigator.storage.persist())',
  VersionError: 'the database on this device was created by a newer version of the app than this page: reload the page (or update the app); ' + 'the stored data is untouched',
  InvalidStateError: 'the database connection is closed (another tab is upgrading the database, or the browser closed it): reload the page',
  TransactionInactiveError: 'an IndexedDB transaction ended early (a bug: something other than an IndexedDB request was awaited inside it)',
  UnknownError: 'the browser could not read or write its IndexedDB files (disk full, private mode, or a damaged profile): retry, then restart the browser',
  NotFoundError: 'the database lacks a store this adapter needs (it was created by another app under the same name): use another `name`',
};

/** @internal A named failure of our own (not a DOMException): the open was blocked by another tab. */
export const BLOCKED_HINT = 'another tab of this site holds an older version of the database open and does not close it: close the other tabs of the app, then retry';

/** @internal A StorageError for a failed open (blocked upgrade) or a disposed adapter. */
export function storageError(operation: string, detailEn: string, cause?: unknown): StorageError {
  return new StorageError({ adapterName: ADAPTER_NAME, operation, detailEn, cause });
}

/**
 * @internal Core's typed errors (`CONFLICT`, `VALIDATION_FAILED`, a `StorageError` of ours) pass
 * through; a `DOMException` (or any other error) becomes a `StorageError` naming the operation,
 * with what to do in its English detail, and the original as `cause`.
 */
export function toStorageError(error: unknown, operation: string): unknown {
  if (InspectError.isInstance(error)) return error;
  const fields = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  const name = typeof fields.name === 'string' ? fields.name : '';
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const hint = HINTS[name];
  return storageError(operation, `IndexedDB ${name || 'error'}: ${message}${hint ? ` — ${hint}` : ''}`, error);
}
