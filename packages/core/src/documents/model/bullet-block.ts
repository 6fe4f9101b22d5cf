import { z } from 'zod';
import { InlineRunSchema } from './inline-run.js';

/**
 * A bullet line as Vietnamese administrative documents write them: "- " then the text, justified,
 * with the same first-line indent as a paragraph.
 *
 * @example
 * ```ts
 * BulletBlockSchema.parse({ type: 'bullet', runs: [{ text: 'Hình thức kiểm tra: Đột xuất.' }] })
 * ```
 */
export const BulletBlockSchema = z.strictObject({
  type: z.literal('bullet'),
  /** The text after the marker. */
  runs: z.array(InlineRunSchema).min(1),
  /** The marker. @default '-' */
  marker: z.enum(['-', '+', '•']).default('-'),
});
/**
 * A bullet block (see {@link BulletBlockSchema}).
 *
 * @example
 * ```ts
 * const b: BulletBlock = { type: 'bullet', marker: '-', runs: [{ text: 'Lãnh đạo Sở;', bold: false, italic: false, underline: false }] };
 * ```
 */
export type BulletBlock = z.infer<typeof BulletBlockSchema>;
