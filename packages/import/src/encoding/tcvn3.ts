/**
 * TCVN3 ("ABC", TCVN 5712:1993 VN3): a single-byte 8-bit font encoding. Bytes below 0x80 are
 * ASCII; the Vietnamese letters sit in 0xA1–0xFE as precomposed lowercase letters (vowel + tone)
 * and the seven uppercase base letters Ă Â Đ Ê Ô Ơ Ư. Uppercase letters WITH a tone have no code
 * of their own: legacy documents typed them with the lowercase code in an uppercase font
 * (.VnTimeH), so they decode to lowercase.
 *
 * Source of the table: TCVN 5712:1993 (VN3), cross-checked against the conversion tables of
 * public converters (e.g. `Unicode2TCVN3.cs` in Eruylz/XuatThuy and duydev/vietnamese-conversion,
 * both listing the same 74 codes); written here from the standard, not copied.
 */

/** [byte, letter] pairs. */
const PAIRS: readonly (readonly [number, string])[] = [
  [0xa1, 'Ă'],
  [0xa2, 'Â'],
  [0xa3, 'Ê'],
  [0xa4, 'Ô'],
  [0xa5, 'Ơ'],
  [0xa6, 'Ư'],
  [0xa7, 'Đ'],
  [0xa8, 'ă'],
  [0xa9, 'â'],
  [0xaa, 'ê'],
  [0xab, 'ô'],
  [0xac, 'ơ'],
  [0xad, 'ư'],
  [0xae, 'đ'],
  [0xb5, 'à'],
  [0xb6, 'ả'],
  [0xb7, 'ã'],
  [0xb8, 'á'],
  [0xb9, 'ạ'],
  [0xbb, 'ằ'],
  [0xbc, 'ẳ'],
  [0xbd, 'ẵ'],
  [0xbe, 'ắ'],
  [0xc6, 'ặ'],
  [0xc7, 'ầ'],
  [0xc8, 'ẩ'],
  [0xc9, 'ẫ'],
  [0xca, 'ấ'],
  [0xcb, 'ậ'],
  [0xcc, 'è'],
  [0xce, 'ẻ'],
  [0xcf, 'ẽ'],
  [0xd0, 'é'],
  [0xd1, 'ẹ'],
  [0xd2, 'ề'],
  [0xd3, 'ể'],
  [0xd4, 'ễ'],
  [0xd5, 'ế'],
  [0xd6, 'ệ'],
  [0xd7, 'ì'],
  [0xd8, 'ỉ'],
  [0xdc, 'ĩ'],
  [0xdd, 'í'],
  [0xde, 'ị'],
  [0xdf, 'ò'],
  [0xe1, 'ỏ'],
  [0xe2, 'õ'],
  [0xe3, 'ó'],
  [0xe4, 'ọ'],
  [0xe5, 'ồ'],
  [0xe6, 'ổ'],
  [0xe7, 'ỗ'],
  [0xe8, 'ố'],
  [0xe9, 'ộ'],
  [0xea, 'ờ'],
  [0xeb, 'ở'],
  [0xec, 'ỡ'],
  [0xed, 'ớ'],
  [0xee, 'ợ'],
  [0xef, 'ù'],
  [0xf1, 'ủ'],
  [0xf2, 'ũ'],
  [0xf3, 'ú'],
  [0xf4, 'ụ'],
  [0xf5, 'ừ'],
  [0xf6, 'ử'],
  [0xf7, 'ữ'],
  [0xf8, 'ứ'],
  [0xf9, 'ự'],
  [0xfa, 'ỳ'],
  [0xfb, 'ỷ'],
  [0xfc, 'ỹ'],
  [0xfd, 'ý'],
  [0xfe, 'ỵ'],
];

/** Byte → character for 0x00–0xFF (unmapped high bytes read as Latin-1). */
const DECODE: readonly string[] = (() => {
  const table: string[] = [];
  for (let b = 0; b < 256; b++) table.push(String.fromCharCode(b));
  for (const [byte, letter] of PAIRS) table[byte] = letter;
  return table;
})();

const ENCODE: ReadonlyMap<string, number> = new Map(PAIRS.map(([byte, letter]) => [letter, byte]));

/**
 * Decodes TCVN3 bytes to a string (NFC: every letter is precomposed).
 *
 * @example
 * ```ts
 * decodeTcvn3(new Uint8Array([0x43, 0x68, 0xee])) // 'Chợ'
 * ```
 */
export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += DECODE[bytes[i] as number];
  return out;
}

/**
 * Encodes text as TCVN3. An uppercase letter with a tone is written with its lowercase code (as
 * legacy files did); a character TCVN3 cannot hold throws a `RangeError`. For fixtures and tests.
 *
 * @example
 * ```ts
 * encodeTcvn3('Chợ') // Uint8Array [0x43, 0x68, 0xee]
 * ```
 */
export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const byte = ENCODE.get(ch) ?? ENCODE.get(ch.toLowerCase());
    if (byte === undefined) throw new RangeError(`TCVN3 has no code for "${ch}"`);
    out.push(byte);
  }
  return Uint8Array.from(out);
}
