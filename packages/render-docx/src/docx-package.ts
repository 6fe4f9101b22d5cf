/**
 * @internal Finishing the package the docx package packed: splice the raw-XML tables into
 * `word/document.xml` (in place of placeholder paragraphs found by their style id, never by text), fix the core-properties dates, and zip again with fixed entry times and
 * order, so the same document and creation date give the same bytes. Only the small rest of the
 * document went through the docx package; the big tables are compressed once, here.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { RenderError } from '@pccovid-inspect/core';

/**
 * The paragraph style id of the placeholder for raw part `index`. The placeholder is found by
 * this style reference in `word/document.xml` — markup that text in a document cannot produce,
 * since the docx package escapes every "<" of text — never by text, so no paragraph, cell or
 * title a user writes can be mistaken for one.
 */
export function placeholderStyleId(index: number): string {
  return `PcciRawPart${index}`;
}

function fail(documentKind: string, message: string): RenderError {
  return new RenderError({ renderer: 'docx', documentKind, cause: new Error(message), hint: 'A bug in @pccovid-inspect/render-docx: please report it with the document.' });
}

/**
 * Replaces each placeholder paragraph (an empty `<w:p>` whose style is
 * {@link placeholderStyleId}) by its raw XML. Throws `RenderError` (`RENDER_FAILED`) when a
 * placeholder is missing, repeated or not empty.
 */
export function spliceParts(documentXml: string, parts: readonly string[], documentKind = 'unknown'): string {
  if (parts.length === 0) return documentXml;
  const found: { start: number; end: number; index: number }[] = [];
  for (let index = 0; index < parts.length; index++) {
    const marker = `<w:pStyle w:val="${placeholderStyleId(index)}"/>`;
    const at = documentXml.indexOf(marker);
    if (at < 0) throw fail(documentKind, `docx: table placeholder ${index} is missing from word/document.xml`);
    if (documentXml.indexOf(marker, at + marker.length) >= 0) throw fail(documentKind, `docx: table placeholder ${index} appears twice`);
    const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
    const end = documentXml.indexOf('</w:p>', at);
    if (start < 0 || end < 0 || documentXml.slice(start, end).includes('<w:r')) throw fail(documentKind, `docx: table placeholder ${index} is not an empty paragraph of its own`);
    found.push({ start, end: end + '</w:p>'.length, index });
  }
  found.sort((x, y) => x.start - y.start);
  const out: string[] = [];
  let from = 0;
  for (const f of found) {
    out.push(documentXml.slice(from, f.start), parts[f.index] as string);
    from = f.end;
  }
  out.push(documentXml.slice(from));
  return out.join('');
}

/** A Date whose local-time fields are `instant`'s UTC fields: zip stores local time, so this keeps bytes the same in every time zone. */
function zipTime(instant: Date): Date {
  const year = Math.min(2099, Math.max(1980, instant.getUTCFullYear()));
  return new Date(year, instant.getUTCMonth(), instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds());
}

const CREATED = /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** Splices raw parts, stamps the creation date, and re-zips deterministically. Throws `RenderError`. */
export function finishDocxPackage(packed: Uint8Array, parts: readonly string[], creationDate: Date, documentKind = 'unknown'): Uint8Array {
  const files = unzipSync(packed);
  const stamp = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const documentXml = files['word/document.xml'];
  const coreXml = files['docProps/core.xml'];
  if (documentXml === undefined || coreXml === undefined) throw fail(documentKind, 'docx: the packed document has no word/document.xml or docProps/core.xml');
  files['word/document.xml'] = strToU8(spliceParts(strFromU8(documentXml), parts, documentKind));
  files['docProps/core.xml'] = strToU8(strFromU8(coreXml).replace(CREATED, `$1${stamp}$3`));

  const mtime = zipTime(creationDate);
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [files[name] as Uint8Array, { mtime, level: 6 }];
  return zipSync(zippable);
}
