import { z } from 'zod';
import { RunTextSchema, InlineRunSchema } from './inline-run.js';
import { TextSchema } from '../../entities/primitives.js';

/**
 * An outline heading, Decree 30 App. I §II.6: a part ("I." + UPPER bold title), an article
 * ("Điều 1." bold), a clause ("1." bold when titled) or a point ("a)", "b)", … "đ)" in
 * Vietnamese alphabetical order, upright). `continuation` is text that runs on after the title
 * in the same paragraph, upright: "2. Các sở ban ngành …: Phối hợp và tạo điều kiện …". Label,
 * title and continuation are printed one space apart (empty parts are skipped).
 *
 * @example
 * ```ts
 * HeadingBlockSchema.parse({ type: 'heading', level: 'part', label: 'I.', text: 'MỤC ĐÍCH, YÊU CẦU' })
 * ```
 */
export const HeadingBlockSchema = z.strictObject({
  type: z.literal('heading'),
  /** `part` (I., II.), `article` (Điều 1.), `clause` (1., 2.), `point` (a), b)). */
  level: z.enum(['part', 'article', 'clause', 'point']),
  /** The label as printed: "I.", "Điều 1.", "1.", "a)". */
  label: TextSchema,
  /** The title after the label (may be empty, e.g. an article whose text is all continuation). @default '' */
  text: RunTextSchema.default(''),
  /** Upright text that continues the same paragraph after the title (no leading space). @default [] */
  continuation: z.array(InlineRunSchema).default([]),
});
/**
 * A heading block (see {@link HeadingBlockSchema}).
 *
 * @example
 * ```ts
 * const h: HeadingBlock = { type: 'heading', level: 'clause', label: '1.', text: 'Nội dung kiểm tra:', continuation: [] };
 * ```
 */
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
