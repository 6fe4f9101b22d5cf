/**
 * PDF: the results report with a 5,000 × 8 annex, laid out by our renderer vs pdfmake given an
 * equivalent definition written by hand (same page, fonts, header table, tables, page numbers).
 * Goal: ours ≤ 1.2× raw.
 */
import { fileURLToPath } from 'node:url';
import type { DocumentRenderer, OfficialDocument } from '@pccovid-inspect/core';
import { runBench } from './harness.js';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('./render.tsconfig.json', import.meta.url));
const CREATED = new Date('2021-12-28T01:00:00Z');

async function rawPdf(units: { id: string; name: string; targetType: string; district: string; inspectedOn: string; result: string; note: string }[]): Promise<Uint8Array> {
  const { default: pdfmake } = await import('pdfmake');
  const { tinosFontFiles } = await import('../../packages/render-pdf/src/pdf-fonts.js');
  const fonts = tinosFontFiles();
  pdfmake.setFonts({ Tinos: fonts });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  const mm = (v: number) => (v * 72) / 25.4;
  const width = mm(165);
  const layout = {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
  const weights = [2.2, 3.2, 7, 4, 4.4, 4.1, 3.1, 4];
  const available = width - weights.length * 6 - (weights.length + 1) * 0.5;
  const sum = weights.reduce((a, b) => a + b, 0);
  const body: unknown[][] = [
    ['TT', 'Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Địa bàn', 'Ngày kiểm tra', 'Kết quả', 'Ghi chú'].map((text) => ({ text, bold: true, alignment: 'center' })),
  ];
  units.forEach((u, i) => {
    const [y, m, d] = u.inspectedOn.split('-');
    body.push([
      { text: String(i + 1), alignment: 'center' },
      u.id,
      u.name,
      u.targetType,
      u.district,
      { text: `${d}/${m}/${y}`, alignment: 'center' },
      { text: u.result === 'met' ? 'Đạt' : 'Chưa đạt', alignment: 'center' },
      u.note,
    ]);
  });
  const definition = {
    pageSize: 'A4',
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    info: { title: 'BÁO CÁO', producer: 'raw', creator: 'raw', creationDate: CREATED, modDate: CREATED },
    defaultStyle: { font: 'Tinos', fontSize: 13, lineHeight: 1.15 },
    header: (page: number) => (page < 2 ? null : { text: String(page), alignment: 'center', margin: [0, mm(10), 0, 0] }),
    content: [
      {
        table: {
          widths: [width * 0.455, width * 0.545],
          body: [
            [
              { stack: ['UBND TỈNH HÀ TĨNH', { text: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', bold: true }] },
              {
                stack: [
                  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
                  { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
                ],
              },
            ],
            ['Số: 21/BC-STTTT', { text: 'Hà Tĩnh, ngày 28 tháng 12 năm 2021', italics: true }],
          ],
        },
        layout: 'noBorders',
        alignment: 'center',
      },
      { text: 'BÁO CÁO', bold: true, fontSize: 14, alignment: 'center', margin: [0, 18, 0, 0] },
      { text: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19', bold: true, alignment: 'center' },
      {
        text: 'Thực hiện Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông, Sở Thông tin và Truyền thông báo cáo kết quả kiểm tra như sau:',
        alignment: 'justify',
        leadingIndent: mm(12.7),
        margin: [0, 12, 0, 6],
      },
      { text: 'Phụ lục', bold: true, fontSize: 14, alignment: 'center', pageBreak: 'before' },
      { text: 'DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA', bold: true, alignment: 'center' },
      { table: { headerRows: 1, widths: weights.map((w) => (available * w) / sum), body }, layout, fontSize: 10, lineHeight: 1.05 },
    ],
  };
  const buffer = await pdfmake.createPdf(definition as never).getBuffer();
  return new Uint8Array(buffer);
}

await runBench(
  {
    name: 'render-pdf',
    work: 'results report + annex of 5,000 units × 8 columns (≈100 A4 pages, Tinos embedded)',
    goalRatio: 1.2,
    ours: {
      setup: async () => {
        const { reportWithAnnex } = await import('./render-fixture.js');
        const { createPdfRenderer } = await import('../../packages/render-pdf/src/index.js');
        return { doc: reportWithAnnex(), renderer: createPdfRenderer() };
      },
      run: async (prepared) => {
        const { doc, renderer } = prepared as { doc: OfficialDocument; renderer: DocumentRenderer };
        const { bytes } = await renderer.render(doc, { creationDate: CREATED });
        if (bytes.length < 100_000) throw new Error('suspiciously small PDF');
      },
    },
    raw: {
      setup: async () => (await import('./render-fixture.js')).annexUnits(),
      run: async (units) => {
        const bytes = await rawPdf(units as Parameters<typeof rawPdf>[0]);
        if (bytes.length < 100_000) throw new Error('suspiciously small PDF');
      },
    },
  },
  import.meta.url,
);
