import type { z } from 'zod';
import { parseOrThrow } from '../internal/parse.js';

/**
 * Validates `input` against one of the library's schemas and returns the parsed value
 * (strings NFC-normalised). Throws `ValidationError` — and nothing else — with every issue path.
 *
 * @example
 * ```ts
 * const campaign = validate(CampaignSchema, json, 'Campaign');
 * ```
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, subject = 'input'): z.output<S> {
  return parseOrThrow(schema, input, subject);
}
