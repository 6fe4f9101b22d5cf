/**
 * Each word shaped once per thread, its result replayed in every later document.
 *
 * pdfkit lays text out word by word (`font.layout(word)`, split at spaces) and remembers the
 * results only for one document. Shaping a word runs fontkit's whole OpenType pipeline (GSUB and
 * GPOS lookups, a shaping plan, new glyph and position objects) — for a run of minutes, the same
 * few thousand words again in every document, and about a quarter of a PDF's garbage.
 *
 * A word is replayed only where the replay is provably what fontkit would return:
 *
 * - it is made of letters, digits, punctuation, symbols and ASCII spaces only (no combining marks,
 *   no format characters: decomposed text and anything fontkit might hide or reorder is shaped as
 *   before);
 * - when first shaped, each of its code points gave one glyph with exactly that code point, and
 *   shaping changed no glyph (same ids, same count: no ligature, no substitution);
 * - in the document replaying it, the word's glyphs again come out of the document's own glyph
 *   cache with exactly those code points (a glyph first reached from another character in this
 *   document — say a no-break space — sends the word through fontkit again).
 *
 * Under those conditions fontkit's input (glyph ids and code points, script, features) is the same
 * as the first time, so its output is: the replay returns the same glyph ids and positions, and
 * makes the same calls on the document's glyph cache in the same order (the word's glyphs, then the
 * space glyph fontkit looks up for default-ignorable characters). The PDF bytes are unchanged; a
 * test compares them with shaping on every time.
 */

interface Glyph {
  id: number;
  codePoints: number[];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  script: unknown;
  language: unknown;
  direction: unknown;
  features: Record<string, boolean>;
}

/** The part of a fontkit font (one document's) this module uses. */
export interface ShapingFont {
  layout: (this: ShapingFont, text: unknown, ...rest: unknown[]) => GlyphRun;
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
}

interface ShapedWord {
  codePoints: number[];
  glyphIds: number[];
  /** xAdvance, yAdvance, xOffset, yOffset of each glyph, in font units. */
  positions: number[];
  run: { prototype: object; positionPrototype: object; script: unknown; language: unknown; direction: unknown; features: Record<string, boolean> };
}

/** The words of one shared font, by text; `null` for a word that cannot be replayed (shaped every time). */
export type ShapedWords = Map<string, ShapedWord | null>;

/** Letters, digits, punctuation, symbols and the ASCII space: no marks (NFD), no format or other spaces. */
const REPLAYABLE = /^[\p{L}\p{N}\p{P}\p{S} ]+$/u;

/** A bound on each font's words, so a thread rendering for months holds a few MiB at most. */
const MAX_WORDS = 20_000;

let enabled = true;
const counts = { recorded: 0, replayed: 0, declined: 0 };

/** @internal How many words this thread has recorded, replayed, and declined to replay (for tests). */
export function shapedWordCounts(): { recorded: number; replayed: number; declined: number } {
  return { ...counts };
}

/** @internal Turns replaying off (and on) in this thread: tests compare the bytes both ways. */
export function setShapedWordReplay(on: boolean): void {
  enabled = on;
}

/** Each glyph has exactly its own character's code point, in order. */
function oneToOne(glyphs: readonly Glyph[], codePoints: readonly number[]): boolean {
  if (glyphs.length !== codePoints.length) return false;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    if (g.codePoints.length !== 1 || g.codePoints[0] !== codePoints[i]) return false;
  }
  return true;
}

function replay(font: ShapingFont, text: string, word: ShapedWord): GlyphRun | null {
  // The document's own glyph cache, reached exactly as fontkit's layout reaches it first.
  const glyphs = font.glyphsForString(text);
  if (!oneToOne(glyphs, word.codePoints)) return null;
  for (let i = 0; i < glyphs.length; i++) if (glyphs[i]!.id !== word.glyphIds[i]) return null;
  // fontkit's layout then looks up the space glyph (to hide default-ignorable characters).
  font.glyphForCodePoint(0x20);
  const { run } = word;
  const positions: GlyphPosition[] = [];
  const p = word.positions;
  for (let i = 0; i < p.length; i += 4) {
    const position = Object.create(run.positionPrototype) as GlyphPosition;
    position.xAdvance = p[i]!;
    position.yAdvance = p[i + 1]!;
    position.xOffset = p[i + 2]!;
    position.yOffset = p[i + 3]!;
    positions.push(position);
  }
  const out = Object.create(run.prototype) as GlyphRun;
  out.glyphs = glyphs;
  out.positions = positions;
  out.script = run.script;
  out.language = run.language;
  out.direction = run.direction;
  out.features = { ...run.features };
  return out;
}

/**
 * What to remember of a word just shaped: its replay; `null` when shaping itself changed its glyphs
 * (a ligature, a substitution: never replayable); `undefined` when only this document's glyph cache
 * stood in the way (a glyph first reached from another character): another document may record it.
 */
function record(text: string, glyphsIn: readonly Glyph[], run: GlyphRun): ShapedWord | null | undefined {
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  if (!oneToOne(glyphsIn, codePoints)) return undefined;
  if (run.glyphs.length !== glyphsIn.length || run.positions.length !== glyphsIn.length || glyphsIn.length === 0) return null;
  for (let i = 0; i < glyphsIn.length; i++) if (run.glyphs[i]!.id !== glyphsIn[i]!.id) return null;
  if (!oneToOne(run.glyphs, codePoints)) return undefined;
  const positions: number[] = [];
  for (const q of run.positions) positions.push(q.xAdvance, q.yAdvance, q.xOffset, q.yOffset);
  return {
    codePoints,
    glyphIds: glyphsIn.map((g) => g.id),
    positions,
    run: {
      prototype: Object.getPrototypeOf(run) as object,
      positionPrototype: Object.getPrototypeOf(run.positions[0]) as object,
      script: run.script,
      language: run.language,
      direction: run.direction,
      features: { ...run.features },
    },
  };
}

/**
 * Gives one document's font (`Object.create` of the shared one) a `layout` that replays the words
 * in `words` and records the words it shapes. Any call with more than the text (features, script,
 * language, direction) goes to fontkit as it is.
 */
export function replayShapedWords(font: ShapingFont, words: ShapedWords): void {
  const layout = font.layout;
  font.layout = function (this: ShapingFont, text: unknown, ...rest: unknown[]): GlyphRun {
    if (!enabled || typeof text !== 'string' || rest.some((a) => a !== undefined) || !REPLAYABLE.test(text)) return layout.call(this, text, ...rest);
    const known = words.get(text);
    if (known === null) return layout.call(this, text);
    if (known !== undefined) {
      const run = replay(this, text, known);
      if (run !== null) {
        counts.replayed++;
        return run;
      }
      counts.declined++;
      return layout.call(this, text);
    }
    const glyphsIn = this.glyphsForString(text);
    const run = layout.call(this, text);
    if (words.size < MAX_WORDS) {
      const word = record(text, glyphsIn, run);
      if (word !== undefined) words.set(text, word);
      if (word) counts.recorded++;
    }
    return run;
  };
}
