import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { SanctionProposalDocumentInputSchema, type SanctionProposalDocumentInput } from './sanction-proposal-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { bullet, paragraph } from '../internal/blocks.js';
import { endDocument, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

/**
 * Builds the letter proposing that the competent authority sanction a unit that did not remedy
 * (công văn đề nghị xử lý vi phạm, CV): the inspection and what it found, with figures; every
 * document that asked for a remedy and its deadline; that the last deadline passed; the proposal
 * "xem xét, xử lý theo thẩm quyền" under the cited provision (Decree 117/2020/NĐ-CP); the file
 * enclosed. Pure; throws `ValidationError` with paths on bad input (e.g. a deadline not yet passed).
 *
 * @example
 * ```ts
 * const letter = buildSanctionProposalDocument(input);
 * letter.header.subjectLine // 'V/v đề nghị xem xét, xử lý vi phạm … đối với Chợ thành phố Hà Tĩnh'
 * ```
 */
export function buildSanctionProposalDocument(input: SanctionProposalDocumentInput): OfficialDocument {
  const data = parseOrThrow(SanctionProposalDocumentInputSchema, input, 'SanctionProposalDocumentInput');
  const issuer = data.issuer.nameInText;
  const where = data.unit.address === null ? data.unit.name : `${data.unit.name} (${stripEnd(data.unit.address)})`;
  const implementing = data.inspection.implementing.map(formatLegalReference).join('; ');
  const body: BodyBlock[] = [
    paragraph(
      `Thực hiện ${implementing}, ngày ${formatShortDate(data.inspection.date)}, ${data.inspection.teamName} đã tiến hành kiểm tra ${stripEnd(data.inspection.scope)} tại ${where}. Qua kiểm tra, đơn vị còn các tồn tại sau:`,
    ),
  ];
  data.issues.forEach((issue, i) => body.push(bullet(`${stripEnd(issue)}${i === data.issues.length - 1 ? '.' : ';'}`)));
  body.push(paragraph(`${issuer} đã yêu cầu đơn vị khắc phục, cụ thể:`));
  data.priorDocuments.forEach((p, i) =>
    body.push(
      bullet(
        `${formatLegalReference(p.reference)}${p.deadline === null ? '' : `, thời hạn khắc phục trước ngày ${formatShortDate(p.deadline)}`}${i === data.priorDocuments.length - 1 ? '.' : ';'}`,
      ),
    ),
  );
  const last = data.priorDocuments.at(-1)!;
  body.push(
    paragraph(
      `Đến ngày ${formatShortDate(data.date)}${last.deadline === null ? '' : `, đã quá thời hạn ngày ${formatShortDate(last.deadline)}`}, ${data.unit.name} vẫn chưa khắc phục các tồn tại nêu trên và không báo cáo kết quả về ${issuer}.`,
    ),
  );
  body.push(
    paragraph(
      `Căn cứ quy định tại ${stripEnd(data.legalBasis)} của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực y tế, ${issuer} đề nghị ${data.addressee} xem xét, xử lý theo thẩm quyền đối với ${data.unit.name} về việc không thực hiện đầy đủ biện pháp phòng, chống dịch COVID-19 (tạo, niêm yết và tổ chức quét mã QR địa điểm) theo chỉ đạo của UBND tỉnh; đồng thời yêu cầu đơn vị khắc phục ngay các tồn tại nêu trên.`,
    ),
  );
  if (data.enclosures.length > 0) {
    body.push(paragraph(`Hồ sơ gửi kèm theo:`));
    data.enclosures.forEach((e, i) => body.push(bullet(`${stripEnd(e)}${i === data.enclosures.length - 1 ? '.' : ';'}`)));
  }
  body.push(paragraph(endDocument(`Kết quả xử lý đề nghị gửi về ${issuer} để tổng hợp, báo cáo UBND tỉnh`)));

  return {
    kind: 'CV',
    header: headerOf(data.issuer, {
      number: data.number,
      symbol: `${data.issuer.code}-${data.draftingUnit}`,
      date: data.date,
      blankDay: data.blankDay,
      subjectLine: `V/v đề nghị xem xét, xử lý vi phạm trong thực hiện quét mã QR phòng, chống dịch COVID-19 đối với ${data.unit.name}`,
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
