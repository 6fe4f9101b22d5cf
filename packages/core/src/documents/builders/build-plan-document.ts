import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { PlanDocumentInputSchema, type PlanDocumentInput } from './plan-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { basis, bullet, heading, paragraph } from '../internal/blocks.js';
import { endDocument, pointLabel, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

const FORM_TEXT = { unannounced: 'Đột xuất.', announced: 'Theo kế hoạch, có thông báo trước.' } as const;

/**
 * Builds a plan (Kế hoạch, KH) from plain data — e.g. the Hà Tĩnh DIC's December 2021 plan to
 * check PC-Covid and QR-code deployment (`HA_TINH_2021_PLAN_INPUT` of
 * `@pccovid-inspect/province-ha-tinh`). Pure; validates the input and throws `ValidationError`
 * with every path at fault.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * const plan = buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
 * plan.header.number // { number: null, symbol: 'KH-STTTT' }
 * const file = await createPdfRenderer().render(plan);
 * ```
 */
export function buildPlanDocument(input: PlanDocumentInput): OfficialDocument {
  const data = parseOrThrow(PlanDocumentInputSchema, input, 'PlanDocumentInput');
  const body: BodyBlock[] = [];

  for (const ref of data.pursuantTo) body.push(basis(`Căn cứ ${formatLegalReference(ref)};`));
  const implementing = data.implementing.map(formatLegalReference).join('; ');
  body.push(paragraph(`Thực hiện ${implementing}, ${data.issuer.nameInText} ban hành Kế hoạch ${data.planSubject}, cụ thể như sau:`));

  body.push(heading('part', 'I.', 'MỤC ĐÍCH, YÊU CẦU'));
  for (const purpose of data.purposes) body.push(bullet(purpose));

  body.push(heading('part', 'II.', 'NỘI DUNG, THỜI GIAN VÀ ĐỊA ĐIỂM'));
  body.push(heading('clause', '1.', 'Nội dung kiểm tra:'));
  data.contentItems.forEach((item, i) => {
    body.push(heading('point', pointLabel(i), `${stripEnd(item.title)}:`));
    for (const line of item.details) body.push(line.style === 'bullet' ? bullet(line.text) : paragraph(line.text));
  });
  body.push(heading('clause', '2.', 'Thời gian, địa điểm và hình thức kiểm tra:'));
  body.push(bullet(`Thời gian kiểm tra: ${data.schedule.time}`));
  body.push(bullet(`Địa điểm: ${data.schedule.places}`));
  body.push(bullet(`Hình thức kiểm tra: ${FORM_TEXT[data.schedule.form]}`));
  body.push(heading('clause', '3.', 'Thành phần Tổ Kiểm tra:'));
  body.push(bullet(`Chủ trì: ${stripEnd(data.team.lead)};`));
  const nomination = data.team.nomination;
  const nominationText = nomination
    ? ` Đề nghị ${nomination.bodies} cử cán bộ tham gia Tổ kiểm tra, văn bản gửi về ${data.issuer.nameInText} trước ngày ${formatShortDate(nomination.deadline)}.`
    : '';
  body.push(bullet(`Đơn vị phối hợp: ${stripEnd(data.team.coordinating)}.${nominationText}`));

  body.push(heading('part', 'III.', 'TỔ CHỨC THỰC HIỆN'));
  data.implementation.forEach((task, i) => {
    const label = `${i + 1}.`;
    const title = `${stripEnd(task.party)}:`;
    body.push(heading('clause', label, title, task.text ?? []));
    for (const t of task.tasks) body.push(bullet(t));
  });
  body.push(paragraph(endDocument(data.closingRequest)));

  return {
    kind: 'KH',
    header: headerOf(data.issuer, { number: data.number, symbol: `KH-${data.issuer.code}`, date: data.date, blankDay: data.blankDay }),
    title: { type: 'KẾ HOẠCH', summary: data.summary },
    addressees: [],
    body,
    signature: { signers: [signerColumnOf(data.signer)] },
    recipients: { label: 'Nơi nhận:', entries: data.recipients.entries, archive: data.recipients.archive },
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}
