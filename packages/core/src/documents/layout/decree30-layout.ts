/**
 * The Decree 30/2020 layout numbers (Appendix I) that every renderer uses, so a PDF and a DOCX
 * of the same document look alike. Sizes are points, lengths millimetres.
 *
 * - A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (allowed: 20–25, 30–35, 15–20).
 * - Times New Roman metrics; body 13 pt, justified, first-line indent 1.27 cm, 6 pt after each
 *   paragraph, line spacing 1.15 (allowed: single to 1.5).
 * - Header: parent body 12 upright, issuing body 12 bold with a rule 0.4× its width; national
 *   title 12 bold, motto 13 bold with a rule as long as the motto; number 13; date 13 italic.
 * - Title: type 14 bold, summary 13 bold with a short rule; a letter's "V/v …" 12 upright.
 * - Recipients: label 12 bold italic, entries 11; signer 13 bold; page number 13, top centre.
 *
 * @example
 * ```ts
 * const leftMarginPt = mmToPt(DECREE30_LAYOUT.marginsMm.left); // 85.04
 * ```
 */
export const DECREE30_LAYOUT = Object.freeze({
  pageMm: Object.freeze({ width: 210, height: 297 }),
  marginsMm: Object.freeze({ top: 20, bottom: 20, left: 30, right: 15 }),
  /** Distance of the page number from the top edge. */
  pageNumberTopMm: 10,
  fontFamily: 'Times New Roman',
  sizesPt: Object.freeze({
    body: 13,
    parentBody: 12,
    issuingBody: 12,
    nationalTitle: 12,
    motto: 13,
    number: 13,
    placeAndDate: 13,
    subjectLine: 12,
    documentType: 14,
    summary: 13,
    addressee: 13,
    signer: 13,
    signerInstruction: 12,
    recipientsLabel: 12,
    recipientsEntry: 11,
    pageNumber: 13,
    tableCaption: 13,
    chartLabel: 11,
    appendixLabel: 14,
  }),
  firstLineIndentMm: 12.7,
  paragraphAfterPt: 6,
  lineHeight: 1.15,
  /**
   * The header table reaches this far into the left margin, as Vietnamese templates do, so the
   * issuing body (12 pt bold) and the national title (12 pt bold) each fit on one line.
   */
  headerOverhangMm: 7,
  /** Share of the header table's width taken by its left column (issuing body); the rest is the national title's. */
  headerLeftShare: 0.455,
  /** Rule under the issuing body and under the summary: this share of the text's width (Decree: 1/3–1/2). */
  shortRuleShare: 0.4,
  ruleWeightPt: 0.6,
  /** Vertical room left for a handwritten signature and seal. */
  signatureSpaceMm: 24,
  /** Share of the text width for "Nơi nhận" beside a single signer. */
  recipientsShare: 0.5,
});

/**
 * The widths in points of the header's two columns (issuing body | national title), which together
 * span the text width plus {@link DECREE30_LAYOUT}`.headerOverhangMm`.
 *
 * @example
 * ```ts
 * const { left, right, overhang } = decree30HeaderColumnsPt(); // ≈ 221.8, 265.7, 19.8
 * ```
 */
export function decree30HeaderColumnsPt(): { left: number; right: number; overhang: number } {
  const overhang = mmToPt(DECREE30_LAYOUT.headerOverhangMm);
  const total = decree30TextWidthPt() + overhang;
  const left = total * DECREE30_LAYOUT.headerLeftShare;
  return { left, right: total - left, overhang };
}

/** Ascent plus descent of Times New Roman (and Tinos, Liberation Serif), in em: its natural line height. */
const TIMES_LINE_EM = (1825 + 443) / 2048;

/**
 * The distance between baselines of body text: the font's natural line height × the Decree 30
 * line spacing (1.15). A PDF renderer gets it from the font; a DOCX renderer writes it as an exact
 * line height, because Word and LibreOffice scale "1.15 lines" differently.
 *
 * @example
 * ```ts
 * decree30LinePitchPt(13)      // ≈ 16.6 (body)
 * decree30LinePitchPt(14, 1.1) // ≈ 17.0 (title lines)
 * ```
 */
export function decree30LinePitchPt(fontSizePt: number = DECREE30_LAYOUT.sizesPt.body, spacing: number = DECREE30_LAYOUT.lineHeight): number {
  return fontSizePt * TIMES_LINE_EM * spacing;
}

/**
 * Millimetres to PostScript points.
 *
 * @example
 * ```ts
 * mmToPt(25.4) // 72
 * ```
 */
export function mmToPt(mm: number): number {
  return (mm * 72) / 25.4;
}

/**
 * Millimetres to twentieths of a point (twips), WordprocessingML's unit, rounded.
 *
 * @example
 * ```ts
 * mmToTwip(25.4) // 1440
 * ```
 */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/**
 * The text width of the page in points: A4 width less the left and right margins.
 *
 * @example
 * ```ts
 * decree30TextWidthPt() // ≈ 467.7 (165 mm)
 * ```
 */
export function decree30TextWidthPt(): number {
  const { pageMm, marginsMm } = DECREE30_LAYOUT;
  return mmToPt(pageMm.width - marginsMm.left - marginsMm.right);
}
