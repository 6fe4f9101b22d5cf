import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/** @internal Parses or throws `ValidationError` (never anything else). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  let result: ReturnType<S['safeParse']>;
  try {
    result = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (cause) {
    // A refinement threw on hostile input (e.g. a getter): report it as a validation failure.
    throw new ValidationError({ subject, issues: [{ path: [], code: 'custom', message: String(cause) }], cause });
  }
  if (!result.success) throw ValidationError.fromZod(subject, result.error);
  return result.data as z.output<S>;
}
