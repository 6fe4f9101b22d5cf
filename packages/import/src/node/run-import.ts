import { createReadStream } from 'node:fs';
import { appendFile, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ConfigurationError } from '@pccovid-inspect/core';
import type { EncodingDetection } from '../encoding/detect-encoding.js';
import type { VietnameseEncoding } from '../encoding/vietnamese-encoding.js';
import { csvLine } from '../export/neutralise-cell.js';
import { readCsvRecordBatches } from '../csv/read-csv-records.js';
import type { SourceRecord } from '../csv/source-record.js';
import { rowIssueError, type RowIssue } from '../rows/row-issue.js';
import type { RowMapper } from '../rows/target-rows.js';
import { readXlsxRecordBatches } from '../xlsx/read-xlsx-records.js';
import { fileDigest, readCheckpoint, writeCheckpoint, type ImportCheckpoint } from './import-checkpoint.js';

/** Progress of an import, reported after every batch and at the end. */
export interface ImportProgress {
  /** Data rows read so far (this run, including rows skipped on resume). */
  rows: number;
  written: number;
  quarantined: number;
  /** Rows skipped because a checkpoint says an earlier run handled them. */
  skipped: number;
  bytesRead: number;
  bytesTotal: number;
  /** Data rows per second since this run started. */
  rowsPerSecond: number;
  done: boolean;
}

/** Options every import takes. */
export interface ImportFileOptions {
  /** The CSV or XLSX file. */
  file: string;
  /**
   * `csv` or `xlsx`; by default from the file's extension (`.xlsx` → xlsx, anything else → csv).
   */
  format?: 'csv' | 'xlsx';
  /**
   * CSV only: the encoding, or `'auto'` to detect it.
   * @default 'auto'
   */
  encoding?: VietnameseEncoding | 'auto';
  /**
   * CSV only: the delimiter, or `'auto'`.
   * @default 'auto'
   */
  delimiter?: ',' | ';' | '\t' | 'auto';
  /**
   * `'stop'`: the whole file is checked first and the first bad row throws `ImportError`
   * (`IMPORT_FAILED`) before anything is written. `'quarantine'`: bad rows go to
   * `quarantineFile` with their reason, good rows are written.
   * @default 'stop'
   */
  onError?: 'stop' | 'quarantine';
  /**
   * Where quarantined rows go (CSV, UTF-8 with BOM, cells neutralised).
   * @default `${file}.quarantine.csv`
   */
  quarantineFile?: string;
  /**
   * A checkpoint file that makes the import resumable; without it a rerun starts over. The
   * checkpoint is bound to the store it was written for (tenant, campaign for targets, and the last
   * row written, looked up in the store on a rerun): a rerun into another store starts over from
   * the first row and reports `startedOver`.
   */
  checkpointFile?: string;
  /**
   * Rows per write.
   * @default 1000
   */
  batchSize?: number;
  /** Called after every batch and at the end. */
  onProgress?: (progress: ImportProgress) => void;
}

/** What an import did. */
export interface ImportSummary {
  source: string;
  format: 'csv' | 'xlsx';
  /** Detected (or given) encoding; `utf-8` for XLSX. */
  encoding: VietnameseEncoding;
  rowsRead: number;
  rowsWritten: number;
  rowsQuarantined: number;
  /** Rows an earlier run had already handled (resume). */
  rowsSkipped: number;
  /**
   * A checkpoint was found but not trusted, so every row was read and written again: it was
   * made for another store (a new or other database, tenant or campaign), the store no longer
   * holds the last row it names, or it predates checkpoint scopes.
   */
  startedOver: boolean;
  /** The quarantine file, when rows went there. */
  quarantineFile: string | null;
  /** The first 100 issues. */
  issues: RowIssue[];
}

