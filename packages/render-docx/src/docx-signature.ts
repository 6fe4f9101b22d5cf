/** @internal The signature block and "Nơi nhận", as a borderless table that does not split across pages. */
import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { DECREE30_LAYOUT, formatRecipientLines, signerHeadingLines, type OfficialDocument, type RecipientsBlock, type SignerColumn } from '@pccovid-inspect/core';
import { SIGNATURE_SPACE, SIZES, TEXT_WIDTH, halfPoints } from './docx-style.js';
import { textRun, type RunStyle } from './docx-runs.js';

const ZERO = { top: 0, bottom: 0, left: 0, right: 0 };

function centred(text: string, style: RunStyle, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after: 0, line: 252 }, indent: { firstLine: 0 }, keepNext: true, children: [textRun(text, style)] });
}

function signerParagraphs(column: SignerColumn): Paragraph[] {
  const size = halfPoints(SIZES.signer);
  const out = signerHeadingLines(column).map((l) => centred(l, { bold: true, size }));
  if (column.instruction !== null) out.push(centred(column.instruction, { italics: true, size: halfPoints(SIZES.signerInstruction) }));
  if (column.refusal !== null) {
    out.push(centred(column.refusal, { italics: true, size }, Math.round(SIGNATURE_SPACE / 2) - 120));
    out.push(centred(column.fullName ?? '', { bold: true, size }, Math.round(SIGNATURE_SPACE / 2) - 120));
  } else {
    out.push(centred(column.fullName ?? '', { bold: true, size }, SIGNATURE_SPACE));
  }
  return out;
}

function recipientParagraphs(block: RecipientsBlock): Paragraph[] {
  const line = (text: string, style: RunStyle, before = 0) =>
    new Paragraph({ spacing: { before, after: 0, line: 240 }, indent: { firstLine: 0 }, keepNext: true, children: [textRun(text, style)] });
  return [
    line(block.label, { bold: true, italics: true, size: halfPoints(SIZES.recipientsLabel) }, 60),
    ...formatRecipientLines(block).map((l) => line(l, { size: halfPoints(SIZES.recipientsEntry) })),
  ];
}

function grid(columns: { width: number; children: Paragraph[] }[]): Table {
  return new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: columns.map((c) => new TableCell({ width: { size: c.width, type: WidthType.DXA }, margins: ZERO, children: c.children.length > 0 ? c.children : [new Paragraph({})] })),
      }),
    ],
    borders: TableBorders.NONE,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    margins: ZERO,
  });
}

/** Recipients left and one signer right; or two or three signer columns with recipients below. */
export function docxSignature(doc: OfficialDocument): (Paragraph | Table)[] {
  const signers = doc.signature?.signers ?? [];
  const recipients = doc.recipients;
  const out: (Paragraph | Table)[] = [new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, keepNext: true, run: { size: 8 } })];
  if (signers.length === 1 && signers[0] !== undefined) {
    const left = Math.round(TEXT_WIDTH * DECREE30_LAYOUT.recipientsShare);
    out.push(grid([{ width: left, children: recipients === null ? [] : recipientParagraphs(recipients) }, { width: TEXT_WIDTH - left, children: signerParagraphs(signers[0]) }]));
    return out;
  }
  if (signers.length > 1) {
    const width = Math.floor(TEXT_WIDTH / signers.length);
    out.push(grid(signers.map((s, i) => ({ width: i === signers.length - 1 ? TEXT_WIDTH - width * i : width, children: signerParagraphs(s) }))));
  }
  if (recipients !== null) out.push(new Paragraph({ spacing: { before: 240, after: 0 } }), ...recipientParagraphs(recipients));
  return out.length > 1 ? out : [];
}
