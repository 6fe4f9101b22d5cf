import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { ReminderLetterDocumentInputSchema, type ReminderLetterDocumentInput } from './reminder-letter-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { bullet, paragraph } from '../internal/blocks.js';
import { endDocument, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

/**
 * Builds an official letter (công văn, CV) reminding a non-compliant unit: number "…/STTTT-TTr",
 * "V/v …" under it, "Kính gửi", what the inspection found, what to do, the deadline (and report),
 * and what follows if the deadline passes — closing "./.". Pure; throws `ValidationError` with
 * paths on bad input (e.g. a deadline before the letter date).
 *
 * @example
 * ```ts
 * const letter = buildReminderLetterDocument(input);
 * letter.header.subjectLine // 'V/v nhắc nhở khắc phục tồn tại trong triển khai quét mã QR'
 * ```
 */
export function buildReminderLetterDocument(input: ReminderLetterDocumentInput): OfficialDocument {
  const data = parseOrThrow(ReminderLetterDocumentInputSchema, input, 'ReminderLetterDocumentInput');
  const issuer = data.issuer.nameInText;
  const record = data.inspection.record === null ? '' : ` (${formatLegalReference(data.inspection.record)})`;
  const nth = data.reminderNumber > 1 ? `Đây là lần nhắc nhở thứ ${data.reminderNumber}. ` : '';
  const body: BodyBlock[] = [
    paragraph(
      `Ngày ${formatShortDate(data.inspection.date)}, ${data.inspection.teamName} đã tiến hành kiểm tra ${stripEnd(data.inspection.scope)} tại ${data.addressee}${record}. Qua kiểm tra, đơn vị còn các tồn tại sau:`,
    ),
  ];
  data.issues.forEach((issue, i) => body.push(bullet(`${stripEnd(issue)}${i === data.issues.length - 1 ? '.' : ';'}`)));
  body.push(paragraph(`${nth}Để thực hiện nghiêm chỉ đạo của UBND tỉnh, ${issuer} đề nghị ${data.addressee}:`));
  data.requests.forEach((r, i) => body.push(bullet(`${stripEnd(r)}${i === data.requests.length - 1 ? '.' : ';'}`)));
  body.push(
    paragraph(
      `Thời hạn hoàn thành việc khắc phục và báo cáo kết quả về ${data.reportTo === null ? issuer : stripEnd(data.reportTo)}: trước ngày ${formatShortDate(data.deadline)}.`,
    ),
  );
  const consequence =
    data.consequence ?? `Quá thời hạn trên, nếu đơn vị không khắc phục, ${issuer} sẽ tổng hợp, báo cáo UBND tỉnh và đề xuất cơ quan có thẩm quyền xử lý theo quy định`;
  body.push(paragraph(endDocument(consequence)));

  return {
    kind: 'CV',
    header: headerOf(data.issuer, {
      number: data.number,
      symbol: `${data.issuer.code}-${data.draftingUnit}`,
      date: data.date,
      blankDay: data.blankDay,
      subjectLine: `V/v ${stripEnd(data.subject)}`,
    }),
    title: null,
    addressees: [data.addressee],
    body,
    signature: { signers: [signerColumnOf(data.signer)] },
    recipients: { label: 'Nơi nhận:', entries: data.recipients.entries, archive: data.recipients.archive },
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}
