import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, type Target } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportRowsXlsx, importTargets, readXlsxRecords, type SourceRecord } from '../src/index.js';
import { buildXlsx } from './helpers/xlsx-parts.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-import-xlsx-'));
let n = 0;
const write = (bytes: Uint8Array | string, name = `w${++n}.xlsx`): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const readAll = async (file: string, sheet?: number): Promise<SourceRecord[]> => {
  const out: SourceRecord[] = [];
  for await (const r of readXlsxRecords(file, sheet === undefined ? {} : { sheet })) out.push(r);
  return out;
};
const failure = async (run: Promise<unknown>): Promise<ImportError> => {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(ImportError.isInstance(error)).toBe(true);
  return error as ImportError;
};
const base = { tenantId: '42', campaignId: 'c-2021', referenceUnits: HA_TINH_2021_DISTRICTS } as const;

describe('readXlsxRecords (streaming zip + SAX reader)', () => {
  it('resolves shared strings (rich runs joined, phonetic runs left out), inline strings, numbers, booleans and date styles', async () => {
    const file = write(
      buildXlsx({
        sharedStrings: ['<t>Tên đơn vị</t>', '<t>Ngày</t>', '<r><t>Chợ </t></r><r><rPr><b/></rPr><t xml:space="preserve">Hà Tĩnh</t></r><rPh><t>x</t></rPh>', '<t>A &amp; B</t>'],
        cellXfs: [0, 14, 164, 2],
        numFmts: { 164: 'dd/mm/yyyy' },
        sheets: [
          {
            name: 'Thống kê',
            part: 'worksheets/sheet1.xml',
            rows: [
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Số</t></is></c><c r="D1" t="inlineStr"><is><r><t>Đú</t></r><r><t>ng</t></r></is></c><c r="E1" t="s"><v>3</v></c></row>',
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>44531</v></c><c r="C2" s="3"><v>1.50</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="2"><v>44561.75</v></c></row>',
              '<row r="3" spans="1:5"><c r="A3" s="1"/></row>', // styled but empty: skipped
              '<row r="5"><c r="C5"><v>7</v></c><c r="D5" t="b"><v>0</v></c></row>', // holes and a short row
              '<row><c t="str"><v>không có r</v></c><c><v>1E3</v></c></row>', // row and cells without references
            ].join(''),
          },
        ],
      }),
    );
    const records = await readAll(file);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['Tên đơn vị', 'Ngày', 'Số', 'Đúng', 'A & B']],
      [2, ['Chợ Hà Tĩnh', '2021-12-01', '1.5', 'TRUE', '2021-12-31']],
      [5, ['', '', '7', 'FALSE', '']],
      [6, ['không có r', '1000', '', '', '']],
    ]);
    expect(records.every((r) => r.problem === undefined && r.bytesRead > 0)).toBe(true);
  });

  it('reports a formula or an error cell as the record problem with its column, as before', async () => {
    const file = write(
      buildXlsx({
        sheets: [
          {
            name: 'S',
            part: 'worksheets/sheet1.xml',
            rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f><v>2</v></c></row><row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3"><f t="shared" si="0"/></c></row>',
          },
        ],
      }),
    );
    const records = await readAll(file);
    expect(records.map((r) => [r.line, r.cells, r.problem])).toEqual([
      [1, ['a', 'b'], undefined],
      [2, ['1', ''], { vi: 'ô là công thức bảng tính', en: 'the cell is a spreadsheet formula', column: 1 }],
      [3, ['', ''], { vi: 'ô có lỗi #DIV/0!', en: 'the cell holds the error #DIV/0!', column: 0 }],
    ]);
  });

  it('reads the first sheet of the workbook (not of the zip), another by position, and the 1904 date system', async () => {
    const file = write(
      buildXlsx({
        date1904: true,
        cellXfs: [0, 14],
        sheets: [
          { name: 'Đầu', part: 'worksheets/sheet2.xml', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>đầu</t></is></c><c r="B1" s="1"><v>43069</v></c></row>' },
          { name: 'Sau', part: 'worksheets/sheet1.xml', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>sau</t></is></c></row>' },
        ],
      }),
    );
    expect((await readAll(file)).map((r) => r.cells)).toEqual([['đầu', '2021-12-01']]);
    expect((await readAll(file, 2)).map((r) => r.cells)).toEqual([['sau']]);
    expect(await readAll(file, 3)).toEqual([]);
  });

  it('reads what exceljs’s streaming writer writes', async () => {
    const file = join(dir, 'exceljs.xlsx');
    await exportRowsXlsx(file, [{ header: 'Lượt quét', value: (r: number) => r }], [3, 1, 2]);
    expect((await readAll(file)).map((r) => r.cells[0])).toEqual(['Lượt quét', '3', '1', '2']);
  });

  it('refuses a file that is not a zip, an .xls, and a zip that is not a workbook, with a typed error and a hint', async () => {
    const notZip = await failure(readAll(write('Tên đơn vị,Mã QR\nChợ,QR-1\n')));
    expect(notZip).toMatchObject({ code: 'IMPORT_FAILED', row: 0 });
    expect(notZip.message).toMatch(/not an XLSX workbook \(not a zip file\)/);
    expect(notZip.hint).toMatch(/Excel Workbook \(\.xlsx\)/);
    const xls = await failure(readAll(write(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))));
    expect(xls.message).toMatch(/Excel 97–2003 workbook \(\.xls\)/);
    const docx = await failure(readAll(write(zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'readme.txt': strToU8('x') }))));
    expect(docx.message).toMatch(/the zip file is not an XLSX workbook \(it has no xl\/workbook\.xml\)/);
    expect(docx.hint).toMatch(/\.xlsx/);
  });

  it('refuses a damaged sheet at the row where the damage is', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const good = buildXlsx({ stored: true, sheets: [{ name: 'S', part: 'worksheets/sheet1.xml', rows }] });
    // Same length, so the zip stays consistent: row 4's cell end tag is broken.
    const text = new TextDecoder('latin1').decode(good).replace('<v>3</v></c>', '<v>3</v></x>');
    const error = await failure(readAll(write(Uint8Array.from(text, (c) => c.charCodeAt(0)))));
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', row: 4 });
    expect(error.message).toMatch(/XML is damaged/);
  });

  it('refuses a truncated file before any row, and an import writes nothing in either mode', async () => {
    const whole = join(dir, 'whole.xlsx');
    const rows = Array.from({ length: 3000 }, (_, i) => ({ n: `Chợ số ${i}`, q: `QR-${i}`, d: 436 }));
    await exportRowsXlsx(
      whole,
      [
        { header: 'Tên đơn vị', value: (r: (typeof rows)[number]) => r.n },
        { header: 'Mã QR', value: (r) => r.q },
        { header: 'Mã huyện', value: (r) => r.d },
        { header: 'Loại hình', value: () => 'Chợ' },
      ],
      rows,
    );
    const bytes = readFileSync(whole);
    const file = write(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'cut.xlsx');
    const error = await failure(readAll(file));
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', row: 0 });
    expect(error.message).toMatch(/truncated or damaged/);
    expect(error.hint).toMatch(/Download or copy the file again/);
    for (const onError of ['stop', 'quarantine'] as const) {
      const written: Target[] = [];
      await failure(importTargets({ ...base, file, onError, quarantineFile: join(dir, `q-${onError}.csv`), onBatch: async (b) => void written.push(...b) }));
      expect(written).toEqual([]);
    }
    const all: Target[] = [];
    await importTargets({ ...base, file: whole, onBatch: async (b) => void all.push(...b) });
    expect(all).toHaveLength(3000);
  });
});
