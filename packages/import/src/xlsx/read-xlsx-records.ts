import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SourceRecord } from '../csv/source-record.js';

/** Options of `readXlsxRecords`. */
export interface XlsxReadOptions {
  /**
   * The worksheet to read: its 1-based position among the sheets.
   * @default 1
   */
  sheet?: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** One cell as text, or a problem (a formula, an error value). */
function cellText(value: unknown): { text: string; problem?: { vi: string; en: string } } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  if (typeof value === 'object') {
    const v = value as { formula?: unknown; sharedFormula?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; result?: unknown };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      return { text: '', problem: { vi: 'ô là công thức bảng tính', en: 'the cell is a spreadsheet formula' } };
    }
    if (Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
    if (typeof v.text === 'string') return { text: v.text };
    if (typeof v.error === 'string') return { text: '', problem: { vi: `ô có lỗi ${v.error}`, en: `the cell holds the error ${v.error}` } };
  }
  return { text: '', problem: { vi: 'ô có kiểu không đọc được', en: 'the cell has a type that cannot be read' } };
}

/**
 * Reads the rows of one worksheet of an XLSX file with exceljs's streaming `WorkbookReader`
 * (shared strings cached, styles and hyperlinks ignored), without loading the workbook. The
 * first non-empty row is the header; data rows are padded to its width. A formula or error cell
 * makes the record's `problem`. Node only.
 *
 * @example
 * ```ts
 * for await (const record of readXlsxRecords('thong-ke.xlsx')) console.log(record.line, record.cells);
 * ```
 */
export async function* readXlsxRecords(file: string, options: XlsxReadOptions = {}): AsyncGenerator<SourceRecord> {
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.byteLength;
      callback(null, chunk);
    },
  });
  const input = createReadStream(file).pipe(counter);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  const wanted = options.sheet ?? 1;
  let position = 0;
  let width = -1;
  for await (const worksheet of reader) {
    position += 1;
    if (position !== wanted) {
      for await (const _row of worksheet) void _row; // drain the other sheets
      continue;
    }
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1);
      const cells: string[] = [];
      let problem: SourceRecord['problem'];
      values.forEach((value, i) => {
        const cell = cellText(value);
        cells[i] = cell.text;
        if (cell.problem !== undefined && problem === undefined) problem = { ...cell.problem, column: i };
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (cells.every((c) => c.trim() === '')) continue;
      if (width < 0) width = cells.length;
      else while (cells.length < width) cells.push('');
      const record: SourceRecord = { line: row.number, cells, bytesRead };
      if (problem !== undefined) record.problem = problem;
      yield record;
    }
  }
}
