import mammoth from 'mammoth';

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The raw text of a DOCX, read back with mammoth (paragraphs and table cells separated by
 * blank lines), NFC.
 *
 * @example
 * ```ts
 * expect(await extractDocxText(bytes)).toContain('Nơi nhận:');
 * ```
 */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: toBuffer(bytes) });
  return result.value.normalize('NFC');
}

/**
 * The header rows Word repeats at the top of every page a table runs onto (rows marked
 * `w:tblHeader`), one string per table (its header cells joined by " | "), read back through
 * mammoth's HTML (`<thead>`).
 *
 * @example
 * ```ts
 * expect(await extractDocxRepeatingHeaders(bytes)).toContain('TT | Mã đơn vị | Tên đơn vị | …');
 * ```
 */
export async function extractDocxRepeatingHeaders(bytes: Uint8Array): Promise<string[]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: toBuffer(bytes) });
  const headers: string[] = [];
  for (const m of html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)) {
    const cells = [...(m[1] ?? '').matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) =>
      decodeHtml((c[1] ?? '').replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    );
    headers.push(cells.join(' | ').normalize('NFC'));
  }
  return headers;
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}
