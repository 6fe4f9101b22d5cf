import { describe, expect, it } from 'vitest';
import { readCsvRecords, type SourceRecord } from '../src/index.js';

async function read(text: string, chunk = 5): Promise<SourceRecord[]> {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.slice(i, i + chunk));
  const out: SourceRecord[] = [];
  for await (const r of readCsvRecords(chunks)) out.push(r);
  return out;
}

describe('readCsvRecords', () => {
  it('detects a semicolon delimiter and reads CRLF lines', async () => {
    const records = await read('Tên đơn vị;Mã huyện\r\nChợ Hà Tĩnh;436\r\nChợ Hồng Lĩnh;437\r\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['Tên đơn vị', 'Mã huyện'],
      ['Chợ Hà Tĩnh', '436'],
      ['Chợ Hồng Lĩnh', '437'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reads quoted fields with delimiters, quotes and line breaks, and counts physical lines', async () => {
    const records = await read('a,b\n"x, y","he said ""hi"""\n"two\nlines",z\nlast,row');
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['two\nlines', 'z'],
      ['last', 'row'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('marks a truncated last line (unclosed quote) as a problem', async () => {
    const records = await read('a,b\n1,2\n3,"unfinished');
    expect(records[2]?.problem?.en).toMatch(/not closed/);
    expect(records[1]?.problem).toBeUndefined();
  });

  it('skips blank lines and counts bytes read', async () => {
    const records = await read('a,b\n\n1,2\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(records.at(-1)?.bytesRead).toBe(9);
  });
});
