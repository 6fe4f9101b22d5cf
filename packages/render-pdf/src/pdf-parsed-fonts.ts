import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfFontSource } from './pdf-fonts.js';
import { replayShapedWords, type ShapedWords, type ShapingFont } from './pdf-shaped-words.js';

/**
 * One parse of each font file per thread, shared by every document it renders.
 *
 * pdfkit (under pdfmake) hands a font's bytes to `fontkit.create` for every document, and fontkit
 * then decodes the font's tables again as the text is shaped — its GSUB/GPOS tables above all.
 * For a two-page minutes that was about half of the render time and most of its garbage, which
 * also kept two render threads from scaling on two cores.
 *
 * fontkit picks a font's format by asking each registered format's `probe`; this module registers
 * one more format (`fontkit.registerFormat`, its public API) that recognises only small "handle"
 * buffers of our own and answers with the font already parsed from the real bytes (parsed on first
 * use). The renderer gives pdfmake a handle in place of the font bytes. fontkit decodes
 * synchronously, so documents rendered one after another — or interleaved by `await` — never
 * see the shared font half-read; each document still makes its own subset.
 *
 * When pdfkit's own fontkit cannot be found (an unusual install), handles are not used and every
 * document parses the bytes as before.
 */

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): object;
  registerFormat(format: unknown): void;
}

interface HandleEntry {
  source: PdfFontSource;
  /** The parsed font, once a document has asked for it. */
  font: object | undefined;
  /** Words shaped with it, replayed in later documents (see pdf-shaped-words.ts). */
  words: ShapedWords;
}

/** A handle starts with bytes no font format begins with (TrueType, OpenType, WOFF, WOFF2, TTC, dfont). */
const HANDLE_PREFIX = 'pcci-parsed-font:';

const entries = new WeakMap<Uint8Array, HandleEntry>();
const byPath = new Map<string, Buffer>();
let nextHandle = 0;
let parses = 0;

/** The fontkit instance pdfkit itself `require`s (resolved from pdfmake, then from pdfkit), or null. */
function pdfkitFontkit(): FontkitModule | null {
  try {
    const fromHere = createRequire(import.meta.url);
    const fromPdfkit = createRequire(createRequire(fromHere.resolve('pdfmake')).resolve('pdfkit'));
    const fontkit = fromPdfkit('fontkit') as Partial<FontkitModule>;
    return typeof fontkit.create === 'function' && typeof fontkit.registerFormat === 'function' ? (fontkit as FontkitModule) : null;
  } catch {
    return null;
  }
}

function register(): FontkitModule | null {
  const fontkit = pdfkitFontkit();
  if (fontkit === null) return null;
  const create = fontkit.create.bind(fontkit);
  /** The format of a handle: `new` returns the font parsed from the handle's source (a constructor may return another object). */
  class ParsedFontHandle {
    static probe(buffer: Uint8Array): boolean {
      return entries.has(buffer);
    }
    constructor(stream: { buffer: Uint8Array }) {
      const entry = entries.get(stream.buffer);
      if (entry === undefined) throw new Error('not a parsed-font handle');
      if (entry.font === undefined) {
        const bytes = typeof entry.source === 'string' ? readFileSync(entry.source) : entry.source;
        entry.font = create(bytes);
        parses += 1;
      }
      return forDocument(entry.font, entry.words);
    }
  }
  fontkit.registerFormat(ParsedFontHandle);
  return fontkit;
}

/**
 * What one document gets: a font of its own that inherits the shared one's decoded tables.
 *
 * fontkit keeps state beside the tables: a glyph cache (each glyph with the code points it was
 * first reached from, which pdfkit writes into the document's `ToUnicode` map), a layout engine, a
 * cmap processor, and other getters it caches on first use as own properties of the object they are
 * read on. Handing every document the shared font itself lost text when the PDF was read back
 * (headings, whole lines, diacritics of decomposed input: seven of the renderer conformance tests).
 * So each document gets `Object.create(shared)` with an empty glyph cache: its getters cache on
 * it, not on the shared font, and only the tables — decoded once, never written by shaping — are
 * shared. The shared font itself is never handed out, so nothing is
 * ever cached on it but its tables. Its `layout` replays words already shaped in this thread
 * where that is provably what fontkit would return (pdf-shaped-words.ts).
 */
function forDocument(shared: object, words: ShapedWords): object {
  const own = Object.create(shared) as ShapingFont & { _glyphs: Record<number, unknown> };
  own._glyphs = {};
  replayShapedWords(own, words);
  return own;
}

let registered: FontkitModule | null | undefined;

/**
 * @internal A handle to give pdfmake in place of a font's path or bytes: every document given it
 * shares one parse of the font. A path is read on the first document that uses it (a missing file
 * fails that render, as before); one handle per path in this thread. Null when handles cannot be
 * used here: then give pdfmake the path or bytes themselves.
 */
export function parsedFontHandle(source: PdfFontSource): Buffer | null {
  registered ??= register();
  if (registered === null) return null;
  if (typeof source === 'string') {
    const known = byPath.get(source);
    if (known !== undefined) return known;
  }
  const handle = Buffer.from(`${HANDLE_PREFIX}${nextHandle++}`, 'latin1');
  entries.set(handle, { source, font: undefined, words: new Map() });
  if (typeof source === 'string') byPath.set(source, handle);
  return handle;
}

/** @internal How many fonts this thread has parsed through handles (for tests). */
export function parsedFontCount(): number {
  return parses;
}
