import { inflateRawSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bodyBlockPlainText, formatRecipientLines, runsText, signatureKeepStart, signerHeadingLines, type BodyBlock } from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { normaliseForComparison } from './extract-pdf-text.js';

/**
 * One line of text on a PDF page as a reader sees it: the text items sharing a baseline, left to
 * right, and the baseline's distance from the top of the page in points.
 *
 * @example
 * ```ts
 * const line: PdfPageLine = { text: 'KẾ HOẠCH', top: 160.2 };
 * ```
 */
export interface PdfPageLine {
  text: string;
  top: number;
}

/**
 * The lines of each page of a PDF with their positions, read with pdfjs-dist (no poppler needed):
 * text items are grouped by baseline (within 2 pt) and ordered top to bottom, left to right.
 *
 * @example
 * ```ts
 * const pages = await extractPdfLines(bytes);
 * pages[0]?.[0]?.text // 'UBND TỈNH HÀ TĨNH   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
 * ```
 */
export async function extractPdfLines(bytes: Uint8Array): Promise<PdfPageLine[][]> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: PdfPageLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const items: { x: number; top: number; str: string }[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        items.push({ x: item.transform[4] as number, top: height - (item.transform[5] as number), str: item.str });
      }
      items.sort((a, b) => a.top - b.top || a.x - b.x);
      const lines: { top: number; items: { x: number; str: string }[] }[] = [];
      for (const item of items) {
        const last = lines[lines.length - 1];
        if (last !== undefined && Math.abs(last.top - item.top) <= 2) last.items.push(item);
        else lines.push({ top: item.top, items: [item] });
      }
      pages.push(
        lines.map((l) => ({
          top: l.top,
          text: l.items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.str)
            .join(' ')
            .normalize('NFC'),
        })),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** Headings that stand alone (no text running on after them) and captions: what must never end a page. */
function keepWithNextTexts(doc: OfficialDocument): string[] {
  const out: string[] = [];
  for (const block of [...doc.body, ...doc.appendices.flatMap((a) => a.blocks)]) {
    if (block.type === 'heading' && block.continuation.length === 0) out.push(...bodyBlockPlainText(block));
    if (block.type === 'table' && block.caption !== null) out.push(block.caption);
    if (block.type === 'barChart') out.push(block.title);
  }
  return out.map(normaliseForComparison).filter((t) => t !== '');
}

/** The lines of the signature block and "Nơi nhận", normalised. */
function signatureTexts(doc: OfficialDocument): string[] {
  const out: string[] = [];
  for (const s of doc.signature?.signers ?? []) {
    out.push(...signerHeadingLines(s));
    for (const t of [s.instruction, s.refusal, s.fullName]) if (t !== null) out.push(t);
  }
  if (doc.recipients !== null) out.push(doc.recipients.label, ...formatRecipientLines(doc.recipients));
  return out.map(normaliseForComparison).filter((t) => t !== '');
}

/** Whether a whole line is made of signature and recipients text (a line may hold a recipient beside a signer's title). */
function isSignatureLine(line: string, signature: readonly string[]): boolean {
  let rest = normaliseForComparison(line);
  if (rest === '') return true;
  // Take away the longest signature texts first; what is left must be nothing.
  for (const s of [...signature].sort((a, b) => b.length - a.length)) {
    while (rest.includes(s)) rest = rest.replace(s, '');
    if (rest === '') return true;
  }
  // A long signer title or recipient may wrap: the line is then a piece of one.
  return signature.some((s) => s.includes(rest));
}

/**
 * The page-layout problems of a rendered PDF of `doc`, in words (empty when there are none),
 * checked from the text and positions read back from the file:
 * - a page holding only the signature block (and "Nơi nhận");
 * - a page holding fewer than three lines other than the signature block — a widow page — unless
 *   the whole document is that short;
 * - a heading (one without text running on after it), a table caption or a chart title as the last
 *   line of a page, with the document going on after it.
 *
 * @example
 * ```ts
 * expect(await pdfLayoutProblems(doc, (await createPdfRenderer().render(doc)).bytes)).toEqual([]);
 * ```
 */
export async function pdfLayoutProblems(doc: OfficialDocument, bytes: Uint8Array): Promise<string[]> {
  const pages = await extractPdfLines(bytes);
  const signature = signatureTexts(doc);
  const keepWithNext = keepWithNextTexts(doc);
  const problems: string[] = [];
  pages.forEach((lines, i) => {
    const page = i + 1;
    // The page number, alone on the first line of pages 2…
    const content = lines.filter((l, k) => !(k === 0 && l.text.trim() === String(page)));
    const body = content.filter((l) => !isSignatureLine(l.text, signature));
    if (content.length > 0 && body.length === 0) problems.push(`page ${page} holds only the signature block: ${content.map((l) => l.text).join(' / ')}`);
    else if (pages.length > 1 && body.length > 0 && body.length < 3) problems.push(`page ${page} holds only ${body.length} body line(s): ${body.map((l) => l.text).join(' / ')}`);
    const last = content[content.length - 1];
    if (last !== undefined && page < pages.length) {
      const text = normaliseForComparison(last.text);
      const heading = keepWithNext.find((h) => text !== '' && h.endsWith(text));
      if (heading !== undefined) problems.push(`page ${page} ends with a heading or caption: ${last.text}`);
    }
  });
  return problems;
}

