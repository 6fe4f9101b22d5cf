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
import { endDocument, endSentence, formatPercent, romanNumeral, stripEnd } from '../internal/vietnamese.js';
import { formatFigure as formatCount } from '../internal/visit-facts.js';
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
  const number = { number: data.number, symbol: `BC-${data.issuer.code}` };
  const units = data.annex?.units ?? [];
  const hasFigures = units.some((u) => u.qrPoints !== null || u.scansPerDay !== null);
  const portal = data.portal;
  const portalUnits = data.annex !== null && portal !== null;
  const annexLabels = { list: 'Phụ lục I', figures: 'Phụ lục II', portal: `Phụ lục ${hasFigures ? 'III' : 'II'}` };
  let part = 0;
  const nextPart = () => `${romanNumeral(++part)}.`;

  if (data.purposes.length > 0) {
    body.push(heading('part', nextPart(), 'MỤC ĐÍCH, YÊU CẦU'));
    for (const p of data.purposes) body.push(bullet(endSentence(stripEnd(p))));
  }

  // How the inspections ran, with figures by district and type.
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
  const when =
    data.inspectionDays.length > 0
      ? `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)} (các ngày ${data.inspectionDays.map(formatShortDate).join(', ')})`
      : `Từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}`;

  body.push(heading('part', nextPart(), 'KẾT QUẢ THỰC HIỆN'));
  body.push(heading('clause', '1.', 'Công tác tổ chức kiểm tra:'));
  body.push(
    paragraph(
      `${when}, Tổ kiểm tra đã kiểm tra ${form} ${total} đơn vị trên địa bàn ${data.districts.length} huyện, thành phố, thị xã${units.length > 0 ? ` (danh sách tại ${annexLabels.list})` : ''}, cụ thể như sau:`,
    ),
  );
  let tableNo = 0;
  let chartNo = 0;
  body.push(
    table(
      [column('TT', 2.2, 'center'), column('Địa bàn', 8), ...data.targetTypes.map((t) => column(t.label, 4, 'center')), column('Tổng', 3.5, 'center')],
      data.districts.map((d, i) => [String(i + 1), d.name, ...data.targetTypes.map((t) => String(count(d.code, t.code))), String(districtTotals[i] ?? 0)]),
      {
        caption: `Bảng ${++tableNo}. Số đơn vị được kiểm tra theo địa bàn và loại hình`,
        footerRows: [['', 'Tổng cộng', ...typeTotals.map(String), String(total)]],
        fontSizePt: 10,
      },
    ),
  );
  if (units.length > 0) {
    const groupRows = (key: (u: (typeof units)[number]) => string, order: string[]) =>
      order.map((name, i) => {
        const us = units.filter((u) => key(u) === name);
        const passed = us.filter((u) => u.result === 'met').length;
        const qr = us.map((u) => u.qrPoints).filter((n): n is number => n !== null);
        const scans = us.map((u) => u.scansPerDay).filter((n): n is number => n !== null);
        const zero = us.map((u) => u.zeroScanDays).filter((n): n is number => n !== null);
        return [
          String(i + 1),
          name,
          String(us.length),
          String(passed),
          String(us.length - passed),
          qr.length ? formatCount(sum(qr)) : '—',
          scans.length ? formatCount(sum(scans)) : '—',
          zero.length ? formatCount(sum(zero)) : '—',
        ];
      });
    const columns = (first: string) => [
      column('TT', 1.5, 'center'),
      column(first, 7),
      column('Số đơn vị', 2.4, 'center'),
      column('Đạt', 2, 'center'),
      column('Chưa đạt', 2.4, 'center'),
      column('Điểm mã QR', 2.6, 'center'),
      column('Lượt quét/ngày', 2.8, 'center'),
      column('Ngày không có lượt quét', 3.2, 'center'),
    ];
    const districtOrder = unique(units.map((u) => u.district));
    const typeOrder = unique(units.map((u) => u.targetType));
    const byDistrict = groupRows((u) => u.district, districtOrder);
    body.push(table(columns('Địa bàn'), byDistrict, { caption: `Bảng ${++tableNo}. Kết quả kiểm tra theo địa bàn`, fontSizePt: 10 }));
    body.push(
      table(
        columns('Loại hình'),
        groupRows((u) => u.targetType, typeOrder),
        { caption: `Bảng ${++tableNo}. Kết quả kiểm tra theo loại hình`, fontSizePt: 10 },
      ),
    );
    body.push(
      barChart(`Biểu đồ ${++chartNo}. Số đơn vị đạt, chưa đạt theo địa bàn`, districtOrder, [
        { name: 'Đạt', values: byDistrict.map((r) => Number(r[3])) },
        { name: 'Chưa đạt', values: byDistrict.map((r) => Number(r[4])) },
      ]),
    );
  } else {
    body.push(
      barChart(
        `Biểu đồ ${++chartNo}. Số đơn vị được kiểm tra theo địa bàn`,
        data.districts.map((d) => d.name),
        [{ name: 'Số đơn vị', values: districtTotals }],
      ),
    );
  }

  body.push(heading('clause', '2.', 'Kết quả theo từng nội dung kiểm tra:'));
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
      { caption: `Bảng ${++tableNo}. Tỷ lệ đơn vị đạt theo nội dung kiểm tra` },
    ),
  );
  body.push(
    barChart(
      `Biểu đồ ${++chartNo}. Tỷ lệ đơn vị đạt theo nội dung kiểm tra (%)`,
      rates.map(({ item }) => `${item.itemCode}. ${item.label}`),
      [{ name: 'Tỷ lệ đạt', values: rates.map(({ rate }) => (rate === null ? 0 : Math.round(rate * 1000) / 10)) }],
      { unit: '%', maxValue: 100 },
    ),
  );

  let clause = 2;
  if (hasFigures) {
    const qr = units.map((u) => u.qrPoints).filter((n): n is number => n !== null);
    const scans = units.map((u) => u.scansPerDay).filter((n): n is number => n !== null);
    const withZero = units.filter((u) => (u.zeroScanDays ?? 0) > 0);
    const staff = units.map((u) => u.staff).filter((x): x is { installed: number; total: number } => x !== null);
    const installed = sum(staff.map((x) => x.installed));
    const staffTotal = sum(staff.map((x) => x.total));
    body.push(heading('clause', `${++clause}.`, 'Số liệu mã QR địa điểm và quét mã:'));
    const lines = [
      `${qr.length} đơn vị đã khai báo, tạo ${formatCount(sum(qr))} điểm mã QR địa điểm`,
      `Tổng số lượt quét bình quân của các đơn vị: ${formatCount(sum(scans))} lượt/ngày`,
      withZero.length === 0
        ? 'Không có đơn vị nào có ngày không có lượt quét trong thời gian được xem'
        : `${withZero.length} đơn vị có ngày không có lượt quét: ${withZero.map((u) => `${u.name} (${u.zeroScanDays}/${u.observedDays ?? '…'} ngày)`).join('; ')}`,
    ];
    if (staffTotal > 0)
      lines.push(`${formatCount(installed)}/${formatCount(staffTotal)} cán bộ, nhân viên của các đơn vị đã cài đặt ứng dụng PC-Covid (${formatPercent(installed / staffTotal)}%)`);
    lines.forEach((l, i) => body.push(bullet(`${l}${i === lines.length - 1 ? ` (chi tiết tại ${annexLabels.figures}).` : ';'}`)));
  }

  body.push(heading('clause', `${++clause}.`, 'Số liệu từ hệ thống quản lý PC-Covid:'));
  if (portal === null) {
    body.push(paragraph('Chưa có số liệu từ hệ thống quản lý PC-Covid về các đơn vị được kiểm tra.'));
  } else {
    const totals = (key: 'inspected' | 'compliant' | 'withFigures' | 'qrPoints' | 'scans' | 'zeroScanDays') => formatCount(sum(portal.districts.map((d) => d[key])));
    body.push(
      paragraph(
        `Theo số liệu trên hệ thống quản lý PC-Covid từ ngày ${formatShortDate(portal.period.from)} đến ngày ${formatShortDate(portal.period.to)}, ${totals('withFigures')}/${totals('inspected')} đơn vị được kiểm tra có số liệu, cụ thể theo địa bàn như sau${portalUnits ? ` (số liệu từng đơn vị tại ${annexLabels.portal})` : ''}:`,
      ),
    );
    body.push(
      table(
        [
          column('TT', 1.5, 'center'),
          column('Địa bàn', 6.6),
          column('Số đơn vị được kiểm tra', 2.8, 'center'),
          column('Đạt', 1.9, 'center'),
          column('Có số liệu', 2.4, 'center'),
          column('Điểm mã QR đã khai báo', 2.9, 'center'),
          column('Lượt quét', 2.9, 'center'),
          column('Ngày không có lượt quét', 3.2, 'center'),
        ],
        portal.districts.map((d, i) => [
          String(i + 1),
          d.name,
          formatCount(d.inspected),
          formatCount(d.compliant),
          formatCount(d.withFigures),
          formatCount(d.qrPoints),
          formatCount(d.scans),
          formatCount(d.zeroScanDays),
        ]),
        {
          caption: `Bảng ${++tableNo}. Số liệu từ hệ thống quản lý PC-Covid theo địa bàn`,
          footerRows: [['', 'Tổng cộng', totals('inspected'), totals('compliant'), totals('withFigures'), totals('qrPoints'), totals('scans'), totals('zeroScanDays')]],
          fontSizePt: 10,
        },
      ),
    );
  }

  body.push(heading('clause', `${++clause}.`, 'Các đơn vị chưa đạt và đề xuất xử lý:'));
  if (data.nonCompliantUnits.length === 0) {
    body.push(paragraph('Không có đơn vị chưa đạt yêu cầu.'));
  } else {
    body.push(paragraph(`Có ${data.nonCompliantUnits.length} đơn vị chưa đạt yêu cầu, cụ thể:`));
    const withFollowUp = data.nonCompliantUnits.some((u) => u.followUp !== '');
    body.push(
      table(
        [
          column('TT', 1.5, 'center'),
          column('Tên đơn vị', 6),
          column('Địa bàn', 4),
          column('Nội dung chưa đạt', 7),
          column('Đề xuất xử lý', 6),
          ...(withFollowUp ? [column('Kết quả đôn đốc', 5)] : []),
        ],
        data.nonCompliantUnits.map((u, i) => [String(i + 1), u.name, u.district, u.issues, u.proposedAction, ...(withFollowUp ? [u.followUp] : [])]),
        { caption: `Bảng ${++tableNo}. Danh sách đơn vị chưa đạt và đề xuất xử lý`, fontSizePt: 11 },
      ),
    );
  }
  body.push(heading('clause', `${++clause}.`, 'Đánh giá chung:'));
  for (const a of data.assessments) body.push(paragraph(a));

  if (data.shortcomings.length > 0) {
    body.push(heading('part', nextPart(), 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'));
    data.shortcomings.forEach((sc, i) =>
      body.push(bullet(`${stripEnd(sc.text)}${sc.cause === null ? '' : `; nguyên nhân: ${stripEnd(sc.cause)}`}${i === data.shortcomings.length - 1 ? '.' : ';'}`)),
    );
  }
  if (data.recommendations.length > 0) {
    body.push(heading('part', nextPart(), 'ĐỀ XUẤT, KIẾN NGHỊ'));
    for (const r of data.recommendations) body.push(bullet(r));
  }
  const firstAddressee = data.addressees[0] ?? '';
  body.push(paragraph(endDocument(data.closing ?? `${data.issuer.nameInText} kính báo cáo ${firstAddressee}`)));

  const appendices: DocumentAppendix[] = [];
  const reference = `(Kèm theo Báo cáo số ${formatDocumentNumberShort(number)} ngày ${formatShortDate(data.date)} của ${data.issuer.nameInText})`;
  if (data.annex !== null) {
    appendices.push({
      label: annexLabels.list,
      title: 'DANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA',
      reference,
      blocks: [
        table(
          [
            column('TT', 2.2, 'center'),
            column('Tên đơn vị', 8),
            column('Loại hình', 4.4),
            column('Địa bàn', 4.4),
            column('Ngày kiểm tra', 4.1, 'center'),
            column('Kết quả', 3.1, 'center'),
            column('Ghi chú', 5),
          ],
          units.map((u, i) => [String(i + 1), u.name, u.targetType, u.district, formatShortDate(u.inspectedOn), VERDICT_LABELS[u.result].vi, u.note]),
          { fontSizePt: 10 },
        ),
      ],
    });
    if (hasFigures) {
      const dash = (n: number | null) => (n === null ? '—' : formatCount(n));
      appendices.push({
        label: annexLabels.figures,
        title: 'SỐ LIỆU MÃ QR ĐỊA ĐIỂM VÀ QUÉT MÃ CỦA CÁC ĐƠN VỊ',
        reference,
        blocks: [
          table(
            [
              column('TT', 2.2, 'center'),
              column('Tên đơn vị', 8),
              column('Điểm mã QR', 3, 'center'),
              column('Lượt quét bình quân/ngày', 4, 'center'),
              column('Số ngày được xem', 3.4, 'center'),
              column('Ngày không có lượt quét', 3.8, 'center'),
              column('Cán bộ đã cài PC-Covid', 4, 'center'),
            ],
            units.map((u, i) => [
              String(i + 1),
              u.name,
              dash(u.qrPoints),
              dash(u.scansPerDay),
              dash(u.observedDays),
              dash(u.zeroScanDays),
              u.staff === null ? '—' : `${formatCount(u.staff.installed)}/${formatCount(u.staff.total)}`,
            ]),
            { fontSizePt: 10 },
          ),
        ],
      });
    }
    if (portalUnits) {
      const dash = (n: number | undefined) => (n === undefined ? '—' : formatCount(n));
      appendices.push({
        label: annexLabels.portal,
        title: 'SỐ LIỆU TỪ HỆ THỐNG QUẢN LÝ PC-COVID CỦA CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA',
        reference,
        blocks: [
          paragraph(`Số liệu từ ngày ${formatShortDate(portal.period.from)} đến ngày ${formatShortDate(portal.period.to)}; "—": hệ thống chưa có số liệu của đơn vị.`),
          table(
            [
              column('TT', 1.7, 'center'),
              column('Tên đơn vị', 7.4),
              column('Địa bàn', 4.4),
              column('Kết quả kiểm tra', 3, 'center'),
              column('Điểm mã QR đã khai báo', 3.2, 'center'),
              column('Lượt quét', 3.2, 'center'),
              column('Số ngày có số liệu', 3, 'center'),
              column('Ngày không có lượt quét', 3.3, 'center'),
            ],
            units.map((u, i) => [
              String(i + 1),
              u.name,
              u.district,
              VERDICT_LABELS[u.result].vi,
              dash(u.portal?.qrPoints),
              dash(u.portal?.scans),
              dash(u.portal?.days),
              dash(u.portal?.zeroScanDays),
            ]),
            { fontSizePt: 10 },
          ),
        ],
      });
    }
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

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const unique = (xs: readonly string[]) => [...new Set(xs)];
