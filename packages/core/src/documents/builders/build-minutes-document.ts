import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate, formatVietnameseDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import type { SignerColumn } from '../model/signature-block.js';
import { MinutesDocumentInputSchema, type MinutesDocumentInput } from './minutes-document-input.js';
import type { z } from 'zod';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { INSPECTION_TEAM_WORDS, orderTeam, personName } from './inputs/team-member-input.js';
import { VERDICT_LABELS } from '../../entities/finding.js';
import { formatRequestText } from './inputs/format-request.js';
import { basis, bold, bullet, findingRuns, heading, paragraph, run } from '../internal/blocks.js';
import { endDocument, endSentence, formatClockTime, pad2, pointLabel, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';
import { formatFigure } from '../internal/visit-facts.js';

type MinutesPortalFigures = NonNullable<z.output<typeof MinutesDocumentInputSchema>['portal']>;

/**
 * Builds the minutes of one inspection visit (Biên bản, BB — Decree 30 Mẫu 1.9 adapted, no
 * place-and-date line): start time, place, basis, attendees, findings item by item with verdict
 * ("Đạt", "Chưa đạt", "Không áp dụng"), note and evidence, the unit's explanation, the team's
 * assessment and requests with deadlines, closing time, "Biên bản được lập thành 02 bản có giá trị
 * như nhau, mỗi bên giữ 01 bản", "đã đọc lại, nhất trí ký tên", and the signature columns
 * "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" | "TỔ TRƯỞNG TỔ KIỂM TRA" — or the recorded refusal.
 *
 * @example
 * ```ts
 * const minutes = buildMinutesDocument(input);
 * minutes.signature?.signers.map((s) => s.title) // ['ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', 'TỔ TRƯỞNG TỔ KIỂM TRA']
 * ```
 */
export function buildMinutesDocument(input: MinutesDocumentInput): OfficialDocument {
  const data = parseOrThrow(MinutesDocumentInputSchema, input, 'MinutesDocumentInput');
  const words = INSPECTION_TEAM_WORDS[data.teamKind];
  const team = orderTeam(data.team);
  const lead = team[0];
  const secretary = team.find((m) => m.role === 'secretary');
  const representative = data.unitRepresentatives[0];
  if (lead === undefined || representative === undefined) throw new Error('unreachable: validated above');
  const body: BodyBlock[] = [];
  const labelled = (label: string, text: string): BodyBlock => paragraph([bold(`${label}: `), run(text)]);

  body.push(labelled('Thời gian bắt đầu', `${formatClockTime(data.start.time)}, ${formatVietnameseDate(data.start.date)}.`));
  body.push(labelled('Địa điểm', `${data.unit.name}, ${endSentence(stripEnd(data.unit.address))}`));
  body.push(paragraph([bold('Căn cứ kiểm tra:')]));
  data.basis.forEach((ref, i) => body.push(basis(`Căn cứ ${formatLegalReference(ref)}${i === data.basis.length - 1 ? '.' : ';'}`)));

  body.push(paragraph([bold('Thành phần tham dự:')]));
  body.push(heading('clause', '1.', `${words.noun}:`));
  team.forEach((m, i) => body.push(bullet(`${personName(m)}, ${m.position}, ${m.organization} - ${words[m.role]}${i === team.length - 1 ? '.' : ';'}`)));
  body.push(heading('clause', '2.', 'Đại diện đơn vị được kiểm tra:'));
  data.unitRepresentatives.forEach((r, i) => body.push(bullet(`${personName(r)}, ${r.position}${i === data.unitRepresentatives.length - 1 ? '.' : ';'}`)));
  body.push(labelled('Chủ trì', `${personName(lead)} - ${words.lead}.`));
  if (secretary) body.push(labelled('Thư ký', `${personName(secretary)} - ${words.secretary}.`));
  body.push(labelled('Nội dung', `${stripEnd(data.subject)} tại ${data.unit.name}, kết quả như sau:`));

  body.push(heading('part', 'I.', 'KẾT QUẢ KIỂM TRA'));
  data.sections.forEach((section, i) => {
    const findings = data.findings.filter((f) => f.section === section.code);
    if (findings.length === 0) return;
    body.push(heading('point', pointLabel(i), `${stripEnd(section.title)}:`));
    for (const f of findings) body.push(bullet(findingRuns(f, VERDICT_LABELS[f.verdict].vi)));
  });

  body.push(portalParagraph(data.portal));

  body.push(heading('part', 'II.', 'Ý KIẾN GIẢI TRÌNH CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA'));
  body.push(paragraph(data.unitExplanation === null ? 'Đơn vị không có ý kiến giải trình.' : endSentence(data.unitExplanation)));

  body.push(heading('part', 'III.', `KẾT LUẬN VÀ YÊU CẦU CỦA ${words.noun.toUpperCase()}`));
  body.push(heading('clause', '1.', 'Kết luận:'));
  body.push(paragraph(endSentence(findingsConclusion(data.unit.name, data.findings))));
  body.push(paragraph(endSentence(data.assessment)));
  if (data.requests.length > 0) {
    body.push(heading('clause', '2.', `Yêu cầu đối với ${data.unit.name}:`));
    data.requests.forEach((r, i) => body.push(bullet(`${formatRequestText(r)}${i === data.requests.length - 1 ? '.' : ';'}`)));
  }

  const sameDay = data.end.date === data.start.date;
  body.push(paragraph(`Biên bản kết thúc vào hồi ${formatClockTime(data.end.time)}${sameDay ? ' cùng ngày' : `, ${formatVietnameseDate(data.end.date)}`}.`));
  const keep = data.copies === 2 ? 'mỗi bên giữ 01 bản' : `đơn vị được kiểm tra giữ 01 bản, ${words.noun} giữ ${pad2(data.copies - 1)} bản`;
  const copies = `Biên bản được lập thành ${pad2(data.copies)} bản có giá trị như nhau, ${keep}.`;
  if (data.refusal === null) {
    body.push(paragraph(`${copies} ${endDocument('Các thành viên tham dự đã đọc lại, nhất trí ký tên vào biên bản')}`));
  } else {
    const who = `${personName(representative)} - ${representative.position}`;
    const witnessed = data.witness === null ? '' : ` trước sự chứng kiến của ${data.witness.fullName} - ${data.witness.position}, ${data.witness.organization}`;
    body.push(paragraph(`${copies} Biên bản đã được đọc lại cho các thành viên tham dự cùng nghe.`));
    body.push(
      paragraph(
        `Đại diện đơn vị ${data.unit.name} (${who}) từ chối ký biên bản${witnessed}; lý do: ${stripEnd(data.refusal.reason)}. ${endDocument(
          `${words.noun} ghi nhận việc từ chối ký${data.witness === null ? '' : ', người chứng kiến'} và các thành viên ${words.noun} ký tên vào biên bản`,
        )}`,
      ),
    );
  }

  const column = (title: string, fullName: string | null, instruction = '(Ký, ghi rõ họ tên)'): SignerColumn => ({
    authority: null,
    authorityOf: null,
    title,
    instruction,
    fullName,
    refusal: null,
  });
  const unitColumn: SignerColumn = {
    ...column('ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', data.refusal === null ? representative.fullName : null, '(Ký, ghi rõ họ tên, đóng dấu)'),
    refusal: data.refusal === null ? null : '(Từ chối ký)',
  };
  const signers: SignerColumn[] = [unitColumn];
  if (data.refusal !== null && data.witness !== null) signers.push(column('NGƯỜI CHỨNG KIẾN', data.witness.fullName));
  if (data.membersSign) {
    const others = team.filter((m) => m !== lead && m.role !== 'secretary');
    const secretaries = team.filter((m) => m.role === 'secretary');
    const room = 6 - signers.length - 1 - secretaries.length;
    for (const m of others.slice(0, Math.max(0, room))) signers.push(column(words[m.role].toUpperCase(), m.fullName));
    for (const m of secretaries) signers.push(column(words.secretary.toUpperCase(), m.fullName));
  } else if (data.secretarySigns && secretary) {
    signers.push(column('NGƯỜI LẬP BIÊN BẢN', secretary.fullName));
  }
  signers.push(column(words.leadSignature, lead.fullName));

  return {
    kind: 'BB',
    // Minutes print no date line (the meeting's time and place open the text): the file's date is the meeting's day.
    date: data.start.date,
    header: headerOf(data.issuer, { number: data.number, symbol: `BB-${data.issuer.code}`, showNumber: data.showNumber, date: null }),
    title: { type: 'BIÊN BẢN', summary: `${stripEnd(data.subject)} tại ${data.unit.name}` },
    addressees: [],
    body,
    signature: { signers },
    recipients: null,
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}

/** The sentence under the findings with the PC-Covid portal's figures for the unit, or that it has none. */
function portalParagraph(portal: MinutesPortalFigures | null): BodyBlock {
  const label = 'Số liệu trên hệ thống quản lý PC-Covid';
  if (portal === null) return paragraph([bold(`${label}: `), run('Chưa có số liệu từ hệ thống quản lý PC-Covid về đơn vị.')]);
  const zero = portal.zeroScanDays === 0 ? 'không có ngày nào không có lượt quét' : `${formatFigure(portal.zeroScanDays)} ngày không có lượt quét`;
  return paragraph([
    bold(`${label} `),
    run(
      `(từ ngày ${formatShortDate(portal.period.from)} đến ngày ${formatShortDate(portal.period.to)}): ${formatFigure(portal.qrPoints)} điểm mã QR đã khai báo; ${formatFigure(portal.scans)} lượt quét trong ${formatFigure(portal.days)} ngày có số liệu, ${zero}.`,
    ),
  ]);
}

/**
 * The conclusion the findings support, with their counts: how many items were met out of those
 * that apply, and which were not ("b2 …").
 */
export function findingsConclusion(unitName: string, findings: readonly { itemCode: string; label: string; verdict: string; note: string | null }[]): string {
  const applicable = findings.filter((f) => f.verdict !== 'not_applicable');
  const met = applicable.filter((f) => f.verdict === 'met').length;
  const notMet = applicable.filter((f) => f.verdict === 'not_met');
  const na = findings.length - applicable.length;
  const naText = na > 0 ? `; ${pad2(na)} nội dung không áp dụng đối với đơn vị` : '';
  if (notMet.length === 0) return `${unitName} đạt ${pad2(met)}/${pad2(applicable.length)} nội dung kiểm tra áp dụng đối với đơn vị${naText}`;
  const list = notMet.map((f) => `${f.itemCode} (${stripEnd(f.label)})`).join('; ');
  return `${unitName} đạt ${pad2(met)}/${pad2(applicable.length)} nội dung kiểm tra áp dụng đối với đơn vị, chưa đạt ${pad2(notMet.length)} nội dung: ${list}${naText}`;
}
