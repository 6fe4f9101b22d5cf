/** @internal Inline runs → docx TextRuns. */
import { TextRun } from 'docx';
import type { InlineRun } from '@pccovid-inspect/core/documents';
import { xmlSafe } from './docx-xml.js';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** A run of plain text with a style. */
export function textRun(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), bold: style.bold, italics: style.italics, size: style.size });
}

/** Document runs, each keeping its own emphasis, plus a style applied to all. */
export function docRuns(runs: readonly InlineRun[], style: RunStyle = {}): TextRun[] {
  return runs.map(
    (r) =>
      new TextRun({
        text: xmlSafe(r.text),
        bold: r.bold || style.bold || undefined,
        italics: r.italic || style.italics || undefined,
        underline: r.underline ? {} : undefined,
        size: style.size,
      }),
  );
}
