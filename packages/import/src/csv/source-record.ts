/** One record of a source file: the header (first) or a data row, as text cells. */
export interface SourceRecord {
  /** Physical line (CSV, 1-based; a quoted field may span lines, this is where the record starts) or sheet row (XLSX). */
  line: number;
  cells: string[];
  /** Bytes of the file read so far (for progress). */
  bytesRead: number;
  /** A problem the reader found in the record itself (an unclosed quote, a formula cell), Vietnamese / English. */
  problem?: { vi: string; en: string; column?: number };
}
