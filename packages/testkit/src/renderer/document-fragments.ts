import { bodyBlockPlainText, formatChartValue, officialDocumentPlainText, type BodyBlock } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';

function blockFragments(block: BodyBlock): string[] {
  switch (block.type) {
    case 'table':
      return [...(block.caption === null ? [] : [block.caption]), ...block.columns.map((c) => c.title), ...block.rows.flat(), ...block.footerRows.flat()];
    case 'barChart':
      return [block.title, ...block.categories, ...block.series.flatMap((s) => s.values.map((v) => formatChartValue(v, block.unit)))];
    case 'paragraph':
    case 'heading':
    case 'bullet':
    case 'basis':
      return bodyBlockPlainText(block);
  }
}

/**
 * Every piece of text a renderer must put into the file for a document, in reading order: the
 * header, title, "Kính gửi", signature and recipients lines (as `officialDocumentPlainText` gives
 * them), each paragraph, heading, bullet and basis line whole, and each table cell and chart label
 * on its own. Empty pieces are left out.
 *
 * @example
 * ```ts
 * documentFragments(doc).includes('Nơi nhận:') // true
 * ```
 */
export function documentFragments(doc: OfficialDocument): string[] {
  const frame = officialDocumentPlainText({ ...doc, body: [], appendices: doc.appendices.map((a) => ({ ...a, blocks: [] })) });
  const blocks = [...doc.body, ...doc.appendices.flatMap((a) => a.blocks)].flatMap(blockFragments);
  return [...frame, ...blocks].filter((f) => f.trim() !== '');
}

/**
 * The headings of a document: its type and summary, every outline heading, and appendix titles.
 *
 * @example
 * ```ts
 * documentHeadings(buildPlanDocument(HA_TINH_2021_PLAN_INPUT)).includes('I. MỤC ĐÍCH, YÊU CẦU') // true
 * ```
 */
export function documentHeadings(doc: OfficialDocument): string[] {
  const out: string[] = [];
  if (doc.title !== null) out.push(doc.title.type, ...(doc.title.summary === null ? [] : [doc.title.summary]));
  for (const block of [...doc.body, ...doc.appendices.flatMap((a) => a.blocks)]) {
    if (block.type === 'heading') out.push(...bodyBlockPlainText(block));
  }
  for (const a of doc.appendices) out.push(a.label, a.title);
  return out;
}
