import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage, type SqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { importPortalStatistics, readCsvRecords, type ImportProgress } from '../src/index.js';
import { encodeAs } from './helpers/encode-fixtures.js';
import { countRows, STATISTICS_HEADER, statisticsLine } from './helpers/statistics-files.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-import-stat-'));
let n = 0;
const fresh = (): { db: string; storage: SqliteStorage } => {
  const db = join(dir, `s${++n}.db`);
  return { db, storage: createSqliteStorage({ filename: db }) };
};
const opened: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

/** The malformed corpus: one good row between each bad one. */
const MALFORMED = [
  STATISTICS_HEADER,
  statisticsLine(1),
  'tg-2;QR-2;438;2021-12-01;1;5;3', // district 438 is unused in Hà Tĩnh
  statisticsLine(3),
  'tg-4;QR-4;999;2021-12-01;1;5;3', // not a district of the province
  statisticsLine(5),
  'tg-6;QR-6;436;31/02/2021;1;5;3', // no such day
  'tg-7;QR-7;436;07/12/2021;1;1.250;3', // dd/mm/yyyy and a grouped thousand: good
  'tg-8;QR-8;436;2021-12-01;1;-5;3', // negative count
  'tg-9;QR-9;436;2021-12-01;1;=1+2;3', // a formula
  'tg-10;QR-10;436;2021-12-01;1;5', // wrong column count
  statisticsLine(11),
  'tg-12;QR-12;Đức Thọ;2021-12-01;2;5;3', // district by name: good
  'tg-13;QR-13;Kỳ Anh;2021-12-01;2;5;3', // ambiguous name (447 and 449)
  'tg-14;QR-14;436;2021-12-01;1;5;"3', // truncated last line
].join('\r\n');

describe('importPortalStatistics', () => {
  it('quarantines every bad row of a malformed corpus with its line, and loses no good row', async () => {
    const { db, storage } = fresh();
    opened.push(storage);
    const file = join(dir, 'malformed.csv');
    writeFileSync(file, '\uFEFF' + MALFORMED);
    const progress: ImportProgress[] = [];
    const summary = await importPortalStatistics({
      file,
      storage,
      tenantId: '42',
      referenceUnits: HA_TINH_2021_DISTRICTS,
      onError: 'quarantine',
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toMatchObject({ rowsRead: 14, rowsWritten: 6, rowsQuarantined: 8, encoding: 'utf-8' });
    expect(summary.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'Mã huyện'],
      [5, 'Mã huyện'],
      [7, 'Ngày'],
      [9, 'Lượt quét'],
      [10, 'Lượt quét'],
      [11, undefined],
      [14, 'Mã huyện'],
      [15, undefined],
    ]);
    expect(summary.issues[0]?.hint).toMatch(/436, 437, 439/);
    expect(summary.issues[6]?.hint).toMatch(/447 Huyện Kỳ Anh; 449 Thị xã Kỳ Anh/);
    expect(await countRows(db)).toBe(6);
    const summaries = await storage.summarizePortalStatistics('42', { from: '2021-12-01', to: '2021-12-31' });
    expect(summaries.find((s) => s.targetId === 'tg-7')?.totalScans).toBe(1250);
    expect(summaries.find((s) => s.targetId === 'tg-12')?.districtCode).toBe('440');
    // The quarantine report is a CSV with the reason and the original cells (formula neutralised).
    const report = [];
    for await (const r of readCsvRecords([readFileSync(summary.quarantineFile ?? '')])) report.push(r.cells);
    expect(report).toHaveLength(9);
    expect(report[0]?.slice(0, 5)).toEqual(['Dòng / Line', 'Cột / Column', 'Lỗi', 'Problem', 'Gợi ý / Hint']);
    expect(report[1]?.slice(0, 4)).toEqual(['3', 'Mã huyện', 'mã huyện "438" không thuộc tỉnh', `district code "438" is not one of the province's`]);
    expect(report[5]?.[10]).toBe("'=1+2");
    expect(progress.at(-1)).toMatchObject({ done: true, rows: 14, written: 6, quarantined: 8 });
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.bytesTotal);
  });

  it('stops at the first bad row with IMPORT_FAILED (line, column, hint) and writes nothing', async () => {
    const { db, storage } = fresh();
    opened.push(storage);
    const file = join(dir, 'stop.csv');
    writeFileSync(file, MALFORMED);
    const error = await importPortalStatistics({ file, storage, tenantId: '42', referenceUnits: HA_TINH_2021_DISTRICTS }).catch((e: unknown) => e);
    expect(ImportError.isInstance(error)).toBe(true);
    const e = error as ImportError;
    expect(e).toMatchObject({ code: 'IMPORT_FAILED', row: 3, column: 'Mã huyện', source: 'stop.csv' });
    expect(e.hint).toMatch(/Valid codes/);
    expect(e.messageVi).toMatch(/dòng 3, cột "Mã huyện"/);
    expect(await countRows(db)).toBe(0);
  });

  it('imports a Windows-1258 file with comma delimiter and maps QR codes to targets', async () => {
    const { storage } = fresh();
    opened.push(storage);
    const file = join(dir, 'cp1258.csv');
    const text = ['MÃ QR,Mã Huyện,ngay,so diem qr,LƯỢT QUÉT,Người  quét', 'QR-1,Hương Khê,01/12/2021,2,10,8', 'QR-2,444,02/12/2021,2,0,0', 'QR-X,444,02/12/2021,2,0,0'].join(
      '\r\n',
    );
    writeFileSync(file, encodeAs(text, 'windows-1258'));
    const summary = await importPortalStatistics({
      file,
      storage,
      tenantId: '42',
      referenceUnits: HA_TINH_2021_DISTRICTS,
      onError: 'quarantine',
      targetIdByQrCode: new Map([
        ['QR-1', 'tg-1'],
        ['QR-2', 'tg-2'],
      ]),
    });
    expect(summary).toMatchObject({ encoding: 'windows-1258', rowsWritten: 2, rowsQuarantined: 1 });
    expect(summary.issues[0]).toMatchObject({ line: 4, column: 'MÃ QR' });
  });

  it('refuses a header without the needed columns, naming them', async () => {
    const { storage } = fresh();
    opened.push(storage);
    const file = join(dir, 'header.csv');
    writeFileSync(file, 'Tên,Ngày\nx,2021-12-01\n');
    await expect(importPortalStatistics({ file, storage, tenantId: '42', referenceUnits: HA_TINH_2021_DISTRICTS, onError: 'quarantine' })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      row: 1,
    });
  });
});
