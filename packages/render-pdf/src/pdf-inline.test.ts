import { describe, expect, it } from 'vitest';
import { justifiedInlines } from './pdf-inline.js';

const run = (text: string, bold = false) => ({ text, bold, italic: false, underline: false });

describe('justifiedInlines', () => {
  it('gives each word its own unbreakable inline, so "PC-Covid" never splits at the hyphen', () => {
    expect(justifiedInlines([run('hệ thống PC-Covid và COVID-19.')])).toEqual([
      { text: 'hệ ', noWrap: true },
      { text: 'thống ', noWrap: true },
      { text: 'PC-Covid ', noWrap: true },
      { text: 'và ', noWrap: true },
      { text: 'COVID-19.', noWrap: true },
    ]);
  });

  it('moves punctuation after a style change into the word before it', () => {
    expect(justifiedInlines([run('Kết quả: '), run('Đạt', true), run('. Ghi chú')])).toEqual([
      { text: 'Kết ', noWrap: true },
      { text: 'quả: ', noWrap: true },
      { text: 'Đạt.', bold: true, noWrap: true },
      { text: ' ', noWrap: true },
      { text: 'Ghi ', noWrap: true },
      { text: 'chú', noWrap: true },
    ]);
  });

  it('lets an overlong token break rather than run into the margin', () => {
    const [inline] = justifiedInlines([run('x'.repeat(60))]);
    expect(inline?.noWrap).toBeUndefined();
  });

  it('keeps italics and underline', () => {
    expect(justifiedInlines([{ text: 'Căn cứ', bold: false, italic: true, underline: true }])).toEqual([
      { text: 'Căn ', italics: true, decoration: 'underline', noWrap: true },
      { text: 'cứ', italics: true, decoration: 'underline', noWrap: true },
    ]);
  });
});
