import mammoth from 'mammoth';

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The raw text of a DOCX, read back with mammoth (paragraphs and table cells separated by
 * blank lines), NFC — followed, when the file holds pictures (charts), by each picture's alt
 * text (its description, `wp:docPr/@descr`), which is where a picture's words are in the file.
 *
 * @example
 * ```ts
 * expect(await extractDocxText(bytes)).toContain('Nơi nhận:');
 * ```
 */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: toBuffer(bytes) });
  const text = result.value.normalize('NFC');
  if (!hasMedia(bytes)) return text;
  const { value: html } = await mammoth.convertToHtml({ buffer: toBuffer(bytes) }, { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) });
  const alts = [...html.matchAll(/<img\b[^>]*\balt="([^"]*)"/g)].map((m) => decodeHtml(m[1] ?? ''));
  return [text, ...alts].join('\n\n').normalize('NFC');
}

/** Whether the zip's directory (at its end) names a file under `word/media/`. */
function hasMedia(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 65_536)))
    .toString('latin1')
    .includes('word/media/');
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
