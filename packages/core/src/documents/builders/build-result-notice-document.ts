import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { ResultNoticeDocumentInputSchema, type ResultNoticeDocumentInput } from './result-notice-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { VERDICT_LABELS } from '../../entities/finding.js';
import { formatRequestText } from './inputs/format-request.js';
import { bullet, findingRuns, heading, paragraph } from '../internal/blocks.js';
import { endDocument, endSentence, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

/**
 * Builds the results notice to one inspected unit (Thông báo, TB): what was inspected and when,
 * 1. the findings (items met, then not met with what is wrong, then not applicable), 2. the
 * conclusion, 3. requests with deadlines and where to report, closing "… thông báo để … biết,
 * thực hiện./.". Pure; throws `ValidationError` with paths on bad input.
 *
 * @example
 * ```ts
 * const notice = buildResultNoticeDocument(input);
 * notice.title?.type // 'THÔNG BÁO'
 * ```
 */
export function buildResultNoticeDocument(input: ResultNoticeDocumentInput): OfficialDocument {
  const data = parseOrThrow(ResultNoticeDocumentInputSchema, input, 'ResultNoticeDocumentInput');
  const scope = stripEnd(data.scope);
  const where = data.unit.address === null ? data.unit.name : `${data.unit.name} (${stripEnd(data.unit.address)})`;
  const implementing = data.implementing.map(formatLegalReference).join('; ');
  const body: BodyBlock[] = [
    paragraph(
      `Thực hiện ${implementing}, ngày ${formatShortDate(data.inspectedOn)}, ${data.teamName} đã tiến hành kiểm tra ${scope} tại ${where}. ${data.issuer.nameInText} thông báo kết quả kiểm tra như sau:`,
    ),
  ];

  body.push(heading('clause', '1.', 'Kết quả kiểm tra:'));
  const groups = [
    { verdict: 'met', title: 'Nội dung đạt yêu cầu:' },
    { verdict: 'not_met', title: 'Nội dung chưa đạt yêu cầu:' },
    { verdict: 'not_applicable', title: 'Nội dung không áp dụng đối với đơn vị:' },
  ] as const;
  let point = 0;
  for (const group of groups) {
    const findings = data.findings.filter((f) => f.verdict === group.verdict);
    if (findings.length === 0) continue;
    body.push(heading('point', `${'abc'[point++]})`, group.title));
    for (const f of findings) body.push(bullet(findingRuns({ ...f, evidence: [] }, VERDICT_LABELS[f.verdict].vi)));
  }

  body.push(heading('clause', '2.', 'Kết luận:'));
  body.push(paragraph(endSentence(data.conclusion)));

  if (data.requests.length > 0 || data.reportBack !== null) {
    body.push(heading('clause', '3.', `Yêu cầu ${data.unit.name}:`));
    data.requests.forEach((r) => body.push(bullet(`${formatRequestText(r)};`)));
    if (data.reportBack !== null) {
      body.push(bullet(`Báo cáo kết quả khắc phục về ${stripEnd(data.reportBack.to)} trước ngày ${formatShortDate(data.reportBack.deadline)}.`));
    }
  }
  body.push(paragraph(endDocument(`${data.issuer.nameInText} thông báo để ${data.unit.name} biết, thực hiện`)));

  return {
    kind: 'TB',
    header: headerOf(data.issuer, { number: data.number, symbol: `TB-${data.issuer.code}`, date: data.date, blankDay: data.blankDay }),
    title: { type: 'THÔNG BÁO', summary: `Kết quả kiểm tra ${scope} tại ${data.unit.name}` },
    addressees: [],
    body,
    signature: { signers: [signerColumnOf(data.signer)] },
    recipients: { label: 'Nơi nhận:', entries: data.recipients.entries, archive: data.recipients.archive },
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}
