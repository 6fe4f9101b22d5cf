/** @internal Decree 30 numbers in points, as pdfmake wants them. */
import { DECREE30_LAYOUT, decree30TextWidthPt, mmToPt } from '@pccovid-inspect/core/documents';

/** The pdfmake font family name the renderer registers its fonts under. */
export const FONT_FAMILY = 'Decree30Serif';

export const SIZES = DECREE30_LAYOUT.sizesPt;
export const TEXT_WIDTH = decree30TextWidthPt();
export const MARGINS: [number, number, number, number] = [
  mmToPt(DECREE30_LAYOUT.marginsMm.left),
  mmToPt(DECREE30_LAYOUT.marginsMm.top),
  mmToPt(DECREE30_LAYOUT.marginsMm.right),
  mmToPt(DECREE30_LAYOUT.marginsMm.bottom),
];
export const INDENT = mmToPt(DECREE30_LAYOUT.firstLineIndentMm);
export const AFTER = DECREE30_LAYOUT.paragraphAfterPt;
export const LINE_HEIGHT = DECREE30_LAYOUT.lineHeight;
export const RULE = DECREE30_LAYOUT.ruleWeightPt;
export const SIGNATURE_SPACE = mmToPt(DECREE30_LAYOUT.signatureSpaceMm);
export const PAGE_NUMBER_TOP = mmToPt(DECREE30_LAYOUT.pageNumberTopMm);

/**
 * A node that keeps with what follows (a heading, a table caption) carries in its `headlineLevel`
 * the room, in points, it needs below its top: itself and the least of what follows that may not
 * be parted from it (two lines of a paragraph; a table's header and first row; a whole chart).
 * The document's `pageBreakBefore` callback moves it to the next page when that room is not left
 * (see `keepWithNextBreak` in `pdf-document-definition.ts`). pdfmake reports unreliable positions
 * for rows moved by `keepWithHeaderRows`, so the decision rests on the node's own top.
 */
export function keepWithNextLevel(roomPt: number): number {
  return Math.max(1, Math.ceil(roomPt));
}
