import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A font file: a path on disk or its bytes.
 *
 * @example
 * ```ts
 * const source: PdfFontSource = await readFile('/srv/fonts/times.ttf');
 * ```
 */
export type PdfFontSource = string | Uint8Array;

/**
 * The four TrueType files of the serif used for every document. Decree 30 asks for Times New
 * Roman; the default, Tinos, is metric-compatible with it and covers Vietnamese. A province may
 * pass its own (e.g. licensed Times New Roman files).
 *
 * @example
 * ```ts
 * const fonts: PdfFontFiles = {
 *   normal: '/srv/fonts/times.ttf', bold: '/srv/fonts/timesbd.ttf',
 *   italics: '/srv/fonts/timesi.ttf', bolditalics: '/srv/fonts/timesbi.ttf',
 * };
 * ```
 */
export interface PdfFontFiles {
  normal: PdfFontSource;
  bold: PdfFontSource;
  italics: PdfFontSource;
  bolditalics: PdfFontSource;
}

/**
 * The bundled Tinos files (from `@expo-google-fonts/tinos`, OFL 1.1), as absolute paths.
 *
 * @example
 * ```ts
 * tinosFontFiles().normal // '…/@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'
 * ```
 */
export function tinosFontFiles(): PdfFontFiles {
  const dir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
  return {
    normal: join(dir, '400Regular', 'Tinos_400Regular.ttf'),
    bold: join(dir, '700Bold', 'Tinos_700Bold.ttf'),
    italics: join(dir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
    bolditalics: join(dir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
  };
}
