import { describe, expect, it } from 'vitest';
import { justifiedInlines } from './pdf-inline.js';

const run = (text: string, bold = false) => ({ text, bold, italic: false, underline: false });

describe('justifiedInlines', () => {
  it('gives a word pdfmake could break inside its own unbreakable inline, so "PC-Covid" never splits at the hyphen', () => {
    // Plain words go together (pdfmake splits them at the spaces only): fewer inlines, same lines.
    expect(justifiedInlines([run('hệ thống PC-Covid và COVID-19.')])).toEqual([
      { text: 'hệ thống ' },
      { text: 'PC-Covid ', noWrap: true },
      { text: 'và ' },
      { text: 'COVID-19.', noWrap: true },
    ]);
  });

  it('moves punctuation after a style change into the word before it', () => {
    expect(justifiedInlines([run('Kết quả: '), run('Đạt', true), run('. Ghi chú')])).toEqual([
      { text: 'Kết quả: ' },
      { text: 'Đạt.', bold: true, noWrap: true },
      { text: ' ', noWrap: true },
      { text: 'Ghi ' },
      { text: 'chú', noWrap: true },
    ]);
  });

  it('lets an overlong token break rather than run into the margin, in pieces not stretched by justification', () => {
    const inlines = justifiedInlines([run('x'.repeat(60))]);
    expect(inlines.map((i) => i.text).join('')).toBe('x'.repeat(60));
    expect(inlines.every((i) => i.noWrap === undefined && i.alignment === 'left')).toBe(true);
    expect(justifiedInlines([run('x'.repeat(60))], { justify: false }).every((i) => i.alignment === undefined)).toBe(true);
  });

  it('keeps italics and underline', () => {
    expect(justifiedInlines([{ text: 'Căn cứ', bold: false, italic: true, underline: true }])).toEqual([
      { text: 'Căn ', italics: true, decoration: 'underline' },
      { text: 'cứ', italics: true, decoration: 'underline', noWrap: true },
    ]);
  });
});
