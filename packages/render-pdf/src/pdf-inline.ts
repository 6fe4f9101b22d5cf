/**
 * @internal Runs → pdfmake inlines for justified text, one inline per word.
 *
 * pdfmake justifies a line by spreading the slack over every boundary between inlines — and it
 * breaks words after hyphens ("PC-|Covid", "COVID-|19") into separate inlines, so a justified
 * line showed "PC- Covid". Giving each word its own `noWrap` inline (breaks only at spaces) and
 * moving punctuation that follows a style change into the word before it ("Đạt" + "." → "Đạt.")
 * leaves slack only at real spaces.
 */
import type { InlineRun } from '@pccovid-inspect/core/documents';

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  decoration?: 'underline';
  noWrap?: boolean;
}

/** Words longer than this may still break (e.g. a long URL), rather than overflow the margin. */
const MAX_UNBROKEN = 40;

function styled(run: Pick<InlineRun, 'bold' | 'italic' | 'underline'>, text: string, extraBold: boolean): PdfInline {
  const out: PdfInline = { text };
  if (run.bold || extraBold) out.bold = true;
  if (run.italic) out.italics = true;
  if (run.underline) out.decoration = 'underline';
  return out;
}

/** Moves punctuation glued to the end of the previous run into it, so no boundary falls inside a word. */
function gluePunctuation(runs: readonly InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && !/\s$/u.test(prev.text)) {
      const m = /^[.,;:!?)\]”’…]+/u.exec(run.text);
      if (m) {
        out[out.length - 1] = { ...prev, text: prev.text + m[0] };
        const rest = run.text.slice(m[0].length);
        if (rest !== '') out.push({ ...run, text: rest });
        continue;
      }
    }
    if (run.text !== '') out.push({ ...run });
  }
  return out;
}

/** Inlines for justified text: one per word (with its trailing spaces), words unbreakable. */
export function justifiedInlines(runs: readonly InlineRun[], options: { bold?: boolean } = {}): PdfInline[] {
  const out: PdfInline[] = [];
  for (const run of gluePunctuation(runs)) {
    const words = run.text.match(/\s+|\S+\s*/gu) ?? [];
    for (const word of words) {
      const inline = styled(run, word, options.bold ?? false);
      if (word.trimEnd().length <= MAX_UNBROKEN) inline.noWrap = true;
      out.push(inline);
    }
  }
  return out;
}
