import { parseOrThrow } from '../../internal/parse.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { CallSheetDocumentInputSchema, type CallSheetDocumentInput } from './call-sheet-document-input.js';
import { column, paragraph, table } from '../internal/blocks.js';
import { headerOf } from '../internal/header.js';
import { stripEnd } from '../internal/vietnamese.js';

/**
 * Builds the call sheet of the manual channel (danh sách, `DS`): the messages the plan delivers
 * "by phone or by document", one row each — who, the number, what to say, when it reached the
 * sheet, and who took it — for the clerk who phones them and records each answer
 * (`acknowledgeMessage`). An internal list: no number, no signature. Pure; `ValidationError` on
 * bad input.
 *
 * @example
 * ```ts
 * const sheet = buildCallSheetDocument({ issuer, date: '2021-12-06', subject: 'việc kiểm tra triển khai PC-Covid', lines });
 * sheet.title?.type // 'DANH SÁCH'
 * ```
 */
export function buildCallSheetDocument(input: CallSheetDocumentInput): OfficialDocument {
  const data = parseOrThrow(CallSheetDocumentInputSchema, input, 'CallSheetDocumentInput');
  const open = data.lines.filter((l) => l.acknowledged === null).length;
  const body: BodyBlock[] = [
    paragraph(
      `Các thông báo dưới đây được gửi bằng điện thoại hoặc văn bản. Người thực hiện liên hệ ghi lại người nhận, thời gian và hình thức vào hệ thống sau mỗi lần liên hệ. Còn ${open}/${data.lines.length} thông báo chưa có xác nhận.`,
    ),
  ];
  if (data.lines.length === 0) {
    body.push(paragraph('Không có thông báo nào cần liên hệ.'));
  } else {
    body.push(
      table(
        [column('TT', 0.5, 'center'), column('Người nhận', 2.2), column('Điện thoại', 1.3), column('Nội dung cần báo', 3.2), column('Xác nhận', 1.8)],
        data.lines.map((l, i) => [String(i + 1), l.recipient, l.phone ?? '—', stripEnd(l.say), l.acknowledged ?? `Chưa (từ ${l.handed})`]),
        { fontSizePt: 11 },
      ),
    );
  }
  return {
    kind: 'DS',
    header: headerOf(data.issuer, { number: null, symbol: data.issuer.code, showNumber: false, date: data.date }),
    title: { type: 'DANH SÁCH', summary: `Liên hệ thông báo bằng điện thoại, văn bản về ${stripEnd(data.subject)}` },
    addressees: [],
    body,
    signature: null,
    recipients: null,
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}
