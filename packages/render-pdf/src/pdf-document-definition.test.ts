import { describe, expect, it } from 'vitest';
import type { Content, ContentCanvas, ContentStack, ContentTable, DynamicContent } from 'pdfmake/interfaces';
import { measureTimesText, mmToPt, parseOfficialDocument } from '@pccovid-inspect/core/documents';
import { conformancePlan } from '@pccovid-inspect/testkit/renderer';
import { toPdfDocumentDefinition } from './pdf-document-definition.js';

const META = { creationDate: new Date('2021-11-26T01:00:00Z'), producer: 'test' };

function ruleLength(node: Content): number {
  const line = (node as ContentCanvas).canvas[0];
  return line?.type === 'line' ? line.x2 - line.x1 : NaN;
}

describe('toPdfDocumentDefinition', () => {
  const definition = toPdfDocumentDefinition(conformancePlan(), META);

  it('sets up A4 with the Decree 30 margins and the body font', () => {
    expect(definition.pageSize).toBe('A4');
    expect(definition.pageMargins).toEqual([mmToPt(30), mmToPt(20), mmToPt(15), mmToPt(20)]);
    expect(definition.defaultStyle).toMatchObject({ fontSize: 13, lineHeight: 1.15 });
    expect(definition.info).toMatchObject({
      producer: 'test',
      creationDate: META.creationDate,
      modDate: META.creationDate,
      author: 'UBND TỈNH HÀ TĨNH - SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    });
  });

  it('draws the motto rule as long as the motto and the issuer rule at 0.4 of the issuer', () => {
    const header = (definition.content as Content[])[0] as ContentTable;
    const [left, right] = header.table.body[0] as [ContentStack, ContentStack];
    expect(ruleLength(right.stack[2] as Content)).toBeCloseTo(measureTimesText('Độc lập - Tự do - Hạnh phúc', 13, 'bold'), 5);
    expect(ruleLength(left.stack[2] as Content)).toBeCloseTo(0.4 * measureTimesText('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 12, 'bold'), 5);
    expect(header.table.body).toHaveLength(2);
  });

  it('numbers pages from page 2, centred at the top', () => {
    const header = definition.header as DynamicContent;
    const size = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
    expect(header(1, 3, size)).toBeNull();
    expect(header(2, 3, size)).toMatchObject({ text: '2', alignment: 'center', fontSize: 13 });
  });

  it('leaves out the date row for minutes and page numbers when asked', () => {
    const doc = parseOfficialDocument({ kind: 'BB', header: { issuingBody: 'TỔ KIỂM TRA', number: null, placeAndDate: null }, title: { type: 'BIÊN BẢN' }, pageNumbers: 'none' });
    const def = toPdfDocumentDefinition(doc, META);
    expect(((def.content as Content[])[0] as ContentTable).table.body).toHaveLength(1);
    expect(def.header).toBeUndefined();
  });

  it('starts each appendix on a new page', () => {
    const doc = parseOfficialDocument({
      kind: 'BC',
      header: { issuingBody: 'SỞ', number: null, placeAndDate: null },
      title: { type: 'BÁO CÁO' },
      appendices: [{ label: 'Phụ lục', title: 'DANH SÁCH' }],
    });
    const content = toPdfDocumentDefinition(doc, META).content as Content[];
    expect(content.find((c) => typeof c === 'object' && 'text' in c && c.text === 'Phụ lục')).toMatchObject({ pageBreak: 'before' });
  });
});
