/**
 * @internal Carries an error thrown by the caller's own code (e.g. the iterator given to
 * `insertPortalStatistics`) through the adapter's error wrapping, so the caller gets it back
 * unchanged instead of as a `STORAGE_FAILED`.
 */
export class SqliteCallerError extends Error {
  constructor(readonly error: unknown) {
    super('an error thrown by the caller’s own code');
    this.name = 'SqliteCallerError';
  }
}
