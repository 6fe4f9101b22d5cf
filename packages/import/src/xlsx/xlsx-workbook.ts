import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { zipEntryChunks, zipEntryText, type RandomAccessSource, type ZipEntry } from '../internal/zip-directory.js';

/** An XLSX whose parts do not make a workbook: Vietnamese / English. */
export class XlsxProblem extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'XlsxProblem';
  }
}

/** What reading a sheet needs from the rest of the workbook. */
export interface XlsxWorkbook {
  /** The sheets' parts, in the workbook's order. */
  sheets: { name: string; entry: ZipEntry }[];
  sharedStrings: string[];
  /** Per cell style (`s`): whether its number format is a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** The local name of a tag (`x:row` → `row`): some writers prefix the spreadsheetml namespace. */
export const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** A SAX parser without position tracking (faster); it throws on malformed XML. */
export const createXmlParser = (): SaxesParser<{ xmlns: false; position: false }> => new SaxesParser({ xmlns: false, position: false });

function parseXml(text: string, onOpen: (name: string, tag: SaxesTagPlain) => void): void {
  const parser = createXmlParser();
  parser.on('opentag', (tag) => onOpen(localName(tag.name), tag));
  parser.write(text).close();
}

const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** A relationship's target, resolved against the folder of the part that holds it. */
function resolveTarget(fromDir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : fromDir + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** Relationships of a part: id → { type (last path segment), target part }. */
async function readRels(source: RandomAccessSource, entries: Map<string, ZipEntry>, part: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  const entry = entries.get(relsPathOf(part).toLowerCase());
  if (entry === undefined) return rels;
  parseXml(await zipEntryText(source, entry), (name, tag) => {
    if (name !== 'Relationship') return;
    const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attributes;
    if (id === undefined || target === undefined || mode === 'External') return;
    rels.set(id, { type: (type ?? '').slice((type ?? '').lastIndexOf('/') + 1), target: resolveTarget(dirOf(part), target) });
  });
  return rels;
}

/** Number formats Excel builds in that show a date or a time (ids 14–22, 27–36, 45–47, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs's `isDateFmt`: a format code with y m d h s b outside quotes and brackets. */
export const isDateFormatCode = (code: string): boolean => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

function readDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
    else if (name === 'cellXfs') inCellXfs = !tag.isSelfClosing;
    else if (name === 'xf' && inCellXfs) {
      const id = Number(tag.attributes.numFmtId ?? '0');
      const code = custom.get(id);
      styles.push(code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(code));
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  parser.write(stylesXml).close();
  return styles;
}

/**
 * The shared strings, streamed: each `<si>` is the text of its `<t>` runs (rich text joined;
 * phonetic `<rPh>` runs left out).
 */
async function readSharedStrings(source: RandomAccessSource, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  const parser = createXmlParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') text = '';
    else if (name === 't') inT = !tag.isSelfClosing && phonetic === 0;
    else if (name === 'rPh') phonetic += tag.isSelfClosing ? 0 : 1;
  });
  const onText = (t: string): void => {
    if (inT) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') phonetic -= 1;
    else if (name === 'si') strings.push(text);
  });
  const decoder = new TextDecoder();
  for await (const chunk of zipEntryChunks(source, entry)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode()).close();
  return strings;
}

const NOT_A_WORKBOOK = new XlsxProblem('tệp zip không phải sổ tính XLSX (không có xl/workbook.xml)', 'the zip file is not an XLSX workbook (it has no xl/workbook.xml)');

/**
 * Reads what the sheets need — the workbook's sheet list (through the package and workbook
 * relationships), the 1904 date system flag, the date styles and the shared strings — in any
 * order of the zip's entries.
 */
export async function readXlsxWorkbook(source: RandomAccessSource, entries: Map<string, ZipEntry>): Promise<XlsxWorkbook> {
  const packageRels = await readRels(source, entries, '');
  let workbookPart = 'xl/workbook.xml';
  for (const rel of packageRels.values()) if (rel.type === 'officeDocument') workbookPart = rel.target;
  const workbookEntry = entries.get(workbookPart.toLowerCase());
  if (workbookEntry === undefined) throw NOT_A_WORKBOOK;
  const rels = await readRels(source, entries, workbookPart);
  const listed: { name: string; rId: string }[] = [];
  let date1904 = false;
  parseXml(await zipEntryText(source, workbookEntry), (name, tag) => {
    if (name === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
    else if (name === 'sheet')
      listed.push({ name: tag.attributes.name ?? '', rId: tag.attributes['r:id'] ?? Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
  });
  const sheets: XlsxWorkbook['sheets'] = [];
  for (const { name, rId } of listed) {
    const rel = rels.get(rId);
    // Chart sheets and dialog sheets have no rows: only worksheets count.
    if (rel === undefined || rel.type !== 'worksheet') continue;
    const entry = entries.get(rel.target.toLowerCase());
    if (entry === undefined) throw new XlsxProblem(`thiếu trang tính "${name}" (${rel.target})`, `the sheet "${name}" (${rel.target}) is missing`);
    sheets.push({ name, entry });
  }
  const partOf = (type: string, fallback: string): ZipEntry | undefined => {
    for (const rel of rels.values()) if (rel.type === type) return entries.get(rel.target.toLowerCase());
    return entries.get(fallback);
  };
  const stylesEntry = partOf('styles', 'xl/styles.xml');
  const sharedEntry = partOf('sharedStrings', 'xl/sharedstrings.xml');
  return {
    sheets,
    date1904,
    dateStyles: stylesEntry === undefined ? [] : readDateStyles(await zipEntryText(source, stylesEntry)),
    sharedStrings: sharedEntry === undefined ? [] : await readSharedStrings(source, sharedEntry),
  };
}
