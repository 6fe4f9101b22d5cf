/**
 * @internal Finishing the package the docx package packed: splice the raw-XML tables into
 * `word/document.xml`, fix the core-properties dates, and zip again with fixed entry times and
 * order, so the same document and creation date give the same bytes. Only the small rest of the
 * document went through the docx package; the big tables are compressed once, here.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The text of a placeholder paragraph for raw part `index`. */
export function placeholderToken(index: number): string {
  return `PCCIXMLPART${index}X`;
}

const TOKEN = /PCCIXMLPART(\d+)X/g;

/** Replaces each placeholder paragraph (`<w:p>…TOKEN…</w:p>`) by its raw XML. */
export function spliceParts(documentXml: string, parts: readonly string[]): string {
  if (parts.length === 0) return documentXml;
  const out: string[] = [];
  let from = 0;
  let found = 0;
  for (const m of documentXml.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
    const end = documentXml.indexOf('</w:p>', at);
    const xml = parts[Number(m[1])];
    if (start < from || end < 0 || xml === undefined) throw new Error(`docx placeholder ${m[0]} is not in a paragraph of its own`);
    out.push(documentXml.slice(from, start), xml);
    from = end + '</w:p>'.length;
    found++;
  }
  if (found !== parts.length) throw new Error(`docx: ${parts.length - found} table placeholder(s) missing from word/document.xml`);
  out.push(documentXml.slice(from));
  return out.join('');
}

/** A Date whose local-time fields are `instant`'s UTC fields: zip stores local time, so this keeps bytes the same in every time zone. */
function zipTime(instant: Date): Date {
  const year = Math.min(2099, Math.max(1980, instant.getUTCFullYear()));
  return new Date(year, instant.getUTCMonth(), instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes(), instant.getUTCSeconds());
}

const CREATED = /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** Splices raw parts, stamps the creation date, and re-zips deterministically. */
export function finishDocxPackage(packed: Uint8Array, parts: readonly string[], creationDate: Date): Uint8Array {
  const files = unzipSync(packed);
  const stamp = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const documentXml = files['word/document.xml'];
  const coreXml = files['docProps/core.xml'];
  if (documentXml === undefined || coreXml === undefined) throw new Error('docx: the packed document has no word/document.xml or docProps/core.xml');
  files['word/document.xml'] = strToU8(spliceParts(strFromU8(documentXml), parts));
  files['docProps/core.xml'] = strToU8(strFromU8(coreXml).replace(CREATED, `$1${stamp}$3`));

  const mtime = zipTime(creationDate);
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [files[name] as Uint8Array, { mtime, level: 6 }];
  return zipSync(zippable);
}
