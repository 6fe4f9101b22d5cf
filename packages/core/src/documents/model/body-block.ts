import { z } from 'zod';
import { ParagraphBlockSchema } from './paragraph-block.js';
import { HeadingBlockSchema } from './heading-block.js';
import { BulletBlockSchema } from './bullet-block.js';
import { BasisBlockSchema } from './basis-block.js';
import { TableBlockSchema } from './table-block.js';
import { BarChartBlockSchema } from './bar-chart-block.js';

/**
 * One block of a document's body, discriminated by `type`: `paragraph`, `heading`, `bullet`,
 * `basis`, `table` or `barChart`. Renderers switch on `type` exhaustively, so a new kind of
 * block is a compile error in every renderer until it is laid out.
 *
 * @example
 * ```ts
 * BodyBlockSchema.parse({ type: 'bullet', runs: [{ text: 'Lãnh đạo Sở;' }] })
 * ```
 */
export const BodyBlockSchema = z.discriminatedUnion('type', [ParagraphBlockSchema, HeadingBlockSchema, BulletBlockSchema, BasisBlockSchema, TableBlockSchema, BarChartBlockSchema]);
/**
 * A body block (see {@link BodyBlockSchema}).
 *
 * @example
 * ```ts
 * const blocks: BodyBlock[] = [{ type: 'basis', text: 'Căn cứ …;' }];
 * ```
 */
export type BodyBlock = z.infer<typeof BodyBlockSchema>;
/**
 * A body block as a caller may write it, defaults optional (the schema's input type).
 *
 * @example
 * ```ts
 * const b: BodyBlockInput = { type: 'paragraph', runs: [{ text: 'Nội dung' }] };
 * ```
 */
export type BodyBlockInput = z.input<typeof BodyBlockSchema>;
