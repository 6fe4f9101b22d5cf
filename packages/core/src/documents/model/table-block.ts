import { z } from 'zod';
import { TextSchema } from '../../entities/primitives.js';
import { RunTextSchema } from './inline-run.js';

/**
 * A column of a table: its header text, a relative width (weights, not units: `[1, 6, 2]`
 * gives the second column six times the first) and the alignment of its cells.
 *
 * @example
 * ```ts
 * TableColumnSchema.parse({ title: 'Tên đơn vị', width: 6 })
 * ```
 */
export const TableColumnSchema = z.strictObject({
  /** The header text of the column. */
  title: TextSchema,
  /** Relative width (a weight > 0). @default 1 */
  width: z.number().positive().finite().default(1),
  /** Cell alignment. @default 'left' */
  align: z.enum(['left', 'center', 'right']).default('left'),
});
/**
 * A table column (see {@link TableColumnSchema}).
 *
 * @example
 * ```ts
 * const c: TableColumn = { title: 'TT', width: 1, align: 'center' };
 * ```
 */
export type TableColumn = z.infer<typeof TableColumnSchema>;

/**
 * A data table. The header row (the column titles, bold, centred) repeats at the top of every
 * page the table runs onto when `repeatHeader` is set. `footerRows` (e.g. "Tổng cộng") print
 * bold after the rows. Every row has exactly one cell per column. Tables may be long — an annex
 * of thousands of units — so rows are plain string arrays.
 *
 * @example
 * ```ts
 * TableBlockSchema.parse({
 *   type: 'table',
 *   caption: 'Bảng 1. Số đơn vị được kiểm tra',
 *   columns: [{ title: 'TT', width: 1, align: 'center' }, { title: 'Địa bàn', width: 5 }, { title: 'Số đơn vị', width: 2, align: 'right' }],
 *   rows: [['1', 'Thành phố Hà Tĩnh', '12']],
 * })
 * ```
 */
export const TableBlockSchema = z
  .object({
    type: z.literal('table'),
    /** A caption above the table, e.g. "Bảng 1. …"; `null` for none. @default null */
    caption: TextSchema.nullable().default(null),
    /** The columns, left to right. */
    columns: z.array(TableColumnSchema).min(1).max(20),
    /** The body rows; each has one cell per column. */
    rows: z.array(z.array(RunTextSchema)),
    /** Rows printed bold after the body (totals). @default [] */
    footerRows: z.array(z.array(RunTextSchema)).default([]),
    /** Repeat the header row on every page. @default true */
    repeatHeader: z.boolean().default(true),
    /** Font size of the cells in points (Decree 30 allows smaller type in tables). @default 12 */
    fontSizePt: z.number().min(8).max(14).default(12),
  })
  .superRefine((table, ctx) => {
    const width = table.columns.length;
    const check = (rows: string[][], key: 'rows' | 'footerRows') => {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as string[];
        if (row.length !== width) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `a row needs ${width} cells, not ${row.length}` });
        }
      }
    };
    check(table.rows, 'rows');
    check(table.footerRows, 'footerRows');
  });
/**
 * A table block (see {@link TableBlockSchema}).
 *
 * @example
 * ```ts
 * const t: TableBlock = TableBlockSchema.parse({ type: 'table', columns: [{ title: 'A' }], rows: [['1']] });
 * ```
 */
export type TableBlock = z.infer<typeof TableBlockSchema>;
