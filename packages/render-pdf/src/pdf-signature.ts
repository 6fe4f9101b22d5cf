/** @internal The signature block and "Nơi nhận", bottom of the last page of the body. */
import type { Column, Content, ContentStack } from 'pdfmake/interfaces';
import { DECREE30_LAYOUT, formatRecipientLines, signerHeadingLines, type OfficialDocument, type RecipientsBlock, type SignerColumn } from '@pccovid-inspect/core';
import { SIGNATURE_SPACE, SIZES, TEXT_WIDTH } from './pdf-style.js';

function signerStack(column: SignerColumn): ContentStack {
  const stack: Content[] = signerHeadingLines(column).map((line) => ({ text: line, bold: true, fontSize: SIZES.signer }));
  if (column.instruction !== null) stack.push({ text: column.instruction, italics: true, fontSize: SIZES.signerInstruction });
  if (column.refusal !== null) {
    stack.push({ text: column.refusal, italics: true, fontSize: SIZES.signer, margin: [0, SIGNATURE_SPACE / 2 - 8, 0, SIGNATURE_SPACE / 2 - 8] });
  } else {
    stack.push({ text: ' ', margin: [0, SIGNATURE_SPACE - 14, 0, 0] });
  }
  stack.push({ text: column.fullName ?? ' ', bold: true, fontSize: SIZES.signer });
  return { stack, alignment: 'center', lineHeight: 1.05 };
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

/** Recipients left and one signer right; or two or three signer columns, recipients below. */
export function pdfSignature(doc: OfficialDocument): Content[] {
  const signers = doc.signature?.signers ?? [];
  const recipients = doc.recipients;
  if (signers.length === 1 && signers[0] !== undefined) {
    const recipientsWidth = TEXT_WIDTH * DECREE30_LAYOUT.recipientsShare;
    return [
      {
        columns: [
          recipients === null ? { width: recipientsWidth, text: '' } : ({ width: recipientsWidth, ...recipientsStack(recipients), margin: [0, 3, 0, 0] } satisfies Column),
          { width: '*', ...signerStack(signers[0]) } satisfies Column,
        ],
        margin: [0, 6, 0, 0],
        unbreakable: true,
      },
    ];
  }
  const out: Content[] = [];
  if (signers.length > 1) {
    out.push({ columns: signers.map((s): Column => ({ width: '*', ...signerStack(s) })), columnGap: 8, margin: [0, 6, 0, 0], unbreakable: true });
  }
  if (recipients !== null) out.push({ ...recipientsStack(recipients), margin: [0, 12, 0, 0], unbreakable: true });
  return out;
}
