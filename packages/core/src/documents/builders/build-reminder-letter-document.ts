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
  const stage = data.stage ?? (data.reminderNumber <= 1 ? 'reminder' : data.reminderNumber === 2 ? 'secondReminder' : data.reminderNumber === 3 ? 'deadline' : 'final');
  const record = data.inspection.record === null ? '' : ` (${formatLegalReference(data.inspection.record)})`;
  const body: BodyBlock[] = [
    paragraph(
      `Ngày ${formatShortDate(data.inspection.date)}, ${data.inspection.teamName} đã tiến hành kiểm tra ${stripEnd(data.inspection.scope)} tại ${data.addressee}${record}. Qua kiểm tra, đơn vị còn các tồn tại sau:`,
    ),
  ];
  data.issues.forEach((issue, i) => body.push(bullet(`${stripEnd(issue)}${i === data.issues.length - 1 ? '.' : ';'}`)));
  if (data.priorDocuments.length > 0) {
    const cited = data.priorDocuments.map(
      (p) => `${formatLegalReference(p.reference)}${p.deadline === null ? '' : ` (thời hạn khắc phục: trước ngày ${formatShortDate(p.deadline)})`}`,
    );
    const last = data.priorDocuments.at(-1)!;
    const passed = last.deadline === null ? 'đến nay' : `đã quá thời hạn ngày ${formatShortDate(last.deadline)}`;
    body.push(
      paragraph(
        `${issuer} đã yêu cầu ${data.addressee} khắc phục các tồn tại trên tại: ${cited.join('; ')}. Tuy nhiên, ${passed}, đơn vị chưa khắc phục và chưa báo cáo kết quả về ${issuer}.`,
      ),
    );
  }
  const lead: Record<typeof stage, string> = {
    reminder: `Để thực hiện nghiêm chỉ đạo của UBND tỉnh, ${issuer} đề nghị ${data.addressee}:`,
    secondReminder: `${issuer} nhắc nhở lần thứ ${data.reminderNumber} và đề nghị ${data.addressee} khẩn trương:`,
    deadline: `${issuer} ấn định thời hạn khắc phục lần cuối và yêu cầu ${data.addressee}:`,
    final: `Đây là lần nhắc nhở thứ ${data.reminderNumber} và là lần cuối. ${issuer} yêu cầu ${data.addressee} thực hiện ngay:`,
  };
  body.push(paragraph(lead[stage]));
  data.requests.forEach((r, i) => body.push(bullet(`${stripEnd(r)}${i === data.requests.length - 1 ? '.' : ';'}`)));
  body.push(
    paragraph(
      `Thời hạn hoàn thành việc khắc phục và báo cáo kết quả về ${data.reportTo === null ? issuer : stripEnd(data.reportTo)}: trước ngày ${formatShortDate(data.deadline)}.`,
    ),
  );
  const defaults: Record<typeof stage, string> = {
    reminder: `Quá thời hạn trên, nếu đơn vị chưa khắc phục, ${issuer} sẽ tiếp tục đôn đốc và tổng hợp, báo cáo UBND tỉnh`,
    secondReminder: `Quá thời hạn trên, nếu đơn vị chưa khắc phục, ${issuer} sẽ ấn định thời hạn khắc phục cuối cùng và báo cáo UBND tỉnh về việc đơn vị chậm khắc phục`,
    deadline: `Đây là thời hạn cuối cùng ${issuer} ấn định. Quá thời hạn trên, ${issuer} sẽ kiểm tra lại và đề xuất cơ quan có thẩm quyền xử lý theo quy định`,
    final: `Quá thời hạn trên, nếu đơn vị không khắc phục, ${issuer} sẽ đề xuất cơ quan có thẩm quyền xử lý vi phạm hành chính theo quy định và báo cáo UBND tỉnh`,
  };
  body.push(paragraph(endDocument(data.consequence ?? defaults[stage])));
  const subjects: Record<typeof stage, string> = {
    reminder: stripEnd(data.subject),
    secondReminder: `${stripEnd(data.subject)} (lần ${data.reminderNumber})`,
    deadline: `ấn định thời hạn ${stripEnd(data.subject).replace(/^nhắc nhở\s+/u, '')}`,
    final: `${stripEnd(data.subject)} (lần cuối)`,
  };

  return {
    kind: 'CV',
    header: headerOf(data.issuer, {
      number: data.number,
      symbol: `${data.issuer.code}-${data.draftingUnit}`,
      date: data.date,
      blankDay: data.blankDay,
      subjectLine: `V/v ${subjects[stage]}`,
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
