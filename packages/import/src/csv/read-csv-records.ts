import Papa from 'papaparse';
import { detectEncoding, type EncodingDetection } from '../encoding/detect-encoding.js';
import { createVietnameseDecoder, type VietnameseEncoding } from '../encoding/vietnamese-encoding.js';
import type { SourceRecord } from './source-record.js';

/** Options of `readCsvRecords`. */
export interface CsvReadOptions {
  /**
   * The file's encoding, or `'auto'` to detect it from the first 64 KiB.
   * @default 'auto'
   */
  encoding?: VietnameseEncoding | 'auto';
  /**
   * The field delimiter, or `'auto'`: the one of `,` `;` tab that occurs most in the header line
   * (outside quotes).
   * @default 'auto'
   */
  delimiter?: ',' | ';' | '\t' | 'auto';
  /** Called once with the encoding detected (or given). */
  onEncoding?: (detection: EncodingDetection) => void;
}

const SAMPLE_BYTES = 64 * 1024;

/** The delimiter that occurs most in the first line, outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return n === r + 1 ? '\r\n' : '\r';
  return '\n';
}

function countChar(text: string, ch: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(ch, from); i >= 0 && i < to; i = text.indexOf(ch, i + 1)) count += 1;
  return count;
}

/**
 * Reads CSV records from a stream of byte chunks — a Node `Readable` (`fs.createReadStream`), a
 * web `ReadableStream` (`blob.stream()`), anything async-iterable — holding only one chunk and one
 * partial record in memory. Detects the encoding (UTF-8 with or without BOM, Windows-1258, TCVN3,
 * VNI) and the delimiter, decodes to NFC, and parses with papaparse's core parser (quoted fields,
 * CRLF). Yields the header first. Browser-safe.
 *
 * @example
 * ```ts
 * for await (const record of readCsvRecords(createReadStream('targets.csv'))) console.log(record.line, record.cells);
 * ```
 */
export async function* readCsvRecords(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CsvReadOptions = {}): AsyncGenerator<SourceRecord> {
  for await (const batch of readCsvRecordBatches(chunks, options)) yield* batch;
}

/**
 * @internal `readCsvRecords`, one array of records per chunk read: the importer's hot path, which
 * pays one async step per chunk instead of one per record.
 */
export async function* readCsvRecordBatches(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CsvReadOptions = {}): AsyncGenerator<SourceRecord[]> {
  let bytesRead = 0;
  let decoder: ReturnType<typeof createVietnameseDecoder> | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let parser: Papa.Parser | undefined;
  let partial = '';
  let newlineChar = '\n';
  let line = 1;
  let out: SourceRecord[] = [];

  const start = (): void => {
    const sample = concat(pending, pendingBytes);
    const given = options.encoding ?? 'auto';
    const detection: EncodingDetection = given === 'auto' ? detectEncoding(sample) : { encoding: given, bom: false, scores: {} };
    options.onEncoding?.(detection);
    decoder = createVietnameseDecoder(detection.encoding);
  };

  const feed = (text: string, last: boolean): void => {
    let aggregate = partial + text;
    if (parser === undefined) {
      if (aggregate.charCodeAt(0) === 0xfeff) aggregate = aggregate.slice(1);
      if (!last && !/[\r\n]/.test(aggregate)) {
        partial = aggregate; // wait for the whole header line
        return;
      }
      const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(aggregate) : options.delimiter;
      const newline = detectNewline(aggregate);
      newlineChar = newline === '\r' ? '\r' : '\n';
      let rowStart = 0;
      parser = new Papa.Parser({
        delimiter,
        newline,
        // The core parser hands `step` a one-row page (`data: [row]`).
        step: (result: Papa.ParseStepResult<string[][]>) => {
          const end = result.meta.cursor;
          const cells = result.data[0] ?? [];
          const record: SourceRecord = { line, cells, bytesRead };
          const error = result.errors[0];
          if (error !== undefined) {
            record.problem =
              error.code === 'MissingQuotes'
                ? { vi: 'thiếu dấu ngoặc kép đóng (dòng bị cắt?)', en: 'a quoted field is not closed (truncated line?)' }
                : { vi: `lỗi cú pháp CSV (${error.code})`, en: `CSV syntax error (${error.code})` };
          }
          line += countChar(currentInput, newlineChar, rowStart, end);
          rowStart = end;
          if (!(cells.length === 1 && cells[0] === '')) out.push(record);
        },
      });
      stepReset = () => {
        rowStart = 0;
      };
    }
    currentInput = aggregate;
    stepReset();
    const result = parser.parse(aggregate, 0, !last) as Papa.ParseResult<string[]>;
    partial = last ? '' : aggregate.slice(result.meta.cursor);
  };
  let currentInput = '';
  let stepReset = (): void => {};

  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    if (decoder === undefined) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes < SAMPLE_BYTES) continue;
      start();
      const sample = concat(pending, pendingBytes);
      pending = [];
      feed(decoder!.write(sample), false);
    } else {
      feed(decoder.write(chunk), false);
    }
    if (out.length > 0) {
      const batch = out;
      out = [];
      yield batch;
    }
  }
  if (decoder === undefined) {
    start();
    const sample = concat(pending, pendingBytes);
    pending = [];
    feed(decoder!.write(sample), false);
  }
  feed(decoder!.end(), true);
  if (out.length > 0) yield out;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
