/**
 * `@pccovid-inspect/import` — streaming import of targets and PC-Covid portal statistics from CSV
 * (papaparse) and XLSX (a streaming zip + SAX reader: fflate, saxes), in UTF-8, Windows-1258, TCVN3 or VNI, with
 * Vietnamese headers, row errors (stop or quarantine), progress, checkpoints for resuming, and
 * CSV/XLSX export with formula cells neutralised. Node; the browser-safe part is
 * `@pccovid-inspect/import/browser`.
 *
 * @packageDocumentation
 */
export * from './browser/index.js';
export { decodeTcvn3, encodeTcvn3 } from './encoding/tcvn3.js';
export { decodeVni, encodeVni } from './encoding/vni.js';
export { readXlsxRecords } from './xlsx/read-xlsx-records.js';
export type { XlsxReadOptions } from './xlsx/read-xlsx-records.js';
export { exportRowsCsv, exportRowsXlsx } from './export/export-rows.js';
export type { ExportColumn } from './export/export-rows.js';
export { importPortalStatistics } from './node/import-portal-statistics.js';
export type { PortalStatisticsImportOptions } from './node/import-portal-statistics.js';
export { importTargets } from './node/import-targets.js';
export type { TargetImportOptions } from './node/import-targets.js';
export type { ImportFileOptions, ImportProgress, ImportSummary } from './node/run-import.js';
export type { ImportCheckpoint } from './node/import-checkpoint.js';
