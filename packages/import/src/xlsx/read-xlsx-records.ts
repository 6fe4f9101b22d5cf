import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from '@pccovid-inspect/core';
import type { SourceRecord } from '../csv/source-record.js';
import { readZipDirectory, ZipProblem, zipEntryChunks, type RandomAccessSource } from '../internal/zip-directory.js';
import { SheetRowParser } from './sheet-rows.js';
import { readXlsxWorkbook, XlsxProblem } from './xlsx-workbook.js';

/** Options of `readXlsxRecords`. */
export interface XlsxReadOptions {
  /**
   * The worksheet to read: its 1-based position among the sheets.
   * @default 1
   */
  sheet?: number;
}

/**
 * Compressed bytes read per step: a few hundred rows of a typical sheet. 64 KiB (thousands of rows
 * in flight per step) peaked ~28 MiB higher at 100,000 rows; 8 KiB was no lower than this.
 */
const CHUNK = 16 * 1024;

/**
 * Reads the rows of one worksheet of an XLSX file as they are inflated from the zip (fflate) and
 * parsed (saxes), without loading the workbook: the zip's directory at the end of the file says
 * where each part is, so the shared strings and styles are read first whatever their order, and
 * the sheet is read 16 KiB (compressed) at a time, only as fast as the records are consumed. The first
 * non-empty row is the header; data rows are padded to its width. A formula or error cell makes
 * the record's `problem`; a number formatted as a date reads as `YYYY-MM-DD`. A file that is not
 * an XLSX, or is cut off or damaged, throws `ImportError` (`IMPORT_FAILED`) with a hint before any
 * record (or, for damage inside the sheet, at the row where it is found). Node only.
 *
 * @example
 * ```ts
 * for await (const record of readXlsxRecords('thong-ke.xlsx')) console.log(record.line, record.cells);
 * ```
 */
export async function* readXlsxRecords(file: string, options: XlsxReadOptions = {}): AsyncGenerator<SourceRecord> {
  for await (const batch of readXlsxRecordBatches(file, options)) yield* batch;
}

/** A Node file as a `RandomAccessSource`, counting the bytes read (the import's progress). */
function fileSource(handle: FileHandle, size: number): RandomAccessSource & { bytesRead: number } {
  return {
    size,
    bytesRead: 0,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      this.bytesRead = Math.min(size, this.bytesRead + bytesRead);
      return bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    },
  };
}

const HINT_NOT_XLSX =
  'Mở tệp bằng Excel và lưu dạng Sổ làm việc Excel (.xlsx), hoặc xuất CSV rồi nhập tệp CSV / Open the file in Excel and save it as Excel Workbook (.xlsx), or export CSV and import that';
const HINT_DAMAGED =
  'Tải lại hoặc sao chép lại tệp từ nguồn rồi nhập lại; nếu Excel mở được, lưu lại dạng .xlsx / Download or copy the file again and re-import it; if Excel opens it, save it again as .xlsx';

/** A reader's fault as the import's typed error: row 0 for the file as a whole. */
function importErrorOf(file: string, row: number, error: unknown): unknown {
  if (error instanceof ZipProblem) {
    return new ImportError({ source: basename(file), row, problemVi: error.vi, problemEn: error.en, hint: error.kind === 'not-zip' ? HINT_NOT_XLSX : HINT_DAMAGED, cause: error });
  }
  if (error instanceof XlsxProblem) return new ImportError({ source: basename(file), row, problemVi: error.vi, problemEn: error.en, hint: HINT_NOT_XLSX, cause: error });
  if (error instanceof Error && !ImportError.isInstance(error)) {
    // saxes: malformed XML in a part.
    return new ImportError({
      source: basename(file),
      row,
      problemVi: `nội dung XML của sổ tính hỏng (${error.message})`,
      problemEn: `the workbook's XML is damaged (${error.message})`,
      hint: HINT_DAMAGED,
      cause: error,
    });
  }
  return error;
}

/**
 * @internal `readXlsxRecords`, one array of records per 16 KiB of the compressed sheet: the
 * importer's hot path, one async step per batch instead of per row.
 */
export async function* readXlsxRecordBatches(file: string, options: XlsxReadOptions = {}): AsyncGenerator<SourceRecord[]> {
  const handle = await open(file, 'r');
  let parser: SheetRowParser | undefined;
  try {
    const source = fileSource(handle, (await handle.stat()).size);
    let sheetChunks: AsyncGenerator<Uint8Array>;
    try {
      const entries = await readZipDirectory(source);
      const workbook = await readXlsxWorkbook(source, entries);
      const sheet = workbook.sheets[(options.sheet ?? 1) - 1];
      if (sheet === undefined) return; // no such sheet: no records, as before
      parser = new SheetRowParser(workbook, source.bytesRead);
      sheetChunks = zipEntryChunks(source, sheet.entry, CHUNK);
    } catch (error) {
      throw importErrorOf(file, 0, error);
    }
    const decoder = new TextDecoder();
    for (let done = false; !done;) {
      let out: SourceRecord[];
      try {
        const next = await sheetChunks.next();
        done = next.done === true;
        parser.write(done ? decoder.decode() : decoder.decode(next.value as Uint8Array, { stream: true }), source.bytesRead);
        if (done) parser.close();
        out = parser.take();
      } catch (error) {
        throw importErrorOf(file, parser.rowAt, error);
      }
      if (out.length > 0) yield out;
    }
  } finally {
    await handle.close();
  }
}
