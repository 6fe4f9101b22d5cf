import { describe, expect, it } from 'vitest';
import { TableBlockSchema } from '@pccovid-inspect/core/documents';
import { gridWidths, tableXml } from './docx-table-xml.js';
import { CellStyles } from './docx-cell-styles.js';
import { TEXT_WIDTH } from './docx-style.js';

const table = TableBlockSchema.parse({
  type: 'table',
  columns: [
    { title: 'TT', width: 1, align: 'center' },
    { title: 'Tên <đơn vị> & "mã"', width: 6 },
  ],
  rows: [
    ['1', 'Chợ A & B <cũ>\u0007'],
    ['2', ''],
  ],
  footerRows: [['', 'Tổng cộng']],
  fontSizePt: 10,
});

describe('tableXml', () => {
  it('marks the header row to repeat on every page and keeps rows whole', () => {
    const xml = tableXml(table, new CellStyles());
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.indexOf('<w:tblHeader/>')).toBeLessThan(xml.indexOf('TT'));
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(4);
    expect(tableXml({ ...table, repeatHeader: false }, new CellStyles())).not.toContain('w:tblHeader');
  });

  it('escapes markup and drops characters XML forbids', () => {
    const xml = tableXml(table, new CellStyles());
    expect(xml).toContain('Tên &lt;đơn vị&gt; &amp; &quot;mã&quot;');
    expect(xml).toContain('>Chợ A &amp; B &lt;cũ&gt;</w:t>');
    expect(xml).not.toContain('\u0007');
  });

  it('spans the text width exactly, in proportion to the weights', () => {
    expect(gridWidths([1, 6])).toEqual([Math.floor(TEXT_WIDTH / 7), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 7)]);
    expect(tableXml(table, new CellStyles())).toContain(`<w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>`);
  });

  it('styles cells by size, alignment and weight, declaring only the styles used', () => {
    const styles = new CellStyles();
    const xml = tableXml(table, styles);
    expect(xml).toContain('<w:pStyle w:val="PcciCell20CB"/>');
    expect(xml).toContain('<w:pStyle w:val="PcciCell20L"/>');
    expect(xml).toContain('<w:pStyle w:val="PcciCell20LB"/>');
    expect(
      styles
        .definitions()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['PcciCell20C', 'PcciCell20CB', 'PcciCell20CBK', 'PcciCell20L', 'PcciCell20LB']);
    expect(styles.definitions()[0]).toMatchObject({ run: { size: 20 }, paragraph: { spacing: { before: 0, after: 0 } } });
  });

  it('keeps the header row with the first body row (keep with next on its cells), and only it', () => {
    const styles = new CellStyles();
    const xml = tableXml(table, styles);
    const header = xml.slice(xml.indexOf('<w:tr>'), xml.indexOf('</w:tr>'));
    expect(header.match(/<w:pStyle w:val="PcciCell20CBK"\/>/g)).toHaveLength(2);
    expect(styles.definitions().find((s) => s.id === 'PcciCell20CBK')).toMatchObject({ paragraph: { keepNext: true, keepLines: true } });
    expect(styles.definitions().filter((s) => s.paragraph?.keepNext === true)).toHaveLength(1);
    // A table without body rows has nothing to keep its header with.
    expect(tableXml({ ...table, rows: [] }, new CellStyles())).not.toContain('PcciCell20CBK');
  });
});

describe('a table kept with what follows', () => {
  it('says keep with next on every cell paragraph itself, not only through its style (LibreOffice reads only the former)', () => {
    const xml = tableXml(table, new CellStyles(), { keepWithNext: true });
    const paragraphs = xml.match(/<w:p>[^]*?<\/w:p>/g) ?? [];
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs.every((p) => p.includes('<w:keepNext/><w:keepLines/></w:pPr>'))).toBe(true);
    expect(tableXml(table, new CellStyles())).not.toContain('<w:keepNext/>');
  });
});
