/** @internal Paragraph styles for table cells, one per size × alignment × weight actually used. */
import { AlignmentType, type IParagraphStyleOptions } from 'docx';

export type CellAlign = 'left' | 'center' | 'right';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const LETTER = { left: 'L', center: 'C', right: 'R' } as const;

/**
 * Cells carry a style id instead of repeating spacing, size and alignment in every cell —
 * a 5,000-row table writes one short `w:pStyle` per cell.
 */
export class CellStyles {
  private readonly used = new Map<string, IParagraphStyleOptions>();

  /**
   * The style id for cells of this size (half-points), alignment and weight; `keepNext` keeps the
   * row with the next one (a header row with the first body row).
   */
  id(halfPoints: number, align: CellAlign, bold = false, keepNext = false): string {
    const id = `PcciCell${halfPoints}${LETTER[align]}${bold ? 'B' : ''}${keepNext ? 'K' : ''}`;
    if (!this.used.has(id)) {
      this.used.set(id, {
        id,
        name: `PCCI table cell ${halfPoints / 2} pt ${align}${bold ? ' bold' : ''}${keepNext ? ' keep with next' : ''}`,
        quickFormat: false,
        paragraph: {
          spacing: { before: 0, after: 0, line: 240 },
          alignment: ALIGN[align],
          indent: { firstLine: 0, left: 0, right: 0 },
          ...(keepNext ? { keepNext: true, keepLines: true } : {}),
        },
        run: { size: halfPoints, bold },
      });
    }
    return id;
  }

  /** The styles to declare in the document, in the order first used. */
  definitions(): IParagraphStyleOptions[] {
    return [...this.used.values()];
  }
}
