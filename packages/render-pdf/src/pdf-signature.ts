/** @internal The signature block and "Nơi nhận", bottom of the last page of the body. */
import type { Column, Content, ContentStack } from 'pdfmake/interfaces';
import { DECREE30_LAYOUT, formatRecipientLines, signerHeadingLines, type RecipientsBlock, type SignerColumn } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { SIGNATURE_SPACE, SIZES, TEXT_WIDTH } from './pdf-style.js';

/** Authority line, title and instruction: the top of a signature column. */
function signerHeading(column: SignerColumn): ContentStack {
  const stack: Content[] = signerHeadingLines(column).map((line) => ({ text: line, bold: true, fontSize: SIZES.signer }));
  if (column.instruction !== null) stack.push({ text: column.instruction, italics: true, fontSize: SIZES.signerInstruction });
  return { stack, alignment: 'center', lineHeight: 1.05 };
}

/** Room for the signature and seal (or the recorded refusal, in its middle), then the name. */
function signerFoot(column: SignerColumn): ContentStack {
  const half = SIGNATURE_SPACE / 2 - 8;
  return {
    stack: [
      { text: column.refusal ?? ' ', italics: true, fontSize: SIZES.signer, margin: [0, half, 0, half] },
      { text: column.fullName ?? ' ', bold: true, fontSize: SIZES.signer },
    ],
    alignment: 'center',
    lineHeight: 1.05,
  };
}

/** The room for the signature and seal, with a recorded refusal in its middle: one row of the multi-signer table. */
function signerRoom(column: SignerColumn): ContentStack {
  const half = SIGNATURE_SPACE / 2 - 8;
  return { stack: [{ text: column.refusal ?? ' ', italics: true, fontSize: SIZES.signer, margin: [0, half, 0, half] }], alignment: 'center', lineHeight: 1.05 };
}

/** The full name under the room: the last row of the multi-signer table. */
function signerName(column: SignerColumn): ContentStack {
  return { stack: [{ text: column.fullName ?? ' ', bold: true, fontSize: SIZES.signer }], alignment: 'center', lineHeight: 1.05 };
}

function recipientsStack(block: RecipientsBlock): ContentStack {
  return {
    stack: [
      { text: block.label, bold: true, italics: true, fontSize: SIZES.recipientsLabel },
      ...formatRecipientLines(block).map((line) => ({ text: line, fontSize: SIZES.recipientsEntry })),
    ],
    lineHeight: 1,
  };
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
export function pdfSignature(doc: OfficialDocument): Content[] {
  const signers = doc.signature?.signers ?? [];
  const recipients = doc.recipients;
  if (signers.length === 1 && signers[0] !== undefined) {
    const recipientsWidth = TEXT_WIDTH * DECREE30_LAYOUT.recipientsShare;
    return [
      {
        columns: [
          recipients === null ? { width: recipientsWidth, text: '' } : ({ width: recipientsWidth, ...recipientsStack(recipients), margin: [0, 3, 0, 0] } satisfies Column),
          { width: '*', stack: [signerHeading(signers[0]), signerFoot(signers[0])] } satisfies Column,
        ],
        margin: [0, 6, 0, 0],
        unbreakable: true,
      },
    ];
  }
  const out: Content[] = [];
  if (signers.length > 1) {
    // At most three columns a row (four to six signers take two rows), each row a table of
    // headings, the room for signatures (or a recorded refusal) and names — so names line up even
    // when a heading or a refusal wraps. All rows go to a page together.
    const rows = signerRows(signers);
    out.push({
      stack: rows.map((row, r) => ({
        table: { widths: row.map(() => '*'), body: [row.map(signerHeading), row.map(signerRoom), row.map(signerName)], dontBreakRows: true },
        layout: { defaultBorder: false, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 0, paddingBottom: () => 0 },
        margin: [0, r === 0 ? 0 : 12, 0, 0],
      })),
      margin: [0, 6, 0, 0],
      unbreakable: true,
    });
  }
  if (recipients !== null) out.push({ ...recipientsStack(recipients), margin: [0, 12, 0, 0], unbreakable: true });
  return out;
}
