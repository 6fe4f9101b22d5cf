import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
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
  for await (const batch of readXlsxRecordBatches(file, options)) yield* batch;
}

/** One sheet row as a record (cells padded to the header's width), or null for an empty row. */
function toRecord(row: ExcelJS.Row, state: { width: number }, bytesRead: number): SourceRecord | null {
  const values = row.values as unknown[];
  const cells: string[] = [];
  let problem: SourceRecord['problem'];
  let empty = true;
  // `values` is 1-based and may be sparse; a hole is an empty cell.
  for (let i = 1; i < values.length; i++) {
    const cell = cellText(values[i]);
    cells.push(cell.text);
    if (empty && cell.text.trim() !== '') empty = false;
    if (cell.problem !== undefined && problem === undefined) problem = { ...cell.problem, column: i - 1 };
  }
  if (empty) return null;
  if (state.width < 0) state.width = cells.length;
  else while (cells.length < state.width) cells.push('');
  const record: SourceRecord = { line: row.number, cells, bytesRead };
  if (problem !== undefined) record.problem = problem;
  return record;
}

/**
 * @internal `readXlsxRecords`, one array of records per batch of parser events (exceljs's
 * `WorksheetReader.parse()`): the importer's hot path, one async step per batch instead of per row.
 * exceljs is loaded on the first call, so a CSV-only import never loads it.
 */
export async function* readXlsxRecordBatches(file: string, options: XlsxReadOptions = {}): AsyncGenerator<SourceRecord[]> {
  const { default: Excel } = await import('exceljs');
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.byteLength;
      callback(null, chunk);
    },
  });
  const input = createReadStream(file).pipe(counter);
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  const wanted = options.sheet ?? 1;
  let position = 0;
  const state = { width: -1 };
  for await (const worksheet of reader) {
    position += 1;
    const events: AsyncIterable<{ eventType: string; value: unknown }[]> = { [Symbol.asyncIterator]: () => worksheet.parse() };
    if (position !== wanted) {
      for await (const _batch of events) void _batch; // drain the other sheets
      continue;
    }
    for await (const batch of events) {
      const out: SourceRecord[] = [];
      for (const event of batch) {
        if (event.eventType !== 'row') continue;
        const record = toRecord(event.value as ExcelJS.Row, state, bytesRead);
        if (record !== null) out.push(record);
      }
      if (out.length > 0) yield out;
    }
  }
}
