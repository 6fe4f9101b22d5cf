import { strToU8, zipSync, type Zippable } from 'fflate';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet of a hand-built workbook: its name, its part (under xl/) and its `<sheetData>` inner XML. */
export interface SheetPart {
  name: string;
  part: string;
  rows: string;
}

/**
 * A minimal XLSX as Excel lays it out, built by hand so a test controls every part: the sheets in
 * the workbook's order, `partsFirst` entries written before the workbook (to show the zip's order
 * does not matter), shared strings and `cellXfs` number formats as given.
 */
export function buildXlsx(options: {
  sheets: SheetPart[];
  sharedStrings?: string[];
  /** numFmtId per cell style; custom formats in `numFmts`. */
  cellXfs?: number[];
  numFmts?: Record<number, string>;
  date1904?: boolean;
  /** Store the parts uncompressed (method 0). */
  stored?: boolean;
}): Uint8Array {
  const { sheets, sharedStrings, cellXfs = [0], numFmts = {} } = options;
  const files: Zippable = {};
  // Sheets first, in reverse: the zip's order is not the workbook's.
  for (const s of [...sheets].reverse()) files[`xl/${s.part}`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`);
  files['[Content_Types].xml'] = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><workbook ${NS}>${options.date1904 === true ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i}"/>`)
      .join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((s, i) => `<Relationship Id="rIdS${i}" Type="${REL}/worksheet" Target="${s.part}"/>`)
      .join(
        '',
      )}<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0"?><styleSheet ${NS}><numFmts>${Object.entries(numFmts)
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
      .join(
        '',
      )}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${cellXfs.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`,
  );
  if (sharedStrings !== undefined) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst ${NS}>${sharedStrings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  return zipSync(files, { level: options.stored === true ? 0 : 6 });
}
