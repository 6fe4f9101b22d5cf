import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PortalStatisticsRow, StorageAdapter } from '@pccovid-inspect/core';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { officialDocumentPlainText } from '../../src/documents/model/document-plain-text.js';
import { A, createHarness } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

/** Starts, answers, drafts, signs and reviews a visit on 07/12/2021: it is inspected. */
async function inspected(h: Harness, visitId: string, compliant: boolean, actor: Actor = A.lead) {
  await h.service.startVisit(actor, { visitId });
  await h.service.recordAnswers(actor, { visitId, answers: pcCovidAnswers(compliant ? 'compliant' : 'legacyQrPosted', '2021-12-07'), complete: true });
  await h.service.draftMinutes(A.lead, {
    visitId,
    endedAt: '2021-12-07T03:00:00.000Z',
    place: 'Tại đơn vị',
    representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Thủ trưởng đơn vị' }],
    assessment: compliant ? 'Đạt' : 'Chưa đạt',
    requests: compliant ? [] : [{ text: 'Niêm yết mã QR PC-Covid', dueOn: '2021-12-20' }],
  });
  await h.service.signMinutes(A.lead, { visitId, signedAt: '2021-12-07T03:05:00.000Z' });
  await h.service.reviewVisit(A.director, { visitId });
}

/** The seed round on `storage`: market (compliant) and hospital (not) in 436, school (compliant) in 443, inspected on 07/12/2021 and reported on 05/01/2022. */
async function reportedRound(storage: StorageAdapter): Promise<Harness> {
  const h = createHarness({ storage });
  await h.steps.scheduled();
  h.clock.set('2021-12-07T01:30:00.000Z');
  await inspected(h, 'v-market', true);
  await inspected(h, 'v-hospital', false);
  await inspected(h, 'v-school', true);
  await h.service.beginReporting(A.director, { campaignId: h.campaignId, issuedOn: '2022-01-05', addressedToOrganizationId: 'org-ubnd-tinh', summary: 'Báo cáo kết quả kiểm tra' });
  return h;
}

const day = (d: number) => `2021-12-${String(d).padStart(2, '0')}`;
const row = (targetId: string, date: string, registeredPoints: number, scans: number): PortalStatisticsRow => ({
  tenantId: '42',
  targetId,
  districtCode: '436',
  date,
  registeredPoints,
  scans,
  distinctVisitors: scans,
});
/**
 * The portal's export for the round: the market declares 2 then 3 points and has no scan on
 * 03/12; the hospital scans every day; the school has no figures; one November day (before the
 * campaign) and one day after the visits (counted by the report, not by the minutes).
 */
const PORTAL_ROWS: PortalStatisticsRow[] = [
  row('tg-cho-ht', '2021-11-30', 9, 9999),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => row('tg-cho-ht', day(d), d < 5 ? 2 : 3, d === 3 ? 0 : 150)),
  row('tg-cho-ht', day(20), 3, 1000),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => row('tg-bv-tinh', day(d), 4, 1090)),
];

describe('portal figures in the documents built by the service', () => {
  let h: Harness;
  const text = async (ref: Parameters<Harness['service']['getDocument']>[1]) => officialDocumentPlainText(await h.service.getDocument(A.director, ref));

  beforeAll(async () => {
    const storage = createSqliteStorage({ filename: ':memory:' });
    expect(await storage.insertPortalStatistics(PORTAL_ROWS)).toEqual({ inserted: PORTAL_ROWS.length });
    h = await reportedRound(storage);
    return () => storage.dispose();
  }, 60_000);

  it('prints the unit’s figures in the minutes, over the campaign period up to the visit', async () => {
    expect(await text({ kind: 'minutes', visitId: 'v-market' })).toContain(
      'Số liệu trên hệ thống quản lý PC-Covid (từ ngày 01/12/2021 đến ngày 07/12/2021): 3 điểm mã QR đã khai báo; 900 lượt quét trong 7 ngày có số liệu, 1 ngày không có lượt quét.',
    );
    expect(await text({ kind: 'minutes', visitId: 'v-school' })).toContain('Số liệu trên hệ thống quản lý PC-Covid: Chưa có số liệu từ hệ thống quản lý PC-Covid về đơn vị.');
  });

  it('prints the figures by district and per unit next to its verdict in the report', async () => {
    const lines = await text({ kind: 'report', campaignId: h.campaignId });
    expect(lines).toContain(
      'Theo số liệu trên hệ thống quản lý PC-Covid từ ngày 01/12/2021 đến ngày 31/12/2021, 2/3 đơn vị được kiểm tra có số liệu, cụ thể theo địa bàn như sau (số liệu từng đơn vị tại Phụ lục III):',
    );
    expect(lines).toContain('1 | Thành phố Hà Tĩnh | 2 | 1 | 2 | 7 | 9.530 | 1');
    expect(lines).toContain('2 | Huyện Can Lộc | 1 | 1 | 0 | 0 | 0 | 0');
    expect(lines).toContain(' | Tổng cộng | 3 | 2 | 2 | 7 | 9.530 | 1');
    expect(lines).toContain('1 | Chợ thành phố Hà Tĩnh | Thành phố Hà Tĩnh | Đạt | 3 | 1.900 | 8 | 1');
    expect(lines).toContain('2 | Bệnh viện Đa khoa tỉnh Hà Tĩnh | Thành phố Hà Tĩnh | Chưa đạt | 4 | 7.630 | 7 | 0');
    expect(lines.some((l) => /Trường THPT Can Lộc \| Huyện Can Lộc \| Đạt \| — \| — \| — \| —$/u.test(l))).toBe(true);
  });
});

describe('portal figures when the storage has none', () => {
  it('says so in one line in the report and the minutes', async () => {
    const memory = createMemoryStorage();
    // The same adapter, declaring no portal statistics (as a custom adapter without the bulk path does).
    const storage: StorageAdapter = { ...memory, capabilities: { ...memory.capabilities, portalStatistics: false } };
    const h = await reportedRound(storage);
    const report = officialDocumentPlainText(await h.service.getDocument(A.director, { kind: 'report', campaignId: h.campaignId }));
    expect(report).toContain('Chưa có số liệu từ hệ thống quản lý PC-Covid về các đơn vị được kiểm tra.');
    expect(report.join('\n')).not.toContain('SỐ LIỆU TỪ HỆ THỐNG QUẢN LÝ PC-COVID');
    const minutes = officialDocumentPlainText(await h.service.getDocument(A.director, { kind: 'minutes', visitId: 'v-market' }));
    expect(minutes).toContain('Số liệu trên hệ thống quản lý PC-Covid: Chưa có số liệu từ hệ thống quản lý PC-Covid về đơn vị.');
  }, 30_000);
});
