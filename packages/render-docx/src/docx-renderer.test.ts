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

  it('dates the file on the document date and names the issuing body as its author, not the tool', async () => {
    const renderer = createDocxRenderer({ clock: createFixedClock('2022-01-20T01:00:00Z'), fontFamily: 'Liberation Serif' });
    const a = await renderer.render(plan);
    const core = strFromU8(unzipSync(a.bytes)['docProps/core.xml'] as Uint8Array);
    // The plan is dated 26/11/2021: 08:00 in Hà Nội.
    expect(core.match(/2021-11-26T01:00:00Z/g)).toHaveLength(2);
    expect(core).toContain('<dc:creator>UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG</cp:lastModifiedBy>');
    expect(core).not.toContain('render-docx');
    expect(strFromU8(unzipSync(a.bytes)['word/styles.xml'] as Uint8Array)).toContain('w:ascii="Liberation Serif"');
  });

  it('takes the date from render, else from its clock for a document without a date line', async () => {
    const renderer = createDocxRenderer({ clock: createFixedClock('2021-12-08T07:10:00Z') });
    const explicit = await renderer.render(plan, { creationDate: new Date('2021-12-01T00:00:00Z') });
    expect(strFromU8(unzipSync(explicit.bytes)['docProps/core.xml'] as Uint8Array)).toContain('2021-12-01T00:00:00Z');
    const minutes = parseOfficialDocument({ kind: 'BB', header: { issuingBody: 'TỔ KIỂM TRA', number: null, placeAndDate: null }, title: { type: 'BIÊN BẢN' } });
    const undated = await renderer.render(minutes);
    expect(strFromU8(unzipSync(undated.bytes)['docProps/core.xml'] as Uint8Array)).toContain('2021-12-08T07:10:00Z');
    const dated = await renderer.render({ ...minutes, date: '2021-12-07' });
    expect(strFromU8(unzipSync(dated.bytes)['docProps/core.xml'] as Uint8Array).match(/2021-12-07T01:00:00Z/g)).toHaveLength(2);
  });

  it('draws bar charts as one PNG picture each, with the values in its alt text, never as table cells', async () => {
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ', number: null, placeAndDate: null },
      title: { type: 'BÁO CÁO' },
      body: [
        {
          type: 'barChart',
          title: 'Biểu đồ',
          categories: ['Niêm yết mã QR địa điểm của PC-Covid ở nơi dễ thấy, đúng quy định', 'b'],
          series: [
            { name: 'Đạt', values: [50, 100] },
            { name: 'Chưa đạt', values: [0, 25] },
          ],
          unit: '%',
          maxValue: 100,
        },
      ],
    });
    const { bytes } = await createDocxRenderer().render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = files[media[0] as string] as Uint8Array;
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(xml).not.toContain('w:fill="1F3864"');
    expect(xml).not.toContain('<w:gridSpan');
    // One inline picture (it cannot split across pages), described for readers and search.
    expect(xml.match(/<wp:inline/g)).toHaveLength(1);
    expect(xml).toContain('Niêm yết mã QR địa điểm của PC-Covid ở nơi dễ thấy, đúng quy định — Đạt: 50%; Chưa đạt: 0%');
    expect(xml).toContain('b — Đạt: 100%; Chưa đạt: 25%');
    // The title keeps with the picture.
    expect(xml).toMatch(/<w:keepNext\/>(<w:keepLines\/>)?[^]*?Biểu đồ<\/w:t>/);
    // The same document gives the same bytes (picture names and drawing ids are not random).
    const again = await createDocxRenderer().render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('renders text that looks like the old table marker, or like the placeholder markup, as text', async () => {
    const tricky = ['Mã PCCIXMLPART0X', 'PCCIXMLPART1X', '<w:pStyle w:val="PcciRawPart0"/>', 'PcciRawPart0'];
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ', number: null, placeAndDate: null },
      title: { type: 'BÁO CÁO', summary: tricky[0] },
      body: [
        ...tricky.map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })),
        { type: 'table', caption: tricky[1], columns: [{ title: tricky[2] as string }], rows: [[tricky[0] as string], [tricky[3] as string]] },
      ],
    });
    const { bytes } = await createDocxRenderer().render(doc, { creationDate: new Date('2021-11-26T01:00:00Z') });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(xml).not.toContain('PcciRawPart0"/>');
    expect(xml.split('Mã PCCIXMLPART0X').length - 1).toBe(3); // summary, paragraph, cell
    expect(xml).toContain('&lt;w:pStyle w:val=&quot;PcciRawPart0&quot;/&gt;');
  });
});
