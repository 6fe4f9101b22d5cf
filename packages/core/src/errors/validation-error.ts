import type { z } from 'zod';
import { InspectError, hasMarker, markerFor } from './inspect-error.js';

/** One problem found in an input, with the path to the offending value. */
export interface ValidationIssue {
  /** Path from the root of the input, e.g. `['legalBasis', 0, 'issuedOn']`. */
  path: (string | number)[];
  /** zod's issue code, or our own (`custom`). */
  code: string;
  /** What is wrong: Vietnamese then English where the library words it (`quá dài: … / too long: …`), else zod's own English wording. */
  message: string;
}

const MARKER = markerFor('VALIDATION_FAILED');

/**
 * Thrown when an input does not match its schema (`VALIDATION_FAILED`). Nothing was changed.
 * `issues` keeps zod's paths so a form can point at the field; `subject` names what was parsed.
 *
 * @example
 * ```ts
 * try { validate(CampaignSchema, input, 'Campaign') } catch (e) {
 *   if (ValidationError.isInstance(e)) console.log(e.issues[0].path); // ['period', 'from']
 * }
 * ```
 */
export class ValidationError extends InspectError {
  /** What was being validated (an entity or command name). */
  readonly subject: string;
  /** Every issue found, with its path. */
  readonly issues: ValidationIssue[];
  private readonly [MARKER] = true;

  constructor(options: { subject: string; issues: ValidationIssue[]; hint?: string; cause?: unknown }) {
    const first = options.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    super('VALIDATION_FAILED', {
      messageVi: `Dữ liệu ${options.subject} không hợp lệ${where}: ${first?.message ?? 'không rõ'}. Hãy sửa các trường được nêu rồi gửi lại.`,
      messageEn: `Invalid ${options.subject}${where}: ${first?.message ?? 'unknown'}. Fix the listed fields and submit again.`,
      hint: options.hint ?? 'See `issues` for every path and problem.',
      cause: options.cause,
    });
    this.name = 'ValidationError';
    this.subject = options.subject;
    this.issues = options.issues;
  }

  /** Builds a `ValidationError` from a zod error, keeping every issue path. */
  static fromZod(subject: string, error: z.ZodError): ValidationError {
    const issues: ValidationIssue[] = [];
    for (const i of error.issues) {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (i.code === 'unrecognized_keys') {
        // One issue per unknown key, its path ending at the key, so a form (or a reader) sees which.
        for (const key of i.keys) issues.push({ path: [...path, key], code: i.code, message: `unknown key "${key}": not a field here (misspelt?)` });
      } else {
        issues.push({ path, code: i.code, message: i.message });
      }
    }
    return new ValidationError({ subject, issues, cause: error });
  }

  static override isInstance(error: unknown): error is ValidationError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), subject: this.subject, issues: this.issues };
  }
}
