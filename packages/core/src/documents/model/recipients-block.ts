import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';

/**
 * The "Nơi nhận:" block, bottom left beside the signer: the label (12 pt bold italic), then one
 * entry per line (11 pt) "- UBND tỉnh (b/c);", ending with the archive line "- Lưu: VT, CNTT4.".
 * Entries are stored without the dash and closing ";" — {@link formatRecipientLines} adds them.
 *
 * @example
 * ```ts
 * RecipientsBlockSchema.parse({ entries: ['UBND tỉnh (b/c)', 'Lãnh đạo Sở'], archive: ['VT', 'CNTT4'] })
 * ```
 */
export const RecipientsBlockSchema = z.strictObject({
  /** The label. @default 'Nơi nhận:' */
  label: TextSchema.default('Nơi nhận:'),
  /** Recipients, in order, without the leading "- " or closing ";". */
  entries: z.array(TextSchema),
  /** Who keeps the file copy: "VT" (records office) then the drafting unit, e.g. ["VT", "CNTT4"]. */
  archive: z.array(TextSchema).min(1),
});
/**
 * A recipients block (see {@link RecipientsBlockSchema}).
 *
 * @example
 * ```ts
 * const r: RecipientsBlock = { label: 'Nơi nhận:', entries: ['Như trên'], archive: ['VT', 'TTr'] };
 * ```
 */
export type RecipientsBlock = z.infer<typeof RecipientsBlockSchema>;

/**
 * The printed entry lines of a recipients block (the label is separate).
 *
 * @example
 * ```ts
 * formatRecipientLines({ entries: ['UBND tỉnh (b/c)', 'Lãnh đạo Sở;'], archive: ['VT', 'CNTT4'] })
 * // ['- UBND tỉnh (b/c);', '- Lãnh đạo Sở;', '- Lưu: VT, CNTT4.']
 * ```
 */
export function formatRecipientLines(block: Pick<RecipientsBlock, 'entries' | 'archive'>): string[] {
  const lines = block.entries.map((e) => `- ${e.replace(/[;.,\s]+$/u, '')};`);
  lines.push(`- Lưu: ${block.archive.join(', ')}.`);
  return lines;
}
