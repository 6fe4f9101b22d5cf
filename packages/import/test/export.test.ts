import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRowsCsv, exportRowsXlsx, foldVietnamese, neutraliseCell, readCsvRecords, readXlsxRecords } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-import-export-'));
const DANGEROUS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'Chợ Hà Tĩnh'];
const rows = DANGEROUS.map((text, i) => ({ text, scans: i - 1 }));
const columns = [
  { header: '=Tên', value: (r: (typeof rows)[number]) => r.text },
  { header: 'Lượt quét', value: (r: (typeof rows)[number]) => r.scans },
];
const expected = DANGEROUS.map((t) => (t === 'Chợ Hà Tĩnh' ? t : `'${t}`));

describe('export', () => {
  it('neutralises cells beginning with = + - @ tab or CR in CSV, read back', async () => {
    const file = join(dir, 'out.csv');
    expect(await exportRowsCsv(file, columns, rows)).toBe(7);
    const back = [];
    for await (const r of readCsvRecords([readFileSync(file)])) back.push(r.cells);
    expect(back[0]).toEqual(["'=Tên", 'Lượt quét']);
    expect(back.slice(1).map((r) => r[0])).toEqual(expected);
    expect(back.slice(1).map((r) => r[1])).toEqual(['-1', '0', '1', '2', '3', '4', '5']);
  });

  it('neutralises text cells in XLSX and keeps numbers as numbers, read back', async () => {
    const file = join(dir, 'out.xlsx');
    await exportRowsXlsx(file, columns, rows);
    const back = [];
    for await (const r of readXlsxRecords(file)) back.push(r);
    expect(back[0]?.cells).toEqual(["'=Tên", 'Lượt quét']);
    // XML reads a CR in text back as LF (line-end normalisation); the prefix is what matters.
    expect(back.slice(1).map((r) => r.cells[0])).toEqual(expected.map((t) => t.replace('\r', '\n')));
    expect(back.slice(1).map((r) => r.cells[1])).toEqual(['-1', '0', '1', '2', '3', '4', '5']);
    expect(back.every((r) => r.problem === undefined)).toBe(true);
    expect(neutraliseCell(-1)).toBe(-1);
  });
});

describe('foldVietnamese', () => {
  it('matches without accents, case or extra spaces (đ → d)', () => {
    const units = ['Huyện Kỳ Anh', 'Thị xã Kỳ Anh', 'Huyện Đức Thọ'];
    expect(units.filter((u) => foldVietnamese(u).includes(foldVietnamese('ky anh')))).toEqual(['Huyện Kỳ Anh', 'Thị xã Kỳ Anh']);
    expect(foldVietnamese('  ĐỨC   thọ ')).toBe('duc tho');
    expect(foldVietnamese('Kỳ Anh'.normalize('NFD'))).toBe('ky anh');
  });
});
