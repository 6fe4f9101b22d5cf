import { ConfigurationError, InspectError, StorageError } from '@pccovid-inspect/core';

/** @internal The adapter's name in errors. */
export const ADAPTER_NAME = 'postgres';

/**
 * @internal Carries an error thrown by the caller's own code (the iterator given to
 * `insertPortalStatistics`) through the adapter's error mapping, so the caller gets it back
 * unchanged instead of as a `STORAGE_FAILED`.
 */
export class PostgresCallerError extends Error {
  constructor(readonly error: unknown) {
    super('an error thrown by the caller’s own code');
    this.name = 'PostgresCallerError';
  }
}

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null || !(name in error)) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** @internal The SQLSTATE of a driver error (`23505`…), or undefined. */
export function sqlStateOf(error: unknown): string | undefined {
  return field(error, 'code');
}

/**
 * @internal A driver or network error as the library's typed error, with a hint. The driver's
 * message is kept short and never holds row data (it names a constraint or an address at most);
 * the original error stays available as `cause` for the operator.
 */
export function toInspectError(operation: string, error: unknown): Error {
  if (error instanceof PostgresCallerError) return error.error instanceof Error ? error.error : new Error(String(error.error));
  if (InspectError.isInstance(error)) return error;
  const code = sqlStateOf(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || /timeout expired|Connection terminated/i.test(message)) {
    return new StorageError({
      adapterName: ADAPTER_NAME,
      operation,
      detailEn: `cannot reach the PostgreSQL server (${code || 'connection failed'}); check that it runs and that host and port of the connection string are right (hint: pg_isready -h HOST -p PORT)`,
      cause: error,
    });
  }
  if (code === '28P01' || code === '28000') {
    return new ConfigurationError({
      problemVi: 'máy chủ PostgreSQL từ chối đăng nhập (sai người dùng hoặc mật khẩu, hoặc pg_hba.conf không cho phép)',
      problemEn: 'the PostgreSQL server refused the login (wrong user or password, or pg_hba.conf does not allow it)',
      hint: 'Check the user and password of the connection string, and the pg_hba.conf entry for this host.',
      cause: error,
    });
  }
  if (code === '3D000') {
    return new ConfigurationError({
      problemVi: 'cơ sở dữ liệu PostgreSQL không tồn tại',
      problemEn: 'the PostgreSQL database does not exist',
      hint: 'Create it first (createdb NAME) or fix the database name of the connection string.',
      cause: error,
    });
  }
  if (code === '42501') {
    return new ConfigurationError({
      problemVi: 'người dùng PostgreSQL thiếu quyền cần thiết',
      problemEn: `the PostgreSQL user lacks a privilege the adapter needs (${message})`,
      hint: 'The adapter’s login role must own the pccovid schema and have CREATEROLE (or the province roles must be created beforehand); see docs/guides/postgres.md.',
      cause: error,
    });
  }
  if (code === '57014') {
    return new StorageError({ adapterName: ADAPTER_NAME, operation, detailEn: 'the statement ran longer than statementTimeoutMs and was cancelled', cause: error });
  }
  if (code === '57P01' || code === '57P02' || code === '57P03' || code.startsWith('08')) {
    return new StorageError({ adapterName: ADAPTER_NAME, operation, detailEn: `the PostgreSQL server closed the connection (${code}); retry once it is back`, cause: error });
  }
  return new StorageError({ adapterName: ADAPTER_NAME, operation, detailEn: code ? `PostgreSQL error ${code}` : message, cause: error });
}
