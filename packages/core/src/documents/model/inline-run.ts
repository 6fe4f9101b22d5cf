import { z } from 'zod';

/** @internal A string normalised to NFC but not trimmed: spaces between runs are meaningful. */
export const RunTextSchema = z.string().overwrite((s) => s.normalize('NFC'));

/**
 * A run of text inside a paragraph, bullet or heading, with its emphasis. Runs are joined
 * without separators, so put the spaces in the text.
 *
 * @example
 * ```ts
 * const runs: InlineRun[] = [
 *   { text: 'Hình thức kiểm tra: ', bold: true },
 *   { text: 'Đột xuất.' },
 * ];
 * ```
 */
export const InlineRunSchema = z.strictObject({
  /** The text, NFC. */
  text: RunTextSchema,
  /** Bold. @default false */
  bold: z.boolean().default(false),
  /** Italic. @default false */
  italic: z.boolean().default(false),
  /** Underlined. @default false */
  underline: z.boolean().default(false),
});
/**
 * One run of text with its emphasis (see {@link InlineRunSchema}).
 *
 * @example
 * ```ts
 * const run: InlineRun = { text: 'Đạt', bold: true, italic: false, underline: false };
 * ```
 */
export type InlineRun = z.infer<typeof InlineRunSchema>;

/**
 * The plain text of a list of runs.
 *
 * @example
 * ```ts
 * runsText([{ text: 'a ', bold: true, italic: false, underline: false }, { text: 'b', bold: false, italic: false, underline: false }]) // 'a b'
 * ```
 */
export function runsText(runs: readonly { text: string }[]): string {
  let out = '';
  for (const r of runs) out += r.text;
  return out;
}