/** @internal What a kind of import plugs into the runner. */
export interface ImportPlan<T> {
  kind: ImportCheckpoint['kind'];
  /** Who the rows are written for (`ImportCheckpoint.scope`). */
  scope: string;
  /** A row's key, as `ImportCheckpoint.lastWritten` keeps it. */
  key(row: T): string;
  /**
   * Whether the store holds the row of `key`; undefined when the caller gave no way to look, and
   * then a checkpoint that wrote rows is not trusted.
   */
  holds: ((key: string) => Promise<boolean>) | undefined;
  mapper(header: SourceRecord): RowMapper<T> & { headerIssue: RowIssue | null };
  write(batch: T[]): Promise<void>;
}

/** The file's records, a chunk's worth at a time (CSV: one array per 64 KiB read). */
function records(options: ImportFileOptions, format: 'csv' | 'xlsx', onEncoding: (d: EncodingDetection) => void): AsyncIterable<SourceRecord[]> {
  if (format === 'xlsx') return readXlsxRecordBatches(options.file);
  return readCsvRecordBatches(createReadStream(options.file, { highWaterMark: 64 * 1024 }), {
    encoding: options.encoding ?? 'auto',
    delimiter: options.delimiter ?? 'auto',
    onEncoding,
  });
}

/** @internal Runs an import plan over a file (see `importTargets`, `importPortalStatistics`). */
export async function runImport<T>(options: ImportFileOptions, plan: ImportPlan<T>): Promise<ImportSummary> {
  const format = options.format ?? (extname(options.file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  const source = basename(options.file);
  const mode = options.onError ?? 'stop';
  const batchSize = options.batchSize ?? 1000;
  const quarantineFile = options.quarantineFile ?? `${options.file}.quarantine.csv`;
  const bytesTotal = (await stat(options.file)).size;
  let encoding: VietnameseEncoding = 'utf-8';

  const firstPass = async (): Promise<void> => {
    let mapper: (RowMapper<T> & { headerIssue: RowIssue | null }) | undefined;
    for await (const chunk of records(options, format, () => {})) {
      for (const record of chunk) {
        if (mapper === undefined) {
          mapper = plan.mapper(record);
          if (mapper.headerIssue !== null) throw rowIssueError(source, mapper.headerIssue);
          continue;
        }
        const result = mapper.map(record);
        if (!result.ok) throw rowIssueError(source, result.issue);
      }
    }
  };
  if (mode === 'stop') await firstPass();

  let checkpoint: ImportCheckpoint | null = null;
  let digest = '';
  if (options.checkpointFile !== undefined) {
    digest = await fileDigest(options.file);
    checkpoint = await readCheckpoint(options.checkpointFile);
    if (checkpoint !== null && (checkpoint.digest !== digest || checkpoint.kind !== plan.kind)) {
      throw new ConfigurationError({
        problemVi: `tệp điểm dừng ${options.checkpointFile} thuộc một tệp hoặc loại nhập khác`,
        problemEn: `the checkpoint ${options.checkpointFile} belongs to another file or kind of import`,
        hint: 'Xoá tệp điểm dừng để nhập lại từ đầu / Delete the checkpoint file to import from the start',
      });
    }
  }
  let startedOver = false;
  if (checkpoint !== null && !(await resumesInto(checkpoint, plan))) {
    checkpoint = null;
    startedOver = true;
  }
  const skipUntil = checkpoint?.rowsDone ?? 0;
  let lastWritten = checkpoint?.lastWritten ?? null;
  let written = checkpoint?.written ?? 0;
  let quarantined = checkpoint?.quarantined ?? 0;
  let quarantineBytes = checkpoint?.quarantineBytes ?? 0;
  if (mode === 'quarantine') {
    if (checkpoint === null) quarantineBytes = 0;
    await truncateOrCreate(quarantineFile, quarantineBytes);
  }

  const started = Date.now();
  const issues: RowIssue[] = [];
  let rows = 0;
  let skipped = 0;
  let bytesRead = 0;
  let batch: T[] = [];
  let quarantineText = '';
  let header: SourceRecord | undefined;
  let mapper: (RowMapper<T> & { headerIssue: RowIssue | null }) | undefined;

  const progress = (done: boolean): void => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    options.onProgress?.({ rows, written, quarantined, skipped, bytesRead, bytesTotal, rowsPerSecond: rows / seconds, done });
  };
  const flush = async (complete: boolean): Promise<void> => {
    if (quarantineText !== '') {
      if (quarantineBytes === 0) quarantineText = '\uFEFF' + quarantineHeader(header) + quarantineText;
      await appendFile(quarantineFile, quarantineText);
      quarantineBytes += Buffer.byteLength(quarantineText);
      quarantineText = '';
    }
    if (batch.length > 0) {
      await plan.write(batch);
      written += batch.length;
      lastWritten = plan.key(batch[batch.length - 1] as T);
      batch = [];
    }
    if (options.checkpointFile !== undefined) {
      await writeCheckpoint(options.checkpointFile, {
        version: 2,
        kind: plan.kind,
        digest,
        scope: plan.scope,
        lastWritten,
        rowsDone: rows,
        written,
        quarantined,
        quarantineBytes,
        bytesRead,
        complete,
      });
    }
    progress(complete);
  };

  for await (const chunk of records(options, format, (d) => (encoding = d.encoding))) {
    for (const record of chunk) {
      bytesRead = record.bytesRead;
      if (mapper === undefined) {
        header = record;
        mapper = plan.mapper(record);
        if (mapper.headerIssue !== null) throw rowIssueError(source, mapper.headerIssue);
        continue;
      }
      rows += 1;
      const result = mapper.map(record); // skipped rows too: duplicate detection needs them
      if (rows <= skipUntil) {
        skipped += 1;
        continue;
      }
      if (result.ok) batch.push(result.value);
      else {
        if (mode === 'stop') throw rowIssueError(source, result.issue); // the file changed between passes
        quarantined += 1;
        if (issues.length < 100) issues.push(result.issue);
        const i = result.issue;
        quarantineText += csvLine([i.line, i.column ?? '', i.problemVi, i.problemEn, i.hint, ...record.cells]);
      }
      if (batch.length >= batchSize || quarantineText.length >= 1 << 20) await flush(false);
    }
  }
  await flush(true);
  return {
    source,
    format,
    encoding,
    rowsRead: rows,
    rowsWritten: written,
    rowsQuarantined: quarantined,
    rowsSkipped: skipped,
    startedOver,
    quarantineFile: mode === 'quarantine' && quarantined > 0 ? quarantineFile : null,
    issues,
  };
}

/**
 * Whether a checkpoint may resume into the plan's store. It may when it wrote nothing (its rows
 * were all quarantined, and skipping them loses nothing anywhere), or when it was made for the
 * same scope and the store holds the last row it wrote. Otherwise the import starts over from the
 * first row rather than failing: a user who points the import at a new or other database expects
 * the file to land there, and going over rows again is harmless, since both write paths are
 * idempotent (`targets.register` reports an identical target as existing and a different one as a
 * CONFLICT; the statistics bulk path upserts on tenant × target × date). A checkpoint of another
 * file or kind still stops the import (`CONFIGURATION_INVALID`): that is a mistake, not a new store.
 */
async function resumesInto<T>(checkpoint: ImportCheckpoint, plan: ImportPlan<T>): Promise<boolean> {
  if (checkpoint.written === 0) return true;
  if (checkpoint.scope !== plan.scope || checkpoint.lastWritten === null || plan.holds === undefined) return false;
  return plan.holds(checkpoint.lastWritten);
}

function quarantineHeader(header: SourceRecord | undefined): string {
  return csvLine(['Dòng / Line', 'Cột / Column', 'Lỗi', 'Problem', 'Gợi ý / Hint', ...(header?.cells ?? [])]);
}

async function truncateOrCreate(file: string, length: number): Promise<void> {
  try {
    await truncate(file, length);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await writeFile(file, '');
  }
}
