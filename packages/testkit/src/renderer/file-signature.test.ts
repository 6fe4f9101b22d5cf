import { describe, expect, it } from 'vitest';
import { detectDocumentFormat } from './file-signature.js';

const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('detectDocumentFormat', () => {
  it('knows a PDF by its header and end-of-file marker', () => {
    expect(detectDocumentFormat(ascii('%PDF-1.3\n…\n%%EOF\n'))).toBe('pdf');
    expect(detectDocumentFormat(ascii('%PDF-1.3\n… truncated'))).toBeNull();
  });

  it('knows a DOCX by its zip signature and the names of its parts', () => {
    // Zip entry names are stored as plain bytes in the local headers and the central directory.
    const zip = (names: string[]) => ascii(`PK\u0003\u0004${names.map((n) => `\u0000${n}\u0000`).join('')}PK\u0005\u0006`);
    expect(detectDocumentFormat(zip(['[Content_Types].xml', 'word/document.xml']))).toBe('docx');
    expect(detectDocumentFormat(zip(['[Content_Types].xml', 'xl/workbook.xml']))).toBeNull();
    expect(detectDocumentFormat(ascii('hello'))).toBeNull();
  });
});
