import { ValidationError } from '../errors/validation-error.js';
import type { ValidationIssue } from '../errors/validation-error.js';

/** @internal Throws a `ValidationError` with one `custom` issue at `path` (message Vietnamese first). */
export function refuse(subject: string, path: ValidationIssue['path'], message: string): never {
  throw new ValidationError({ subject, issues: [{ path, code: 'custom', message }] });
}

/** @internal True for a safe integer ≥ `min`. */
export function isWholeAtLeast(value: unknown, min: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min;
}

/** @internal `n` with at most one decimal, Vietnamese (`1,5`) and English (`1.5`). */
export function decimal(n: number): { vi: string; en: string } {
  const rounded = Math.round(n * 10) / 10;
  const en = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return { vi: en.replace('.', ','), en };
}
