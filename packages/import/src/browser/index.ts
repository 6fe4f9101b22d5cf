/**
 * `@pccovid-inspect/import/browser` — the browser-safe part: encoding detection and decoding,
 * streaming CSV records from a `Blob`/`File` (web streams), header mapping, row checks and cell
 * neutralisation. No Node built-ins; files, checkpoints, XLSX and storage writes are in the root
 * entry (Node).
 *
 * @packageDocumentation
 */
export { detectEncoding } from '../encoding/detect-encoding.js';
export type { EncodingDetection } from '../encoding/detect-encoding.js';
export { createVietnameseDecoder, decodeVietnamese, VIETNAMESE_ENCODINGS } from '../encoding/vietnamese-encoding.js';
export type { VietnameseDecoder, VietnameseEncoding } from '../encoding/vietnamese-encoding.js';
export { readCsvRecords, detectDelimiter } from '../csv/read-csv-records.js';
export type { CsvReadOptions } from '../csv/read-csv-records.js';
export type { SourceRecord } from '../csv/source-record.js';
export { blobChunks } from './read-blob.js';
export { TARGET_HEADERS, STATISTICS_HEADERS, resolveHeaders, mergeHeaderMapping } from '../rows/header-mapping.js';
export type { HeaderMapping, ResolvedHeaders, TargetField, StatisticsField } from '../rows/header-mapping.js';
export { createTargetRowMapper } from '../rows/target-rows.js';
export type { TargetRowOptions, RowMapper } from '../rows/target-rows.js';
export { createStatisticsRowMapper } from '../rows/statistics-rows.js';
export type { StatisticsRowOptions } from '../rows/statistics-rows.js';
export { rowIssueError } from '../rows/row-issue.js';
export type { RowIssue } from '../rows/row-issue.js';
export { neutraliseCell, csvField, csvLine } from '../export/neutralise-cell.js';
export { foldVietnamese } from '../text/fold-vietnamese.js';
