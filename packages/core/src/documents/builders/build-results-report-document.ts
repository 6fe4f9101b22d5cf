import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import type { DocumentAppendix } from '../model/document-appendix.js';
import { formatDocumentNumberShort } from '../model/number-and-symbol.js';
import { ResultsReportDocumentInputSchema, type ResultsReportDocumentInput } from './results-report-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { VERDICT_LABELS } from '../../entities/finding.js';
import { barChart, bullet, column, heading, paragraph, table } from '../internal/blocks.js';
import { endDocument, formatPercent, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

/**
 * Builds the consolidated results report (Báo cáo, BC) to the Provincial People's Committee:
 * I. how the inspections ran, with a district × target-type table (totals row) and a bar chart of
 * units per district; II. results — a table of the pass rate per checklist item with its bar
 * chart, non-compliant units with proposed actions, general assessment; III. recommendations;
 * and, optionally, an annex table of every unit inspected (thousands of rows; its header repeats
 * on every page). Pure; throws `ValidationError` with paths on bad input.
 *
 * @example
 * ```ts
 * const report = buildResultsReportDocument(input);
 * report.appendices[0]?.title // 'DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA'
 * ```
 */
export function buildResultsReportDocument(input: ResultsReportDocumentInput): OfficialDocument {
  const data = parseOrThrow(ResultsReportDocumentInputSchema, input, 'ResultsReportDocumentInput');
  const body: BodyBlock[] = [];
  const implementing = data.implementing.map(formatLegalReference).join('; ');
  body.push(paragraph(`Thực hiện ${implementing}, ${data.issuer.nameInText} báo cáo kết quả kiểm tra như sau:`));

  // I. How the inspections ran.
  const counts = new Map<string, number>();
  for (const c of data.inspectedCounts) {
    const key = `${c.districtCode}\u0000${c.targetType}`;
    counts.set(key, (counts.get(key) ?? 0) + c.count);
  }
  const count = (d: string, t: string) => counts.get(`${d}\u0000${t}`) ?? 0;
  const districtTotals = data.districts.map((d) => data.targetTypes.reduce((sum, t) => sum + count(d.code, t.code), 0));
  const typeTotals = data.targetTypes.map((t) => data.districts.reduce((sum, d) => sum + count(d.code, t.code), 0));
  const total = districtTotals.reduce((a, b) => a + b, 0);
  const form = data.form === 'unannounced' ? 'đột xuất' : 'theo kế hoạch';

  body.push(heading('part', 'I.', 'TÌNH HÌNH TRIỂN KHAI KIỂM TRA'));
  body.push(
    paragraph(
      `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}, Tổ kiểm tra đã kiểm tra ${form} ${total} đơn vị trên địa bàn ${data.districts.length} huyện, thành phố, thị xã, cụ thể như sau:`,
    ),
  );
  body.push(
    table(
      [column('TT', 2.2, 'center'), column('Địa bàn', 8), ...data.targetTypes.map((t) => column(t.label, 4, 'center')), column('Tổng', 3.5, 'center')],
      data.districts.map((d, i) => [String(i + 1), d.name, ...data.targetTypes.map((t) => String(count(d.code, t.code))), String(districtTotals[i] ?? 0)]),
      { caption: 'Bảng 1. Số đơn vị được kiểm tra theo địa bàn và loại hình', footerRows: [['', 'Tổng cộng', ...typeTotals.map(String), String(total)]], fontSizePt: 10 },
    ),
  );
  body.push(
    barChart(
      'Biểu đồ 1. Số đơn vị được kiểm tra theo địa bàn',
      data.districts.map((d) => d.name),
      [{ name: 'Số đơn vị', values: districtTotals }],
    ),
  );

  // II. Results.
  body.push(heading('part', 'II.', 'KẾT QUẢ KIỂM TRA'));
  body.push(heading('clause', '1.', 'Kết quả theo từng nội dung kiểm tra:'));
  const rates = data.itemCompliance.map((item) => {
    const assessed = item.met + item.notMet;
    return { item, assessed, rate: assessed === 0 ? null : item.met / assessed };
  });
  body.push(
    table(
      [
        column('TT', 1.5, 'center'),
        column('Nội dung kiểm tra', 10),
        column('Số đơn vị được đánh giá', 3, 'center'),
        column('Đạt', 2.2, 'center'),
        column('Chưa đạt', 2.2, 'center'),
        column('Tỷ lệ đạt (%)', 2.6, 'center'),
      ],
      rates.map(({ item, assessed, rate }) => [item.itemCode, item.label, String(assessed), String(item.met), String(item.notMet), rate === null ? '—' : formatPercent(rate)]),
      { caption: 'Bảng 2. Tỷ lệ đơn vị đạt theo nội dung kiểm tra' },
    ),
  );
  body.push(
    barChart(
      'Biểu đồ 2. Tỷ lệ đơn vị đạt theo nội dung kiểm tra (%)',
      rates.map(({ item }) => `${item.itemCode}. ${item.label}`),
      [{ name: 'Tỷ lệ đạt', values: rates.map(({ rate }) => (rate === null ? 0 : Math.round(rate * 1000) / 10)) }],
      { unit: '%', maxValue: 100 },
    ),
  );

  body.push(heading('clause', '2.', 'Các đơn vị chưa đạt và đề xuất xử lý:'));
  if (data.nonCompliantUnits.length === 0) {
    body.push(paragraph('Không có đơn vị chưa đạt yêu cầu.'));
  } else {
    body.push(paragraph(`Có ${data.nonCompliantUnits.length} đơn vị chưa đạt yêu cầu, cụ thể:`));
    body.push(
      table(
        [column('TT', 1.5, 'center'), column('Tên đơn vị', 6), column('Địa bàn', 4), column('Nội dung chưa đạt', 7), column('Đề xuất xử lý', 6)],
        data.nonCompliantUnits.map((u, i) => [String(i + 1), u.name, u.district, u.issues, u.proposedAction]),
        { caption: 'Bảng 3. Danh sách đơn vị chưa đạt và đề xuất xử lý', fontSizePt: 11 },
      ),
    );
  }
  body.push(heading('clause', '3.', 'Đánh giá chung:'));
  for (const a of data.assessments) body.push(paragraph(a));

  if (data.recommendations.length > 0) {
    body.push(heading('part', 'III.', 'ĐỀ XUẤT, KIẾN NGHỊ'));
    for (const r of data.recommendations) body.push(bullet(r));
  }
  const firstAddressee = data.addressees[0] ?? '';
  body.push(paragraph(endDocument(data.closing ?? `${data.issuer.nameInText} kính báo cáo ${firstAddressee}`)));

  const number = { number: data.number, symbol: `BC-${data.issuer.code}` };
  const appendices: DocumentAppendix[] = [];
  if (data.annex !== null) {
    appendices.push({
      label: 'Phụ lục',
      title: 'DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA',
      reference: `(Kèm theo Báo cáo số ${formatDocumentNumberShort(number)} ngày ${formatShortDate(data.date)} của ${data.issuer.nameInText})`,
      blocks: [
        table(
          [
            column('TT', 2.2, 'center'),
            column('Mã đơn vị', 3.2),
            column('Tên đơn vị', 7),
            column('Loại hình', 4),
            column('Địa bàn', 4.4),
            column('Ngày kiểm tra', 4.1, 'center'),
            column('Kết quả', 3.1, 'center'),
            column('Ghi chú', 4),
          ],
          data.annex.units.map((u, i) => [String(i + 1), u.id, u.name, u.targetType, u.district, formatShortDate(u.inspectedOn), VERDICT_LABELS[u.result].vi, u.note]),
          { fontSizePt: 10 },
        ),
      ],
    });
  }

  return {
    kind: 'BC',
    header: headerOf(data.issuer, { number: data.number, symbol: number.symbol, date: data.date, blankDay: data.blankDay }),
    title: { type: 'BÁO CÁO', summary: stripEnd(data.summary) },
    addressees: data.addressees,
    body,
    signature: { signers: [signerColumnOf(data.signer)] },
    recipients: { label: 'Nơi nhận:', entries: data.recipients.entries, archive: data.recipients.archive },
    appendices,
    pageNumbers: 'fromSecondPage',
  };
}
