/** @internal The one fontkit function the chart images use (fontkit ships no types). */
declare module 'fontkit' {
  /** Opens a font file; the result is read through `OutlineFont` in `docx-raster.ts`. */
  export function openSync(path: string): unknown;
}
