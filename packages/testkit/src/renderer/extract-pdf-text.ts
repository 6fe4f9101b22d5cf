import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, read back with pdfjs-dist (legacy build, for Node): per page and whole
 * (pages joined by a form feed). Lines end with "\n"; a renderer may split a line into many
 * items, so compare with {@link normaliseForComparison} rather than exactly.
 *
 * @example
 * ```ts
 * const { pages } = await extractPdfText(bytes);
 * expect(pages[0]).toContain('KẾ HOẠCH');
 * ```
 */
export async function extractPdfText(bytes: Uint8Array): Promise<{ text: string; pages: string[] }> {
  // pdfjs may detach the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.normalize('NFC'));
      page.cleanup();
    }
    return { text: pages.join('\f'), pages };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Text for comparing what went in with what came out of a file: NFC, every whitespace removed
 * (renderers wrap, justify and split runs differently, and extractors put spaces back unevenly).
 *
 * @example
 * ```ts
 * normaliseForComparison('Hà  Tĩnh,\nngày') // 'HàTĩnh,ngày'
 * ```
 */
export function normaliseForComparison(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

/**
 * Page texts without their page numbers: on each page, the first line that is just that page's
 * number is removed, so a paragraph running over a page break reads on unbroken.
 *
 * @example
 * ```ts
 * withoutPageNumbers(['KẾ HOẠCH\n', '2\ntiếp theo\n']) // ['KẾ HOẠCH\n', 'tiếp theo\n']
 * ```
 */
export function withoutPageNumbers(pages: readonly string[]): string[] {
  return pages.map((page, i) => {
    const lines = page.split('\n');
    const at = lines.findIndex((line) => line.trim() === String(i + 1));
    if (at >= 0) lines.splice(at, 1);
    return lines.join('\n');
  });
}
