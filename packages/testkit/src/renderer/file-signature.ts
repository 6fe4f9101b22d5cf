/**
 * What kind of file some bytes are, by their signature: `pdf` (starts "%PDF-", ends with
 * "%%EOF"), `docx` (a zip — "PK\x03\x04" — holding `[Content_Types].xml` and `word/document.xml`),
 * or `null`.
 *
 * @example
 * ```ts
 * detectDocumentFormat(bytes) // 'pdf'
 * ```
 */
export function detectDocumentFormat(bytes: Uint8Array): 'pdf' | 'docx' | null {
  const head = latin1(bytes.subarray(0, 5));
  if (head === '%PDF-') {
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 32)));
    return tail.includes('%%EOF') ? 'pdf' : null;
  }
  if (head.startsWith('PK\u0003\u0004')) {
    // Zip entry names are stored uncompressed in the local headers and the central directory.
    const names = latin1(bytes.subarray(Math.max(0, bytes.length - 65_536)));
    return names.includes('[Content_Types].xml') && names.includes('word/document.xml') ? 'docx' : null;
  }
  return null;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}
