/**
 * Shared inputs of the import benches (`import-csv.bench.ts`, `import-xlsx.bench.ts`): a portal
 * statistics export of `rows` rows, generated once per size into the size's temp directory by a
 * fixed seed (untimed), and the raw side's hand-written pieces (row check, table, inserts).
 *
 * The file is what quanly.pccovid.gov.vn's export looks like: Vietnamese headers, one row per
 * location and day, `dd/mm/yyyy` dates, the unit's name (quoted: it holds a comma), the district's
 * GSO code. Row `i` is target `i % TARGETS` on day `⌊i / TARGETS⌋`, so (tenant, target, date) is
 * unique and every row is valid: both sides must write exactly `rows` rows.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { mulberry32 } from '@pccovid-inspect/core';

export const TENANT = '42';
/** Targets per day; a size of 1,000,000 rows is 250 days of 4,000 locations. */
export const TARGETS = 4_000;
/** Rows per write on both sides (the import's default `batchSize`). */
export const BATCH = 1_000;
export const SEED = 20211129;

export const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Mã huyện', 'Ngày', 'Số điểm QR', 'Lượt quét', 'Người quét'] as const;

/** Hà Tĩnh's 13 district-level units of 2021 (`HA_TINH_2021_DISTRICTS` codes). */
const DISTRICT_CODES = ['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'];
const KINDS = ['Trường THCS', 'Chợ', 'UBND xã', 'Bệnh viện', 'Siêu thị', 'Bến xe', 'Ngân hàng', 'Nhà hàng'];

/** mulberry32: a small seeded PRNG, so every size's file is the same on every machine. */
const prng = mulberry32;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The portal rows as text cells, in file order (not held in memory). */
export function* portalCells(rows: number): Generator<string[]> {
  const random = prng(SEED);
  let day = '';
  for (let i = 0; i < rows; i++) {
    const t = i % TARGETS;
    if (t === 0) {
      const d = new Date(Date.UTC(2021, 5, 1 + Math.floor(i / TARGETS)));
      day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    const district = DISTRICT_CODES[t % DISTRICT_CODES.length]!;
    const points = 1 + Math.floor(random() * 5);
    const scans = random() < 0.09 ? 0 : Math.floor(random() * 400);
    yield [`dv-${pad(t, 5)}`, `${KINDS[t % KINDS.length]!} số ${t + 1}, ${district}`, district, day, String(points), String(scans), String(scans >> 1)];
  }
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes `rows` rows as a UTF-8 CSV (CRLF, as Excel writes) and returns its path. */
export function writePortalCsv(dir: string, rows: number): string {
  const file = join(dir, `thong-ke-${rows}.csv`);
  const fd = openSync(file, 'w');
  try {
    let text = HEADER.join(',') + '\r\n';
    for (const cells of portalCells(rows)) {
      text += cells.map(csvCell).join(',') + '\r\n';
      if (text.length > 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return file;
}

/** Writes `rows` rows as an XLSX (one sheet, shared strings, counts as number cells) and returns its path. */
export async function writePortalXlsx(dir: string, rows: number): Promise<string> {
  const file = join(dir, `thong-ke-${rows}.xlsx`);
  const { default: Excel } = await import('exceljs'); // not loaded by the CSV bench's runs
  const workbook: ExcelJS.stream.xlsx.WorkbookWriter = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Thống kê');
  sheet.addRow([...HEADER]).commit();
  for (const c of portalCells(rows)) sheet.addRow([c[0], c[1], c[2], c[3], Number(c[4]), Number(c[5]), Number(c[6])]).commit();
  sheet.commit();
  await workbook.commit();
  return file;
}

/** The adapter's table (storage-sqlite migration 2), created by the raw side in its own fresh file. */
export const RAW_TABLE = `
  CREATE TABLE portal_statistics (
    tenant_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    date TEXT NOT NULL,
    district_code TEXT NOT NULL,
    registered_points INTEGER NOT NULL,
    scans INTEGER NOT NULL,
    distinct_visitors INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, target_id, date)
  ) WITHOUT ROWID;`;

/** A fresh SQLite file with the adapter's pragmas and table (the raw side's setup). */
export function openRawDb(DatabaseCtor: typeof Database, file: string): Database.Database {
  const db = new DatabaseCtor(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(RAW_TABLE);
  return db;
}

/** One checked row as the raw side binds it. */
export type RawRow = [tenant: string, target: string, date: string, district: string, points: number, scans: number, visitors: number];

const DISTRICTS = new Set(DISTRICT_CODES);
const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COUNT = /^\d+$/;

/** A cell as text: CSV gives strings, exceljs numbers for number cells. */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * What a careful developer checks by hand: the column count, an id, the district among the
 * province's codes, a real `dd/mm/yyyy` day (to ISO), whole counts ≥ 0. Throws on a bad row
 * (the generated files have none).
 */
export function checkRawRow(cells: readonly unknown[], line: number): RawRow {
  if (cells.length !== HEADER.length) throw new Error(`line ${line}: ${cells.length} columns`);
  const id = text(cells[0]).trim();
  if (id === '') throw new Error(`line ${line}: no id`);
  const district = text(cells[2]).trim();
  if (!DISTRICTS.has(district)) throw new Error(`line ${line}: district ${district}`);
  const m = DATE.exec(text(cells[3]).trim());
  if (!m) throw new Error(`line ${line}: date`);
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) throw new Error(`line ${line}: no such day`);
  const counts = [cells[4], cells[5], cells[6]].map((c) => {
    const s = text(c).trim();
    if (!COUNT.test(s)) throw new Error(`line ${line}: count ${s}`);
    return Number(s);
  });
  return [TENANT, id, `${m[3]}-${pad(mo)}-${pad(d)}`, district, counts[0]!, counts[1]!, counts[2]!];
}

/** The raw side's writer: one prepared INSERT, one transaction per `BATCH` rows. */
export function rawWriter(db: Database.Database): { add(row: RawRow): void; end(): number } {
  const insert = db.prepare('INSERT INTO portal_statistics (tenant_id, target_id, date, district_code, registered_points, scans, distinct_visitors) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const writeBatch = db.transaction((rows: RawRow[]) => {
    for (const r of rows) insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
  });
  let batch: RawRow[] = [];
  let written = 0;
  return {
    add(row) {
      batch.push(row);
      if (batch.length >= BATCH) {
        writeBatch.immediate(batch);
        written += batch.length;
        batch = [];
      }
    },
    end() {
      if (batch.length > 0) writeBatch.immediate(batch);
      written += batch.length;
      batch = [];
      return written;
    },
  };
}
