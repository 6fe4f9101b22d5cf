import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createVietnameseDecoder, decodeTcvn3, decodeVietnamese, decodeVni, detectEncoding, encodeTcvn3, encodeVni, readCsvRecords, VIETNAMESE_ENCODINGS } from '../src/index.js';
import { encodeAs, SAMPLE_TEXT } from './helpers/encode-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-import-enc-'));

describe('Vietnamese encodings', () => {
  it.each(VIETNAMESE_ENCODINGS)('detects and decodes a real %s file back to the NFC text', async (encoding) => {
    const file = join(dir, `sample-${encoding}.csv`);
    writeFileSync(file, encodeAs(SAMPLE_TEXT, encoding));
    const bytes = new Uint8Array(readFileSync(file));
    expect(detectEncoding(bytes).encoding).toBe(encoding);
    expect(decodeVietnamese(bytes, encoding)).toBe(SAMPLE_TEXT.normalize('NFC'));
    // Through the CSV reader in 7-byte chunks: letters whose marks straddle two chunks still compose.
    const records = [];
    for await (const record of readCsvRecords(createReadStream(file, { highWaterMark: 7 }))) records.push(record);
    expect(records).toHaveLength(7);
    expect(records[1]?.cells[1]).toBe('Chợ thành phố Hà Tĩnh');
    expect(records[1]?.cells[5]).toBe('Phường Nam Hà, thành phố Hà Tĩnh');
    expect(records[6]?.cells[5]).toBe('Xã Thạch Long; ấp ở ữ ự ỷ ỹ');
    expect(records.every((r) => r.cells.every((c) => c === c.normalize('NFC')))).toBe(true);
  });

  it('detects UTF-8 with a BOM and strips it', async () => {
    const bytes = encodeAs(SAMPLE_TEXT, 'utf-8', true);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-8', bom: true });
    const records = [];
    for await (const r of readCsvRecords([bytes])) records.push(r);
    expect(records[0]?.cells[0]).toBe('Mã đơn vị');
  });

  it('decodes NFD UTF-8 text to NFC', () => {
    const nfd = 'Thị xã Kỳ Anh'.normalize('NFD');
    expect(decodeVietnamese(new TextEncoder().encode(nfd), 'utf-8')).toBe('Thị xã Kỳ Anh');
  });

  it('round-trips every lowercase Vietnamese letter through TCVN3 and VNI', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
    expect(decodeTcvn3(encodeTcvn3(letters))).toBe(letters);
    expect(decodeVni(encodeVni(letters)).normalize('NFC')).toBe(letters);
    const upper = letters.toUpperCase();
    expect(decodeVni(encodeVni(upper)).normalize('NFC')).toBe(upper);
    expect(decodeTcvn3(encodeTcvn3('ĂÂĐÊÔƠƯ'))).toBe('ĂÂĐÊÔƠƯ');
  });

  it('keeps known byte values of the tables (TCVN3 0xEE = ợ, VNI "o" 0xE1 = ố)', () => {
    expect(decodeTcvn3(new Uint8Array([0x43, 0x68, 0xee]))).toBe('Chợ');
    expect(decodeVni(new Uint8Array([0x6f, 0xe1])).normalize('NFC')).toBe('ố');
    expect(Array.from(encodeVni('Đức'))).toEqual([0xd1, 0xf6, 0xf9, 0x63]);
  });

  it('holds back a letter split across chunks until its mark arrives', () => {
    const decoder = createVietnameseDecoder('windows-1258');
    const bytes = encodeAs('Hà Tĩnh', 'windows-1258');
    let out = '';
    for (const b of bytes) out += decoder.write(new Uint8Array([b]));
    out += decoder.end();
    expect(out).toBe('Hà Tĩnh');
  });
});
