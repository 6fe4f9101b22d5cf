/** @internal Paragraphs, headings, bullets and basis lines, Decree 30 style. */
import type { Content, ContentText } from 'pdfmake/interfaces';
import type { BodyBlock, HeadingBlock, InlineRun } from '@pccovid-inspect/core';
import { match } from './pdf-match.js';
import { AFTER, INDENT } from './pdf-style.js';
import { pdfTable } from './pdf-table.js';
import { pdfBarChart } from './pdf-chart.js';

type Inline = { text: string; bold?: boolean; italics?: boolean; decoration?: 'underline' };

function inline(run: InlineRun, extra: { bold?: boolean } = {}): Inline {
  const out: Inline = { text: run.text };
  if (run.bold || extra.bold) out.bold = true;
  if (run.italic) out.italics = true;
  if (run.underline) out.decoration = 'underline';
  return out;
}

function justified(text: Inline[], options: { italics?: boolean } = {}): Content {
  const out: ContentText = { text: text as ContentText['text'], alignment: 'justify', leadingIndent: INDENT, margin: [0, 0, 0, AFTER] };
  if (options.italics) out.italics = true;
  return out;
}

function headingContent(h: HeadingBlock): Content {
  const strong = h.level !== 'point';
  const parts: Inline[] = [{ text: h.label, bold: strong }];
  if (h.text !== '') parts.push({ text: ` ${h.text}`, bold: h.level !== 'point' });
  h.continuation.forEach((r, i) => parts.push(inline(i === 0 ? { ...r, text: ` ${r.text}` } : r)));
  return justified(parts);
}

/** One body block as pdfmake content. */
export function pdfBlock(block: BodyBlock): Content {
  return match(block, {
    paragraph: (p) => {
      const text = p.runs.map((r) => inline(r));
      const out: ContentText = { text: text as ContentText['text'], alignment: p.align, margin: [0, 0, 0, AFTER] };
      if (p.firstLineIndent) out.leadingIndent = INDENT;
      return out;
    },
    heading: headingContent,
    bullet: (b) => justified([{ text: `${b.marker} ` }, ...b.runs.map((r) => inline(r))]),
    basis: (b) => justified([{ text: b.text }], { italics: true }),
    table: pdfTable,
    barChart: pdfBarChart,
  });
}
