/**
 * DOCX: the results report with a 5,000 × 8 annex, by our renderer (docx package for the page
 * set-up, header, text and signature; tables written as WordprocessingML and spliced in) vs the
 * same WordprocessingML written directly as strings and zipped with fflate.
 * Goals: ours ≤ 2× raw, peak RSS < 300 MiB.
 */
import { fileURLToPath } from 'node:url';
import type { DocumentRenderer, OfficialDocument } from '@pccovid-inspect/core';
import { runBench } from './harness.js';

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('./render.tsconfig.json', import.meta.url));
const CREATED = new Date('2021-12-28T01:00:00Z');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function para(text: string, props = ''): string {
  return `<w:p><w:pPr>${props}</w:pPr><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** The annex and the report's frame as WordprocessingML strings, zipped: what a hand-written exporter would do. */
async function rawDocx(units: { id: string; name: string; targetType: string; district: string; inspectedOn: string; result: string; note: string }[]): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const total = 9354;
  const weights = [2.2, 3.2, 7, 4, 4.4, 4.1, 3.1, 4];
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const cell = (i: number, style: string, text: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:tc>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`,
    para('UBND TỈNH HÀ TĨNH', '<w:jc w:val="center"/>'),
    para('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', '<w:jc w:val="center"/>'),
    para('BÁO CÁO', '<w:jc w:val="center"/>'),
    para('Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19', '<w:jc w:val="center"/>'),
    para('Phụ lục', '<w:pageBreakBefore/><w:jc w:val="center"/>'),
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${['TT', 'Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Địa bàn', 'Ngày kiểm tra', 'Kết quả', 'Ghi chú'].map((t, i) => cell(i, 'CellHead', t)).join('')}</w:tr>`,
  ];
  units.forEach((u, k) => {
    const [y, m, d] = u.inspectedOn.split('-');
    const values = [String(k + 1), u.id, u.name, u.targetType, u.district, `${d}/${m}/${y}`, u.result === 'met' ? 'Đạt' : 'Chưa đạt', u.note];
    let row = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let i = 0; i < 8; i++) row += cell(i, i === 0 || i >= 5 ? 'CellC' : 'CellL', values[i] ?? '');
    parts.push(`${row}</w:tr>`);
  });
  parts.push(
    '</w:tbl><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>',
  );
  const style = (id: string, jc: string, bold: boolean) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240"/><w:jc w:val="${jc}"/></w:pPr><w:rPr>${bold ? '<w:b/>' : ''}<w:sz w:val="20"/></w:rPr></w:style>`;
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>${style('CellHead', 'center', true)}${style('CellL', 'left', false)}${style('CellC', 'center', false)}</w:styles>`,
    ),
    'word/document.xml': strToU8(parts.join('')),
  };
  return zipSync(files, { level: 6, mtime: CREATED });
}

await runBench(
  {
    name: 'render-docx',
    work: 'results report + annex of 5,000 units × 8 columns (WordprocessingML, zipped)',
    goalRatio: 2,
    goalPeakMiB: 300,
    ours: {
      setup: async () => {
        const { reportWithAnnex } = await import('./render-fixture.js');
        const { createDocxRenderer } = await import('../../packages/render-docx/src/index.js');
        return { doc: reportWithAnnex(), renderer: createDocxRenderer() };
      },
      run: async (prepared) => {
        const { doc, renderer } = prepared as { doc: OfficialDocument; renderer: DocumentRenderer };
        const { bytes } = await renderer.render(doc, { creationDate: CREATED });
        if (bytes.length < 50_000) throw new Error('suspiciously small DOCX');
      },
    },
    raw: {
      setup: async () => (await import('./render-fixture.js')).annexUnits(),
      run: async (units) => {
        const bytes = await rawDocx(units as Parameters<typeof rawDocx>[0]);
        if (bytes.length < 50_000) throw new Error('suspiciously small DOCX');
      },
    },
  },
  import.meta.url,
);
