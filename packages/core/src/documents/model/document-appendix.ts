import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';
import { BodyBlockSchema } from './body-block.js';

/**
 * An appendix (phụ lục), starting on a new page: the label ("Phụ lục" or "Phụ lục I", bold),
 * the title (upper case, bold), an italic reference line "(Kèm theo Báo cáo số … ngày … của …)",
 * then its own blocks — typically one long table.
 *
 * @example
 * ```ts
 * DocumentAppendixSchema.parse({
 *   label: 'Phụ lục',
 *   title: 'DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA',
 *   reference: '(Kèm theo Báo cáo số 12/BC-STTTT ngày 28/12/2021 của Sở Thông tin và Truyền thông)',
 *   blocks: [],
 * })
 * ```
 */
export const DocumentAppendixSchema = z.strictObject({
  /** "Phụ lục", "Phụ lục I" … */
  label: TextSchema,
  /** The title, upper case. */
  title: TextSchema,
  /** The italic reference line; `null` for none. @default null */
  reference: TextSchema.nullable().default(null),
  /** The appendix body. @default [] */
  blocks: z.array(BodyBlockSchema).default([]),
});
/**
 * An appendix (see {@link DocumentAppendixSchema}).
 *
 * @example
 * ```ts
 * const a: DocumentAppendix = DocumentAppendixSchema.parse({ label: 'Phụ lục', title: 'DANH SÁCH' });
 * ```
 */
export type DocumentAppendix = z.infer<typeof DocumentAppendixSchema>;
