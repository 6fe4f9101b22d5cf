import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createFixedClock } from '@pccovid-inspect/core';
import { parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { conformancePlan } from '@pccovid-inspect/testkit/renderer';
import { createDocxRenderer } from './docx-renderer.js';

const plan = conformancePlan(); // the Hà Tĩnh 2021 plan

async function parts(renderer = createDocxRenderer(), doc = plan) {
  const { bytes } = await renderer.render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
  const files = unzipSync(bytes);
  return (name: string) => strFromU8(files[name] ?? new Uint8Array());
}

describe('createDocxRenderer', () => {
  it('sets up A4 portrait with the Decree 30 margins and a different first page', async () => {
    const documentXml = (await parts())('word/document.xml');
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"/);
    expect(documentXml).toContain('<w:titlePg/>');
  });

  it('numbers pages in the header from page 2: the first-page header is empty', async () => {
    const read = await parts();
    const rels = read('word/_rels/document.xml.rels');
    const documentXml = read('word/document.xml');
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(documentXml)?.[1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    };
    expect(read(`word/${target('default')}`)).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(read(`word/${target('first')}`)).not.toContain('PAGE');
  });

  it('uses Times New Roman 13 pt, Vietnamese, justified text with a 1.27 cm first-line indent', async () => {
    const read = await parts();
    expect(read('word/styles.xml')).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/>.*<w:sz w:val="26"\/>/s);
    expect(read('word/styles.xml')).toContain('w:val="vi-VN"');
    expect(read('word/document.xml')).toContain('<w:jc w:val="both"/>');
    expect(read('word/document.xml')).toContain('w:firstLine="720"');
  });

  it('draws the short rules as paragraph borders in the borderless header table', async () => {
    const documentXml = (await parts())('word/document.xml');
    expect(documentXml.match(/<w:pBdr><w:top w:val="single"/g)?.length).toBe(3);
    expect(documentXml).toContain('<w:tblInd w:type="dxa" w:w="-397"/>');
  });

  it('writes the place-and-date line in italics and the recipients label bold italic', async () => {
    const documentXml = (await parts())('word/document.xml');
    expect(documentXml).toMatch(/<w:i\/>(<w:iCs\/>)?(<w:sz w:val="26"\/>)?(<w:szCs w:val="26"\/>)?<\/w:rPr><w:t xml:space="preserve">Hà Tĩnh, ngày 26 tháng 11 năm 2021</);
    expect(documentXml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">Nơi nhận:/);
  });

  it('takes the creation date from its clock, and another font family when asked', async () => {
    const renderer = createDocxRenderer({ clock: createFixedClock('2021-11-26T01:00:00Z'), fontFamily: 'Liberation Serif' });
    const a = await renderer.render(plan);
    const b = await renderer.render(plan, { creationDate: new Date('2021-11-26T01:00:00Z') });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(strFromU8(unzipSync(a.bytes)['docProps/core.xml'] as Uint8Array)).toContain('2021-11-26T01:00:00Z');
    expect(strFromU8(unzipSync(a.bytes)['word/styles.xml'] as Uint8Array)).toContain('w:ascii="Liberation Serif"');
  });

  it('draws bar charts as shaded table cells, not images', async () => {
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ', number: null, placeAndDate: null },
      title: { type: 'BÁO CÁO' },
      body: [
        {
          type: 'barChart',
          title: 'Biểu đồ',
          categories: ['a', 'b'],
          series: [
            { name: 'Đạt', values: [50, 100] },
            { name: 'Chưa đạt', values: [0, 25] },
          ],
          unit: '%',
          maxValue: 100,
        },
      ],
    });
    const read = await parts(createDocxRenderer(), doc);
    const xml = read('word/document.xml');
    expect(xml.match(/w:fill="1F3864"/g)).toHaveLength(2);
    expect(xml.match(/w:fill="7F7F7F"/g)).toHaveLength(1);
    expect(xml).toContain('<w:gridSpan w:val="25"/>');
    expect(xml).toContain('>50%<');
    expect(Object.keys(unzipSync((await createDocxRenderer().render(doc)).bytes)).some((n) => n.startsWith('word/media/'))).toBe(false);
  });
});
