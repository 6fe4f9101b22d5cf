import type { OfficialDocument } from './official-document.js';
import type { BodyBlock } from './body-block.js';
import { runsText } from './inline-run.js';
import { formatDocumentNumber } from './number-and-symbol.js';
import { formatPlaceAndDate } from './place-and-date.js';
import { signerHeadingLines } from './signature-block.js';
import { formatRecipientLines } from './recipients-block.js';
import { formatChartValue } from './bar-chart-block.js';
import { formatAddresseeLines } from './addressee-lines.js';

/**
 * The text of one body block as lines, in reading order (table cells joined by " | ").
 *
 * @example
 * ```ts
 * bodyBlockPlainText({ type: 'basis', text: 'Căn cứ …;' }) // ['Căn cứ …;']
 * ```
 */
export function bodyBlockPlainText(block: BodyBlock): string[] {
  switch (block.type) {
    case 'paragraph':
      return [runsText(block.runs)];
    case 'heading':
      return [[block.label, block.text, runsText(block.continuation)].filter((part) => part !== '').join(' ')];
    case 'bullet':
      return [`${block.marker} ${runsText(block.runs)}`];
    case 'basis':
      return [block.text];
    case 'table': {
      const lines = block.caption === null ? [] : [block.caption];
      lines.push(block.columns.map((c) => c.title).join(' | '));
      for (const row of block.rows) lines.push(row.join(' | '));
      for (const row of block.footerRows) lines.push(row.join(' | '));
      return lines;
    }
    case 'barChart': {
      const lines = [block.title];
      block.categories.forEach((category, i) => {
        const values = block.series.map((s) => `${s.name}: ${formatChartValue(s.values[i] ?? 0, block.unit)}`);
        lines.push(`${category} — ${values.join('; ')}`);
      });
      return lines;
    }
  }
}

/**
 * The whole text of a document as lines, in reading order — header, title, "Kính gửi", body,
 * signatures, "Nơi nhận", appendices — the words a renderer must put on the page. Useful for
 * search, previews, and checking a renderer lost nothing.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';
 * officialDocumentPlainText(buildPlanDocument(HA_TINH_2021_PLAN_INPUT))[0] // 'UBND TỈNH HÀ TĨNH'
 * ```
 */
export function officialDocumentPlainText(doc: OfficialDocument): string[] {
  const lines: string[] = [];
  const h = doc.header;
  if (h.parentBody !== null) lines.push(h.parentBody);
  lines.push(h.issuingBody);
  if (h.number !== null) lines.push(formatDocumentNumber(h.number));
  if (h.subjectLine !== null) lines.push(h.subjectLine);
  lines.push(h.nationalTitle, h.motto);
  if (h.placeAndDate !== null) lines.push(formatPlaceAndDate(h.placeAndDate));
  if (doc.title !== null) {
    lines.push(doc.title.type);
    if (doc.title.summary !== null) lines.push(doc.title.summary);
  }
  lines.push(...formatAddresseeLines(doc.addressees));
  for (const block of doc.body) lines.push(...bodyBlockPlainText(block));
  for (const signer of doc.signature?.signers ?? []) {
    lines.push(...signerHeadingLines(signer));
    if (signer.instruction !== null) lines.push(signer.instruction);
    if (signer.refusal !== null) lines.push(signer.refusal);
    if (signer.fullName !== null) lines.push(signer.fullName);
  }
  if (doc.recipients !== null) lines.push(doc.recipients.label, ...formatRecipientLines(doc.recipients));
  for (const appendix of doc.appendices) {
    lines.push(appendix.label, appendix.title);
    if (appendix.reference !== null) lines.push(appendix.reference);
    for (const block of appendix.blocks) lines.push(...bodyBlockPlainText(block));
  }
  return lines;
}
