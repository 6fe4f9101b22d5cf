import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine, neutraliseCell } from './neutralise-cell.js';

/** One column of an export: its header and how to read it from a row. */
export interface ExportColumn<R> {
  header: string;
  value: (row: R) => string | number | null | undefined;
}

/**
 * Writes rows to a UTF-8 CSV file (with BOM, so Excel reads the Vietnamese right; CRLF), every
 * text cell neutralised (`neutraliseCell`). Streams: rows may be any (async) iterable. Returns
 * the number of data rows.
 *
 * @example
 * ```ts
 * await exportRowsCsv('bao-cao.csv', [{ header: 'Đơn vị', value: (f) => f.name }], findings);
 * ```
 */
export async function exportRowsCsv<R>(
  file: string,
  columns: readonly ExportColumn<R>[],
  rows: Iterable<R> | AsyncIterable<R>,
  options: { delimiter?: ',' | ';' } = {},
): Promise<number> {
  const delimiter = options.delimiter ?? ',';
  const out = createWriteStream(file);
  let count = 0;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    await write(
      '\uFEFF' +
        csvLine(
          columns.map((c) => c.header),
          delimiter,
        ),
    );
    for await (const row of rows) {
      await write(
        csvLine(
          columns.map((c) => c.value(row)),
          delimiter,
        ),
      );
      count += 1;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}

/**
 * Writes rows to an XLSX file with exceljs's streaming `WorkbookWriter` (one sheet, rows
 * committed as written), every text cell neutralised (`neutraliseCell`). Returns the number of
 * data rows.
 *
 * @example
 * ```ts
 * await exportRowsXlsx('so-lieu.xlsx', [{ header: 'Lượt quét', value: (r) => r.scans }], rows, { sheetName: 'Số liệu' });
 * ```
 */
export async function exportRowsXlsx<R>(
  file: string,
  columns: readonly ExportColumn<R>[],
  rows: Iterable<R> | AsyncIterable<R>,
  options: { sheetName?: string } = {},
): Promise<number> {
  const { default: Excel } = await import('exceljs'); // loaded on first use: a CSV-only import never pays for it
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  sheet.addRow(columns.map((c) => neutraliseCell(c.header))).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => neutraliseCell(c.value(row) ?? null))).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
