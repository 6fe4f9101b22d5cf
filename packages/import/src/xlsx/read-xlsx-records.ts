import { createReadStream } from 'node:fs';
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

type CellProblem = { vi: string; en: string };

const FORMULA: CellProblem = { vi: 'ô là công thức bảng tính', en: 'the cell is a spreadsheet formula' };
const UNREADABLE: CellProblem = { vi: 'ô có kiểu không đọc được', en: 'the cell has a type that cannot be read' };

/**
 * One cell as text; a formula or an error value gives `''` and reports its problem through
 * `onProblem`. The common cells (text, number, empty) allocate nothing but their text: this runs
 * once per cell of the sheet.
 */
function cellText(value: unknown, onProblem: (problem: CellProblem) => void): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    const v = value as { formula?: unknown; sharedFormula?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; result?: unknown };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      onProblem(FORMULA);
      return '';
    }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') {
      onProblem({ vi: `ô có lỗi ${v.error}`, en: `the cell holds the error ${v.error}` });
      return '';
    }
  }
  onProblem(UNREADABLE);
  return '';
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
  let column = 0;
  const onProblem = (p: CellProblem): void => {
    if (problem === undefined) problem = { ...p, column };
  };
  // `values` is 1-based and may be sparse; a hole is an empty cell.
  for (let i = 1; i < values.length; i++) {
    column = i - 1;
    const text = cellText(values[i], onProblem);
    cells.push(text);
    if (empty && text.trim() !== '') empty = false;
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
  // The file stream goes to exceljs as is (no counting stream in between: one buffer less); its
  // `bytesRead` is the progress.
  const input = createReadStream(file);
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
        const record = toRecord(event.value as ExcelJS.Row, state, input.bytesRead);
        if (record !== null) out.push(record);
      }
      if (out.length > 0) yield out;
    }
  }
}
