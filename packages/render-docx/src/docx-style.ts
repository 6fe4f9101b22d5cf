/** @internal Decree 30 numbers in WordprocessingML units: twips (1/20 pt) and half-points. */
import { DECREE30_LAYOUT, decree30HeaderColumnsPt, decree30LinePitchPt, decree30TextWidthPt, mmToTwip } from '@pccovid-inspect/core/documents';

/** Points → twips, rounded. */
export function twip(pt: number): number {
  return Math.round(pt * 20);
}

/** Points → half-points (`w:sz`), rounded. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

export const SIZES = DECREE30_LAYOUT.sizesPt;
export const PAGE = { width: mmToTwip(DECREE30_LAYOUT.pageMm.width), height: mmToTwip(DECREE30_LAYOUT.pageMm.height) };
export const MARGINS = {
  top: mmToTwip(DECREE30_LAYOUT.marginsMm.top),
  bottom: mmToTwip(DECREE30_LAYOUT.marginsMm.bottom),
  left: mmToTwip(DECREE30_LAYOUT.marginsMm.left),
  right: mmToTwip(DECREE30_LAYOUT.marginsMm.right),
  header: mmToTwip(DECREE30_LAYOUT.pageNumberTopMm),
  footer: mmToTwip(DECREE30_LAYOUT.pageNumberTopMm),
};
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
export const TEXT_WIDTH_PT = decree30TextWidthPt();
export const HEADER_COLUMNS = (() => {
  const c = decree30HeaderColumnsPt();
  return { left: twip(c.left), right: twip(c.right), overhang: twip(c.overhang) };
})();
export const INDENT = mmToTwip(DECREE30_LAYOUT.firstLineIndentMm);
export const AFTER = twip(DECREE30_LAYOUT.paragraphAfterPt);
/** Line spacing "multiple" for the document defaults (Word's 1.15 lines). */
export const LINE = Math.round(240 * DECREE30_LAYOUT.lineHeight);
/** Body text baseline-to-baseline distance, as an exact line height (the same pitch as the PDF). */
export const BODY_LINE_EXACT = twip(decree30LinePitchPt());
export const SIGNATURE_SPACE = mmToTwip(DECREE30_LAYOUT.signatureSpaceMm);
/** Rule weight in eighths of a point (`w:sz` of a border). */
export const RULE_SZ = Math.max(2, Math.round(DECREE30_LAYOUT.ruleWeightPt * 8));
