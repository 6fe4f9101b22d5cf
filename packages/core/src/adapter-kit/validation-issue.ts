import { ValidationError } from '../errors/validation-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';

/** Where a problem is, from the root of the checked input (as `ValidationIssue.path`). */
type Path = ValidationIssue['path'];

/**
 * Throws a `ValidationError` (`VALIDATION_FAILED`) with one issue of code `custom`: the way a
 * storage adapter refuses malformed input before it changes anything.
 *
 * @param subject - What was being checked, e.g. `'PutRequest'`.
 * @param path - The path of the offending value inside it (`[]` for the whole input).
 * @param message - What is wrong, in English.
 *
 * @example
 * ```ts
 * if (json.length > maxRecordBytes) throwValidationIssue('PutRequest', ['data'], 'is too large');
 * ```
 */
export function throwValidationIssue(subject: string, path: Path, message: string): never {
  throw new ValidationError({ subject, issues: [{ path, code: 'custom', message }] });
}

/**
 * Requires a non-empty string; otherwise throws a `ValidationError` at `path`
 * (`must be a non-empty string`).
 *
 * @example
 * ```ts
 * checkNonEmptyText('get', ['collection'], collection);
 * ```
 */
export function checkNonEmptyText(subject: string, path: Path, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throwValidationIssue(subject, path, 'must be a non-empty string');
}

/** @internal True for `{}`-like objects: an `Object` or a null prototype, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** @internal Requires a safe integer ≥ 0. */
export function checkCount(subject: string, path: Path, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throwValidationIssue(subject, path, 'must be a whole number ≥ 0');
}

/** @internal Requires a safe integer ≥ 1. */
export function checkPositiveCount(subject: string, path: Path, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) throwValidationIssue(subject, path, 'must be a whole number ≥ 1');
}

/** @internal Requires a string (possibly empty) or null. */
export function checkNullableText(subject: string, path: Path, value: unknown): void {
  if (value !== null && typeof value !== 'string') throwValidationIssue(subject, path, 'must be a string or null');
}
