/** @internal The signature block and "Nơi nhận", as a borderless table that does not split across pages. */
import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { DECREE30_LAYOUT, formatRecipientLines, signerHeadingLines, type RecipientsBlock, type SignerColumn } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { SIGNATURE_SPACE, SIZES, TEXT_WIDTH, halfPoints } from './docx-style.js';
import { textRun, type RunStyle } from './docx-runs.js';

const ZERO = { top: 0, bottom: 0, left: 0, right: 0 };
/** The space between the body and the signature block, in twips (a 4 pt line). */
const GAP_ABOVE = 92;

function centred(text: string, style: RunStyle, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after: 0, line: 252 }, indent: { firstLine: 0 }, keepNext: true, children: [textRun(text, style)] });
}

/** Authority line, title and instruction: the top of a signature column. */
function signerHeading(column: SignerColumn): Paragraph[] {
  const out = signerHeadingLines(column).map((l) => centred(l, { bold: true, size: halfPoints(SIZES.signer) }));
  if (column.instruction !== null) out.push(centred(column.instruction, { italics: true, size: halfPoints(SIZES.signerInstruction) }));
  return out;
}

/** Room for the signature and seal (or the recorded refusal, in its middle), then the name. */
function signerFoot(column: SignerColumn): Paragraph[] {
  const size = halfPoints(SIZES.signer);
  const half = Math.round(SIGNATURE_SPACE / 2) - 120;
  return [centred(column.refusal ?? '', { italics: true, size }, half), centred(column.fullName ?? '', { bold: true, size }, half)];
}

function recipientParagraphs(block: RecipientsBlock): Paragraph[] {
  const line = (text: string, style: RunStyle, before = 0) =>
    new Paragraph({ spacing: { before, after: 0, line: 240 }, indent: { firstLine: 0 }, keepNext: true, children: [textRun(text, style)] });
  return [
    line(block.label, { bold: true, italics: true, size: halfPoints(SIZES.recipientsLabel) }, 60),
    ...formatRecipientLines(block).map((l) => line(l, { size: halfPoints(SIZES.recipientsEntry) })),
  ];
}

/** A borderless table of `rows`; `topSpace` (twips) above its first row, inside the cells. */
function grid(widths: number[], rows: Paragraph[][][], topSpace = 0): Table {
  return new Table({
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                margins: r === 0 && topSpace > 0 ? { ...ZERO, top: topSpace } : ZERO,
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
    borders: TableBorders.NONE,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    margins: ZERO,
  });
}

/** Signers in rows of at most three, as even as can be (4 → 2 + 2, 5 → 3 + 2, 6 → 3 + 3). */
function signerRows<T>(signers: readonly T[]): T[][] {
  const rows = Math.ceil(signers.length / 3);
  const per = Math.ceil(signers.length / rows);
  const out: T[][] = [];
  for (let i = 0; i < signers.length; i += per) out.push(signers.slice(i, i + per));
  return out;
}

/** Recipients left and one signer right; or two to six signers in rows of at most three, recipients below. */
export function docxSignature(doc: OfficialDocument): (Paragraph | Table)[] {
  const signers = doc.signature?.signers ?? [];
  const recipients = doc.recipients;
  // The space between the body and the block is the top margin of its first row, not an empty
  // paragraph: when the block moves to the next page LibreOffice takes along only the one paragraph
  // that keeps with it — with a spacer there, the spacer, leaving every body line behind.
  const out: (Paragraph | Table)[] = [];
  if (signers.length === 1 && signers[0] !== undefined) {
    const left = Math.round(TEXT_WIDTH * DECREE30_LAYOUT.recipientsShare);
    out.push(grid([left, TEXT_WIDTH - left], [[recipients === null ? [] : recipientParagraphs(recipients), [...signerHeading(signers[0]), ...signerFoot(signers[0])]]], GAP_ABOVE));
    return out;
  }
  if (signers.length > 1) {
    // At most three columns a row (four to six signers take two rows), each row a table of
    // headings, the room for signatures (or a recorded refusal) and names — so names line up even
    // when a heading or a refusal wraps. Every row keeps with the next (can't split, keep with next).
    signerRows(signers).forEach((row, r) => {
      const width = Math.floor(TEXT_WIDTH / row.length);
      const widths = row.map((_, i) => (i === row.length - 1 ? TEXT_WIDTH - width * i : width));
      if (r > 0) out.push(new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, keepNext: true, run: { size: 16 } }));
      out.push(grid(widths, [row.map(signerHeading), row.map((c) => signerFoot(c).slice(0, 1)), row.map((c) => signerFoot(c).slice(1))], r === 0 ? GAP_ABOVE : 0));
    });
  }
  if (recipients !== null) out.push(new Paragraph({ spacing: { before: 240, after: 0 } }), ...recipientParagraphs(recipients));
  return out;
}
