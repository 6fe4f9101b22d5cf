/**
 * VNI (VNI-Windows fonts): a single-byte font encoding in which a Vietnamese letter is a base
 * letter followed by a byte carrying its vowel mark and/or tone ("a" + 0xF9 = "á", "a" + 0xE1 =
 * "ấ"); ơ, ư, đ and the toned i / ỵ have bytes of their own. Bytes are read as Latin-1 (the font
 * reuses those positions), the marks turned into Unicode combining marks, and the result
 * NFC-composed by the decoder.
 *
 * Source of the table: the VNI-Windows keyboard/font layout (VNI Software), cross-checked against
 * public converters (duydev/vietnamese-conversion `charsets.ts`, VBKey `mdlCodeTable.bas`); written
 * here from the layout's rules, not copied.
 */

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031B';

const TONES = [GRAVE, ACUTE, HOOK, TILDE, DOT] as const;
type Tone = (typeof TONES)[number];

/** Lowercase modifier byte per [vowel mark][tone]; uppercase is 0x20 lower. */
const MODIFIERS: Record<'' | typeof CIRCUMFLEX | typeof BREVE, Record<Tone | '', number | null>> = {
  '': { '': null, [GRAVE]: 0xf8, [ACUTE]: 0xf9, [HOOK]: 0xfb, [TILDE]: 0xf5, [DOT]: 0xef },
  [CIRCUMFLEX]: { '': 0xe2, [GRAVE]: 0xe0, [ACUTE]: 0xe1, [HOOK]: 0xe5, [TILDE]: 0xe3, [DOT]: 0xe4 },
  [BREVE]: { '': 0xea, [GRAVE]: 0xe8, [ACUTE]: 0xe9, [HOOK]: 0xfa, [TILDE]: 0xfc, [DOT]: 0xeb },
};
/** Lowercase toned i (uppercase 0x20 lower). */
const TONED_I: Record<Tone, number> = { [GRAVE]: 0xec, [ACUTE]: 0xed, [HOOK]: 0xe6, [TILDE]: 0xf3, [DOT]: 0xf2 };

/** Latin-1 character → what it stands for when it follows a base letter (combining marks). */
const MARKS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [vowel, byTone] of Object.entries(MODIFIERS)) {
    for (const [tone, byte] of Object.entries(byTone)) {
      if (byte === null) continue;
      map.set(String.fromCharCode(byte), vowel + tone);
      map.set(String.fromCharCode(byte - 0x20), vowel + tone);
    }
  }
  return map;
})();

/** Latin-1 character → the letter it stands for on its own. */
const STANDALONE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>([
    ['ô', 'ơ'],
    ['Ô', 'Ơ'],
    ['ö', 'ư'],
    ['Ö', 'Ư'],
    ['ñ', 'đ'],
    ['Ñ', 'Đ'],
    ['î', 'ỵ'],
    ['Î', 'Ỵ'],
  ]);
  for (const [tone, byte] of Object.entries(TONED_I)) {
    map.set(String.fromCharCode(byte), ('i' + tone).normalize('NFC'));
    map.set(String.fromCharCode(byte - 0x20), ('I' + tone).normalize('NFC'));
  }
  return map;
})();

const BASES = new Set('aAeEiIoOuUyYơƠưƯ');

/**
 * Decodes VNI bytes to a string with combining marks (not yet NFC: the streaming decoder composes
 * once a whole letter is in).
 *
 * @example
 * ```ts
 * decodeVni(new Uint8Array([0x43, 0x68, 0xf4, 0xef])).normalize('NFC') // 'Chợ'
 * ```
 */
export function decodeVni(bytes: Uint8Array, previous = ''): string {
  let out = '';
  let last = previous;
  for (let i = 0; i < bytes.length; i++) {
    const ch = String.fromCharCode(bytes[i] as number);
    const alone = STANDALONE.get(ch);
    if (alone !== undefined) {
      out += alone;
      last = alone;
      continue;
    }
    const marks = MARKS.get(ch);
    if (marks !== undefined && BASES.has(last)) {
      out += marks;
      last = ''; // a letter takes one modifier byte
      continue;
    }
    out += ch;
    last = ch;
  }
  return out;
}

/**
 * Encodes text as VNI bytes; a character VNI cannot hold throws a `RangeError`. For fixtures
 * and tests.
 *
 * @example
 * ```ts
 * encodeVni('Chợ') // Uint8Array [0x43, 0x68, 0xf4, 0xef]
 * ```
 */
export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    if (ch === 'đ' || ch === 'Đ') {
      out.push(ch === 'đ' ? 0xf1 : 0xd1);
      continue;
    }
    const [base = '', ...marks] = ch.normalize('NFD');
    const upper = base !== base.toLowerCase();
    const shift = upper ? 0x20 : 0;
    const tone = (marks.find((m) => (TONES as readonly string[]).includes(m)) ?? '') as Tone | '';
    const vowel = marks.find((m) => m === CIRCUMFLEX || m === BREVE) ?? '';
    const horn = marks.includes(HORN);
    const known = marks.every((m) => m === tone || m === vowel || (m === HORN && horn));
    if (!known || !'aeiouy'.includes(base.toLowerCase())) throw new RangeError(`VNI has no code for "${ch}"`);
    if (base.toLowerCase() === 'i' && tone !== '') {
      out.push(TONED_I[tone] - shift);
      continue;
    }
    if (base.toLowerCase() === 'y' && tone === DOT) {
      out.push(0xee - shift);
      continue;
    }
    if (horn) out.push((base.toLowerCase() === 'o' ? 0xf4 : 0xf6) - shift);
    else out.push(base.charCodeAt(0));
    const modifier = MODIFIERS[vowel][tone];
    if (modifier !== null) out.push(modifier - shift);
  }
  return Uint8Array.from(out);
}
