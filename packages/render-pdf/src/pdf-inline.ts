/**
 * @internal Runs → pdfmake inlines for justified text.
 *
 * pdfmake justifies a line by spreading the slack over every boundary between inlines — and it
 * breaks words after hyphens ("PC-|Covid", "COVID-|19") into separate inlines, so a justified
 * line showed "PC- Covid". A word pdfmake could break inside (a hyphen, a slash, …) gets its own
 * `noWrap` inline (breaks only at spaces), and punctuation that follows a style change moves into
 * the word before it ("Đạt" + "." → "Đạt."), which leaves slack only at real spaces.
 *
 * Cost. pdfmake flattens a paragraph's inlines with `concat` in a loop (quadratic in their number)
 * and lays a word wider than the line out by measuring ever shorter prefixes of the whole rest of
 * the word on every line (quadratic in its length: a 10,000-character word took minutes). So
 * plain words (letters, digits, closing punctuation, then spaces: no break opportunity but the
 * spaces) of one style go to pdfmake as one inline, which it splits at the spaces into the same
 * per-word inlines; and a word longer than `MAX_UNBROKEN` goes in pieces (see `./pdf-breaks.ts`).
 */
import type { InlineRun } from '@pccovid-inspect/core/documents';
import { chunkWord, MAX_UNBROKEN } from './pdf-breaks.js';

export interface PdfInline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  decoration?: 'underline';
  noWrap?: boolean;
  /** On the pieces of a long word in justified text: a line that starts inside the word is not stretched. */
  alignment?: 'left';
}

/** A word with no line-break opportunity but its trailing spaces: pdfmake may split such words itself. */
const PLAIN_WORD = /^[\p{L}\p{M}\p{N}]+[.,;:!?)\]”’…]*\s+$/u;

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

/**
 * Inlines for justified text: plain words of one style merged into one inline (pdfmake splits it
 * at the spaces), any other word in an unbreakable inline of its own, a word longer than
 * `MAX_UNBROKEN` in breakable pieces. pdfmake takes a line's alignment from its first inline and
 * would stretch a line cut inside a long word over the boundaries between its pieces; so with
 * `justify` (the default) the pieces are aligned left, which leaves such a line as it is.
 */
export function justifiedInlines(runs: readonly InlineRun[], options: { bold?: boolean; justify?: boolean } = {}): PdfInline[] {
  const out: PdfInline[] = [];
  for (const run of gluePunctuation(runs)) {
    const words = run.text.match(/\s+|\S+\s*/gu) ?? [];
    let plain = '';
    const flush = () => {
      if (plain !== '') out.push(styled(run, plain, options.bold ?? false));
      plain = '';
    };
    for (const word of words) {
      const length = word.trimEnd().length;
      if (length <= MAX_UNBROKEN && PLAIN_WORD.test(word)) {
        plain += word;
        continue;
      }
      flush();
      if (length <= MAX_UNBROKEN) {
        const inline = styled(run, word, options.bold ?? false);
        inline.noWrap = true;
        out.push(inline);
      } else {
        for (const piece of chunkWord(word)) {
          const inline = styled(run, piece, options.bold ?? false);
          if (options.justify ?? true) inline.alignment = 'left';
          out.push(inline);
        }
      }
    }
    flush();
  }
  return out;
}
