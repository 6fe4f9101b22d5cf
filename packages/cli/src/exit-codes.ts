import type { ErrorCode } from '@pccovid-inspect/core';

/**
 * The exit codes of `pccovid-inspect`, the same for every command.
 *
 * | code | meaning |
 * | --- | --- |
 * | 0 | done |
 * | 1 | the user's mistake: invalid input or plan file, not found, forbidden, conflict, wrong state, bad import file |
 * | 2 | usage: an unknown command or option, a missing argument |
 * | 3 | storage, configuration or system: no database, cannot open it, a renderer or notifier failed |
 * | 130 | interrupted (Ctrl-C); nothing half-written |
 */
export const EXIT_CODES = Object.freeze({ ok: 0, user: 1, usage: 2, system: 3, interrupted: 130 } as const);

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const USER_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['VALIDATION_FAILED', 'INVALID_TRANSITION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'EMBARGOED', 'IMPORT_FAILED']);

/**
 * The exit code of an error code of core: a user's mistake is 1, storage and configuration
 * (and a failed renderer or notifier) are 3.
 *
 * @example
 * ```ts
 * exitCodeOf('NOT_FOUND') // 1
 * exitCodeOf('STORAGE_FAILED') // 3
 * ```
 */
export function exitCodeOf(code: ErrorCode): ExitCode {
  return USER_ERRORS.has(code) ? EXIT_CODES.user : EXIT_CODES.system;
}