/** Reads one file out of a zip (stored or deflated), with Node's zlib: enough for a DOCX part. */
function readZipEntry(zip: Uint8Array, name: string): string | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let k = 0; k < count; k++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entry = Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (entry === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? Buffer.from(data) : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? _);
}

/**
 * A paragraph of a DOCX body: its text, whether it keeps with the next paragraph and keeps its
 * lines together, and whether it sits in a table row that may not split.
 *
 * @example
 * ```ts
 * const p: DocxParagraphLayout = { text: '1. Kết quả kiểm tra:', keepNext: true, keepLines: true, inTable: false, rowCantSplit: false, table: -1 };
 * ```
 */
export interface DocxParagraphLayout {
  text: string;
  keepNext: boolean;
  keepLines: boolean;
  inTable: boolean;
  rowCantSplit: boolean;
  /** The 0-based number of the table the paragraph is in (0: the document's header table), or -1. */
  table: number;
}

/**
 * The paragraphs of a DOCX's `word/document.xml`, in order, with their keep properties (the
 * paragraph's own, or its paragraph style's). Without LibreOffice or Word the pages of a DOCX
 * cannot be seen, so this is what a test can check: that the paragraphs carry the properties
 * that make Word and LibreOffice break pages by the keep rules.
 *
 * @example
 * ```ts
 * (await extractDocxParagraphs(bytes)).filter((p) => p.keepNext).length // > 0
 * ```
 */
export function extractDocxParagraphs(bytes: Uint8Array): DocxParagraphLayout[] {
  const xml = readZipEntry(bytes, 'word/document.xml') ?? '';
  const stylesXml = readZipEntry(bytes, 'word/styles.xml') ?? '';
  const keepStyles = new Set<string>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    if (/<w:keepNext\/>/.test(m[2] ?? '')) keepStyles.add(m[1] ?? '');
  }
  const out: DocxParagraphLayout[] = [];
  // Walk rows and paragraphs in document order.
  let rowCantSplit = false;
  let depth = 0;
  let tables = -1;
  for (const m of xml.matchAll(/<w:tbl>|<w:tr\b[^>]*>(?:<w:trPr>([\s\S]*?)<\/w:trPr>)?|<\/w:tr>|<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const token = m[0];
    if (token === '<w:tbl>') {
      tables++;
      continue;
    }
    if (token.startsWith('<w:tr')) {
      depth++;
      rowCantSplit = /<w:cantSplit\/>/.test(m[1] ?? '');
      continue;
    }
    if (token === '</w:tr>') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const inner = m[2] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(pPr)?.[1];
    const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join('');
    out.push({
      text: text.normalize('NFC'),
      keepNext: /<w:keepNext\/>/.test(pPr) || (style !== undefined && keepStyles.has(style)),
      keepLines: /<w:keepLines\/>/.test(pPr),
      inTable: depth > 0,
      rowCantSplit: depth > 0 && rowCantSplit,
      table: depth > 0 ? tables : -1,
    });
  }
  return out;
}

function blockText(block: BodyBlock): string {
  if (block.type === 'paragraph' || block.type === 'bullet') return normaliseForComparison(runsText(block.runs));
  return normaliseForComparison(bodyBlockPlainText(block)[0] ?? '');
}

/**
 * The keep-property problems of a rendered DOCX of `doc`, in words (empty when there are none):
 * every heading (one without text running on), table caption and chart title keeps with the next
 * paragraph; the body blocks core's `signatureKeepStart` picks keep with the signature block;
 * every signature line keeps with the next; every table row may not split.
 *
 * @example
 * ```ts
 * expect(docxKeepProblems(doc, (await createDocxRenderer().render(doc)).bytes)).toEqual([]);
 * ```
 */
export function docxKeepProblems(doc: OfficialDocument, bytes: Uint8Array): string[] {
  const paragraphs = extractDocxParagraphs(bytes);
  const problems: string[] = [];
  const find = (text: string, from = 0) => paragraphs.findIndex((p, i) => i >= from && !p.inTable && normaliseForComparison(p.text) === text);
  for (const text of keepWithNextTexts(doc)) {
    const i = find(text);
    if (i < 0) problems.push(`no paragraph holds the heading or caption "${text}"`);
    else if (!(paragraphs[i] as DocxParagraphLayout).keepNext) problems.push(`the heading or caption "${text}" does not keep with the next paragraph`);
  }
  if (doc.signature !== null) {
    let from = 0;
    doc.body.forEach((block, k) => {
      const text = blockText(block);
      const i = block.type === 'table' || block.type === 'barChart' ? -1 : find(text, from);
      if (i >= 0) from = i + 1;
      if (k >= signatureKeepStart(doc.body) && i >= 0 && !(paragraphs[i] as DocxParagraphLayout).keepNext) {
        problems.push(`the body block "${text.slice(0, 60)}" does not keep with the signature block`);
      }
    });
    const signature = signatureTexts(doc);
    for (const p of paragraphs) {
      const text = normaliseForComparison(p.text);
      if (text === '' || !p.inTable || !signature.includes(text)) continue;
      if (!p.rowCantSplit) problems.push(`the signature line "${p.text}" is in a row that may split`);
    }
  }
  // Every row of every table but the document's header table (always at the top of page 1) stays whole.
  for (const p of paragraphs) if (p.table > 0 && !p.rowCantSplit && p.text.trim() !== '') problems.push(`a table row may split across pages: "${p.text}"`);
  return problems;
}
