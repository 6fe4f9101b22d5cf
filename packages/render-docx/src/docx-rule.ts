/** @internal Short rules as an empty paragraph's top border, indented so it is `length` long and centred. */
import { BorderStyle, LineRuleType, Paragraph } from 'docx';
import { RULE_SZ } from './docx-style.js';

/** A rule `length` twips long, centred in a space `width` twips wide, `gap` twips below the text above. */
export function ruleParagraph(length: number, width: number, gap = 80): Paragraph {
  const side = Math.max(0, Math.round((width - Math.min(length, width)) / 2));
  return new Paragraph({
    spacing: { before: gap, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side, firstLine: 0 },
    border: { top: { style: BorderStyle.SINGLE, size: RULE_SZ, color: '000000', space: 0 } },
    run: { size: 2 },
  });
}
