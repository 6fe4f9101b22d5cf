import type { SourceRecord } from '../csv/source-record.js';
import { createXmlParser, localName, type XlsxWorkbook } from './xlsx-workbook.js';

type CellProblem = { vi: string; en: string };

const FORMULA: CellProblem = { vi: 'ô là công thức bảng tính', en: 'the cell is a spreadsheet formula' };

const pad = (n: number): string => String(n).padStart(2, '0');

/** An Excel serial day as `YYYY-MM-DD` (UTC), as exceljs's `excelToDate` counts it. */
function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return String(serial);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0-based column of a cell reference (`C12` → 2), or -1 when it has none. */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) return -1;
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const upper = c >= 97 ? c - 32 : c;
    if (upper < 65 || upper > 90) break;
    column = column * 26 + (upper - 64);
  }
  return i === 0 ? -1 : column - 1;
}

/**
 * A streaming parser of one worksheet's XML into `SourceRecord`s: feed it text with `write`, take
 * the finished records with `take`. Cells read as exceljs gave them to the former reader: shared
 * and inline strings as text, numbers as `String(parseFloat(v))`, booleans `TRUE`/`FALSE`, a
 * number whose style is a date format as `YYYY-MM-DD`; a formula or an error cell gives `''` and
 * the record's `problem` (the first one, with its column; such a row is never taken for empty).
 * Empty rows are skipped; the first
 * non-empty row is the header and data rows are padded to its width.
 */
export class SheetRowParser {
  private row = 0;
  private readonly parser = createXmlParser();
  private out: SourceRecord[] = [];
  private width = -1;
  private cells: string[] | null = null;
  private problem: SourceRecord['problem'];
  // The cell being read.
  private column = -1;
  private type: string | undefined;
  private style = 0;
  private formula = false;
  private hasValue = false;
  private text = '';
  /** 0 outside a text, 1 in `<v>`, 2 in an inline string's `<t>` (outside `<rPh>`). */
  private capture = 0;
  private phonetic = 0;

  constructor(
    private readonly workbook: Pick<XlsxWorkbook, 'sharedStrings' | 'dateStyles' | 'date1904'>,
    private bytesRead = 0,
  ) {
    this.parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'c') {
        if (this.cells === null) return;
        const a = tag.attributes;
        const column = columnOf(a.r);
        this.column = column < 0 ? this.cells.length : column;
        this.type = a.t;
        this.style = a.s === undefined ? 0 : Number(a.s);
        this.formula = false;
        this.hasValue = false;
        this.text = '';
        if (tag.isSelfClosing) this.endCell();
      } else if (name === 'v') {
        if (this.cells === null) return;
        this.hasValue = true;
        this.capture = tag.isSelfClosing ? 0 : 1;
      } else if (name === 'row') {
        const r = tag.attributes.r;
        this.row = r === undefined ? this.row + 1 : Number(r);
        this.cells = [];
        this.problem = undefined;
        if (tag.isSelfClosing) this.endRow();
      } else if (name === 'f') this.formula = true;
      else if (name === 'is') this.hasValue = true;
      else if (name === 't') this.capture = this.phonetic === 0 && !tag.isSelfClosing ? 2 : 0;
      else if (name === 'rPh') this.phonetic += tag.isSelfClosing ? 0 : 1;
    });
    const onText = (text: string): void => {
      if (this.capture !== 0) this.text += text;
    };
    this.parser.on('text', onText);
    this.parser.on('cdata', onText);
    this.parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 'c') this.endCell();
      else if (name === 'v' || name === 't') this.capture = 0;
      else if (name === 'row') this.endRow();
      else if (name === 'rPh') this.phonetic -= 1;
    });
  }

  /** The sheet row being read, or the next one between rows (where a damaged sheet stops). */
  get rowAt(): number {
    return this.cells === null ? this.row + 1 : this.row;
  }

  /** Parses more of the sheet's XML; `bytesRead` is the file's progress after this text. */
  write(text: string, bytesRead: number): void {
    this.bytesRead = bytesRead;
    this.parser.write(text);
  }

  /** Ends the sheet (throws when its XML is not complete). */
  close(): void {
    this.parser.close();
  }

  /** The records finished since the last call. */
  take(): SourceRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private report(problem: CellProblem): void {
    if (this.problem === undefined) this.problem = { ...problem, column: this.column };
  }

  private endCell(): void {
    const cells = this.cells;
    if (cells === null || this.column < 0) return;
    let value: string;
    if (this.formula) {
      this.report(FORMULA);
      value = '';
    } else if (!this.hasValue) {
      this.column = -1;
      return; // a styled empty cell: no value, as if absent
    } else {
      const text = this.text;
      switch (this.type) {
        case 's':
          value = this.workbook.sharedStrings[Number.parseInt(text, 10)] ?? '';
          break;
        case 'inlineStr':
        case 'str':
          value = text;
          break;
        case 'b':
          value = Number.parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
          break;
        case 'e':
          this.report({ vi: `ô có lỗi ${text}`, en: `the cell holds the error ${text}` });
          value = '';
          break;
        case 'd': // an ISO 8601 date cell (rare): its day
          value = /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
          break;
        case undefined:
        default: {
          const number = Number.parseFloat(text);
          value = this.workbook.dateStyles[this.style] === true && Number.isFinite(number) ? serialDate(number, this.workbook.date1904) : String(number);
        }
      }
    }
    while (cells.length < this.column) cells.push('');
    cells[this.column] = value;
    this.column = -1;
  }

  private endRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null) return;
    let empty = true;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === undefined) cells[i] = '';
      else if (empty && c.trim() !== '') empty = false;
    }
    if (empty && this.problem === undefined) return; // a row of only formulas or errors is reported, not dropped
    if (this.width < 0) this.width = cells.length;
    else while (cells.length < this.width) cells.push('');
    const record: SourceRecord = { line: this.row, cells, bytesRead: this.bytesRead };
    if (this.problem !== undefined) record.problem = this.problem;
    this.out.push(record);
  }
}
