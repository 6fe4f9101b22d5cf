import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { describe, expect, it } from 'vitest';
import { exportRowsXlsx, importTargets } from '../src/index.js';
import { encodeAs, SAMPLE_TEXT } from './helpers/encode-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'pcci-import-targets-'));
const base = { tenantId: '42', campaignId: 'c-2021', referenceUnits: HA_TINH_2021_DISTRICTS } as const;

describe('importTargets', () => {
  it('builds validated targets from a TCVN3 file, in batches', async () => {
    const file = join(dir, 'tcvn3.csv');
    writeFileSync(file, encodeAs(SAMPLE_TEXT, 'tcvn3'));
    const batches: Target[][] = [];
    const summary = await importTargets({ ...base, file, batchSize: 4, onBatch: async (b) => void batches.push(b) });
    expect(summary).toMatchObject({ encoding: 'tcvn3', rowsWritten: 6, rowsQuarantined: 0 });
    expect(batches.map((b) => b.length)).toEqual([4, 2]);
    const [first] = batches[0] ?? [];
    expect(first).toMatchObject({ id: 'tg-1', name: 'Chợ thành phố Hà Tĩnh', type: 'market', districtCode: '436', address: 'Phường Nam Hà, thành phố Hà Tĩnh' });
    expect(first?.qrPoints[0]).toMatchObject({ id: 'QR-001', targetId: 'tg-1', source: 'pc_covid' });
    expect(batches.flat().map((t) => t.type)).toEqual(['market', 'school', 'hospital', 'business', 'district_peoples_committee', 'business']);
  });

  it('refuses districts 438 and 999, duplicate QR codes, unknown types and control characters, row by row', async () => {
    const file = join(dir, 'bad-targets.csv');
    const rows = [
      'TEN DON VI,ma qr,Huyện,Loại hình',
      'Chợ Cẩm Xuyên,QR-1,446,Chợ',
      'Chợ ma,QR-2,438,Chợ',
      'Chợ xa,QR-3,999,Chợ',
      'Chợ lặp,QR-1,446,Chợ',
      'Quán,QR-4,446,Quán nhậu',
      'Tên\u0007lạ,QR-5,446,Chợ',
      `${'x'.repeat(301)},QR-6,446,Chợ`,
      'Trường Kỳ Anh,QR-7,Thị xã Kỳ Anh,Trường học',
    ];
    writeFileSync(file, rows.join('\n'));
    const got: Target[] = [];
    const summary = await importTargets({ ...base, file, onError: 'quarantine', onBatch: async (b) => void got.push(...b) });
    expect(got.map((t) => [t.id, t.districtCode])).toEqual([
      ['tg-QR-1', '446'],
      ['tg-QR-7', '449'],
    ]);
    expect(summary.issues.map((i) => [i.line, i.column, i.problemEn])).toEqual([
      [3, 'Huyện', `district code "438" is not one of the province's`],
      [4, 'Huyện', `district code "999" is not one of the province's`],
      [5, 'ma qr', 'duplicate QR code "QR-1"'],
      [6, 'Loại hình', 'unknown unit type "Quán nhậu"'],
      [7, 'TEN DON VI', expect.stringMatching(/control character U\+0007/)],
      [8, 'TEN DON VI', 'too long: 301 characters, at most 300'],
    ]);
  });

  it('takes a province header mapping and reads an XLSX sheet with the streaming reader', async () => {
    const file = join(dir, 'targets.xlsx');
    const rows = [
      { n: 'Bệnh viện Hương Sơn', q: 'QR-9', d: 439, t: 'Bệnh viện' },
      { n: 'Chợ Vũ Quang', q: 'QR-10', d: 441, t: 'market' },
    ];
    await exportRowsXlsx(
      file,
      [
        { header: 'Cơ sở', value: (r: (typeof rows)[number]) => r.n },
        { header: 'Mã QR', value: (r) => r.q },
        { header: 'Mã huyện', value: (r) => r.d },
        { header: 'Loại hình', value: (r) => r.t },
      ],
      rows,
    );
    const got: Target[] = [];
    const summary = await importTargets({ ...base, file, headerMapping: { name: ['co so'] }, onBatch: async (b) => void got.push(...b) });
    expect(summary).toMatchObject({ format: 'xlsx', rowsWritten: 2 });
    expect(got.map((t) => [t.name, t.districtCode, t.type, t.address])).toEqual([
      ['Bệnh viện Hương Sơn', '439', 'hospital', 'Huyện Hương Sơn'],
      ['Chợ Vũ Quang', '441', 'market', 'Huyện Vũ Quang'],
    ]);
  });
});
