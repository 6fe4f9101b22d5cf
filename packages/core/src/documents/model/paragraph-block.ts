import { z } from 'zod';
import { InlineRunSchema } from './inline-run.js';

/**
 * A body paragraph: justified, first-line indent (Decree 30: 1–1.27 cm), made of inline runs.
 * Centred lines (e.g. "QUYẾT ĐỊNH:") set `align: 'center'` and `firstLineIndent: false`.
 *
 * @example
 * ```ts
 * ParagraphBlockSchema.parse({ type: 'paragraph', runs: [{ text: 'Kính đề nghị …/.' }] })
 * ```
 */
export const ParagraphBlockSchema = z.strictObject({
  type: z.literal('paragraph'),
  /** The text, as runs with emphasis. */
  runs: z.array(InlineRunSchema).min(1),
  /** Alignment. @default 'justify' */
  align: z.enum(['justify', 'left', 'center', 'right']).default('justify'),
  /** Indent the first line. @default true */
  firstLineIndent: z.boolean().default(true),
});
/**
 * A paragraph block (see {@link ParagraphBlockSchema}).
 *
 * @example
 * ```ts
 * const p: ParagraphBlock = { type: 'paragraph', runs: [{ text: 'Nội dung', bold: false, italic: false, underline: false }], align: 'justify', firstLineIndent: true };
 * ```
 */
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
